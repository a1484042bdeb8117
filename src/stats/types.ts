/**
 * Data types of the statistics engine: what goes into a comparison and what comes out.
 * Shares and deltas in results are in percent / percentage points (12.1 means 12.1%).
 */
import type { FunctionTotals } from '../profile/aggregate.js';
import type { Profile, ValueType } from '../profile/model.js';

/** One capture (one profile file) reduced to what the statistics need. */
export interface Capture {
  /** Name shown to users (file path or slice label). */
  name: string;
  totals: FunctionTotals;
  period: number;
  periodType?: ValueType;
  durationNanos: number;
  /** Units of work done during the capture (requests served), when the capture step knows. */
  units?: number;
  /** Arrivals the load generator dropped during the capture (load not held), when known. */
  dropped?: number;
  /** Length of the capture window in seconds, as the capture step measured it, when known. */
  windowSeconds?: number;
  /** The decoded profile, kept for reports (flame graph, diff pprof). */
  profile?: Profile;
}

export type Metric = 'self' | 'cum' | 'per-unit';

export type Status =
  /** significant growth over budget: fails the gate */
  | 'regression'
  /** significant growth under budget: reported, does not fail */
  | 'grew'
  /** significant shrink: reported, never fails */
  | 'improvement'
  /** not significant (benchstat's `~`) */
  | 'unchanged'
  /** on the ignore list */
  | 'ignored';

export interface Budget {
  /** Where the budget came from: the default, a CLI flag or a config rule. */
  source: string;
  /** Allowed growth in percentage points (self/cum) or percent (per-unit). */
  pp?: number;
  /** Allowed canary/baseline ratio (only for functions at or above minShare). */
  ratio?: number;
}

export interface FunctionDelta {
  function: string;
  metric: Metric;
  /** Share of the capture total in percent (self/cum), or cost per unit of work (per-unit). */
  baselineShare: number;
  canaryShare: number;
  /** canary - baseline in percentage points; for per-unit: relative change in percent. */
  deltaPp: number;
  /** Simultaneous (family-wise) confidence interval of deltaPp. */
  ciLowPp: number;
  ciHighPp: number;
  /** canary / baseline; null when the baseline is 0 (a new function). */
  ratio: number | null;
  /** Family-wise adjusted p-value for "no change" (bootstrap max-statistic). */
  pValue: number;
  significant: boolean;
  status: Status;
  /** Present in the baseline / canary at all (false = new or vanished function). */
  inBaseline: boolean;
  inCanary: boolean;
  budget: Budget;
  overBudget: boolean;
  /** One readable sentence for regressions, improvements and notable changes. */
  reason: string;
  /** Raw names normalization merged into this one (when it changed any). */
  rawNames?: string[];
  /** Functions with exactly the same cumulative values in every capture, tested as one row. */
  sameAs?: string[];
  /** When growth here matches a shrink elsewhere (a rename or moved cost), the other function. */
  movedFrom?: string;
  /** The other half of a move: the function this one's cost went to. */
  movedTo?: string;
  /**
   * Minimum detectable effect: the smallest growth this row would be found significant for with
   * 80% power, in the row's unit (pp, or percent for per-unit rows). NaN when nothing can be.
   */
  mdePp: number;
  /** Run-to-run drift added to this row's standard error (pp or percent), 0 when not modelled. */
  driftPp: number;
  /**
   * A shrink that is only the dilution by the causes' growth: the delta and interval of the
   * share over everything except the causes' own cost.
   */
  diluted?: { deltaPp: number; ciLowPp: number; ciHighPp: number };
}

/** One cause of a failing gate: a function whose own cost grew, or a spread regression. */
export interface Cause {
  /** The function named as the cause: the one whose self cost grew, or the deepest caller. */
  function: string;
  kind: 'self' | 'spread' | 'per-unit' | 'hardware';
  /** The row that names the cause, then the rows it explains (callers' cum, cost per request). */
  rows: FunctionDelta[];
  /** One readable sentence. */
  reason: string;
}

/** A tested row whose MDE exceeds its budget: a change of the budget's size could go unseen. */
export interface Underpowered {
  function: string;
  metric: Metric;
  mdePp: number;
  budgetPp: number;
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export interface CompareSettings {
  /** Sample type name; undefined = the profiles' default. */
  type?: string;
  budgetPp: number;
  budgetCumPp: number;
  /** canary/baseline self-share ratio allowed for functions at or above minShare; 0 = off. */
  budgetRatio: number;
  /** Functions whose larger share is below this (percent) are not tested. */
  minShare: number;
  confidence: number;
  bootstrap: number;
  seed: number;
  /** Allowed growth of total cost per unit of work, in percent; 0 = off. */
  budgetPerUnitPct: number;
  normalizeNames: string;
  /** `fail`: rows that could not see a change of their budget's size make the verdict inconclusive. */
  onUnderpowered: 'warn' | 'fail';
  /** When the sets ran on different hardware: cost per request does not decide, a warning, or a failure. */
  onHardwareMismatch: 'skip-per-unit' | 'warn' | 'fail';
  /** Calibration file with the run-to-run drift model (see drift.ts). */
  calibration?: string;
  config?: GateConfig;
}

export interface FunctionRule {
  /** Function name, or a glob (`*` any characters, `?` one) such as `encoding/json.*`. */
  match: string;
  ignore?: boolean;
  budgetPp?: number;
  budgetCumPp?: number;
  budgetRatio?: number;
}

/** Contents of `.profile-gate.yml`. */
export interface GateConfig {
  file?: string;
  /** Settings the file gives (the same names as the CLI options and Action inputs). */
  settings: Partial<CompareSettings>;
  ignore: string[];
  functions: FunctionRule[];
  /** Notes on old spellings the file used. */
  deprecated: string[];
}

export interface Comparison {
  verdict: Verdict;
  /** Why no verdict could be reached (verdict 'inconclusive'). */
  inconclusive: string[];
  /** The failing gate's causes (regressions grouped), largest first. */
  causes: Cause[];
  underpowered: Underpowered[];
  /** The simultaneous critical value of the intervals (Infinity when no verdict is possible). */
  critical: number;
  /** What this setup can see: the MDE of self growth at the largest tested self share. */
  detectable?: { mdePp: number; sharePct: number };
  /** How run-to-run drift entered the intervals. */
  drift: { modelled: boolean; reason: string; calibration?: string };
  type: ValueType;
  regressions: FunctionDelta[];
  improvements: FunctionDelta[];
  /** Significant growth under budget (information). */
  grew: FunctionDelta[];
  /** Every function tested, both metrics, sorted by function then metric. */
  functions: FunctionDelta[];
  warnings: string[];
  /**
   * The two sets ran on different hardware: what differs, the on-hardware-mismatch setting
   * that applied, and whether cost per request was left out of the verdict for it.
   */
  hardware?: {
    mismatch: string;
    onMismatch: CompareSettings['onHardwareMismatch'];
    perUnitSkipped: boolean;
  };
  settings: CompareSettings & { baselineCaptures: number; canaryCaptures: number };
  baseline: { captures: string[]; total: number; samples: number };
  canary: { captures: string[]; total: number; samples: number };
}
