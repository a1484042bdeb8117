/**
 * Planning captures from known-good runs: how many captures of how many seconds bring the
 * minimum detectable effect of the top functions under their budgets, sequentially (two runs,
 * drift included) and interleaved (one run, A B A B).
 *
 * The variance of a share delta with K captures of S seconds per side is modelled as
 *
 *   Var = 2 * v1 * (S0 / S) / K  +  2 * sigma_run^2   (the drift term only between runs)
 *
 * with v1 the variance of one capture's share measured in the runs (captures of S0 seconds;
 * at 100 Hz a capture's share is binomial, so its variance falls with its length) and sigma_run
 * from the drift model. The critical value is the one a comparison of two of the runs used,
 * moved to K captures by the t correction.
 */
import { tQuantileUpper, tUpperTail } from './distributions.js';
import { shareDriftVariance, type DriftModel } from './drift.js';
import { mde } from './power.js';
import { buildTable, sumRange } from './table.js';
import type { Capture } from './types.js';

export interface PlanOption {
  captures: number;
  seconds: number;
}

export interface PlanRow {
  function: string;
  sharePct: number;
  budgetPp: number;
  /** MDE of the runs' own setup (their K and S), sequential / interleaved, pp. */
  nowSequentialPp: number;
  nowInterleavedPp: number;
  /** The fewest captures per side (of `seconds`) reaching the budget; null = not reachable. */
  sequential: (PlanOption | null)[];
  interleaved: (PlanOption | null)[];
  /** MDE the drift alone sets between runs, however many captures: pp. */
  driftFloorPp: number;
}

export interface Plan {
  /** The runs' setup: captures per run and seconds per capture. */
  captures: number;
  seconds: number;
  lengths: number[];
  rows: PlanRow[];
}

const MAX_CAPTURES = 200;

export function planCaptures(
  runs: Capture[][],
  model: DriftModel,
  budgetPp: number,
  observed: { critical: number; df: number },
  opts: { top?: number; lengths?: number[]; minSharePct?: number } = {},
): Plan {
  const lengths = opts.lengths ?? [5, 10];
  const all = runs.flat();
  const t = buildTable(all, []);
  const k0 = Math.round(all.length / runs.length);
  const s0 = all.reduce((s, c) => s + c.durationNanos, 0) / all.length / 1e9 || 5;
  const n = t.n;
  // per function: mean share and the variance of one capture's share within a run
  const rows: { name: string; f: number; share: number; v1: number }[] = [];
  for (let f = 0; f < t.names.length; f++) {
    const num = t.selfM.subarray(f * n, f * n + n);
    const share = sumRange(num, 0, n) / (t.totB || 1);
    if (share * 100 < (opts.minSharePct ?? 1)) continue;
    let v = 0;
    let df = 0;
    let at = 0;
    for (const r of runs) {
      const tot = sumRange(t.totals, at, at + r.length);
      const p = tot === 0 ? 0 : sumRange(num, at, at + r.length) / tot;
      for (let i = at; i < at + r.length; i++) {
        const q = t.totals[i] === 0 ? 0 : num[i] / t.totals[i];
        v += (q - p) ** 2;
      }
      df += r.length - 1;
      at += r.length;
    }
    rows.push({ name: t.names[f], f, share, v1: df > 0 ? v / df : 0 });
  }
  rows.sort((a, b) => b.share - a.share);
  const tail = tUpperTail(observed.critical, observed.df);
  const power = (k: number, secs: number, v1: number, drift2: number) => {
    const df = 2 * k - 2;
    const c = tQuantileUpper(tail, df);
    return mde(Math.sqrt((2 * v1 * (s0 / secs)) / k + 2 * drift2) * 100, c, df);
  };
  const fewest = (secs: number, v1: number, drift2: number): PlanOption | null => {
    for (let k = 3; k <= MAX_CAPTURES; k++) {
      if (power(k, secs, v1, drift2) <= budgetPp) return { captures: k, seconds: secs };
    }
    return null;
  };
  return {
    captures: k0,
    seconds: Math.round(s0 * 10) / 10,
    lengths,
    rows: rows.slice(0, opts.top ?? 5).map((r) => {
      const drift2 = shareDriftVariance(model, r.name, 'self', r.share);
      const z = tQuantileUpper(tail, Infinity);
      return {
        function: r.name,
        sharePct: r.share * 100,
        budgetPp,
        nowSequentialPp: power(k0, s0, r.v1, drift2),
        nowInterleavedPp: power(k0, s0, r.v1, 0),
        sequential: lengths.map((secs) => fewest(secs, r.v1, drift2)),
        interleaved: lengths.map((secs) => fewest(secs, r.v1, 0)),
        driftFloorPp: mde(Math.sqrt(2 * drift2) * 100, z, Infinity),
      };
    }),
  };
}
