/** The `--json` contract of `compare` (other tools depend on it: keep fields stable). */
import type { Cause, Comparison, FunctionDelta } from '../stats/types.js';

const round = (x: number, d = 4): number | null =>
  Number.isFinite(x) ? Number(x.toFixed(d)) : null;

function fnJson(f: FunctionDelta) {
  return {
    function: f.function,
    metric: f.metric,
    baselineShare: round(f.baselineShare),
    canaryShare: round(f.canaryShare),
    deltaPp: round(f.deltaPp),
    ciLowPp: round(f.ciLowPp),
    ciHighPp: round(f.ciHighPp),
    ratio: f.ratio === null ? null : round(f.ratio),
    pValue: round(f.pValue, 6),
    significant: f.significant,
    status: f.status,
    inBaseline: f.inBaseline,
    inCanary: f.inCanary,
    budget: f.budget,
    overBudget: f.overBudget,
    reason: f.reason,
    mdePp: round(f.mdePp),
    driftPp: round(f.driftPp),
    ...(f.rawNames ? { rawNames: f.rawNames } : {}),
    ...(f.movedFrom ? { movedFrom: f.movedFrom } : {}),
    ...(f.movedTo ? { movedTo: f.movedTo } : {}),
    ...(f.sameAs ? { sameAs: f.sameAs } : {}),
    ...(f.diluted
      ? {
          diluted: {
            deltaPp: round(f.diluted.deltaPp),
            ciLowPp: round(f.diluted.ciLowPp),
            ciHighPp: round(f.diluted.ciHighPp),
          },
        }
      : {}),
  };
}

function causeJson(c: Cause) {
  return {
    function: c.function,
    kind: c.kind,
    reason: c.reason,
    rows: c.rows.map((r) => ({
      function: r.function,
      metric: r.metric,
      deltaPp: round(r.deltaPp),
    })),
  };
}

export function comparisonJson(c: Comparison) {
  const { config, ...settings } = c.settings;
  return {
    verdict: c.verdict,
    inconclusive: c.inconclusive,
    causes: c.causes.map(causeJson),
    underpowered: c.underpowered.map((u) => ({ ...u, mdePp: round(u.mdePp) })),
    detectable: c.detectable
      ? { mdePp: round(c.detectable.mdePp), sharePct: round(c.detectable.sharePct) }
      : null,
    drift: c.drift,
    criticalValue: round(c.critical),
    type: c.type,
    regressions: c.regressions.map(fnJson),
    improvements: c.improvements.map(fnJson),
    grew: c.grew.map(fnJson),
    functions: c.functions.map(fnJson),
    warnings: c.warnings,
    hardware: c.hardware ?? null,
    settings: { ...settings, configFile: config?.file ?? null },
    baseline: c.baseline,
    canary: c.canary,
  };
}

export function renderJson(c: Comparison): string {
  return JSON.stringify(comparisonJson(c), null, 2) + '\n';
}
