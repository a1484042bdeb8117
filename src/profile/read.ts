/**
 * Bytes in, normalized profile out: the single entry point for every reader.
 */
import { readCpuprofile } from './cpuprofile.js';
import { sniff, type Sniffed } from './detect.js';
import { ProfileError } from './errors.js';
import { Budget, checkJsonShape, withBudget, type Limits } from './limits.js';
import { readFolded } from './folded.js';
import { readJfr } from './jfr/read.js';
import { looksLikeHeapProfile, readHeapProfile } from './heapprofile.js';
import { unsupportedDetail, unsupportedJson, unsupportedText } from './formats.js';
import type { Profile } from './model.js';
import { readPerfScript, looksLikePerfScript } from './perfscript.js';
import { readPprof, readPprofTotals, type ProfileTotals } from './pprof/read.js';
import { aggregate } from './aggregate.js';
import type { Normalizer } from './normalize.js';
import { readSpeedscope } from './speedscope.js';

export interface ReadOptions {
  /** The limits of decoded work (limits.ts); unset ones take the defaults. */
  limits?: Partial<Limits>;
  /**
   * The budget to charge (one per run, so that the frames of every profile whose stacks are
   * kept add up); default: a fresh one per call with `limits`.
   */
  budget?: Budget;
  /** Same as limits.maxInputBytes (the old name: a cap on the inflated size of gzip data). */
  maxInflatedBytes?: number;
  /** Keep frames that a pprof profile's drop_frames would remove. */
  allFrames?: boolean;
  /** Frames folded into their caller (from the name-normalization rules; pprof only). */
  fold?: (name: string) => boolean;
}

/** The budget a read charges: the given one, or a fresh one with the given limits. */
export function budgetFor(opts: ReadOptions): Budget {
  return (
    opts.budget ??
    new Budget({
      ...opts.limits,
      maxInputBytes: opts.maxInflatedBytes ?? opts.limits?.maxInputBytes,
    })
  );
}

export function readProfile(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Profile {
  const budget = budgetFor(opts);
  return withBudget(budget, file, () =>
    readSniffed(sniff(bytes, file, budget.limits.maxInputBytes), file, opts, budget),
  );
}

function readSniffed(s: Sniffed, file: string, opts: ReadOptions, budget: Budget): Profile {
  let p: Profile;
  switch (s.kind) {
    case 'legacy':
      throw new ProfileError(
        'legacy-format',
        file,
        `legacy (pre-protobuf) pprof format is not supported (${s.what}); convert it with \`go tool pprof -proto FILE > out.pb.gz\``,
      );
    case 'pprof':
      p = readPprof(s.bytes, file, { allFrames: opts.allFrames, fold: opts.fold });
      break;
    case 'jfr':
      p = readJfr(s.bytes, file);
      break;
    case 'json':
      checkJsonShape(s.text, budget);
      p = readJson(s.text, file);
      break;
    case 'text': {
      const unsupported = unsupportedText(s.text);
      if (unsupported)
        throw new ProfileError('unsupported-format', file, unsupportedDetail(unsupported));
      p = looksLikePerfScript(s.text) ? readPerfScript(s.text, file) : readFolded(s.text, file);
      break;
    }
  }
  if (p.stackOffsets.length <= 1) {
    throw new ProfileError('empty', file, 'profile has no samples');
  }
  return p;
}

/**
 * Bytes in, per-function totals for every sample type out. pprof takes the fast path (no
 * stacks are built); the other formats are read fully and aggregated.
 */
export function readTotals(
  bytes: Uint8Array,
  file: string,
  normalize: Normalizer,
  opts: ReadOptions = {},
): ProfileTotals {
  const budget = budgetFor(opts);
  return withBudget(budget, file, () => totalsOf(bytes, file, normalize, opts, budget));
}

function totalsOf(
  bytes: Uint8Array,
  file: string,
  normalize: Normalizer,
  opts: ReadOptions,
  budget: Budget,
): ProfileTotals {
  const s = sniff(bytes, file, budget.limits.maxInputBytes);
  if (s.kind === 'pprof') {
    const t = readPprofTotals(s.bytes, file, normalize, {
      allFrames: opts.allFrames,
      fold: opts.fold ?? normalize.fold,
    });
    if (t.samples === 0) throw new ProfileError('empty', file, 'profile has no samples');
    return t;
  }
  const p = readSniffed(s, file, opts, budget);
  return {
    format: p.format,
    sampleTypes: p.sampleTypes,
    defaultSampleType: p.defaultSampleType,
    period: p.period,
    periodType: p.periodType,
    durationNanos: p.durationNanos,
    timeNanos: p.timeNanos,
    comments: p.comments,
    warnings: p.warnings,
    samples: p.stackOffsets.length - 1,
    totals: p.sampleTypes.map((_, k) => aggregate(p, k, normalize)),
  };
}

function readJson(text: string, file: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError('json', file, `invalid JSON (${(e as Error).message})`);
  }
  const unsupported = unsupportedJson(json);
  if (unsupported) {
    throw new ProfileError('unsupported-format', file, unsupportedDetail(unsupported));
  }
  if (isObject(json)) {
    const schema = json['$schema'];
    const shared = json['shared'];
    if (
      schema === 'https://www.speedscope.app/file-format-schema.json' ||
      (isObject(shared) && Array.isArray(shared['frames']) && Array.isArray(json['profiles']))
    ) {
      return readSpeedscope(json, file);
    }
    if (looksLikeHeapProfile(json)) return readHeapProfile(json, file);
    if (
      (Array.isArray(json['nodes']) && 'startTime' in json && 'endTime' in json) ||
      (isObject(json['head']) && Array.isArray(json['timestamps']))
    ) {
      return readCpuprofile(json, file);
    }
  }
  throw new ProfileError(
    'json',
    file,
    'JSON is neither a speedscope file (no $schema / shared.frames + profiles) nor a Chrome .cpuprofile (no nodes + startTime + endTime) nor a .heapprofile (no head with selfSize)',
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
