/**
 * The bytes of a JFR recording: chunk headers and the integer encodings.
 *
 * A recording is one or more chunks laid end to end. Each chunk starts with a 68-byte header
 * (all big endian):
 *
 *   0  magic "FLR\0"          32 start nanos (epoch)
 *   4  major, minor (u16)     40 duration nanos
 *   8  chunk size             48 start ticks
 *  16  constant pool offset   56 ticks per second
 *  24  metadata offset        64 features (bit 0: integers are compressed)
 *
 * Offsets are relative to the chunk's start. With compressed integers (every JDK since 11),
 * short/char/int/long values are unsigned LEB128 varints of up to 9 bytes, the ninth byte
 * carrying 8 bits; without, they are fixed-width big endian.
 */
import { Buffer } from 'node:buffer';

export const JFR_HEADER_SIZE = 68;

/** A malformed recording; read.ts turns it into a ProfileError that names the file. */
export class JfrError extends Error {
  override readonly name = 'JfrError';
}

export function isJfr(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x46 && b[1] === 0x4c && b[2] === 0x52 && b[3] === 0x00;
}

export interface ChunkHeader {
  /** Absolute offset of the chunk in the file, and of its end. */
  start: number;
  end: number;
  major: number;
  minor: number;
  /** Absolute offsets of the last checkpoint event and of the metadata event. */
  constantPool: number;
  metadata: number;
  startNanos: number;
  durationNanos: number;
  ticksPerSecond: number;
  compressed: boolean;
}

/** An unsigned 64-bit header field; exact below 2^53 (sizes and offsets beyond fail checks). */
function u64(dv: DataView, at: number): number {
  return dv.getUint32(at) * 0x100000000 + dv.getUint32(at + 4);
}

/** Reads and checks the header of the chunk at `start` (`index` counts chunks from 1). */
export function readChunkHeader(bytes: Uint8Array, start: number, index: number): ChunkHeader {
  const where = `chunk ${index} (at byte ${start})`;
  const left = bytes.length - start;
  if (left < JFR_HEADER_SIZE) {
    throw new JfrError(
      `${where}: the file ends ${left} bytes into a ${JFR_HEADER_SIZE}-byte chunk header (truncated?)`,
    );
  }
  if (!isJfr(bytes.subarray(start, start + 4))) {
    throw new JfrError(`${where}: no chunk magic "FLR\\0" where a chunk should start`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset + start, JFR_HEADER_SIZE);
  const major = dv.getUint16(4);
  const minor = dv.getUint16(6);
  if (major !== 2) {
    throw new JfrError(
      `${where}: JFR format version ${major}.${minor} is not supported (JDK 11 and later write 2.x; JDK 8's Flight Recorder wrote 0.9 and 1.0: convert those with JDK Mission Control)`,
    );
  }
  const size = u64(dv, 8);
  const cp = u64(dv, 16);
  const meta = u64(dv, 24);
  if (size === 0) {
    throw new JfrError(
      `${where}: the chunk size is 0: the recording was still being written (dump it with jcmd PID JFR.dump)`,
    );
  }
  if (size < JFR_HEADER_SIZE) {
    throw new JfrError(`${where}: chunk size ${size} is smaller than its header`);
  }
  if (size > left) {
    throw new JfrError(
      `${where}: the chunk says it is ${size} bytes but only ${left} are left in the file (truncated?)`,
    );
  }
  for (const [what, off] of [
    ['constant pool', cp],
    ['metadata', meta],
  ] as const) {
    if (off < JFR_HEADER_SIZE || off >= size) {
      throw new JfrError(`${where}: ${what} offset ${off} is outside the chunk (size ${size})`);
    }
  }
  const ticksPerSecond = u64(dv, 56);
  if (ticksPerSecond <= 0 || ticksPerSecond > 1e15) {
    throw new JfrError(`${where}: ticks per second is ${ticksPerSecond}`);
  }
  const startNanos = u64(dv, 32);
  const durationNanos = u64(dv, 40);
  const features = dv.getUint32(64);
  return {
    start,
    end: start + size,
    major,
    minor,
    constantPool: start + cp,
    metadata: start + meta,
    startNanos,
    durationNanos,
    ticksPerSecond,
    compressed: (features & 1) !== 0,
  };
}

const TWO_53 = 2 ** 53;

/** Char codes (Latin-1 bytes or UTF-16 units) as a string, in slices that apply() takes. */
function fromCodes(codes: Uint8Array | number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes as number[]);
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) {
    s += String.fromCharCode.apply(null, codes.slice(i, i + 8192) as number[]);
  }
  return s;
}

/**
 * A cursor over one chunk's bytes. Reads never go past `end`: a value that would is an error,
 * so a length field can never make the reader allocate or loop beyond the bytes it has.
 */
export class Input {
  pos = 0;
  /** Constant-pool keys of 2^53 and above (exact 64-bit values), numbered -1, -2, ... */
  private readonly bigKeys: Map<bigint, number>;

  /** The same bytes as a Buffer, for its native string decoding. */
  private readonly buf: Buffer;

  constructor(
    readonly b: Uint8Array,
    public end: number,
    readonly compressed: boolean,
    bigKeys?: Map<bigint, number>,
  ) {
    this.bigKeys = bigKeys ?? new Map();
    this.buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }

  eof(what: string): never {
    throw new JfrError(
      `${what} at byte ${this.pos} runs past byte ${this.end}, where its event ends`,
    );
  }

  left(): number {
    return this.end - this.pos;
  }

  u8(): number {
    if (this.pos >= this.end) this.eof('a byte');
    return this.b[this.pos++];
  }

  skip(n: number): void {
    if (n > this.end - this.pos) this.eof(`a ${n}-byte value`);
    this.pos += n;
  }

  /** An unsigned varint (or a fixed-width big-endian value) as a double; exact below 2^53. */
  long(): number {
    if (!this.compressed) return this.fixed(8);
    const b = this.b;
    let p = this.pos;
    const end = this.end;
    if (p < end) {
      const x = b[p];
      if (x < 0x80) {
        this.pos = p + 1;
        return x;
      }
    }
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      if (p >= end) this.eof('a compressed integer');
      const x = b[p++];
      if (x < 0x80) {
        this.pos = p;
        return v + x * mul;
      }
      v += (x & 0x7f) * mul;
      mul *= 128;
    }
    if (p >= end) this.eof('a compressed integer');
    const x = b[p++];
    this.pos = p;
    return v + x * mul;
  }

  /** A count or length: an int that must fit in the bytes left (each item takes >= 1 byte). */
  count(what: string): number {
    const n = this.int();
    if (n < 0 || n > this.end - this.pos) {
      throw new JfrError(
        `${what}: count ${n} at byte ${this.pos} is more than the ${this.end - this.pos} bytes left`,
      );
    }
    return n;
  }

  /** A Java int: the low 32 bits, signed (as the JDK's reader casts a long to int). */
  int(): number {
    if (!this.compressed) return this.fixed(4);
    const v = this.long();
    if (v < 0x80000000) return v;
    const low = v % 0x100000000;
    return low >= 0x80000000 ? low - 0x100000000 : low;
  }

  /** Skips one varint (or fixed-width value of `width` bytes when uncompressed). */
  skipInt(width: number): void {
    if (!this.compressed) {
      this.skip(width);
      return;
    }
    const b = this.b;
    const end = this.end;
    let p = this.pos;
    for (let i = 0; i < 9; i++) {
      if (p >= end) this.eof('a compressed integer');
      if (b[p++] < 0x80) break;
    }
    this.pos = p;
  }

  /**
   * A constant-pool key, exact: keys below 2^53 are themselves; larger ones (and negative Java
   * longs) map to stable negative numbers, so that they can key a Map without losing bits.
   */
  key(): number {
    let big: bigint;
    if (!this.compressed) {
      if (this.end - this.pos < 8) this.eof('a constant-pool key');
      const dv = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8);
      const hi = dv.getUint32(0);
      const lo = dv.getUint32(4);
      this.pos += 8;
      if (hi < 0x200000) return hi * 0x100000000 + lo;
      big = (BigInt(hi) << 32n) | BigInt(lo);
    } else {
      const start = this.pos;
      const v = this.long();
      if (v < TWO_53) return v;
      big = this.varintBig(start);
      if (big < BigInt(TWO_53)) return Number(big);
    }
    let id = this.bigKeys.get(big);
    if (id === undefined) {
      id = -(this.bigKeys.size + 1);
      this.bigKeys.set(big, id);
    }
    return id;
  }

  /** A signed Java long (checkpoint deltas are negative), exact while within ±2^53. */
  slong(): number {
    if (!this.compressed) {
      if (this.end - this.pos < 8) this.eof('a long');
      const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getBigInt64(0);
      this.pos += 8;
      return Number(v);
    }
    const start = this.pos;
    const v = this.long();
    if (v < TWO_53) return v;
    return Number(BigInt.asIntN(64, this.varintBig(start)));
  }

  /** The exact unsigned 64-bit value of the varint that starts at `start` and ends at pos. */
  private varintBig(start: number): bigint {
    let big = 0n;
    let shift = 0n;
    for (let p = start; p < this.pos; p++) {
      const x = BigInt(this.b[p]);
      big |= (p - start < 8 ? x & 0x7fn : x) << shift;
      shift += 7n;
    }
    return BigInt.asUintN(64, big);
  }

  /** The interned table of big keys (shared by the inputs over one file). */
  get keys(): Map<bigint, number> {
    return this.bigKeys;
  }

  /** A fixed-width big-endian signed integer of `n` bytes (uncompressed recordings). */
  fixed(n: number): number {
    if (n > this.end - this.pos) this.eof(`a ${n}-byte integer`);
    const b = this.b;
    let p = this.pos;
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + b[p++];
    this.pos = p;
    const half = 2 ** (8 * n - 1);
    return v >= half ? v - 2 * half : v;
  }

  /**
   * A string: an encoding byte, then 0 null, 1 "", 2 a key into the java.lang.String pool
   * (resolved by `pool`), 3 UTF-8 bytes, 4 UTF-16 chars (each a varint), 5 Latin-1 bytes.
   */
  string(pool?: (key: number) => string | null): string | null {
    const enc = this.u8();
    switch (enc) {
      case 0:
        return null;
      case 1:
        return '';
      case 2: {
        const key = this.key();
        if (!pool)
          throw new JfrError(
            `a string at byte ${this.pos} refers to the constant pool where it cannot`,
          );
        return pool(key);
      }
      case 3: {
        const n = this.count('a UTF-8 string');
        const s = this.buf.toString('utf8', this.pos, this.pos + n);
        this.pos += n;
        return s;
      }
      case 4: {
        const n = this.count('a char-array string');
        const codes = new Array<number>(n);
        for (let i = 0; i < n; i++)
          codes[i] = this.compressed ? this.long() & 0xffff : this.fixed(2) & 0xffff;
        return fromCodes(codes);
      }
      case 5: {
        const n = this.count('a Latin-1 string');
        const s = this.buf.toString('latin1', this.pos, this.pos + n);
        this.pos += n;
        return s;
      }
      default:
        throw new JfrError(`unknown string encoding ${enc} at byte ${this.pos - 1}`);
    }
  }

  /** Skips a string without decoding it. */
  skipString(): void {
    const enc = this.u8();
    switch (enc) {
      case 0:
      case 1:
        return;
      case 2:
        this.skipInt(8);
        return;
      case 3:
      case 5:
        this.skip(this.count('a string'));
        return;
      case 4: {
        const n = this.count('a char-array string');
        for (let i = 0; i < n; i++) this.skipInt(2);
        return;
      }
      default:
        throw new JfrError(`unknown string encoding ${enc} at byte ${this.pos - 1}`);
    }
  }

  f32(): number {
    if (this.end - this.pos < 4) this.eof('a float');
    const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 4).getFloat32(0);
    this.pos += 4;
    return v;
  }

  f64(): number {
    if (this.end - this.pos < 8) this.eof('a double');
    const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getFloat64(0);
    this.pos += 8;
    return v;
  }
}
