/**
 * The small messages of a pprof profile (ValueType, Mapping, Location, Function, Label) read
 * from the wire format with protobufjs's Reader, and the id lookups between them.
 */
import { ProfileError } from '../errors.js';
import {
  readEnd,
  readInt64,
  readUint32,
  readUint64Big,
  shortVarint,
  WireError,
  type Reader,
} from './varint.js';

export interface RawFunction {
  id: number;
  name: number;
  systemName: number;
  filename: number;
}
export interface RawMapping {
  id: number;
  start: bigint;
  offset: bigint;
  filename: number;
}
/** The Location messages, column-wise (no object per location). */
export interface LocationTable {
  id: number[];
  mappingId: number[];
  /** Byte offset of the address varint (0 = no address); decoded only when a name needs it. */
  addressAt: number[];
  /** where each location's lines start in lineFn (one more entry at the end) */
  lineStart: number[];
  /** the function id of every line, leaf first within a location */
  lineFn: number[];
}

/** The string table: string i; `what` names the reference in the error for one out of range. */
export type StringLookup = (i: number, what: string) => string;

/** Lookup from a table's (possibly sparse) ids to array positions. */
export class IdTable {
  private map: Map<number, number> | undefined;
  private dense: Int32Array | undefined;

  /** Builds the lookup for `ids` (position i has id ids[i]); throws on id 0 or a duplicate. */
  constructor(ids: number[], what: string, file: string) {
    let max = 0;
    for (const id of ids) if (id > max) max = id;
    const fail = (i: number) => {
      throw new ProfileError(
        'protobuf',
        file,
        ids[i] === 0 ? `${what} ${i} has id 0 (reserved)` : `duplicate ${what} id ${ids[i]}`,
      );
    };
    if (max <= Math.max(1 << 16, ids.length * 4)) {
      // the usual case (ids 1..n): a dense array, no hashing
      const dense = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (id === 0 || dense[id] !== -1) fail(i);
        dense[id] = i;
      }
      this.dense = dense;
    } else {
      const map = new Map<number, number>();
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === 0 || map.has(ids[i])) fail(i);
        map.set(ids[i], i);
      }
      this.map = map;
    }
  }

  get(id: number): number {
    if (this.dense) return id < this.dense.length ? this.dense[id] : -1;
    return this.map!.get(id) ?? -1;
  }

  /** The dense lookup (empty when ids are sparse: callers then fall back to get()). */
  denseTable(): Int32Array {
    return this.dense ?? new Int32Array(0);
  }
}

function basename(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

export function expectWire(wire: number, want: number): void {
  if (wire !== want) throw new WireError(`wire type ${wire} where ${want} was expected`);
}

function addressOf(addressAt: number, r: Reader): bigint {
  if (addressAt === 0) return 0n;
  const saved = r.pos;
  r.pos = addressAt;
  const a = readUint64Big(r);
  r.pos = saved;
  return a;
}

export function unsymbolizedName(
  addressAt: number,
  mapping: RawMapping | undefined,
  str: StringLookup,
  r: Reader,
): string {
  const file = mapping ? basename(str(mapping.filename, `mapping ${mapping.id} filename`)) : '';
  const module = file ? `[${file}]` : '<unknown>';
  const address = addressOf(addressAt, r);
  if (address === 0n) return module;
  const addr = mapping && file ? address - mapping.start + mapping.offset : address;
  return `${module}+0x${BigInt.asUintN(64, addr).toString(16)}`;
}

export function readValueType(r: Reader): [number, number] {
  const end = readEnd(r);
  let type = 0;
  let unit = 0;
  while (r.pos < end) {
    const tag = readUint32(r);
    const f = tag >>> 3;
    if (f === 1) type = readInt64(r);
    else if (f === 2) unit = readInt64(r);
    else r.skipType(tag & 7);
  }
  return [type, unit];
}

export function readMapping(r: Reader): RawMapping {
  const end = readEnd(r);
  const m: RawMapping = { id: 0, start: 0n, offset: 0n, filename: 0 };
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        m.id = readInt64(r);
        break;
      case 2:
        m.start = readUint64Big(r);
        break;
      case 4:
        m.offset = readUint64Big(r);
        break;
      case 5:
        m.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return m;
}

/** Reads one Location message onto the end of `t`. */
export function readLocation(r: Reader, t: LocationTable): void {
  const end = readEnd(r);
  t.lineStart.push(t.lineFn.length);
  if (readLocationInline(r.buf, r.pos, end, t)) r.pos = end;
  else readLocationFields(r, end, t);
}

/**
 * The usual Location, read straight from the bytes (one-byte tags, short varints): ids,
 * address (skipped, its position kept), lines, is_folded. Returns false, having added
 * nothing, for anything else, which readLocationFields then reads.
 */
function readLocationInline(buf: Uint8Array, at: number, end: number, t: LocationTable): boolean {
  const lines0 = t.lineFn.length;
  let pos = at;
  let id = 0;
  let mappingId = 0;
  let addressAt = 0;
  inline: {
    while (pos < end) {
      const tag = buf[pos++];
      if (tag === 0x22) {
        // Line { function_id = 1, line = 2, column = 3 }
        const len = buf[pos++];
        if (len >= 128) break inline;
        const e = pos + len;
        if (e > end) break inline;
        let fid = 0;
        while (pos < e) {
          const lt = buf[pos++];
          if (lt !== 0x08 && lt !== 0x10 && lt !== 0x18) break inline;
          const x = shortVarint(buf, pos);
          if (x < 0) break inline;
          pos += x & 7;
          if (lt === 0x08) fid = x >>> 3;
        }
        if (pos !== e) break inline;
        t.lineFn.push(fid);
      } else if (tag === 0x08 || tag === 0x10) {
        const x = shortVarint(buf, pos);
        if (x < 0) break inline;
        pos += x & 7;
        if (tag === 0x08) id = x >>> 3;
        else mappingId = x >>> 3;
      } else if (tag === 0x18 || tag === 0x28) {
        // address (decoded later, only if a name needs it) or is_folded
        if (tag === 0x18) addressAt = pos;
        const v0 = pos;
        while (pos < end && buf[pos] >= 128) pos++;
        pos++;
        if (pos - v0 > 10) break inline;
      } else break inline;
    }
    if (pos !== end) break inline;
    t.id.push(id);
    t.mappingId.push(mappingId);
    t.addressAt.push(addressAt);
    return true;
  }
  t.lineFn.length = lines0;
  return false;
}

/** Reads a Location's fields with the Reader (any valid encoding). */
function readLocationFields(r: Reader, end: number, t: LocationTable): void {
  let id = 0;
  let mappingId = 0;
  let addressAt = 0;
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        id = readInt64(r);
        break;
      case 2:
        mappingId = readInt64(r);
        break;
      case 3:
        addressAt = r.pos;
        r.skip();
        break;
      case 4: {
        expectWire(tag & 7, 2);
        const e = readEnd(r);
        let fid = 0;
        while (r.pos < e) {
          const t = readUint32(r);
          if (t >>> 3 === 1) fid = readInt64(r);
          else r.skipType(t & 7);
        }
        t.lineFn.push(fid);
        break;
      }
      default:
        r.skipType(tag & 7);
    }
  }
  t.id.push(id);
  t.mappingId.push(mappingId);
  t.addressAt.push(addressAt);
}

export function readFunction(r: Reader): RawFunction {
  const end = readEnd(r);
  const f: RawFunction = { id: 0, name: 0, systemName: 0, filename: 0 };
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        f.id = readInt64(r);
        break;
      case 2:
        f.name = readInt64(r);
        break;
      case 3:
        f.systemName = readInt64(r);
        break;
      case 4:
        f.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return f;
}

/**
 * Reads one Label as four numbers pushed onto `out`: key index, str index, num, and
 * (num_unit index + 1, or 1 for a numeric label without unit, or 0 for no num at all).
 */
export function readLabelKey(r: Reader, out: number[]): void {
  const end = readEnd(r);
  let key = 0;
  let s = 0;
  let num = 0;
  let hasNum = false;
  let unit = 0;
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        key = readInt64(r);
        break;
      case 2:
        s = readInt64(r);
        break;
      case 3:
        num = readInt64(r);
        hasNum = true;
        break;
      case 4:
        unit = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  out.push(key, s, num, hasNum ? unit + 1 : 0);
}
