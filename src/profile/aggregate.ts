/**
 * Per-function self and cumulative values of one profile for one sample type.
 * Self goes to the leaf; cum counts a function once per sample even under recursion.
 */
import { ProfileError } from './errors.js';
import type { Profile, ValueType } from './model.js';
import { makeNormalizer, type Normalizer } from './normalize.js';

export interface FunctionTotals {
  type: ValueType;
  /** Normalized function names; index = position in self/cum. */
  names: string[];
  self: Float64Array;
  cum: Float64Array;
  total: number;
  /** For each name that normalization changed: the raw names merged into it. */
  rawNames: Map<string, string[]>;
  samples: number;
}

const ALIASES: Record<string, string[]> = {
  inuse_space: ['space'],
  inuse_objects: ['objects'],
  space: ['inuse_space'],
  objects: ['inuse_objects'],
  samples: ['sample'],
  sample: ['samples'],
  cpu: ['process_cpu'],
};

/** Index of the sample type called `name` (with pprof's aliases), or the profile's default. */
export function selectSampleType(
  p: Pick<Profile, 'sampleTypes' | 'defaultSampleType'>,
  name: string | undefined,
  file: string,
): number {
  if (!name) return p.defaultSampleType;
  const want = [name, ...(ALIASES[name] ?? [])];
  for (const w of want) {
    const i = p.sampleTypes.findIndex((t) => t.type === w);
    if (i >= 0) return i;
  }
  throw new ProfileError(
    'sample-type',
    file,
    `has no sample type "${name}"; it has: ${p.sampleTypes.map((t) => `${t.type} (${t.unit})`).join(', ')}`,
  );
}

/**
 * Maps raw function names to normalized ids: `map[raw id]` = index into `names`; rawNames
 * lists, for each normalized name that differs from a raw one, the raw names merged into it.
 */
export function normalizedIds(
  functions: string[],
  normalize: Normalizer,
): { map: Uint32Array; names: string[]; rawNames: Map<string, string[]> } {
  const names: string[] = [];
  const index = new Map<string, number>();
  const rawNames = new Map<string, string[]>();
  // which raw names each list already holds: a set, so that 100,000 addresses collapsing to
  // one module name cost 100,000 steps, not 100,000^2 / 2
  const listed = new Map<string, Set<string>>();
  const map = new Uint32Array(functions.length);
  functions.forEach((raw, i) => {
    const n = normalize(raw);
    let id = index.get(n);
    if (id === undefined) {
      id = names.length;
      names.push(n);
      index.set(n, id);
    }
    map[i] = id;
    if (n !== raw) addRawName(rawNames, listed, n, raw);
  });
  return { map, names, rawNames };
}

/** Adds `raw` to the raw names of `name` unless it is there (`listed` mirrors the lists as sets). */
function addRawName(
  rawNames: Map<string, string[]>,
  listed: Map<string, Set<string>>,
  name: string,
  raw: string,
): void {
  let seen = listed.get(name);
  if (!seen) {
    seen = new Set(rawNames.get(name));
    listed.set(name, seen);
  }
  if (seen.has(raw)) return;
  seen.add(raw);
  const list = rawNames.get(name);
  if (list) list.push(raw);
  else rawNames.set(name, [raw]);
}

export function aggregate(
  p: Profile,
  typeIndex: number,
  normalize: Normalizer = makeNormalizer('on'),
): FunctionTotals {
  const { map, names, rawNames } = normalizedIds(p.functions, normalize);
  const self = new Float64Array(names.length);
  const cum = new Float64Array(names.length);
  const stamp = new Int32Array(names.length).fill(-1);
  const vals = p.values[typeIndex];
  const off = p.stackOffsets;
  const frames = p.stackFrames;
  const n = off.length - 1;
  let total = 0;
  for (let s = 0; s < n; s++) {
    const v = vals[s];
    if (v === 0) continue;
    total += v;
    const a = off[s];
    const b = off[s + 1];
    if (a === b) continue;
    self[map[frames[a]]] += v;
    for (let k = a; k < b; k++) {
      const f = map[frames[k]];
      if (stamp[f] !== s) {
        stamp[f] = s;
        cum[f] += v;
      }
    }
  }
  return { type: p.sampleTypes[typeIndex], names, self, cum, total, rawNames, samples: n };
}

/** Sums several FunctionTotals by function name (for `top` over many files). */
export function mergeTotals(list: FunctionTotals[]): FunctionTotals {
  if (list.length === 1) return list[0];
  const names: string[] = [];
  const index = new Map<string, number>();
  const selfL: number[] = [];
  const cumL: number[] = [];
  const rawNames = new Map<string, string[]>();
  const listed = new Map<string, Set<string>>();
  let total = 0;
  let samples = 0;
  for (const t of list) {
    total += t.total;
    samples += t.samples;
    t.names.forEach((n, i) => {
      let id = index.get(n);
      if (id === undefined) {
        id = names.length;
        names.push(n);
        index.set(n, id);
        selfL.push(0);
        cumL.push(0);
      }
      selfL[id] += t.self[i];
      cumL[id] += t.cum[i];
    });
    for (const [n, raws] of t.rawNames) for (const r of raws) addRawName(rawNames, listed, n, r);
  }
  return {
    type: list[0].type,
    names,
    self: Float64Array.from(selfL),
    cum: Float64Array.from(cumL),
    total,
    rawNames,
    samples,
  };
}
