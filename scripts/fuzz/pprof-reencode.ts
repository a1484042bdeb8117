/**
 * Valid re-encodings of a pprof profile's samples, for fuzzing the readers' fast paths:
 * varints padded to more bytes, packed fields split in two or written unpacked, values
 * before location ids, unknown fields added. Protobuf readers must read every one of these
 * as the original, so any difference in the totals is a bug. Writers never produce most of
 * these, which is why byte mutations of real files rarely reach them.
 */
import fc from 'fast-check';
import { Rng } from '../../src/stats/random.js';
import { varint } from './pprof-bytes.js';

function readVarintBig(b: Uint8Array, pos: number): [bigint, number] {
  let v = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= b.length) throw new Error('truncated varint');
    const x = b[pos++];
    v |= BigInt(x & 127) << shift;
    if (x < 128) return [v, pos];
    shift += 7n;
  }
}

interface Field {
  num: number;
  wire: number;
  /** the varint value (wire 0) */
  value: bigint;
  /** the payload (wire 2) */
  body: Uint8Array;
  /** the whole field as it was */
  raw: Uint8Array;
}

/** The fields of a message; throws on anything it cannot walk (wire types 1, 3-5). */
function fields(b: Uint8Array): Field[] {
  const out: Field[] = [];
  let pos = 0;
  while (pos < b.length) {
    const start = pos;
    const [tag, p] = readVarintBig(b, pos);
    pos = p;
    const num = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (wire === 0) {
      const [value, q] = readVarintBig(b, pos);
      pos = q;
      out.push({ num, wire, value, body: new Uint8Array(0), raw: b.subarray(start, pos) });
    } else if (wire === 2) {
      const [len, q] = readVarintBig(b, pos);
      const end = q + Number(len);
      if (end > b.length) throw new Error('truncated field');
      out.push({ num, wire, value: 0n, body: b.subarray(q, end), raw: b.subarray(start, end) });
      pos = end;
    } else {
      throw new Error(`wire type ${wire}`);
    }
  }
  return out;
}

/** All varints of a packed payload. */
function packedValues(body: Uint8Array): bigint[] {
  const out: bigint[] = [];
  for (let pos = 0; pos < body.length;) {
    const [v, p] = readVarintBig(body, pos);
    out.push(v);
    pos = p;
  }
  return out;
}

/** Writes repeated varint field `num` the way `rng` picks: packed, split or unpacked. */
function repeated(num: number, values: bigint[], rng: Rng): number[] {
  const pad = () => (rng.int(4) === 0 ? 1 + rng.int(10) : 0);
  const packed = (vs: bigint[]) => {
    const body = vs.flatMap((v) => varint(v, pad()));
    return [(num << 3) | 2, ...varint(body.length, rng.int(6) === 0 ? 2 : 0), ...body];
  };
  const mode = rng.int(4);
  if (mode === 0 && values.length > 0) {
    return values.flatMap((v) => [(num << 3) | 0, ...varint(v, pad())]);
  }
  if (mode === 1 && values.length > 1) {
    const cut = 1 + rng.int(values.length - 1);
    return [...packed(values.slice(0, cut)), ...packed(values.slice(cut))];
  }
  return packed(values);
}

/** Re-encodes one Sample message. */
function reencodeSample(body: Uint8Array, rng: Rng): number[] {
  const fs = fields(body);
  const ids: bigint[] = [];
  const values: bigint[] = [];
  const rest: number[][] = [];
  for (const f of fs) {
    if ((f.num === 1 || f.num === 2) && (f.wire === 0 || f.wire === 2)) {
      const list = f.num === 1 ? ids : values;
      if (f.wire === 0) list.push(f.value);
      else list.push(...packedValues(f.body));
    } else {
      rest.push([...f.raw]);
    }
  }
  const idPart = repeated(1, ids, rng);
  const valuePart = repeated(2, values, rng);
  const out = rng.int(2) === 0 ? [...idPart, ...valuePart] : [...valuePart, ...idPart];
  for (const r of rest) out.push(...r);
  if (rng.int(5) === 0) out.push((9 << 3) | 0, ...varint(rng.int(1000)));
  if (rng.int(5) === 0) out.push((10 << 3) | 2, 3, 1, 2, 3);
  return out;
}

/** The profile with every sample re-encoded; other fields as they were. */
export function reencodePprof(profile: Uint8Array, seed: number): Uint8Array {
  const rng = new Rng(seed);
  const out: number[] = [];
  for (const f of fields(profile)) {
    if (f.num === 2 && f.wire === 2) {
      const body = reencodeSample(f.body, rng);
      out.push(0x12, ...varint(body.length), ...body);
    } else {
      for (const x of f.raw) out.push(x);
    }
  }
  return new Uint8Array(out);
}

/** Whether reencodePprof can walk `bytes` (a pprof with varint and length fields only). */
export function canReencode(bytes: Uint8Array): boolean {
  try {
    fields(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Arbitrary: a profile from `profiles` and a valid re-encoding of it. */
export function reencodedPprof(
  profiles: Uint8Array[],
): fc.Arbitrary<{ original: Uint8Array; bytes: Uint8Array }> {
  return fc
    .record({ i: fc.nat({ max: Math.max(0, profiles.length - 1) }), seed: fc.nat() })
    .map(({ i, seed }) => ({ original: profiles[i], bytes: reencodePprof(profiles[i], seed) }));
}
