/**
 * No dilution "improvements": when one function's cost grows, every other function's share
 * falls although nothing about it changed. A shrink is a real improvement only when it holds
 * with the causes taken out: each row's share is recomputed over everything except the causes'
 * own cost (the self cost of a self cause, the cumulative cost of a spread cause), and tested
 * again, simultaneously over these rows. Rows that no longer shrink significantly are marked
 * `diluted` and leave the improvements.
 */
import { bootstrapRows } from './bootstrap.js';
import type { RowInfo } from './rows.js';
import { sumRange, type FunctionTable } from './table.js';
import type { Cause, CompareSettings, FunctionDelta } from './types.js';

export function applyDilution(
  t: FunctionTable,
  causes: Cause[],
  rows: { info: RowInfo; fd: FunctionDelta }[],
  settings: CompareSettings,
  tCorrection: boolean,
): void {
  const shareCauses = causes.filter((c) => c.kind !== 'per-unit');
  if (shareCauses.length === 0) return;
  const index = new Map(t.names.map((n, i) => [n, i]));
  const { n, nB } = t;
  // the causes' own cost per capture
  const excluded = new Float64Array(n);
  for (const c of shareCauses) {
    const f = index.get(c.function);
    if (f === undefined) continue;
    const M = c.kind === 'self' ? t.selfM : t.cumM;
    for (let i = 0; i < n; i++) excluded[i] += M[f * n + i];
  }
  const den = Float64Array.from(t.totals, (x, i) => Math.max(0, x - excluded[i]));
  const inCause = new Set(shareCauses.flatMap((c) => c.rows));
  const candidates = rows.filter(
    (r) => r.fd.status === 'improvement' && r.info.fnIndex >= 0 && !inCause.has(r.fd),
  );
  if (candidates.length === 0) return;
  const dB = sumRange(den, 0, nB) || 1;
  const dC = sumRange(den, nB, n) || 1;
  const b = bootstrapRows(
    candidates.map(({ info }) => {
      const M = info.metric === 'self' ? t.selfM : t.cumM;
      const num = M.subarray(info.fnIndex * n, info.fnIndex * n + n);
      const pB = Math.min(1, sumRange(num, 0, nB) / dB);
      const pC = Math.min(1, sumRange(num, nB, n) / dC);
      return {
        num,
        den,
        kind: 'share' as const,
        seFloor: Math.sqrt((pB * (1 - pB)) / t.NB + (pC * (1 - pC)) / t.NC),
        driftVar: info.driftVar,
      };
    }),
    t.totals,
    nB,
    t.nC,
    {
      replicates: settings.bootstrap,
      confidence: settings.confidence,
      seed: settings.seed,
      tCorrection,
    },
  );
  candidates.forEach(({ fd }, k) => {
    const d = b.delta[k];
    const h = b.criticalRow[k] * b.se[k];
    if (d + h < 0) return; // still a significant shrink: a real improvement
    fd.diluted = { deltaPp: d * 100, ciLowPp: (d - h) * 100, ciHighPp: (d + h) * 100 };
    fd.status = 'unchanged';
    fd.significant = false;
  });
}
