/**
 * The decision rule, in one place: a tested row is a regression when its growth is significant
 * (its simultaneous interval lies above zero) AND over its budget; significant growth within
 * budget is reported as `grew`; a significant fall is an improvement; anything else is `~`.
 */
import type { Budget, Metric, Status } from './types.js';

export interface RowEstimate {
  metric: Metric;
  /** Point estimate and simultaneous interval: pp for shares, percent for per-unit rows. */
  delta: number;
  low: number;
  high: number;
  /** canary / baseline; null when the baseline is 0 (a new function). */
  ratio: number | null;
  /** The larger of the two shares, percent (for the ratio budget's min-share floor). */
  largerShare: number;
}

export interface Classified {
  status: Exclude<Status, 'ignored'>;
  significant: boolean;
  overBudget: boolean;
}

/** Over budget: growth past `pp`, or (self rows at or above min-share) a ratio past `ratio`. */
export function isOverBudget(e: RowEstimate, budget: Budget, minShare: number): boolean {
  if (e.delta > (budget.pp ?? Infinity)) return true;
  return (
    e.metric === 'self' &&
    budget.ratio !== undefined &&
    budget.ratio > 0 &&
    e.largerShare >= minShare &&
    (e.ratio === null || e.ratio > budget.ratio)
  );
}

export function classify(e: RowEstimate, budget: Budget, minShare: number): Classified {
  const significant = Number.isFinite(e.high - e.low) && (e.low > 0 || e.high < 0);
  const overBudget = isOverBudget(e, budget, minShare);
  let status: Classified['status'] = 'unchanged';
  if (significant && e.delta > 0) status = overBudget ? 'regression' : 'grew';
  else if (significant && e.delta < 0) status = 'improvement';
  return { status, significant, overBudget };
}
