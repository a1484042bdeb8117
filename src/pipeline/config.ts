/** Finds and reads `.profile-gate.yml`, then resolves the settings (flags/inputs > file > defaults). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { CONFIG_FILE_NAMES, parseConfig } from '../stats/config.js';
import { parseDriftModel, type DriftModel } from '../stats/drift.js';
import { resolveSettings } from '../stats/settings.js';
import type { CompareSettings, GateConfig } from '../stats/types.js';

/** The config file at `configPath`, else `.profile-gate.yml` in cwd, else none. */
export function loadConfig(cwd: string, configPath?: string): GateConfig | undefined {
  if (configPath) {
    const p = resolve(cwd, configPath);
    if (!existsSync(p)) throw new UsageError(`config file ${configPath} does not exist`);
    return parseConfig(readFileSync(p, 'utf8'), configPath);
  }
  for (const name of CONFIG_FILE_NAMES) {
    const p = resolve(cwd, name);
    if (existsSync(p)) return parseConfig(readFileSync(p, 'utf8'), name);
  }
  return undefined;
}

/** Settings for a run: the explicit ones, then the config file's, then the defaults. */
export function settingsFor(
  cwd: string,
  explicit: Partial<CompareSettings>,
  configPath?: string,
): CompareSettings {
  return resolveSettings(explicit, loadConfig(cwd, configPath));
}

/**
 * Reads the calibration file (the drift model). A path from the config file is relative to
 * the config file's folder; one from a flag or input, to cwd.
 */
export function readCalibration(
  cwd: string,
  path: string,
  configFile: string | undefined,
  sampleType: string,
): DriftModel {
  const p = resolve(configFile ? dirname(resolve(cwd, configFile)) : cwd, path);
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch (e) {
    throw new UsageError(`calibration file ${path}: cannot read it (${(e as Error).message})`);
  }
  const m = parseDriftModel(text, path);
  if (m.sampleType !== sampleType) {
    throw new UsageError(
      `calibration file ${path} was made for sample type ${m.sampleType}, but this comparison is of ${sampleType}`,
    );
  }
  return m;
}
