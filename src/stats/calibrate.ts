/**
 * Calibration on known-good runs (A/A): compare every ordered pair of runs with zero budgets
 * and report how large the significant growth gets between builds that did not change.
 * Budgets at or above those values would not have raised a false alarm on these runs.
 */
import { compareCaptures } from './compare.js';
import { estimateDrift } from './drift.js';
import type { Capture, CompareSettings } from './types.js';

export interface PairResult {
  baseline: string;
  canary: string;
  /** Largest point-estimate growth of any tested function (pp), significant or not. */
  maxSelfPp: number;
  maxCumPp: number;
  /** Largest growth among significant functions (0 when none). */
  maxSigSelfPp: number;
  maxSigCumPp: number;
  maxSigSelfFn?: string;
  maxSigCumFn?: string;
  significant: number;
  /** Would the gate have failed with the current budgets? */
  failsWithSettings: boolean;
  /**
   * The same with the drift model estimated from the OTHER runs (held out, as a calibration
   * file made before this pair would be); absent with fewer than 5 runs.
   */
  failsWithDrift?: boolean;
}

export interface Calibration {
  runs: string[];
  pairs: PairResult[];
  /** Budgets that keep the false-alarm rate on these pairs at or under the target. */
  recommended: { budgetPp: number; budgetCumPp: number };
  falseAlarmRateWithSettings: number;
  /** False alarms with the current budgets and the held-out drift model (5 or more runs). */
  falseAlarmRateWithDrift?: number;
  target: number;
}

/** Value at or above which at most `target` of the values lie (upper quantile, conservative). */
function upperQuantile(values: number[], target: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const k = Math.min(s.length - 1, Math.ceil((1 - target) * s.length) - 1);
  return s[Math.max(0, k)];
}

/** Rounds up to the next half percentage point, with a 25% margin for unseen runs. */
function suggest(x: number): number {
  return Math.max(0.5, Math.ceil(x * 1.25 * 2) / 2);
}

export function calibrate(
  runs: { name: string; captures: Capture[] }[],
  settings: CompareSettings,
  target = 0.01,
): Calibration {
  const pairs: PairResult[] = [];
  const zero = { ...settings, budgetPp: 0, budgetCumPp: 0, budgetRatio: 0, budgetPerUnitPct: 0 };
  for (const a of runs) {
    for (const b of runs) {
      if (a === b) continue;
      const c0 = compareCaptures(a.captures, b.captures, zero);
      const withSettings = compareCaptures(a.captures, b.captures, settings);
      const others = runs.filter((r) => r !== a && r !== b);
      const failsWithDrift =
        others.length >= 3
          ? compareCaptures(a.captures, b.captures, settings, {
              drift: estimateDrift(
                others.map((r) => r.captures),
                a.captures[0].totals.type.type,
              ),
            }).verdict === 'fail'
          : undefined;
      const pick = (metric: 'self' | 'cum', sig: boolean) => {
        let best = 0;
        let fn: string | undefined;
        for (const f of c0.functions) {
          if (f.metric !== metric || (sig && !(f.significant && f.deltaPp > 0))) continue;
          if (f.deltaPp > best) {
            best = f.deltaPp;
            fn = f.function;
          }
        }
        return { best, fn };
      };
      const ss = pick('self', true);
      const sc = pick('cum', true);
      pairs.push({
        baseline: a.name,
        canary: b.name,
        maxSelfPp: pick('self', false).best,
        maxCumPp: pick('cum', false).best,
        maxSigSelfPp: ss.best,
        maxSigCumPp: sc.best,
        maxSigSelfFn: ss.fn,
        maxSigCumFn: sc.fn,
        significant: c0.functions.filter((f) => f.significant && f.deltaPp > 0).length,
        failsWithSettings: withSettings.verdict === 'fail',
        ...(failsWithDrift === undefined ? {} : { failsWithDrift }),
      });
    }
  }
  return {
    runs: runs.map((r) => r.name),
    pairs,
    recommended: {
      budgetPp: suggest(
        upperQuantile(
          pairs.map((p) => p.maxSigSelfPp),
          target,
        ),
      ),
      budgetCumPp: suggest(
        upperQuantile(
          pairs.map((p) => p.maxSigCumPp),
          target,
        ),
      ),
    },
    falseAlarmRateWithSettings: pairs.length
      ? pairs.filter((p) => p.failsWithSettings).length / pairs.length
      : 0,
    ...(pairs.length && pairs[0].failsWithDrift !== undefined
      ? { falseAlarmRateWithDrift: pairs.filter((p) => p.failsWithDrift).length / pairs.length }
      : {}),
    target,
  };
}
