/**
 * The comparison use case, the one both shells call: settings resolved, both sides read (capture
 * folders, files and globs on disk, or windows of a fleet source read into memory), the engine
 * run, manifest differences added. Returns the comparison and the captures that reports need.
 */
import {
  differences,
  hardwareMismatch,
  incompleteSets,
  kindMismatch,
  sameRun,
} from '../captureset/differences.js';
import { UsageError } from '../errors.js';
import { loadCaptureSets, type Need, type SideSpec } from '../captureset/load.js';
import type { Normalizer } from '../profile/normalize.js';
import type { ReadOptions } from '../profile/read.js';
import { fetchSourceCaptures } from '../sources/fetch.js';
import type { Env } from '../sources/auth.js';
import { describeSource, type SourceSpec } from '../sources/spec.js';
import { compareCaptures } from '../stats/compare.js';
import type { DriftModel } from '../stats/drift.js';
import type { Capture, CompareSettings, Comparison } from '../stats/types.js';
import { readCalibration, settingsFor } from './config.js';

/** One side: captures on disk (files, folders, globs), or a fleet-source window. */
export type SideInput = { paths: string[] } | { source: SourceSpec };

export interface CompareRequest {
  baseline: SideInput;
  canary: SideInput;
  /** Base for relative paths and where `.profile-gate.yml` is looked for. */
  cwd: string;
  /** Where fleet-source credentials are read from. */
  env: Env;
  /** Settings given explicitly (CLI flags / Action inputs); the rest from the config file. */
  settings: Partial<CompareSettings>;
  configPath?: string;
  read?: ReadOptions;
  /** 'totals' (fast path, no stacks) unless a report needs the stacks. */
  need: Need;
  /** Progress messages. */
  log?: (msg: string) => void;
  /**
   * A run-to-run drift model made in memory (the Action estimates one from earlier baselines),
   * used when no calibration file is given and when it is of the comparison's sample type.
   */
  drift?: DriftModel;
}

export interface CompareRun {
  comparison: Comparison;
  baseline: Capture[];
  canary: Capture[];
  /** The name normalization the comparison used (project roots included); reports reuse it. */
  normalize?: Normalizer;
}

async function sideSpec(
  label: 'baseline' | 'canary',
  input: SideInput,
  req: CompareRequest,
): Promise<SideSpec> {
  if ('paths' in input) return { label, paths: input.paths };
  const log = req.log ?? (() => {});
  log(`reading the ${label} from ${describeSource(input.source)}`);
  const res = await fetchSourceCaptures(input.source, {
    env: req.env,
    log,
    limits: {
      ...req.read?.limits,
      maxInputBytes: req.read?.maxInflatedBytes ?? req.read?.limits?.maxInputBytes,
    },
  });
  return {
    label,
    captures: res.captures.map((c) => ({ name: `${label}-source/${c.name}`, bytes: c.bytes })),
    manifest: res.manifest,
  };
}

export async function compare(req: CompareRequest): Promise<CompareRun> {
  const settings = settingsFor(req.cwd, req.settings, req.configPath);
  const log = req.log ?? (() => {});
  for (const d of settings.config?.deprecated ?? []) log(`note: ${d}`);
  const sides = [
    await sideSpec('baseline', req.baseline, req),
    await sideSpec('canary', req.canary, req),
  ];
  const { sets, manifests, typeName, warnings, normalize } = loadCaptureSets(sides, {
    cwd: req.cwd,
    need: req.need,
    read: req.read,
    type: settings.type,
    normalizeNames: settings.normalizeNames,
  });
  const mismatch = kindMismatch(manifests[0], manifests[1]);
  if (mismatch) throw new UsageError(mismatch);
  const [baseline, canary] = sets;
  log(`read ${baseline.length} baseline and ${canary.length} canary captures (${typeName})`);
  let drift = settings.calibration
    ? readCalibration(req.cwd, settings.calibration, settings.config?.file, typeName)
    : req.drift;
  if (drift && drift !== req.drift) log('drift model from the calibration file');
  else if (drift && drift.sampleType !== typeName) {
    log(`drift model left out: it was estimated for ${drift.sampleType}, not ${typeName}`);
    drift = undefined;
  }
  const comparison = compareCaptures(
    baseline,
    canary,
    { ...settings, type: typeName },
    {
      onProgress: (done, total) => log(`bootstrap ${done}/${total}`),
      drift,
      sameRun: sameRun(manifests[0], manifests[1]),
      inconclusive: incompleteSets(manifests[0], manifests[1]),
      hardwareMismatch: hardwareMismatch(manifests[0], manifests[1]),
    },
  );
  comparison.warnings.push(...warnings, ...differences(manifests[0], manifests[1]));
  return { comparison, baseline, canary, normalize };
}
