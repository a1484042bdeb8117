/**
 * The function table of a comparison: every function seen in any capture, with its self and
 * cumulative value in each capture (function-major matrices, baseline captures first), the
 * capture totals, and the effective sample counts that floor the standard errors.
 */
import type { Capture } from './types.js';

export interface FunctionTable {
  names: string[];
  /** Raw names that normalization merged into a name. */
  rawNames: Map<string, string[]>;
  /** Captures in all / in the baseline / in the canary. */
  n: number;
  nB: number;
  nC: number;
  /** selfM[f * n + i]: function f's self value in capture i (baseline 0..nB-1, then canary). */
  selfM: Float64Array;
  cumM: Float64Array;
  totals: Float64Array;
  totB: number;
  totC: number;
  /** Effective number of samples per side (at least 1). */
  NB: number;
  NC: number;
}

export function sumRange(arr: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += arr[i];
  return s;
}

/** Samples a side holds: value / period when the period is in the value's unit, else the count. */
function effectiveSamples(cs: Capture[]): number {
  return cs.reduce((s, c) => {
    const p = c.period > 0 && c.periodType?.unit === c.totals.type.unit ? c.period : 0;
    return s + (p > 0 ? c.totals.total / p : c.totals.samples);
  }, 0);
}

export function buildTable(baseline: Capture[], canary: Capture[]): FunctionTable {
  const all = [...baseline, ...canary];
  const names: string[] = [];
  const index = new Map<string, number>();
  const rawNames = new Map<string, string[]>();
  const maps = all.map((c) =>
    c.totals.names.map((n) => {
      let id = index.get(n);
      if (id === undefined) {
        id = names.length;
        names.push(n);
        index.set(n, id);
      }
      return id;
    }),
  );
  for (const c of all) {
    for (const [n, raws] of c.totals.rawNames) {
      const l = rawNames.get(n) ?? [];
      const seen = new Set(l);
      for (const r of raws) {
        if (!seen.has(r)) {
          seen.add(r);
          l.push(r);
        }
      }
      rawNames.set(n, l);
    }
  }
  const n = all.length;
  const nB = baseline.length;
  const F = names.length;
  const selfM = new Float64Array(F * n);
  const cumM = new Float64Array(F * n);
  const totals = new Float64Array(n);
  all.forEach((c, i) => {
    totals[i] = c.totals.total;
    const m = maps[i];
    for (let k = 0; k < m.length; k++) {
      selfM[m[k] * n + i] += c.totals.self[k];
      cumM[m[k] * n + i] += c.totals.cum[k];
    }
  });
  return {
    names,
    rawNames,
    n,
    nB,
    nC: canary.length,
    selfM,
    cumM,
    totals,
    totB: sumRange(totals, 0, nB),
    totC: sumRange(totals, nB, n),
    NB: Math.max(1, effectiveSamples(baseline)),
    NC: Math.max(1, effectiveSamples(canary)),
  };
}

/** Whether function f has any value in captures [from, to). */
export function presentIn(t: FunctionTable, f: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (t.selfM[f * t.n + i] !== 0 || t.cumM[f * t.n + i] !== 0) return true;
  }
  return false;
}
