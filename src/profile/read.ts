/**
 * Bytes in, normalized profile out: the single entry point for every reader.
 */
import { readCpuprofile } from './cpuprofile.js';
import { DEFAULT_MAX_INFLATED_BYTES, sniff, type Sniffed } from './detect.js';
import { ProfileError } from './errors.js';
import { readFolded } from './folded.js';
import { looksLikeHeapProfile, readHeapProfile } from './heapprofile.js';
import { unsupportedDetail, unsupportedJson, unsupportedText } from './formats.js';
import type { Profile } from './model.js';
import { readPerfScript, looksLikePerfScript } from './perfscript.js';
import { readPprof, readPprofTotals, type ProfileTotals } from './pprof/read.js';
import { aggregate } from './aggregate.js';
import type { Normalizer } from './normalize.js';
import { readSpeedscope } from './speedscope.js';

export interface ReadOptions {
  /** Cap on the inflated size of gzip data (decompression-bomb guard). */
  maxInflatedBytes?: number;
  /** Keep frames that a pprof profile's drop_frames would remove. */
  allFrames?: boolean;
}

export function readProfile(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Profile {
  return readSniffed(
    sniff(bytes, file, opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES),
    file,
    opts,
  );
}

function readSniffed(s: Sniffed, file: string, opts: ReadOptions): Profile {
  let p: Profile;
  switch (s.kind) {
    case 'legacy':
      throw new ProfileError(
        'legacy-format',
        file,
        `legacy (pre-protobuf) pprof format is not supported (${s.what}); convert it with \`go tool pprof -proto FILE > out.pb.gz\``,
      );
    case 'pprof':
      p = readPprof(s.bytes, file, { allFrames: opts.allFrames });
      break;
    case 'json':
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
  const s = sniff(bytes, file, opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  if (s.kind === 'pprof') {
    const t = readPprofTotals(s.bytes, file, normalize, { allFrames: opts.allFrames });
    if (t.samples === 0) throw new ProfileError('empty', file, 'profile has no samples');
    return t;
  }
  const p = readSniffed(s, file, opts);
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
