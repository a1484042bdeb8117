/**
 * The statistics engine: per-function share deltas between a baseline and a canary set of
 * captures, with simultaneous bootstrap intervals, budgets, causes and a verdict. Pure: captures
 * in, a Comparison out; the same input and seed give the same output on every machine.
 *
 * The steps, each in its own module: can the sets be compared and decided (comparability.ts);
 * the function table (table.ts); which rows are tested, with their drift (rows.ts, drift.ts);
 * the bootstrap (bootstrap.ts); the decision rule per row (budget.ts, classify.ts); moves as a
 * second pass (moves.ts); power (power.ts); causes (causes.ts); dilution (dilution.ts); the
 * verdict (verdict.ts); one sentence per row (explain.ts).
 */
import { bootstrapRows, type BootstrapResult } from './bootstrap.js';
import { budgetFor } from './budget.js';
import { causeSentence, findCauses } from './causes.js';
import { classify } from './classify.js';
import { checkComparable } from './comparability.js';
import { applyDilution } from './dilution.js';
import type { DriftModel } from './drift.js';
import { describeDelta } from './explain.js';
import { findMoves } from './moves.js';
import { detectable, mde, underpowered as findUnderpowered } from './power.js';
import { selectRows, type RowInfo } from './rows.js';
import { buildTable, presentIn, sumRange, type FunctionTable } from './table.js';
import type { Capture, CompareSettings, Comparison, FunctionDelta } from './types.js';
import { underpoweredReason, verdictOf } from './verdict.js';

export { DEFAULT_SETTINGS } from './settings.js';
export { MIN_CAPTURES } from './comparability.js';

/** Whether the small-sample t correction of the critical value is on (see bootstrap.ts). */
export const T_CORRECTION = true;

export interface CompareOptions {
  onProgress?: (done: number, total: number) => void;
  /** The run-to-run drift model; applied unless both sides come from one run. */
  drift?: DriftModel;
  /** Both sides were captured in one run (interleaved A/B): no run-to-run drift between them. */
  sameRun?: boolean;
  /** Reasons from outside the captures (e.g. an incomplete set) that no verdict can be reached. */
  inconclusive?: string[];
  /** Override of T_CORRECTION (for the validation study). */
  tCorrection?: boolean;
  /** The sets ran on different hardware: what differs (see settings.onHardwareMismatch). */
  hardwareMismatch?: string;
}

export function compareCaptures(
  baseline: Capture[],
  canary: Capture[],
  settings: CompareSettings,
  opts: CompareOptions = {},
): Comparison {
  const nB = baseline.length;
  const nC = canary.length;
  if (nB === 0 || nC === 0) throw new Error('compareCaptures needs at least one capture per side');
  const type = baseline[0].totals.type;
  const check = checkComparable(baseline, canary);
  const inconclusive = [...check.inconclusive, ...(opts.inconclusive ?? [])];
  const warnings = check.warnings;
  let perUnit = check.perUnit;
  const mismatch = opts.hardwareMismatch;
  const perUnitSkipped = Boolean(
    mismatch && settings.onHardwareMismatch === 'skip-per-unit' && perUnit,
  );
  if (perUnitSkipped) {
    perUnit = false;
    warnings.push(
      `${mismatch}: cost per request is not checked (on-hardware-mismatch: skip-per-unit); shares still are`,
    );
  } else if (mismatch && settings.onHardwareMismatch === 'warn') {
    warnings.push(
      `${mismatch}: absolute costs such as cost per request may differ for that reason alone`,
    );
  }
  const table = buildTable(baseline, canary);
  const drift = opts.sameRun ? undefined : opts.drift;
  const selected = selectRows(table, [...baseline, ...canary], settings, perUnit, drift);
  const tCorrection = opts.tCorrection ?? T_CORRECTION;

  // No verdict possible: point estimates only (no replicates), so nothing can be significant.
  const canDecide = !check.inconclusive.length;
  const b = bootstrapRows(selected.rows, table.totals, nB, nC, {
    replicates: canDecide ? settings.bootstrap : 0,
    confidence: settings.confidence,
    seed: settings.seed,
    tCorrection,
    onProgress: opts.onProgress,
  });
  const tested = selected.info.map((info, k) => ({
    info,
    fd: testedRow(info, k, b, table, settings),
  }));
  const functions = [
    ...tested.map((r) => r.fd),
    ...selected.ignored.map((ri) => ignoredRow(ri, table)),
  ];
  for (const m of findMoves(functions)) {
    m.row.status = 'grew';
    m.row.movedFrom = m.from.function;
    // the vanished half of a move is not an improvement
    if (m.from.status === 'improvement') m.from.status = 'unchanged';
    m.from.movedTo = m.row.function;
  }
  const causes = findCauses(functions.filter((f) => f.status === 'regression'));
  applyDilution(table, causes, tested, settings, tCorrection);
  const unitName = 'request';
  for (const fd of functions) fd.reason = describeDelta(fd, type, settings.confidence, unitName);
  for (const c of causes) c.reason = causeSentence(c, type);
  if (mismatch && settings.onHardwareMismatch === 'fail') {
    causes.push({
      function: '(runner)',
      kind: 'hardware',
      rows: [],
      reason: `${mismatch}, and on-hardware-mismatch is fail`,
    });
  }

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
  const underpowered = canDecide ? findUnderpowered(functions) : [];
  const verdict = verdictOf(causes, inconclusive, underpowered, settings);
  if (verdict === 'inconclusive' && inconclusive.length === 0) {
    inconclusive.push(underpoweredReason(underpowered));
  }
  const sumSamples = (cs: Capture[]) => cs.reduce((s, c) => s + c.totals.samples, 0);
  return {
    verdict,
    inconclusive,
    causes,
    underpowered,
    critical: b.critical,
    detectable: canDecide ? detectable(functions) : undefined,
    drift: driftNote(opts, settings),
    type,
    regressions,
    improvements,
    grew,
    functions,
    warnings,
    ...(mismatch
      ? { hardware: { mismatch, onMismatch: settings.onHardwareMismatch, perUnitSkipped } }
      : {}),
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

function driftNote(opts: CompareOptions, s: CompareSettings): Comparison['drift'] {
  if (opts.sameRun) {
    return {
      modelled: false,
      reason: 'same run (interleaved A/B): no run-to-run drift between the sides',
    };
  }
  if (opts.drift) {
    return {
      modelled: true,
      reason: `run-to-run drift from ${opts.drift.runs} known-good runs added to every interval`,
      calibration: s.calibration,
    };
  }
  return {
    modelled: false,
    reason:
      'different runs, drift not modelled (no calibration): intervals see capture noise only, budgets must absorb run-to-run drift',
  };
}

/** A tested row's estimate, interval, status and power. */
function testedRow(
  ri: RowInfo,
  k: number,
  b: BootstrapResult,
  t: FunctionTable,
  settings: CompareSettings,
): FunctionDelta {
  const perUnit = ri.metric === 'per-unit';
  const d = b.delta[k];
  const half = b.criticalRow[k] * b.se[k];
  // shares: a difference of fractions, shown in pp and kept within what shares allow;
  // cost per unit: a log ratio, shown as a relative change in percent (above -100%)
  const show = (x: number) =>
    perUnit ? (Math.exp(x) - 1) * 100 : Math.min(100, Math.max(-100, x * 100));
  const delta = show(d);
  const low = Number.isFinite(half) ? show(d - half) : -Infinity;
  const high = Number.isFinite(half) ? show(d + half) : Infinity;
  const budget = budgetFor(ri, settings);
  const ratio = b.baseline[k] === 0 ? null : b.canary[k] / b.baseline[k];
  const c = classify(
    {
      metric: ri.metric,
      delta,
      low,
      high,
      ratio,
      largerShare: Math.max(b.baseline[k], b.canary[k]) * 100,
    },
    budget,
    settings.minShare,
  );
  const fd: FunctionDelta = {
    function: ri.function,
    metric: ri.metric,
    baselineShare: perUnit ? b.baseline[k] : b.baseline[k] * 100,
    canaryShare: perUnit ? b.canary[k] : b.canary[k] * 100,
    deltaPp: delta,
    ciLowPp: Number.isFinite(half) ? low : NaN,
    ciHighPp: Number.isFinite(half) ? high : NaN,
    ratio,
    pValue: b.pAdjusted[k],
    significant: c.significant,
    status: c.status,
    inBaseline: perUnit ? true : presentIn(t, ri.fnIndex, 0, t.nB),
    inCanary: perUnit ? true : presentIn(t, ri.fnIndex, t.nB, t.n),
    budget,
    overBudget: c.overBudget,
    reason: '',
    // per-unit rows: a log-scale SE of x is about x * 100 percent
    mdePp: mde(b.se[k] * 100, b.criticalRow[k], b.dfRow[k]),
    driftPp: Math.sqrt(ri.driftVar) * 100,
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
    mdePp: NaN,
    driftPp: 0,
  };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
