/** The calibration use case: several known-good runs read from disk, every ordered pair compared. */
import { loadCaptureSets } from '../captureset/load.js';
import type { ReadOptions } from '../profile/read.js';
import { calibrate, type Calibration } from '../stats/calibrate.js';
import { compareCaptures } from '../stats/compare.js';
import { estimateDrift, type DriftModel } from '../stats/drift.js';
import { planCaptures, type Plan } from '../stats/plan.js';
import type { CompareSettings } from '../stats/types.js';
import { settingsFor } from './config.js';

export interface CalibrateRequest {
  /** One folder (or file list) per known-good run. */
  runs: string[];
  cwd: string;
  settings: Partial<CompareSettings>;
  configPath?: string;
  read?: ReadOptions;
  /** False-alarm rate the suggested budgets should stay under. */
  target: number;
}

export interface CalibrateRun {
  calibration: Calibration;
  settings: CompareSettings;
  typeName: string;
  /** The run-to-run drift model (from 3 or more runs). */
  drift?: DriftModel;
  /** Captures needed to see a change of the self budget, from the runs' variances. */
  plan?: Plan;
}

export function calibrateRuns(req: CalibrateRequest): CalibrateRun {
  const settings = settingsFor(req.cwd, req.settings, req.configPath);
  const { sets, typeName } = loadCaptureSets(
    req.runs.map((d) => ({ label: d, paths: [d] })),
    {
      cwd: req.cwd,
      need: 'totals',
      read: req.read,
      type: settings.type,
      normalizeNames: settings.normalizeNames,
    },
  );
  const calibration = calibrate(
    sets.map((captures, i) => ({ name: req.runs[i], captures })),
    { ...settings, type: typeName },
    req.target,
  );
  if (sets.length < 3) return { calibration, settings, typeName };
  const drift = estimateDrift(sets, typeName);
  // the critical value a comparison of two of these runs uses, for the plan
  const probe = compareCaptures(sets[0], sets[1], { ...settings, type: typeName });
  const plan = planCaptures(sets, drift, settings.budgetPp, {
    critical: probe.critical,
    df: sets[0].length + sets[1].length - 2,
  });
  return { calibration, settings, typeName, drift, plan };
}

export interface DriftRequest {
  /** One folder per run (e.g. promoted baselines), newest first. */
  runs: string[];
  cwd: string;
  settings: Partial<CompareSettings>;
  configPath?: string;
  read?: ReadOptions;
}

/**
 * The drift model of several runs read from disk (totals only), reduced as a comparison with
 * the same settings reduces them: the sample type given, else the first run's. Throws a
 * UsageError with fewer than 3 runs.
 */
export function estimateDriftFromRuns(req: DriftRequest): DriftModel {
  const settings = settingsFor(req.cwd, req.settings, req.configPath);
  const { sets, typeName } = loadCaptureSets(
    req.runs.map((d, i) => ({ label: `baseline ${i + 1}`, paths: [d] })),
    {
      cwd: req.cwd,
      need: 'totals',
      read: req.read,
      type: settings.type,
      normalizeNames: settings.normalizeNames,
    },
  );
  return estimateDrift(sets, typeName);
}
