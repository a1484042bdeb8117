/** The calibration use case: several known-good runs read from disk, every ordered pair compared. */
import { loadCaptureSets } from '../captureset/load.js';
import type { ReadOptions } from '../profile/read.js';
import { calibrate, type Calibration } from '../stats/calibrate.js';
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
  return { calibration, settings, typeName };
}
