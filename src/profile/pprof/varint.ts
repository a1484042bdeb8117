/**
 * Varint helpers on top of protobufjs's Reader that return plain numbers (int64 as a double,
 * exact below 2^53) or BigInt, so the result never depends on whether `long` is installed.
 */
import protobuf from 'protobufjs/minimal.js';

export type Reader = protobuf.Reader;
export const createReader = (buf: Uint8Array): Reader => protobuf.Reader.create(buf);

export class WireError extends Error {}

function outOfRange(): never {
  throw new WireError('unexpected end of data');
}

/**
 * A varint of up to four bytes read straight from `buf` at `pos`, for hot loops: returns
 * (value << 3) | its byte count, or -1 when it is longer or its value is 2^27 or more
 * (the caller then reads it the general way, which also reports a varint cut off by the
 * end of the data: bytes past the end read as undefined and give -1 here).
 */
export function shortVarint(buf: Uint8Array, pos: number): number {
  let b = buf[pos];
  if (b < 128) return (b << 3) | 1;
  let v = b & 127;
  b = buf[pos + 1];
  if (b < 128) return ((v | (b << 7)) << 3) | 2;
  v |= (b & 127) << 7;
  b = buf[pos + 2];
  if (b < 128) return ((v | (b << 14)) << 3) | 3;
  v |= (b & 127) << 14;
  b = buf[pos + 3];
  if (b < 64) return ((v | (b << 21)) << 3) | 4;
  return -1;
}

/** Reads a varint as a signed 64-bit integer, returned as a double. */
export function readInt64(r: Reader): number {
  const buf = r.buf;
  const len = r.len;
  let pos = r.pos;
  // most varints in a profile's tables are short
  const x = shortVarint(buf, pos);
  if (x >= 0 && pos + (x & 7) <= len) {
    r.pos = pos + (x & 7);
    return x >>> 3;
  }
  let lo = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= len) outOfRange();
    b = buf[pos++];
    lo |= (b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return lo >>> 0;
    }
  }
  if (pos >= len) outOfRange();
  b = buf[pos++];
  lo |= (b & 15) << 28;
  let hi = (b & 127) >> 4;
  if (b < 128) {
    r.pos = pos;
    return hi * 4294967296 + (lo >>> 0);
  }
  for (let shift = 3; shift < 32; shift += 7) {
    if (pos >= len) outOfRange();
    b = buf[pos++];
    hi |= (b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return (hi | 0) * 4294967296 + (lo >>> 0);
    }
  }
  throw new WireError('varint longer than 10 bytes');
}

/** Reads a varint as an unsigned 64-bit BigInt (for addresses). */
export function readUint64Big(r: Reader): bigint {
  const buf = r.buf;
  let pos = r.pos;
  let v = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos >= r.len) outOfRange();
    const b = buf[pos++];
    v |= BigInt(b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return BigInt.asUintN(64, v);
    }
    shift += 7n;
  }
  throw new WireError('varint longer than 10 bytes');
}

/** Reads a uint32 varint (a tag, a length) as protobufjs's uint32 does, short ones inline. */
export function readUint32(r: Reader): number {
  const x = shortVarint(r.buf, r.pos);
  if (x >= 0 && r.pos + (x & 7) <= r.len) {
    r.pos += x & 7;
    return x >>> 3;
  }
  return r.uint32();
}

/** Reads the length prefix of a length-delimited field and returns the end offset. */
export function readEnd(r: Reader): number {
  const n = readUint32(r);
  const end = r.pos + n;
  if (end > r.len) outOfRange();
  return end;
}

/** Reads one or many (packed) int64 values of a repeated scalar field into `out`. */
export function readRepeatedInt64(r: Reader, wire: number, out: number[]): void {
  if (wire === 2) {
    const end = readEnd(r);
    while (r.pos < end) out.push(readInt64(r));
    if (r.pos !== end) throw new WireError('packed field overruns its length');
  } else if (wire === 0) {
    out.push(readInt64(r));
  } else {
    throw new WireError(`wire type ${wire} where a varint was expected`);
  }
}
