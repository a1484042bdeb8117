/**
 * Whether two sets of captures can be compared at all, and what to warn about next to the
 * verdict: another sample type, too few captures, empty captures, other sampling periods,
 * totals far apart.
 */
import type { Capture } from './types.js';

/** Fewer captures than this per side cannot estimate capture-to-capture variation well. */
export const MIN_CAPTURES = 3;
/** Mean capture totals (per second) differing by more than this factor draw a warning. */
const TOTALS_RATIO_WARNING = 2;

export interface Comparability {
  /** False: show the deltas, but nothing can be significant. */
  comparable: boolean;
  warnings: string[];
}

export function checkComparable(baseline: Capture[], canary: Capture[]): Comparability {
  const warnings: string[] = [];
  const all = [...baseline, ...canary];
  const nB = baseline.length;
  const nC = canary.length;
  const type = baseline[0].totals.type;
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
  return { comparable, warnings };
}

function fmtNum(x: number): string {
  return x >= 1e6 ? x.toExponential(2) : x.toFixed(1);
}
