/**
 * The data a gate run leaves in its report artifact for the `comment` mode (the workflow_run
 * pattern for pull requests from forks): `comparison.json` (the Comparison) and
 * `pull-request.json` (which pull request, what the outcome was, where the baseline came from).
 *
 * The artifact comes from a run of untrusted code, so the comment workflow takes data, not
 * markdown: both files are checked here against their shapes (types, enums, sizes; numbers
 * JSON wrote as null, NaN and Infinity, read back as NaN) and the comment is rendered from them
 * with the trusted workflow's own renderer, title and comment key. Text in them (function
 * names, reasons) is escaped by the renderer like any untrusted name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { Comparison } from '../stats/types.js';

export class DataError extends UserError {
  override readonly name = 'DataError';
}

/** The outcome a gate run records for the comment. */
export type GateOutcome = 'compared' | 'no-baseline' | 'error';

export interface PullRequestData {
  number: number;
  headSha: string;
  outcome: GateOutcome;
  /** verdict of a comparison (accepted: a failing one the pull request's accept label accepted). */
  verdict?: string;
  /** The label that accepted a failing comparison (accept-label), on which pull request. */
  accepted?: { label: string; pullRequest: number };
  /** Both builds were captured on the gate's runner, interleaved (no baseline artifact). */
  sameRunner?: boolean;
  /** Why there was no baseline / what failed (untrusted text). */
  reason?: string;
  /** The job failed for a missing baseline. */
  fails?: boolean;
  everExisted?: boolean;
  baseline?: { runId: number; artifactName: string; headSha: string; createdAt: string };
  promotedFrom?: { commitSha: string; time: string };
  canarySha?: string;
}

type V = (v: unknown, at: string) => unknown;

const fail = (at: string, what: string): never => {
  throw new DataError(`${at}: ${what}`);
};
const MAX_TEXT = 100_000;
const MAX_ITEMS = 1_000_000;

const str =
  (max = MAX_TEXT): V =>
  (v, at) =>
    typeof v === 'string' && v.length <= max
      ? v
      : fail(at, `not a string of at most ${max} characters`);
/** A number; null (what JSON makes of NaN and Infinity) reads as NaN. */
const num: V = (v, at) => (v === null ? NaN : typeof v === 'number' ? v : fail(at, 'not a number'));
const int: V = (v, at) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(at, 'not an integer');
const bool: V = (v, at) => (typeof v === 'boolean' ? v : fail(at, 'not true or false'));
const oneOf =
  (...values: string[]): V =>
  (v, at) =>
    typeof v === 'string' && values.includes(v) ? v : fail(at, `not one of ${values.join(', ')}`);
const opt =
  (f: V): V =>
  (v, at) =>
    v === undefined ? undefined : f(v, at);
const nullable =
  (f: V): V =>
  (v, at) =>
    v === null ? null : f(v, at);
const arr =
  (f: V): V =>
  (v, at) => {
    if (!Array.isArray(v) || v.length > MAX_ITEMS) fail(at, 'not a list');
    return (v as unknown[]).map((x, i) => f(x, `${at}[${i}]`));
  };
const obj =
  (shape: Record<string, V>, loose = false): V =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(at, 'not an object');
    const out: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(shape)) {
      const x = f((v as Record<string, unknown>)[k], `${at}.${k}`);
      if (x !== undefined) out[k] = x;
    }
    if (!loose) {
      for (const k of Object.keys(v)) if (!(k in shape)) fail(`${at}.${k}`, 'unexpected field');
    }
    return out;
  };
const METRIC = oneOf('self', 'cum', 'per-unit');
const budget = obj({ source: str(), pp: opt(num), ratio: opt(num) });
const interval = obj({ deltaPp: num, ciLowPp: num, ciHighPp: num });
const delta = obj({
  function: str(),
  metric: METRIC,
  baselineShare: num,
  canaryShare: num,
  deltaPp: num,
  ciLowPp: num,
  ciHighPp: num,
  ratio: nullable(num),
  pValue: num,
  significant: bool,
  status: oneOf('regression', 'grew', 'improvement', 'unchanged', 'ignored'),
  inBaseline: bool,
  inCanary: bool,
  budget,
  overBudget: bool,
  reason: str(),
  rawNames: opt(arr(str())),
  sameAs: opt(arr(str())),
  movedFrom: opt(str()),
  movedTo: opt(str()),
  mdePp: num,
  driftPp: num,
  diluted: opt(interval),
});
const side = obj({ captures: arr(str(4096)), total: num, samples: num });
const settings = obj(
  {
    type: opt(str(200)),
    budgetPp: num,
    budgetCumPp: num,
    budgetRatio: num,
    minShare: num,
    confidence: num,
    bootstrap: num,
    seed: num,
    budgetPerUnitPct: num,
    normalizeNames: str(10_000),
    onUnderpowered: oneOf('warn', 'fail'),
    onHardwareMismatch: oneOf('skip-per-unit', 'warn', 'fail'),
    calibration: opt(str(4096)),
    // the config file as the gate read it: only its file name is shown
    config: opt(obj({ file: opt(str(4096)) }, true)),
    baselineCaptures: num,
    canaryCaptures: num,
  },
  true,
);
const comparison = obj(
  {
    verdict: oneOf('pass', 'fail', 'inconclusive'),
    inconclusive: arr(str()),
    causes: arr(
      obj({
        function: str(),
        kind: oneOf('self', 'spread', 'per-unit', 'hardware'),
        rows: arr(delta),
        reason: str(),
      }),
    ),
    underpowered: arr(obj({ function: str(), metric: METRIC, mdePp: num, budgetPp: num })),
    critical: num,
    detectable: opt(obj({ mdePp: num, sharePct: num })),
    drift: obj({ modelled: bool, reason: str(), calibration: opt(str(4096)) }),
    type: obj({ type: str(200), unit: str(200) }),
    regressions: arr(delta),
    improvements: arr(delta),
    grew: arr(delta),
    functions: arr(delta),
    warnings: arr(str()),
    hardware: opt(
      obj({
        mismatch: str(10_000),
        onMismatch: oneOf('skip-per-unit', 'warn', 'fail'),
        perUnitSkipped: bool,
      }),
    ),
    settings,
    baseline: side,
    canary: side,
  },
  true,
);

const SHA = (v: unknown, at: string) =>
  typeof v === 'string' && /^[0-9a-f]{7,64}$/i.test(v) ? v : fail(at, 'not a commit sha');
const pullRequest = obj(
  {
    number: (v, at) =>
      typeof v === 'number' && Number.isSafeInteger(v) && v > 0
        ? v
        : fail(at, 'not a pull request number'),
    headSha: str(100),
    outcome: opt(oneOf('compared', 'no-baseline', 'error')),
    verdict: opt(oneOf('pass', 'fail', 'accepted', 'inconclusive', 'no-baseline')),
    accepted: opt(
      obj({
        label: str(256),
        pullRequest: (v, at) =>
          typeof v === 'number' && Number.isSafeInteger(v) && v > 0
            ? v
            : fail(at, 'not a pull request number'),
      }),
    ),
    sameRunner: opt(bool),
    reason: opt(str(10_000)),
    fails: opt(bool),
    everExisted: opt(bool),
    baseline: opt(obj({ runId: int, artifactName: str(256), headSha: SHA, createdAt: str(64) })),
    promotedFrom: opt(obj({ commitSha: SHA, time: str(64) })),
    canarySha: opt(SHA),
    // the key the gate used: ignored (the comment workflow's own comment-key decides)
    key: opt(str(256)),
  },
  true,
);

function readJson(path: string, maxBytes: number): unknown {
  if (!existsSync(path)) throw new DataError(`${path} is missing from the report artifact`);
  const size = statSync(path).size;
  if (size > maxBytes) throw new DataError(`${path}: ${size} bytes, more than ${maxBytes}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new DataError(`${path} is not valid JSON`);
  }
}

/** comparison.json of a gate run, checked; throws DataError naming the first bad field. */
export function readComparisonData(path: string, maxBytes: number): Comparison {
  return comparison(readJson(path, maxBytes), 'comparison.json') as Comparison;
}

/** pull-request.json of a gate run, checked; `outcome` defaults to compared (older gates). */
export function readPullRequestData(path: string, maxBytes = 1 << 20): PullRequestData {
  const d = pullRequest(readJson(path, maxBytes), 'pull-request.json') as PullRequestData;
  return { ...d, outcome: d.outcome ?? 'compared' };
}
