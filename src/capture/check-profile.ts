/** The check every capture passes before it is written: decodable, with samples, not all zero. */
import { ProfileError } from '../profile/errors.js';
import { isGzip } from '../profile/detect.js';
import type { Profile } from '../profile/model.js';
import { readProfile } from '../profile/read.js';
import type { Limits } from '../profile/limits.js';
import { selectSampleType } from '../profile/aggregate.js';
import { CaptureError } from './errors.js';

export interface CheckedProfile {
  profile: Profile;
  /** Sample type name the manifest should record (the asked one when present). */
  sampleType: string;
  /** Sum of the selected sample type's values. */
  total: number;
  /** File extension that matches the content. */
  ext: string;
  warnings: string[];
}

/**
 * Decodes a capture and checks it is usable: decodable, has samples, and the selected sample
 * type is not all zero. Corrupt gzip/protobuf may be a transfer cut short, so it is retryable.
 *
 * `strictType`: a profile without `sampleType` is empty rather than recorded under another
 * type. For profilers attached by pid, whose files offer a type only when they hold samples of
 * it (a JFR recording without jdk.ExecutionSample events has no `cpu`).
 */
export function checkProfile(
  bytes: Uint8Array,
  name: string,
  sampleType: string | undefined,
  emptyHint: string,
  limits?: Partial<Limits>,
  strictType = false,
): CheckedProfile {
  let profile: Profile;
  try {
    profile = readProfile(bytes, name, { limits });
  } catch (e) {
    if (e instanceof ProfileError) {
      if (e.code === 'empty') {
        throw new CaptureError('empty', `${name}: the profile has no samples: ${emptyHint}`);
      }
      if (e.code === 'too-large') throw new CaptureError('too-large', e.message);
      const retryable = e.code === 'gzip' || e.code === 'protobuf';
      throw new CaptureError('decode', `${name}: not a usable profile: ${e.detail}`, retryable);
    }
    throw e;
  }
  const warnings = [...profile.warnings];
  let idx = profile.defaultSampleType;
  let chosen = profile.sampleTypes[idx]?.type ?? 'samples';
  if (sampleType) {
    try {
      idx = selectSampleType(profile, sampleType, name);
      chosen = sampleType;
    } catch {
      const has = profile.sampleTypes.map((t) => t.type).join(', ');
      if (strictType) {
        throw new CaptureError(
          'empty',
          `${name}: the profile has no "${sampleType}" samples (only ${has}): ${emptyHint}`,
        );
      }
      warnings.push(
        `${name} has no sample type "${sampleType}" (it has ${has}); recording "${chosen}"`,
      );
    }
  }
  let total = 0;
  for (const v of profile.values[idx] ?? []) total += Math.abs(v);
  if (total === 0) {
    throw new CaptureError('empty', `${name}: every sample of "${chosen}" is zero: ${emptyHint}`);
  }
  return { profile, sampleType: chosen, total, ext: extensionFor(bytes, profile), warnings };
}

export function extensionFor(bytes: Uint8Array, p: Profile): string {
  const gz = isGzip(bytes) ? '.gz' : '';
  switch (p.format) {
    case 'pprof':
      return gz ? '.pb.gz' : '.pb';
    case 'folded':
      return '.folded' + gz;
    case 'perf-script':
      return '.perf.txt' + gz;
    case 'speedscope':
      return '.speedscope.json' + gz;
    case 'cpuprofile':
      return '.cpuprofile' + gz;
    case 'heapprofile':
      return '.heapprofile' + gz;
    case 'jfr':
      return '.jfr' + gz;
  }
}
