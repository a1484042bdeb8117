/**
 * Whether two sets of captures can be compared, whether a verdict can be reached, and what to
 * warn about next to it.
 *
 * - Another sample type or unit on one side: not comparable at all, an error (exit 2).
 * - Fewer than 3 captures on a side, a side with a zero total, negative values (a diff profile,
 *   not a capture): no verdict can be reached; the reasons make the verdict `inconclusive`.
 * - Sampling periods more than a few percent apart, totals far apart, load not held: warnings.
 */
import { UsageError } from '../errors.js';
import type { Capture } from './types.js';

/** Fewer captures than this per side cannot estimate capture-to-capture variation well. */
export const MIN_CAPTURES = 3;
/** Mean capture totals (per second) differing by more than this factor draw a warning. */
const TOTALS_RATIO_WARNING = 2;
/** Sampling periods within this relative spread are the same setting (measured intervals vary). */
const PERIOD_TOLERANCE = 0.05;
/** Cost per request is trusted only when each side dropped at most this share of arrivals... */
const MAX_DROPPED = 0.05;
/** ...and the achieved request rates of the two sides differ by at most this much. */
const MAX_RATE_DIFFERENCE = 0.05;

export interface Comparability {
  /** Reasons no verdict can be reached; empty when one can. */
  inconclusive: string[];
  warnings: string[];
  /** Cost per request can be tested: every capture has request counts and the load was held. */
  perUnit: boolean;
}

export function checkComparable(baseline: Capture[], canary: Capture[]): Comparability {
  const warnings: string[] = [];
  const inconclusive: string[] = [];
  const all = [...baseline, ...canary];
  const nB = baseline.length;
  const nC = canary.length;
  const type = baseline[0].totals.type;
  for (const c of all) {
    const t = c.totals.type;
    if (t.type !== type.type || t.unit !== type.unit) {
      throw new UsageError(
        `not comparable: ${c.name} has sample type ${t.type} (${t.unit}) but ${baseline[0].name} has ${type.type} (${type.unit}); compare sets of one sample type (--sample-type picks it)`,
      );
    }
  }
  const periods = all.map((c) => c.period).filter((p) => p > 0);
  if (periods.length) {
    const lo = Math.min(...periods);
    const hi = Math.max(...periods);
    if (hi > lo * (1 + PERIOD_TOLERANCE)) {
      warnings.push(
        `captures have different sampling periods (${[...new Set(periods)].slice(0, 6).join(', ')}); shares are still compared, but check both builds were profiled the same way`,
      );
    }
  }
  if (nB < MIN_CAPTURES || nC < MIN_CAPTURES) {
    // Not enough captures to know how much a share moves between captures (2 captures give
    // the bootstrap 3 distinct resamples): show the deltas, but decide nothing.
    inconclusive.push(
      `only ${nB} baseline and ${nC} canary captures: at least ${MIN_CAPTURES} per side are needed to estimate how much shares vary between captures (5-10 recommended)`,
    );
  }
  for (const [side, cs] of [
    ['baseline', baseline],
    ['canary', canary],
  ] as const) {
    if (cs.reduce((s, c) => s + c.totals.total, 0) <= 0) {
      inconclusive.push(
        `the ${side} captures have a total of 0: an idle service or empty profiles`,
      );
    } else {
      for (const c of cs) {
        if (c.totals.total <= 0) {
          warnings.push(`${c.name} has a total of ${c.totals.total}: an empty or idle capture`);
        }
      }
    }
    const neg = cs.find((c) => c.totals.self.some((v) => v < 0));
    if (neg) {
      inconclusive.push(
        `${neg.name} has negative values: a difference of two profiles (a diff pprof), not a capture`,
      );
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
  return { inconclusive, warnings, perUnit: perUnitTrusted(baseline, canary, warnings) };
}

/**
 * Cost per request compares two processes' CPU per unit of work; it is only meaningful when
 * both served the same offered load. Checks that, and says why when it does not hold.
 */
function perUnitTrusted(baseline: Capture[], canary: Capture[], warnings: string[]): boolean {
  const all = [...baseline, ...canary];
  const units = all.map((c) => c.units ?? 0);
  if (units.every((u) => u <= 0)) return false;
  if (units.some((u) => u <= 0)) {
    warnings.push('only some captures carry request counts: cost per request is not checked');
    return false;
  }
  for (const [side, cs] of [
    ['baseline', baseline],
    ['canary', canary],
  ] as const) {
    const done = cs.reduce((s, c) => s + (c.units ?? 0), 0);
    const dropped = cs.reduce((s, c) => s + (c.dropped ?? 0), 0);
    if (dropped / (done + dropped) > MAX_DROPPED) {
      warnings.push(
        `the load was not held on the ${side} side (${((100 * dropped) / (done + dropped)).toFixed(1)}% of arrivals dropped): cost per request is not checked`,
      );
      return false;
    }
  }
  // the window the requests were counted in (the manifest's), else the profile's duration
  const achieved = (cs: Capture[]) => {
    const secs = cs.reduce((s, c) => s + (c.windowSeconds ?? c.durationNanos / 1e9), 0);
    return secs > 0 ? cs.reduce((s, c) => s + (c.units ?? 0), 0) / secs : NaN;
  };
  const aB = achieved(baseline);
  const aC = achieved(canary);
  if (aB > 0 && aC > 0 && Math.abs(aC / aB - 1) > MAX_RATE_DIFFERENCE) {
    warnings.push(
      `the two sides served different request rates (baseline ${aB.toFixed(0)}/s, canary ${aC.toFixed(0)}/s): cost per request is not checked`,
    );
    return false;
  }
  return true;
}

function fmtNum(x: number): string {
  return x >= 1e6 ? x.toExponential(2) : x.toFixed(1);
}
