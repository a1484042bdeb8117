/**
 * The statistics engine: per-function share deltas between a baseline and a canary set of
 * captures, with simultaneous bootstrap intervals, budgets and a verdict. Pure: captures in,
 * a Comparison out; the same input and seed give the same output on every machine.
 */
import { bootstrapRows, type BootstrapRow } from './bootstrap.js';
import { globMatch } from './config.js';
import { describeDelta } from './explain.js';
import type {
  Budget,
  Capture,
  CompareSettings,
  Comparison,
  FunctionDelta,
  Metric,
  Status,
} from './types.js';

export const DEFAULT_SETTINGS: CompareSettings = {
  budgetPp: 5,
  budgetCumPp: 10,
  budgetRatio: 0,
  minShare: 1,
  confidence: 0.95,
  bootstrap: 10000,
  seed: 1,
  budgetPerUnitPct: 10,
  normalizeNames: 'on',
};

/** Fewer captures than this per side cannot estimate capture-to-capture variation well. */
export const MIN_CAPTURES = 3;
/** Mean capture totals (per second) differing by more than this factor draw a warning. */
const TOTALS_RATIO_WARNING = 2;

interface RowInfo {
  function: string;
  metric: Metric;
  fnIndex: number;
  sameAs?: string[];
}

export function compareCaptures(
  baseline: Capture[],
  canary: Capture[],
  settings: CompareSettings,
  onProgress?: (done: number, total: number) => void,
): Comparison {
  const warnings: string[] = [];
  const all = [...baseline, ...canary];
  const nB = baseline.length;
  const nC = canary.length;
  if (nB === 0 || nC === 0) throw new Error('compareCaptures needs at least one capture per side');
  const type = baseline[0].totals.type;

  // ---- comparability ----
  let comparable = true;
  for (const c of all) {
    const t = c.totals.type;
    if (t.type !== type.type || t.unit !== type.unit) {
      comparable = false;
      warnings.push(
        `not comparable: ${c.name} has sample type ${t.type} (${t.unit}) but ${baseline[0].name} has ${type.type} (${type.unit}); no function is tested`,
      );
      break;
    }
  }
  const periods = new Set(all.map((c) => `${c.period}`));
  if (periods.size > 1) {
    warnings.push(
      `captures have different sampling periods (${[...periods].join(', ')}); shares are still compared, but check both builds were profiled the same way`,
    );
  }
  if (nB < MIN_CAPTURES || nC < MIN_CAPTURES) {
    // Not enough captures to know how much a share moves between captures (2 captures give
    // the bootstrap 3 distinct resamples): show the deltas, but decide nothing.
    comparable = false;
    warnings.push(
      `no verdict: only ${nB} baseline and ${nC} canary captures; at least ${MIN_CAPTURES} per side are needed to estimate how much shares vary between captures (5-10 recommended), so nothing is called significant`,
    );
  }
  for (const c of all) {
    if (c.totals.total <= 0) {
      warnings.push(`${c.name} has a total of ${c.totals.total}: an empty or idle capture`);
    }
  }
  const rate = (cs: Capture[]) => {
    const withDur = cs.every((c) => c.durationNanos > 0);
    const sum = cs.reduce((s, c) => s + c.totals.total, 0);
    const dur = cs.reduce((s, c) => s + c.durationNanos, 0);
    return withDur ? sum / (dur / 1e9) : sum / cs.length;
  };
  const rB = rate(baseline);
  const rC = rate(canary);
  if (rB > 0 && rC > 0 && (rC / rB > TOTALS_RATIO_WARNING || rB / rC > TOTALS_RATIO_WARNING)) {
    warnings.push(
      `the sets' totals differ ${Math.max(rC / rB, rB / rC).toFixed(1)}x (baseline ${fmtNum(rB)}, canary ${fmtNum(rC)} ${type.unit}${baseline.every((c) => c.durationNanos > 0) ? ' per second' : ' per capture'}): different load or a different environment? shares may not be comparable`,
    );
  }

  // ---- function table over all captures ----
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
      for (const r of raws) if (!l.includes(r)) l.push(r);
      rawNames.set(n, l);
    }
  }
  const n = all.length;
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
  const sumRange = (arr: Float64Array, from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += arr[i];
    return s;
  };
  const totB = sumRange(totals, 0, nB);
  const totC = sumRange(totals, nB, n);
  // Effective number of samples per side, for the sampling-noise floor of the standard error.
  const effSamples = (cs: Capture[]) =>
    cs.reduce((s, c) => {
      const p = c.period > 0 && c.periodType?.unit === c.totals.type.unit ? c.period : 0;
      return s + (p > 0 ? c.totals.total / p : c.totals.samples);
    }, 0);
  const NB = Math.max(1, effSamples(baseline));
  const NC = Math.max(1, effSamples(canary));

  // ---- which rows are tested ----
  const cfg = settings.config;
  const ignored = (name: string) =>
    (cfg?.ignore ?? []).some((g) => globMatch(g, name)) ||
    (cfg?.functions ?? []).some((r) => r.ignore && globMatch(r.match, name));
  const floor = settings.minShare / 100;
  const rows: BootstrapRow[] = [];
  const info: RowInfo[] = [];
  // Cum rows with identical values in every capture (functions always on the stack
  // together, like a chain of wrappers) are tested once, under the first name.
  const cumSeen = new Map<string, RowInfo>();
  const ignoredRows: RowInfo[] = [];
  for (const metric of ['self', 'cum'] as const) {
    const M = metric === 'self' ? selfM : cumM;
    for (let f = 0; f < F; f++) {
      const num = M.subarray(f * n, f * n + n);
      if (metric === 'cum') {
        // A function that is only ever a leaf has cum == self: testing it twice adds nothing.
        let same = true;
        for (let i = 0; i < n; i++) {
          if (cumM[f * n + i] !== selfM[f * n + i]) {
            same = false;
            break;
          }
        }
        if (same) continue;
      }
      const pB = totB === 0 ? 0 : sumRange(num, 0, nB) / totB;
      const pC = totC === 0 ? 0 : sumRange(num, nB, n) / totC;
      if (Math.max(Math.abs(pB), Math.abs(pC)) < floor) continue;
      const row: RowInfo = { function: names[f], metric, fnIndex: f };
      if (ignored(names[f])) {
        ignoredRows.push(row);
        continue;
      }
      if (metric === 'cum') {
        const key = Array.prototype.join.call(num, ',');
        const twin = cumSeen.get(key);
        if (twin) {
          (twin.sameAs ??= []).push(names[f]);
          continue;
        }
        cumSeen.set(key, row);
      }
      const q = (p: number) => Math.min(1, Math.max(0, p));
      const seFloor = Math.sqrt((q(pB) * (1 - q(pB))) / NB + (q(pC) * (1 - q(pC))) / NC);
      rows.push({ num, kind: 'share', seFloor });
      info.push(row);
    }
  }
  // Cost per unit of work (e.g. CPU per request), when every capture knows its units.
  const units = all.map((c) => c.units ?? 0);
  const perUnit = settings.budgetPerUnitPct > 0 && units.every((u) => u > 0);
  if (settings.budgetPerUnitPct > 0 && !perUnit && units.some((u) => u > 0)) {
    warnings.push('only some captures carry request counts: cost per request is not checked');
  }
  if (perUnit) {
    rows.push({
      num: Float64Array.from(totals),
      den: Float64Array.from(units),
      kind: 'relative',
      seFloor: Math.sqrt(1 / NB + 1 / NC),
    });
    info.push({ function: '(total)', metric: 'per-unit', fnIndex: -1 });
  }

  // Not comparable: point estimates only (no replicates), so nothing can be significant.
  const b = bootstrapRows(
    rows,
    totals,
    nB,
    nC,
    comparable ? settings.bootstrap : 0,
    settings.confidence,
    settings.seed,
    onProgress,
  );

  // ---- per-row results ----
  const functions: FunctionDelta[] = [];
  const inSide = (f: number, from: number, to: number) => {
    for (let i = from; i < to; i++)
      if (selfM[f * n + i] !== 0 || cumM[f * n + i] !== 0) return true;
    return false;
  };
  info.forEach((ri, k) => {
    const scale = 100;
    const d = b.delta[k];
    const half = b.critical * b.se[k];
    const lo = d - half;
    const hi = d + half;
    const significant = Number.isFinite(half) && (lo > 0 || hi < 0);
    const budget = budgetFor(ri, settings);
    let overBudget = false;
    let ratio: number | null = null;
    if (ri.metric === 'per-unit') {
      ratio = b.baseline[k] === 0 ? null : b.canary[k] / b.baseline[k];
      overBudget = d * 100 > (budget.pp ?? Infinity);
    } else {
      ratio = b.baseline[k] === 0 ? null : b.canary[k] / b.baseline[k];
      overBudget = d * 100 > (budget.pp ?? Infinity);
      if (
        !overBudget &&
        ri.metric === 'self' &&
        budget.ratio !== undefined &&
        budget.ratio > 0 &&
        Math.max(b.baseline[k], b.canary[k]) >= floor &&
        (ratio === null || ratio > budget.ratio)
      ) {
        overBudget = true;
      }
    }
    let status: Status = 'unchanged';
    if (significant && d > 0) status = overBudget ? 'regression' : 'grew';
    else if (significant && d < 0) status = 'improvement';
    const fd: FunctionDelta = {
      function: ri.function,
      metric: ri.metric,
      baselineShare: ri.metric === 'per-unit' ? b.baseline[k] : b.baseline[k] * scale,
      canaryShare: ri.metric === 'per-unit' ? b.canary[k] : b.canary[k] * scale,
      deltaPp: d * scale,
      ciLowPp: lo * scale,
      ciHighPp: hi * scale,
      ratio,
      pValue: b.pAdjusted[k],
      significant,
      status,
      inBaseline: ri.fnIndex < 0 ? true : inSide(ri.fnIndex, 0, nB),
      inCanary: ri.fnIndex < 0 ? true : inSide(ri.fnIndex, nB, n),
      budget,
      overBudget,
      reason: '',
    };
    const raws = rawNames.get(ri.function);
    if (raws) fd.rawNames = raws;
    if (ri.sameAs) fd.sameAs = ri.sameAs;
    functions.push(fd);
  });
  for (const ri of ignoredRows) {
    const M = ri.metric === 'self' ? selfM : cumM;
    const pB = sumRange(M, ri.fnIndex * n, ri.fnIndex * n + nB) / (totB || 1);
    const pC = sumRange(M, ri.fnIndex * n + nB, ri.fnIndex * n + n) / (totC || 1);
    functions.push({
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
      inBaseline: inSide(ri.fnIndex, 0, nB),
      inCanary: inSide(ri.fnIndex, nB, n),
      budget: { source: 'ignore list' },
      overBudget: false,
      reason: '',
    });
  }

  detectMoves(functions);
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
    baseline: { captures: baseline.map((c) => c.name), total: totB, samples: sumSamples(baseline) },
    canary: { captures: canary.map((c) => c.name), total: totC, samples: sumSamples(canary) },
  };
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fmtNum(x: number): string {
  return x >= 1e6 ? x.toExponential(2) : x.toFixed(1);
}

function budgetFor(ri: RowInfo, s: CompareSettings): Budget {
  if (ri.metric === 'per-unit') return { source: 'per-unit budget', pp: s.budgetPerUnitPct };
  const rule = s.config?.functions.find((r) => !r.ignore && globMatch(r.match, ri.function));
  if (ri.metric === 'self') {
    if (rule && (rule.budgetPp !== undefined || rule.budgetRatio !== undefined)) {
      return {
        source: `config rule "${rule.match}"`,
        pp: rule.budgetPp ?? s.budgetPp,
        ratio: rule.budgetRatio ?? (s.budgetRatio || undefined),
      };
    }
    return { source: 'self budget', pp: s.budgetPp, ratio: s.budgetRatio || undefined };
  }
  if (rule && rule.budgetCumPp !== undefined) {
    return { source: `config rule "${rule.match}"`, pp: rule.budgetCumPp };
  }
  return { source: 'cum budget', pp: s.budgetCumPp };
}

/**
 * A function that appears (absent from every baseline capture) while another of similar size
 * vanishes is most likely a rename or moved code: report it as a move, not a regression,
 * when the pair's combined share did not grow past the budget.
 */
function detectMoves(functions: FunctionDelta[]): void {
  const vanished = functions.filter(
    (f) => f.metric !== 'per-unit' && f.inBaseline && !f.inCanary && f.status !== 'ignored',
  );
  const used = new Set<FunctionDelta>();
  const appeared = functions
    .filter((f) => (f.status === 'regression' || f.status === 'grew') && !f.inBaseline)
    .sort((a, b) => b.canaryShare - a.canaryShare || (a.function < b.function ? -1 : 1));
  for (const f of appeared) {
    let best: FunctionDelta | undefined;
    for (const v of vanished) {
      if (used.has(v) || v.metric !== f.metric) continue;
      const combined = f.canaryShare - v.baselineShare;
      const similar =
        v.baselineShare >= 0.5 * f.canaryShare && v.baselineShare <= 2 * f.canaryShare;
      if (combined <= (f.budget.pp ?? Infinity) && similar) {
        if (
          !best ||
          Math.abs(v.baselineShare - f.canaryShare) < Math.abs(best.baselineShare - f.canaryShare)
        )
          best = v;
      }
    }
    if (best) {
      used.add(best);
      f.status = 'grew';
      f.movedFrom = best.function;
    }
  }
}
