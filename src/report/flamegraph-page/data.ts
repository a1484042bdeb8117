/**
 * The data the flame-graph page receives: written as JSON into the HTML by
 * `flameGraphData` (../flamegraph-html.ts), read by the page script (./page.ts). Types only,
 * so both the Node build and the browser build check against the same contract.
 *
 * The tree is flattened in pre-order into parallel arrays (one entry per frame); shares are
 * in percent of each side's total, rounded to 6 significant digits.
 */

/** One function's test result, compact: shares and interval in percent / percentage points. */
export type TestRow = [
  baselineShare: number,
  canaryShare: number,
  deltaPp: number,
  ciLowPp: number,
  ciHighPp: number,
  pValue: number,
  status: string,
  significant: 0 | 1,
];

/** Index into `names`, then the self-share and cumulative-share tests (null: not tested). */
export type FunctionTestsRow = [fn: number, self: TestRow | null, cum: TestRow | null];

/** A row of the "Significant changes" table. */
export type ChangeRow = [
  fn: string,
  metric: string,
  baselineShare: number,
  canaryShare: number,
  deltaPp: number,
  ciLowPp: number,
  ciHighPp: number,
  status: string,
];

export interface FlameGraphData {
  v: 1;
  title: string;
  subtitle: string;
  /** '' when no comparison is attached. */
  verdict: string;
  type: string;
  unit: string;
  /** [baseline, canary]. */
  captures: [number, number];
  totals: [number, number];
  confidence: number;
  /** Initial frame width and colouring. */
  width: 'canary' | 'baseline';
  colorBy: 'self' | 'cum';
  /** Function names; the last one is the synthetic root 'all'. */
  names: string[];
  /** Per function (index as `names`): fill colour by the self test and by the cum test. */
  colorSelf: string[];
  colorCum: string[];
  tests: FunctionTestsRow[];
  changes: ChangeRow[];
  /** Per frame, pre-order: depth, function index, baseline/canary share and raw value. */
  depth: number[];
  fn: number[];
  bs: number[];
  cs: number[];
  bv: number[];
  cv: number[];
}
