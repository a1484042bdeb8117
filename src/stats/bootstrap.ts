/**
 * Cluster bootstrap over whole captures with a max-statistic for family-wise error control.
 *
 * Each row is one tested quantity (a function's self or cum share, or the cost per unit of
 * work) with one numerator per capture and a shared denominator per capture. A replicate
 * resamples captures with replacement within each group, recomputes every row's ratio of
 * sums, and records its deviation from the point estimate. Deviations are scaled by
 * sqrt(n/(n-1)) per group (the bootstrap's small-sample bias in the variance).
 *
 * Run-to-run drift (drift.ts), when modelled, is added to each replicate's deviation as a
 * normal draw with the row's drift variance, so the standard errors and the max-statistic
 * both carry it (a parametric augmentation of the capture bootstrap).
 *
 * Each row is studentized by its standard error (floored by the pure sampling noise), and the
 * `confidence` quantile of the maximum |t| over all rows gives one critical value for
 * simultaneous intervals: with probability `confidence`, every interval covers its true delta
 * at once, however many functions are tested. With `tCorrection` the critical value is moved
 * from the normal to Student's t at the same tail probability, the usual small-sample
 * correction for a cluster bootstrap with few clusters: with nB + nC - 2 degrees of freedom for
 * the capture noise, and per row more (Satterthwaite) as far as the row's variance is drift,
 * which comes from the calibration rather than from these few captures.
 *
 * Share rows are differences of fractions; relative rows (cost per unit) are tested on the log
 * scale, log(canary / baseline), so their intervals stay above -100% once mapped back.
 */
import { normalUpperTail, tQuantileUpper, tUpperTail } from './distributions.js';
import { Rng } from './random.js';

export interface BootstrapRow {
  /** numerators per capture: baseline captures first, then canary captures */
  num: Float64Array;
  /** per-row denominators per capture (same layout); undefined = the shared totals */
  den?: Float64Array;
  /** 'share' = difference of ratios of sums (fraction); 'relative' = log(canary / baseline) */
  kind: 'share' | 'relative';
  /** lower bound for the standard error (sampling noise), in the row's own scale */
  seFloor: number;
  /** run-to-run drift variance of the delta, in the row's own scale (0 = none) */
  driftVar?: number;
}

export interface BootstrapOptions {
  replicates: number;
  confidence: number;
  seed: number;
  /** Move the critical value to Student's t with nB + nC - 2 df (default true). */
  tCorrection?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface BootstrapResult {
  /** point estimates per row: canary - baseline (share) or log(canary / baseline) (relative) */
  delta: Float64Array;
  baseline: Float64Array;
  canary: Float64Array;
  se: Float64Array;
  /**
   * simultaneous critical value (max |t| quantile) for rows of capture noise only; Infinity
   * when it cannot be estimated
   */
  critical: number;
  /** each row's critical value (its own degrees of freedom when it carries drift) */
  criticalRow: Float64Array;
  /** each row's degrees of freedom (Infinity without the t correction) */
  dfRow: Float64Array;
  /** family-wise adjusted p-values (single-step max-T) */
  pAdjusted: Float64Array;
  replicates: number;
}

function estimate(kind: BootstrapRow['kind'], b: number, c: number): number {
  if (kind === 'share') return c - b;
  return b > 0 && c > 0 ? Math.log(c / b) : 0;
}

export function bootstrapRows(
  rows: BootstrapRow[],
  totals: Float64Array,
  nB: number,
  nC: number,
  opts: BootstrapOptions,
): BootstrapResult {
  const { replicates, confidence, seed, onProgress } = opts;
  const F = rows.length;
  const baseline = new Float64Array(F);
  const canary = new Float64Array(F);
  const delta = new Float64Array(F);
  const ratioOf = (row: BootstrapRow, w: Float64Array | null, from: number, count: number) => {
    const den = row.den ?? totals;
    let a = 0;
    let b = 0;
    for (let i = 0; i < count; i++) {
      const wi = w ? w[i] : 1;
      if (wi === 0) continue;
      a += wi * row.num[from + i];
      b += wi * den[from + i];
    }
    return b === 0 ? 0 : a / b;
  };
  for (let f = 0; f < F; f++) {
    const r = rows[f];
    baseline[f] = ratioOf(r, null, 0, nB);
    canary[f] = ratioOf(r, null, nB, nC);
    delta[f] = estimate(r.kind, baseline[f], canary[f]);
  }
  const se = new Float64Array(F);
  const pAdjusted = new Float64Array(F).fill(1);
  const criticalRow = new Float64Array(F).fill(Infinity);
  const dfRow = new Float64Array(F).fill(Infinity);
  if (nB < 2 || nC < 2 || F === 0 || replicates < 10) {
    for (let f = 0; f < F; f++) se[f] = Math.sqrt(rows[f].seFloor ** 2 + (rows[f].driftVar ?? 0));
    return {
      delta,
      baseline,
      canary,
      se,
      critical: Infinity,
      criticalRow,
      dfRow,
      pAdjusted,
      replicates: 0,
    };
  }
  const kB = Math.sqrt(nB / (nB - 1));
  const kC = Math.sqrt(nC / (nC - 1));
  const rng = new Rng(seed);
  // a second stream for the drift draws, so the capture resampling is the same with or without
  const normal = new NormalStream(seed + 0x5bd1e995);
  const driftSd = rows.map((r) => Math.sqrt(r.driftVar ?? 0));
  const anyDrift = driftSd.some((x) => x > 0);
  const wB = new Float64Array(nB);
  const wC = new Float64Array(nC);
  const dev = new Float32Array(replicates * F);
  for (let r = 0; r < replicates; r++) {
    wB.fill(0);
    wC.fill(0);
    for (let i = 0; i < nB; i++) wB[rng.int(nB)]++;
    for (let i = 0; i < nC; i++) wC[rng.int(nC)]++;
    // shared denominators of this replicate, for rows without their own
    let tB = 0;
    let tC = 0;
    for (let i = 0; i < nB; i++) tB += wB[i] * totals[i];
    for (let i = 0; i < nC; i++) tC += wC[i] * totals[nB + i];
    const base = r * F;
    for (let f = 0; f < F; f++) {
      const row = rows[f];
      let sb: number;
      let sc: number;
      if (row.den) {
        sb = ratioOf(row, wB, 0, nB);
        sc = ratioOf(row, wC, nB, nC);
      } else {
        const num = row.num;
        let a = 0;
        for (let i = 0; i < nB; i++) if (wB[i] !== 0) a += wB[i] * num[i];
        let c = 0;
        for (let i = 0; i < nC; i++) if (wC[i] !== 0) c += wC[i] * num[nB + i];
        sb = tB === 0 ? 0 : a / tB;
        sc = tC === 0 ? 0 : c / tC;
      }
      const b = baseline[f] + kB * (sb - baseline[f]);
      const c = canary[f] + kC * (sc - canary[f]);
      let d = estimate(row.kind, b, c) - delta[f];
      if (anyDrift && driftSd[f] > 0) d += driftSd[f] * normal.next();
      dev[base + f] = d;
    }
    if (onProgress && (r + 1) % 2000 === 0) onProgress(r + 1, replicates);
  }
  for (let f = 0; f < F; f++) {
    let s = 0;
    for (let r = 0; r < replicates; r++) {
      const d = dev[r * F + f];
      s += d * d;
    }
    const floor = Math.sqrt(rows[f].seFloor ** 2 + (rows[f].driftVar ?? 0));
    se[f] = Math.max(Math.sqrt(s / replicates), floor, 1e-12);
  }
  const maxT = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    let m = 0;
    const base = r * F;
    for (let f = 0; f < F; f++) {
      const t = Math.abs(dev[base + f]) / se[f];
      if (t > m) m = t;
    }
    maxT[r] = m;
  }
  const sorted = Float64Array.from(maxT).sort();
  const zCritical = sorted[Math.min(replicates - 1, Math.ceil(confidence * replicates) - 1)];
  // Few captures: the bootstrap's own t-distribution has short tails (3 captures give 10
  // distinct resamples), while the real one has the heavy tails of Student's t with about
  // nB + nC - 2 degrees of freedom. Keep the per-test tail probability the max-statistic
  // found and read the critical value off t instead of the normal.
  const dfCap = opts.tCorrection === false ? Infinity : nB + nC - 2;
  const tail = normalUpperTail(zCritical);
  const critical = tQuantileUpper(tail, dfCap);
  for (let f = 0; f < F; f++) {
    // Satterthwaite with the drift variance known: (cap + drift)^2 / (cap^2 / dfCap)
    const drift = rows[f].driftVar ?? 0;
    const cap = Math.max(se[f] * se[f] - drift, 1e-30);
    const df = drift > 0 ? Math.min(1e6, ((cap + drift) ** 2 / (cap * cap)) * dfCap) : dfCap;
    dfRow[f] = df;
    criticalRow[f] = df === dfCap ? critical : tQuantileUpper(tail, df);
    // the row's t, mapped to the normal scale of the bootstrap maxima
    const t = tQuantileUpper(tUpperTail(Math.abs(delta[f]) / se[f], df), Infinity);
    // count of replicates whose max |t| reaches t (binary search in the sorted maxima)
    let lo = 0;
    let hi = replicates;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    pAdjusted[f] = (replicates - lo + 1) / (replicates + 1);
  }
  return { delta, baseline, canary, se, critical, criticalRow, dfRow, pAdjusted, replicates };
}

/** Standard normal draws (Box-Muller) from a seeded sfc32 stream. */
class NormalStream {
  private rng: Rng;
  private spare = NaN;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }
  next(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    // (0, 1]: never log(0)
    const u1 = (this.rng.next() + 1) / 4294967296;
    const u2 = this.rng.next() / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }
}
