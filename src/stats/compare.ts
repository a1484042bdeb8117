/**
 * The statistics engine: per-function share deltas between a baseline and a canary set of
 * captures, with simultaneous bootstrap intervals, budgets and a verdict. Pure: captures in,
 * a Comparison out; the same input and seed give the same output on every machine.
 *
 * The steps, each in its own module: can the sets be compared (comparability.ts); the function
 * table (table.ts); which rows are tested (rows.ts); the bootstrap (bootstrap.ts); the decision
 * rule per row (budget.ts, classify.ts); moves as a second pass (moves.ts); one sentence per
 * row (explain.ts).
 */
import { bootstrapRows, type BootstrapResult } from './bootstrap.js';
import { budgetFor } from './budget.js';
import { classify } from './classify.js';
import { checkComparable } from './comparability.js';
import { describeDelta } from './explain.js';
import { findMoves } from './moves.js';
import { selectRows, type RowInfo } from './rows.js';
import { presentIn, sumRange, type FunctionTable } from './table.js';
import { buildTable } from './table.js';
import type { Capture, CompareSettings, Comparison, FunctionDelta } from './types.js';

export { DEFAULT_SETTINGS } from './settings.js';
export { MIN_CAPTURES } from './comparability.js';

export function compareCaptures(
  baseline: Capture[],
  canary: Capture[],
  settings: CompareSettings,
  onProgress?: (done: number, total: number) => void,
): Comparison {
  const nB = baseline.length;
  const nC = canary.length;
  if (nB === 0 || nC === 0) throw new Error('compareCaptures needs at least one capture per side');
  const type = baseline[0].totals.type;
  const { comparable, warnings } = checkComparable(baseline, canary);
  const table = buildTable(baseline, canary);
  const selected = selectRows(table, [...baseline, ...canary], settings);
  warnings.push(...selected.warnings);

  // Not comparable: point estimates only (no replicates), so nothing can be significant.
  const b = bootstrapRows(
    selected.rows,
    table.totals,
    nB,
    nC,
    comparable ? settings.bootstrap : 0,
    settings.confidence,
    settings.seed,
    onProgress,
  );
  const functions = [
    ...selected.info.map((ri, k) => testedRow(ri, k, b, table, settings)),
    ...selected.ignored.map((ri) => ignoredRow(ri, table)),
  ];
  for (const m of findMoves(functions)) {
    m.row.status = 'grew';
    m.row.movedFrom = m.from;
  }
  const unitName = 'request';
  for (const fd of functions) fd.reason = describeDelta(fd, type, settings.confidence, unitName);

  const byDelta = (a: FunctionDelta, b: FunctionDelta) =>
    b.deltaPp - a.deltaPp || cmpStr(a.function, b.function) || cmpStr(a.metric, b.metric);
  functions.sort(byDelta);
  // Regressions: self first (the function that got slower), then cum (where the cost sits in
  // the call tree), then cost per request; each by size.
  const metricOrder: Record<string, number> = { self: 0, cum: 1, 'per-unit': 2 };
  const regressions = functions
    .filter((f) => f.status === 'regression')
    .sort((a, b) => metricOrder[a.metric] - metricOrder[b.metric] || byDelta(a, b));
  const grew = functions.filter((f) => f.status === 'grew');
  const improvements = functions.filter((f) => f.status === 'improvement').reverse();
  const sumSamples = (cs: Capture[]) => cs.reduce((s, c) => s + c.totals.samples, 0);
  return {
    verdict: regressions.length > 0 ? 'fail' : 'pass',
    type,
    regressions,
    improvements,
    grew,
    functions,
    warnings,
    settings: {
      ...settings,
      config: settings.config,
      baselineCaptures: nB,
      canaryCaptures: nC,
    },
    baseline: {
      captures: baseline.map((c) => c.name),
      total: table.totB,
      samples: sumSamples(baseline),
    },
    canary: { captures: canary.map((c) => c.name), total: table.totC, samples: sumSamples(canary) },
  };
}

/** A tested row's estimate, interval and status. */
function testedRow(
  ri: RowInfo,
  k: number,
  b: BootstrapResult,
  t: FunctionTable,
  settings: CompareSettings,
): FunctionDelta {
  const scale = 100;
  const d = b.delta[k];
  const half = b.critical * b.se[k];
  const budget = budgetFor(ri, settings);
  const ratio = b.baseline[k] === 0 ? null : b.canary[k] / b.baseline[k];
  const c = classify(
    {
      metric: ri.metric,
      delta: d * scale,
      low: (d - half) * scale,
      high: (d + half) * scale,
      ratio,
      largerShare: Math.max(b.baseline[k], b.canary[k]) * scale,
    },
    budget,
    settings.minShare,
  );
  const perUnit = ri.metric === 'per-unit';
  const fd: FunctionDelta = {
    function: ri.function,
    metric: ri.metric,
    baselineShare: perUnit ? b.baseline[k] : b.baseline[k] * scale,
    canaryShare: perUnit ? b.canary[k] : b.canary[k] * scale,
    deltaPp: d * scale,
    ciLowPp: (d - half) * scale,
    ciHighPp: (d + half) * scale,
    ratio,
    pValue: b.pAdjusted[k],
    significant: c.significant,
    status: c.status,
    inBaseline: perUnit ? true : presentIn(t, ri.fnIndex, 0, t.nB),
    inCanary: perUnit ? true : presentIn(t, ri.fnIndex, t.nB, t.n),
    budget,
    overBudget: c.overBudget,
    reason: '',
  };
  const raws = t.rawNames.get(ri.function);
  if (raws) fd.rawNames = raws;
  if (ri.sameAs) fd.sameAs = ri.sameAs;
  return fd;
}

/** A row on the ignore list: shares and delta shown, never tested. */
function ignoredRow(ri: RowInfo, t: FunctionTable): FunctionDelta {
  const { n, nB } = t;
  const M = ri.metric === 'self' ? t.selfM : t.cumM;
  const pB = sumRange(M, ri.fnIndex * n, ri.fnIndex * n + nB) / (t.totB || 1);
  const pC = sumRange(M, ri.fnIndex * n + nB, ri.fnIndex * n + n) / (t.totC || 1);
  return {
    function: ri.function,
    metric: ri.metric,
    baselineShare: pB * 100,
    canaryShare: pC * 100,
    deltaPp: (pC - pB) * 100,
    ciLowPp: NaN,
    ciHighPp: NaN,
    ratio: pB === 0 ? null : pC / pB,
    pValue: 1,
    significant: false,
    status: 'ignored',
    inBaseline: presentIn(t, ri.fnIndex, 0, nB),
    inCanary: presentIn(t, ri.fnIndex, nB, n),
    budget: { source: 'ignore list' },
    overBudget: false,
    reason: '',
  };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
