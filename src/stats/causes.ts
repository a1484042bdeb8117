/**
 * Causes, not rows: one planted change shows up as several regression rows (the function's self
 * share, its own cumulative share, its callers' cumulative shares, the cost per request). They
 * are grouped into causes so the verdict counts and names what changed, once.
 *
 * The grouping works on the tested numbers alone (the fast path keeps no call graph):
 * - every self regression is a cause: the function whose own cost grew;
 * - a cum regression joins the largest self cause whose growth it matches (their intervals
 *   overlap) and that it can contain (its canary cum share is at least the cause's self share):
 *   a caller carrying the same growth;
 * - cum regressions left over are spread regressions (cost spread over many frames, none over
 *   its self budget): grouped by matching growth around the deepest caller that existed in the
 *   baseline (the smallest such cum share), which names the cause; functions new in the canary
 *   (the library calls the change added) join it;
 * - the cost-per-request row joins the largest cause, or is a cause of its own.
 */
import { metricLabel, signed } from './explain.js';
import type { Cause, FunctionDelta } from './types.js';
import type { ValueType } from '../profile/model.js';

function half(f: FunctionDelta): number {
  return Number.isFinite(f.ciHighPp - f.ciLowPp) ? (f.ciHighPp - f.ciLowPp) / 2 : Infinity;
}

/** The two rows carry the same growth: their intervals overlap. */
function sameGrowth(a: FunctionDelta, b: FunctionDelta): boolean {
  return Math.abs(a.deltaPp - b.deltaPp) <= half(a) + half(b);
}

export function findCauses(regressions: FunctionDelta[]): Cause[] {
  const byDelta = (a: FunctionDelta, b: FunctionDelta) =>
    b.deltaPp - a.deltaPp || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0);
  const causes: Cause[] = regressions
    .filter((f) => f.metric === 'self')
    .sort(byDelta)
    .map((f) => ({ function: f.function, kind: 'self' as const, rows: [f], reason: '' }));
  const selfCauses = [...causes];
  const spread: FunctionDelta[] = [];
  for (const g of regressions.filter((f) => f.metric === 'cum').sort(byDelta)) {
    const home = selfCauses.find(
      (c) =>
        c.function === g.function ||
        (sameGrowth(c.rows[0], g) && g.canaryShare >= c.rows[0].canaryShare),
    );
    if (home) home.rows.push(g);
    else spread.push(g);
  }
  // deepest first: the smallest cumulative share that carries the growth, preferring functions
  // that were there before (the caller in the code under review, not a library call it added)
  spread.sort(
    (a, b) =>
      Number(b.inBaseline) - Number(a.inBaseline) || a.canaryShare - b.canaryShare || byDelta(a, b),
  );
  const spreadCauses: Cause[] = [];
  for (const g of spread) {
    const home = spreadCauses.find((c) => sameGrowth(c.rows[0], g));
    if (home) home.rows.push(g);
    else spreadCauses.push({ function: g.function, kind: 'spread', rows: [g], reason: '' });
  }
  causes.push(...spreadCauses);
  causes.sort((a, b) => byDelta(a.rows[0], b.rows[0]));
  for (const u of regressions.filter((f) => f.metric === 'per-unit')) {
    if (causes.length) causes[0].rows.push(u);
    else causes.push({ function: u.function, kind: 'per-unit', rows: [u], reason: '' });
  }
  return causes;
}

/** The cause's own sentence, then what else it raised: "...; also raising X cum and CPU per request +15%". */
export function causeSentence(c: Cause, type: ValueType): string {
  const [first, ...rest] = c.rows;
  const also = rest
    .filter((r) => !(r.metric === 'cum' && r.function === c.function && c.kind === 'self'))
    .map((r) =>
      r.metric === 'per-unit'
        ? `${metricLabel('per-unit', type)} ${signed(r.deltaPp, 1, '%')}`
        : `${r.function} ${r.metric} ${signed(r.deltaPp)}`,
    );
  const lead =
    c.kind === 'spread' ? `spread regression under ${c.function}: ${first.reason}` : first.reason;
  return also.length ? `${lead}; also raising ${joinList(also)}` : lead;
}

function joinList(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  if (xs.length <= 4) return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
  return `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more rows`;
}
