/**
 * Power: what a comparison could have seen. A row's minimum detectable effect (MDE) is the
 * smallest true growth that its simultaneous interval would put above zero with 80% power:
 *
 *   MDE = (c + t_0.8) * SE
 *
 * with c the family-wise critical value and SE the row's standard error (capture noise plus
 * drift). A row whose MDE exceeds its budget is underpowered: a change as large as the budget
 * could pass unseen, and a PASS says less than it seems to.
 */
import { tQuantileUpper } from './distributions.js';
import type { FunctionDelta, Underpowered } from './types.js';

/** Power the MDE is stated for. */
export const POWER = 0.8;

/** The MDE for a standard error `se` (in the row's display unit) and critical value `critical`. */
export function mde(se: number, critical: number, df: number): number {
  if (!Number.isFinite(critical) || !Number.isFinite(se)) return NaN;
  return (critical + tQuantileUpper(1 - POWER, df)) * se;
}

/** Rows whose MDE exceeds their budget, the worst (MDE / budget) first. */
export function underpowered(rows: FunctionDelta[]): Underpowered[] {
  return rows
    .filter(
      (f) =>
        f.status !== 'ignored' &&
        f.status !== 'regression' &&
        f.budget.pp !== undefined &&
        Number.isFinite(f.mdePp) &&
        f.mdePp > f.budget.pp,
    )
    .map((f) => ({
      function: f.function,
      metric: f.metric,
      mdePp: f.mdePp,
      budgetPp: f.budget.pp!,
    }))
    .sort(
      (a, b) =>
        b.mdePp / Math.max(b.budgetPp, 1e-9) - a.mdePp / Math.max(a.budgetPp, 1e-9) ||
        (a.function < b.function ? -1 : 1),
    );
}

/** What this setup can see: the MDE of self growth at the largest tested self share. */
export function detectable(rows: FunctionDelta[]): { mdePp: number; sharePct: number } | undefined {
  let best: FunctionDelta | undefined;
  for (const f of rows) {
    if (f.metric !== 'self' || f.status === 'ignored' || !Number.isFinite(f.mdePp)) continue;
    if (!best || f.baselineShare > best.baselineShare) best = f;
  }
  return best ? { mdePp: best.mdePp, sharePct: best.baselineShare } : undefined;
}
