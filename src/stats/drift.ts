/**
 * Run-to-run drift: two runs of the same build in separate processes differ by more than the
 * captures inside one run do (memory layout, GC pacing, CPU contention, neighbours). The
 * bootstrap sees only the variation between captures, so without a model of this drift two
 * sequential runs look "significantly" different far too often.
 *
 * The model is estimated from three or more known-good runs (`calibrate --runs ... --out FILE`)
 * as a run-level variance per function and metric, method of moments:
 *
 *   sigma_run^2 = max(0, between-run variance of the run shares - mean within-run variance)
 *
 * then shrunk toward a pooled value kappa * p(1 - p) (kappa fitted over all rows) with a prior
 * of PRIOR_DF degrees of freedom, so a row seen in few runs borrows strength from the rest. Cost
 * per request is modelled on the log scale. A comparison of two different runs adds
 * 2 * sigma_run^2 to each row's variance (each side carries its own run effect); an interleaved
 * A/B (both sides from one run) adds nothing.
 */
import { UsageError } from '../errors.js';
import { buildTable, sumRange } from './table.js';
import type { Capture } from './types.js';

export const CALIBRATION_FORMAT = 'profile-gate-calibration';
/** Prior degrees of freedom of the pooled drift value in the shrinkage. */
export const PRIOR_DF = 4;
/** Rows below this share (percent, in the runs' mean) are not listed; they use the pooled value. */
const LIST_MIN_SHARE = 0.5;

export interface RowDrift {
  /** Mean share of the row over the runs, percent. */
  share: number;
  /** Run-level standard deviation of the share after shrinkage, percentage points. */
  sigmaPp: number;
  /** The row's own estimate before shrinkage, pp (for reports), and its degrees of freedom. */
  rawSigmaPp: number;
  df: number;
}

export interface DriftModel {
  format: typeof CALIBRATION_FORMAT;
  version: 1;
  /** Sample type the runs were reduced to. */
  sampleType: string;
  runs: number;
  capturesPerRun: number[];
  /** Pooled drift: sigma^2 = kappa * p * (1 - p), per metric (shares as fractions). */
  kappa: { self: number; cum: number };
  /** Run-level standard deviation of log(cost per request), in percent (~ relative); absent without request counts. */
  perUnitSigmaPct?: number;
  functions: Record<string, { self?: RowDrift; cum?: RowDrift }>;
}

/** Share per run (ratio of sums) and its within-run variance (cluster delta method). */
function runShare(num: Float64Array, tot: Float64Array, from: number, to: number) {
  const T = sumRange(tot, from, to);
  const p = T === 0 ? 0 : sumRange(num, from, to) / T;
  const k = to - from;
  let v = 0;
  for (let i = from; i < to; i++) {
    const e = num[i] - p * tot[i];
    v += e * e;
  }
  v = T === 0 || k < 2 ? 0 : ((v / (T * T)) * k) / (k - 1);
  return { p, v };
}

function momentEstimate(shares: { p: number; v: number }[]): { mean: number; sigma2: number } {
  const R = shares.length;
  const mean = shares.reduce((s, x) => s + x.p, 0) / R;
  const between = shares.reduce((s, x) => s + (x.p - mean) ** 2, 0) / (R - 1);
  const within = shares.reduce((s, x) => s + x.v, 0) / R;
  return { mean, sigma2: Math.max(0, between - within) };
}

/**
 * Estimates the drift model from known-good runs (each a list of captures of ONE sample type,
 * reduced with the same normalization).
 */
export function estimateDrift(runs: Capture[][], sampleType: string): DriftModel {
  if (runs.length < 3) {
    throw new UsageError(
      `a drift model needs at least 3 known-good runs (got ${runs.length}): run-to-run variance cannot be told from capture noise with fewer`,
    );
  }
  const all = runs.flat();
  const t = buildTable(all, []);
  const bounds: [number, number][] = [];
  let at = 0;
  for (const r of runs) {
    bounds.push([at, at + r.length]);
    at += r.length;
  }
  const R = runs.length;
  const n = t.n;
  const rows: { name: string; metric: 'self' | 'cum'; mean: number; sigma2: number }[] = [];
  for (const metric of ['self', 'cum'] as const) {
    const M = metric === 'self' ? t.selfM : t.cumM;
    for (let f = 0; f < t.names.length; f++) {
      const num = M.subarray(f * n, f * n + n);
      const shares = bounds.map(([a, b]) => runShare(num, t.totals, a, b));
      const est = momentEstimate(shares);
      if (est.mean <= 0) continue;
      rows.push({ name: t.names[f], metric, ...est });
    }
  }
  const kappa = { self: 0, cum: 0 };
  for (const metric of ['self', 'cum'] as const) {
    let num = 0;
    let den = 0;
    for (const r of rows) {
      if (r.metric !== metric || r.mean * 100 < 1) continue;
      num += r.sigma2;
      den += r.mean * (1 - r.mean);
    }
    kappa[metric] = den > 0 ? num / den : 0;
  }
  const functions: DriftModel['functions'] = {};
  const df = R - 1;
  for (const r of rows) {
    if (r.mean * 100 < LIST_MIN_SHARE) continue;
    const prior = kappa[r.metric] * r.mean * (1 - r.mean);
    const shrunk = (df * r.sigma2 + PRIOR_DF * prior) / (df + PRIOR_DF);
    (functions[r.name] ??= {})[r.metric] = {
      share: round(r.mean * 100, 4),
      sigmaPp: round(Math.sqrt(shrunk) * 100, 4),
      rawSigmaPp: round(Math.sqrt(r.sigma2) * 100, 4),
      df,
    };
  }
  const model: DriftModel = {
    format: CALIBRATION_FORMAT,
    version: 1,
    sampleType,
    runs: R,
    capturesPerRun: runs.map((r) => r.length),
    kappa: { self: round(kappa.self, 8), cum: round(kappa.cum, 8) },
    functions,
  };
  if (all.every((c) => (c.units ?? 0) > 0)) {
    const logs = bounds.map(([a, b], r) => {
      const T = sumRange(t.totals, a, b);
      const U = runs[r].reduce((s, c) => s + c.units!, 0);
      return { p: Math.log(T / U), v: perUnitWithinVar(t.totals, all, a, b) };
    });
    model.perUnitSigmaPct = round(Math.sqrt(momentEstimate(logs).sigma2) * 100, 4);
  }
  return model;
}

/** Within-run variance of log(sum total / sum units) by the delta method. */
function perUnitWithinVar(tot: Float64Array, all: Capture[], from: number, to: number): number {
  const k = to - from;
  if (k < 2) return 0;
  let T = 0;
  let U = 0;
  for (let i = from; i < to; i++) {
    T += tot[i];
    U += all[i].units!;
  }
  const r = T / U;
  let v = 0;
  for (let i = from; i < to; i++) {
    const e = tot[i] - r * all[i].units!;
    v += e * e;
  }
  return ((v / (T * T)) * k) / (k - 1);
}

function round(x: number, d: number): number {
  return Number(x.toFixed(d));
}

/** The drift variance (fraction^2) of one share row at pooled share p, for one run. */
export function shareDriftVariance(
  model: DriftModel,
  fn: string,
  metric: 'self' | 'cum',
  p: number,
): number {
  const row = model.functions[fn]?.[metric];
  if (row) return (row.sigmaPp / 100) ** 2;
  const q = Math.min(1, Math.max(0, p));
  return model.kappa[metric] * q * (1 - q);
}

/** The drift variance of log(cost per request) for one run; 0 when the model has none. */
export function perUnitDriftVariance(model: DriftModel): number {
  return model.perUnitSigmaPct === undefined ? 0 : (model.perUnitSigmaPct / 100) ** 2;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads and checks a calibration file's JSON; errors name the file and the problem. */
export function parseDriftModel(text: string, file: string): DriftModel {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const bad = (what: string): never => {
    throw new UsageError(`${file}: not a profile-gate calibration file (${what})`);
  };
  if (!isObject(j) || j.format !== CALIBRATION_FORMAT)
    bad(`"format" is not "${CALIBRATION_FORMAT}"`);
  const o = j as Record<string, unknown>;
  if (o.version !== 1) bad(`version ${JSON.stringify(o.version)} is not supported (1 is)`);
  const nonNeg = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (typeof o.sampleType !== 'string') bad('"sampleType" is missing');
  if (!Number.isInteger(o.runs) || (o.runs as number) < 3)
    bad('"runs" must be a whole number >= 3');
  if (!isObject(o.kappa) || !nonNeg(o.kappa.self) || !nonNeg(o.kappa.cum))
    bad('"kappa" must hold non-negative "self" and "cum"');
  if (o.perUnitSigmaPct !== undefined && !nonNeg(o.perUnitSigmaPct))
    bad('"perUnitSigmaPct" must be a non-negative number');
  if (!isObject(o.functions)) bad('"functions" must be an object');
  for (const [name, v] of Object.entries(o.functions as object)) {
    if (!isObject(v)) bad(`functions["${name.slice(0, 80)}"] must be an object`);
    for (const m of ['self', 'cum']) {
      const r = (v as Record<string, unknown>)[m];
      if (r === undefined) continue;
      if (!isObject(r) || !nonNeg(r.sigmaPp) || !nonNeg(r.share))
        bad(`functions["${name.slice(0, 80)}"].${m} needs non-negative "share" and "sigmaPp"`);
    }
  }
  return {
    format: CALIBRATION_FORMAT,
    version: 1,
    sampleType: o.sampleType as string,
    runs: o.runs as number,
    capturesPerRun: Array.isArray(o.capturesPerRun) ? (o.capturesPerRun as number[]) : [],
    kappa: o.kappa as DriftModel['kappa'],
    perUnitSigmaPct: o.perUnitSigmaPct as number | undefined,
    functions: o.functions as DriftModel['functions'],
  };
}
