/**
 * Hand-made pprof bytes for reader tests, with control over the encoding itself (padded
 * varints, unpacked fields, unknown fields), which protobuf writers never produce.
 */

/**
 * A varint (negative numbers as 64-bit two's complement); `width` pads it to that many
 * bytes (valid protobuf up to 10, not minimal).
 */
export function varint(n: number | bigint, width = 0): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(64, BigInt(n));
  do {
    out.push(Number(x & 127n));
    x >>= 7n;
  } while (x > 0n);
  while (out.length < width) out.push(0);
  for (let i = 0; i < out.length - 1; i++) out[i] |= 128;
  return out;
}

/** A varint field. */
export const vfield = (num: number, value: number, width = 0): number[] => [
  (num << 3) | 0,
  ...varint(value, width),
];

/** A length-delimited field. */
export const lfield = (num: number, body: number[]): number[] => [
  (num << 3) | 2,
  ...varint(body.length),
  ...body,
];

/** A string field (UTF-8). */
export const sfield = (num: number, s: string): number[] =>
  lfield(num, [...new TextEncoder().encode(s)]);

/** Packed repeated varints as field `num`. */
export const packed = (num: number, values: number[]): number[] =>
  lfield(
    num,
    values.flatMap((v) => varint(v)),
  );

/** Sample fields. */
export const locs = (ids: number[]): number[] => packed(1, ids);
export const vals = (values: number[]): number[] => packed(2, values);

export interface PprofSpec {
  /** [type, unit] per sample type */
  types: [string, string][];
  /** the body of every Sample message (use locs, vals, lfield ...) */
  samples: number[][];
  /** location id -> function ids of its lines, leaf first */
  locations: [number, number[]][];
  /** function id -> name */
  functions: [number, string][];
  /** extra strings (e.g. label keys), appended to the table */
  strings?: string[];
  /** Location message bodies written as given, after `locations` */
  rawLocations?: number[][];
}

/** Encodes a profile; returns the bytes and the string index of each string. */
export function pprofBytes(spec: PprofSpec): { bytes: Uint8Array; str: (s: string) => number } {
  const strings: string[] = [''];
  const str = (s: string): number => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  for (const [t, u] of spec.types) {
    str(t);
    str(u);
  }
  for (const [, name] of spec.functions) str(name);
  for (const s of spec.strings ?? []) str(s);
  const out: number[] = [];
  for (const [t, u] of spec.types)
    out.push(...lfield(1, [...vfield(1, str(t)), ...vfield(2, str(u))]));
  for (const body of spec.samples) out.push(...lfield(2, body));
  for (const [id, lines] of spec.locations) {
    out.push(...lfield(4, [...vfield(1, id), ...lines.flatMap((f) => lfield(4, vfield(1, f)))]));
  }
  for (const body of spec.rawLocations ?? []) out.push(...lfield(4, body));
  for (const [id, name] of spec.functions) {
    out.push(...lfield(5, [...vfield(1, id), ...vfield(2, str(name))]));
  }
  for (const s of strings) out.push(...sfield(6, s));
  return { bytes: new Uint8Array(out), str };
}
