/**
 * Which rows a comparison tests: each function's self and cumulative share at or above
 * min-share (cum only where it differs from self; identical cum chains once), minus the ignore
 * list, plus the cost per unit of work when every capture knows its units.
 */
import type { BootstrapRow } from './bootstrap.js';
import { globMatch } from './config.js';
import { perUnitDriftVariance, shareDriftVariance, type DriftModel } from './drift.js';
import { sumRange, type FunctionTable } from './table.js';
import type { Capture, CompareSettings, Metric } from './types.js';

export interface RowInfo {
  function: string;
  metric: Metric;
  /** Index into the function table; -1 for the per-unit row. */
  fnIndex: number;
  /** Functions with the same cumulative values in every capture, tested as this row. */
  sameAs?: string[];
  /** Run-to-run drift variance of this row's delta (row scale), 0 when not modelled. */
  driftVar: number;
}

export interface SelectedRows {
  rows: BootstrapRow[];
  info: RowInfo[];
  /** Rows at or above min-share that the ignore list removed. */
  ignored: RowInfo[];
}

export function selectRows(
  t: FunctionTable,
  captures: Capture[],
  settings: CompareSettings,
  perUnit: boolean,
  drift?: DriftModel,
): SelectedRows {
  const { n, nB, selfM, cumM, totB, totC, NB, NC, names } = t;
  const cfg = settings.config;
  const ignoredName = (name: string) =>
    (cfg?.ignore ?? []).some((g) => globMatch(g, name)) ||
    (cfg?.functions ?? []).some((r) => r.ignore && globMatch(r.match, name));
  const floor = settings.minShare / 100;
  const rows: BootstrapRow[] = [];
  const info: RowInfo[] = [];
  const ignored: RowInfo[] = [];
  // Cum rows with identical values in every capture (functions always on the stack
  // together, like a chain of wrappers) are tested once, under the first name.
  const cumSeen = new Map<string, RowInfo>();
  for (const metric of ['self', 'cum'] as const) {
    const M = metric === 'self' ? selfM : cumM;
    for (let f = 0; f < names.length; f++) {
      const num = M.subarray(f * n, f * n + n);
      // A function that is only ever a leaf has cum == self: testing it twice adds nothing.
      if (metric === 'cum' && sameValues(num, selfM.subarray(f * n, f * n + n))) continue;
      const pB = totB === 0 ? 0 : sumRange(num, 0, nB) / totB;
      const pC = totC === 0 ? 0 : sumRange(num, nB, n) / totC;
      if (Math.max(Math.abs(pB), Math.abs(pC)) < floor) continue;
      const pooled = (totB + totC === 0 ? 0 : sumRange(num, 0, n) / (totB + totC)) || 0;
      // each side carries its own run effect: the delta's drift variance is twice a run's
      const driftVar = drift ? 2 * shareDriftVariance(drift, names[f], metric, pooled) : 0;
      const row: RowInfo = { function: names[f], metric, fnIndex: f, driftVar };
      if (ignoredName(names[f])) {
        ignored.push(row);
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
      rows.push({ num, kind: 'share', seFloor, driftVar });
      info.push(row);
    }
  }
  // Cost per unit of work (e.g. CPU per request), when every capture knows its units and the
  // load was held (comparability.ts).
  if (perUnit && settings.budgetPerUnitPct > 0) {
    const driftVar = drift ? 2 * perUnitDriftVariance(drift) : 0;
    rows.push({
      num: Float64Array.from(t.totals),
      den: Float64Array.from(captures, (c) => c.units ?? 0),
      kind: 'relative',
      seFloor: Math.sqrt(1 / NB + 1 / NC),
      driftVar,
    });
    info.push({ function: '(total)', metric: 'per-unit', fnIndex: -1, driftVar });
  }
  return { rows, info, ignored };
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
