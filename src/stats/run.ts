/**
 * Shell-side entry for a comparison: expands paths, reads profiles, manifests and the config
 * file, then runs the pure engine. Used by the CLI `compare` command and by the Action.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { MANIFEST_FILE, readManifestFile, type Manifest } from '../capture/manifest.js';
import { displayName, expandPaths, readProfileFile, readTotalsFile } from '../cli/files.js';
import { aggregate, selectSampleType } from '../profile/aggregate.js';
import { ProfileError } from '../profile/errors.js';
import { UsageError } from '../errors.js';
import type { Profile } from '../profile/model.js';
import { makeNormalizer, type Normalizer } from '../profile/normalize.js';
import type { ProfileTotals } from '../profile/pprof.js';
import type { ReadOptions } from '../profile/read.js';
import { compareCaptures, DEFAULT_SETTINGS } from './compare.js';
import { CONFIG_FILE_NAMES, parseConfig } from './config.js';
import type { Capture, CompareSettings, Comparison, GateConfig } from './types.js';

export interface CompareInput {
  /** Files, directories or globs, as given by the user. */
  baseline: string[];
  canary: string[];
  cwd: string;
  /** Settings given explicitly (CLI flags / Action inputs); the rest come from config, then defaults. */
  settings: Partial<CompareSettings>;
  /** Path of `.profile-gate.yml`; undefined = look for `.profile-gate.yml` in cwd. */
  configPath?: string;
  read?: ReadOptions;
  /** Progress messages (bootstrap can take a while). */
  log?: (msg: string) => void;
  /** Keep decoded profiles for reports; false reads only per-function totals (faster). */
  keepProfiles?: boolean;
  /** Profiles already in memory (e.g. fetched from Pyroscope/Parca), used instead of paths. */
  baselineProfiles?: InMemoryCapture[];
  canaryProfiles?: InMemoryCapture[];
}

export interface InMemoryCapture {
  name: string;
  profile: Profile;
  units?: number;
}

export interface CompareRun {
  comparison: Comparison;
  baseline: Capture[];
  canary: Capture[];
}

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

/** Settings precedence: explicit (flags / inputs) > config file > defaults. */
export function resolveSettings(
  explicit: Partial<CompareSettings>,
  cfg?: GateConfig,
): CompareSettings {
  const pick = <K extends keyof CompareSettings>(k: K, fromCfg: CompareSettings[K] | undefined) =>
    (explicit[k] ?? fromCfg ?? DEFAULT_SETTINGS[k]) as CompareSettings[K];
  const s: CompareSettings = {
    type: explicit.type,
    budgetPp: pick('budgetPp', cfg?.budgetPp),
    budgetCumPp: pick('budgetCumPp', cfg?.budgetCumPp),
    budgetRatio: pick('budgetRatio', cfg?.budgetRatio),
    minShare: pick('minShare', cfg?.minShare),
    confidence: pick('confidence', cfg?.confidence),
    bootstrap: pick('bootstrap', undefined),
    seed: pick('seed', undefined),
    budgetPerUnitPct: pick('budgetPerUnitPct', cfg?.budgetPerUnitPct),
    normalizeNames: pick('normalizeNames', undefined),
    config: cfg,
  };
  validateSettings(s);
  return s;
}

export function validateSettings(s: CompareSettings): void {
  const bad = (m: string) => {
    throw new UsageError(m);
  };
  if (!(s.confidence > 0.5 && s.confidence < 1))
    bad(`confidence must be between 0.5 and 1, got ${s.confidence}`);
  if (!Number.isInteger(s.bootstrap) || s.bootstrap < 100 || s.bootstrap > 1_000_000)
    bad(`bootstrap must be a whole number between 100 and 1000000, got ${s.bootstrap}`);
  if (!Number.isInteger(s.seed) || s.seed < 0)
    bad(`seed must be a non-negative whole number, got ${s.seed}`);
  for (const [k, v] of [
    ['budget-pp', s.budgetPp],
    ['budget-cum-pp', s.budgetCumPp],
    ['budget-ratio', s.budgetRatio],
    ['min-share', s.minShare],
    ['budget-per-unit-pct', s.budgetPerUnitPct],
  ] as const) {
    if (!(v >= 0) || !Number.isFinite(v)) bad(`${k} must be a number >= 0, got ${v}`);
  }
  if (s.budgetRatio > 0 && s.budgetRatio <= 1)
    bad(`budget-ratio must be above 1 (or 0 to switch it off), got ${s.budgetRatio}`);
  if (s.minShare >= 100) bad(`min-share is a percentage below 100, got ${s.minShare}`);
}

function readManifest(dir: string, cache: Map<string, Manifest | null>): Manifest | null {
  if (cache.has(dir)) return cache.get(dir)!;
  const p = resolve(dir, MANIFEST_FILE);
  let m: Manifest | null = null;
  if (existsSync(p)) {
    try {
      m = readManifestFile(p);
    } catch (e) {
      throw new ProfileError('json', p, `not a valid capture manifest (${(e as Error).message})`);
    }
  }
  cache.set(dir, m);
  return m;
}

interface Loaded {
  name: string;
  /** The full profile (when reports need stacks), or only its per-type totals. */
  profile?: Profile;
  totals?: ProfileTotals;
  units?: number;
  manifest: Manifest | null;
}

function loadSide(
  paths: string[],
  opts: LoadOptions,
  what: string,
  manifests: Map<string, Manifest | null>,
  norm: Normalizer,
): Loaded[] {
  const files = expandPaths(paths, opts.cwd, what);
  return files.map((f) => {
    const name = displayName(f, opts.cwd);
    const manifest = readManifest(dirname(f), manifests);
    const entry = manifest?.captures.find((c) => c.file === basename(f));
    const units = entry?.requests?.completed;
    if (opts.keepProfiles === false) {
      return { name, totals: readTotalsFile(f, name, norm, opts.read), units, manifest };
    }
    return { name, profile: readProfileFile(f, name, opts.read), units, manifest };
  });
}

export interface LoadOptions {
  cwd: string;
  read?: ReadOptions;
  type?: string;
  normalizeNames: string;
  /** Keep decoded profiles for reports (flame graph, diff pprof); false = totals only (faster). */
  keepProfiles?: boolean;
}

export interface SideSpec {
  /** What the side is called in messages (baseline, canary, run 3). */
  label: string;
  paths?: string[];
  profiles?: InMemoryCapture[];
}

export interface LoadedSets {
  sets: Capture[][];
  /** Distinct manifests of each side. */
  manifests: Manifest[][];
  /** The sample type every capture was reduced to. */
  typeName: string;
}

/**
 * Reads several sides and reduces every capture to per-function totals of ONE sample type:
 * `type`, else the first side's manifest sampleType, else the first profile's default.
 */
export function loadCaptureSets(sides: SideSpec[], opts: LoadOptions): LoadedSets {
  const cache = new Map<string, Manifest | null>();
  const norm = makeNormalizer(opts.normalizeNames);
  const loaded = sides.map((side) => {
    const l: Loaded[] = side.profiles
      ? side.profiles.map((c) => ({ ...c, manifest: null }))
      : loadSide(side.paths ?? [], opts, side.label, cache, norm);
    if (l.length === 0) throw new UsageError(`no ${side.label} profiles given`);
    return l;
  });
  const first = loaded[0][0];
  const meta = (l: Loaded) => (l.profile ?? l.totals)!;
  const typeName =
    opts.type ??
    first.manifest?.sampleType ??
    meta(first).sampleTypes[meta(first).defaultSampleType].type;
  const toCapture = (l: Loaded): Capture => {
    const m = meta(l);
    const t = selectSampleType(m, typeName, l.name);
    return {
      name: l.name,
      totals: l.profile ? aggregate(l.profile, t, norm) : l.totals!.totals[t],
      period: m.period,
      periodType: m.periodType,
      durationNanos: m.durationNanos,
      units: l.units,
      profile: l.profile,
    };
  };
  return {
    sets: loaded.map((l) => l.map(toCapture)),
    manifests: loaded.map(
      (l) => [...new Set(l.map((x) => x.manifest).filter(Boolean))] as Manifest[],
    ),
    typeName,
  };
}

export function runComparison(input: CompareInput): CompareRun {
  const cfg = loadConfig(input.cwd, input.configPath);
  const settings = resolveSettings(input.settings, cfg);
  const log = input.log ?? (() => {});
  const { sets, manifests, typeName } = loadCaptureSets(
    [
      { label: 'baseline', paths: input.baseline, profiles: input.baselineProfiles },
      { label: 'canary', paths: input.canary, profiles: input.canaryProfiles },
    ],
    {
      cwd: input.cwd,
      read: input.read,
      type: settings.type,
      normalizeNames: settings.normalizeNames,
    },
  );
  const [baseline, canary] = sets;
  log(`read ${baseline.length} baseline and ${canary.length} canary captures (${typeName})`);
  const comparison = compareCaptures(
    baseline,
    canary,
    { ...settings, type: typeName },
    (done, total) => log(`bootstrap ${done}/${total}`),
  );
  comparison.warnings.push(...manifestWarnings(manifests[0], manifests[1]));
  return { comparison, baseline, canary };
}

/** Warnings when the manifests say the two sets were not made the same way. */
export function manifestWarnings(base: Manifest[], can: Manifest[]): string[] {
  const out: string[] = [];
  for (const [side, ms] of [
    ['baseline', base],
    ['canary', can],
  ] as const) {
    for (const m of ms) {
      if (m.incomplete) {
        out.push(
          `the ${side} set is incomplete (${m.captures.length} of ${m.incomplete.requestedCaptures} captures: ${m.incomplete.reason})`,
        );
      }
    }
  }
  if (base.length === 0 || can.length === 0) return out;
  const b = base[0];
  const c = can[0];
  if (b.profileType !== c.profileType) {
    out.push(
      `manifests disagree on the profile type: baseline ${b.profileType}, canary ${c.profileType}`,
    );
  }
  if (b.runner && c.runner) {
    if (b.runner.cpuModel !== c.runner.cpuModel || b.runner.cores !== c.runner.cores) {
      out.push(
        `captured on different machines: baseline ${b.runner.cpuModel} x${b.runner.cores}, canary ${c.runner.cpuModel} x${c.runner.cores}; shares shift with the hardware`,
      );
    }
  }
  const rb = b.load?.rate;
  const rc = c.load?.rate;
  if (rb && rc && rb !== rc)
    out.push(`different offered load: baseline ${rb} req/s, canary ${rc} req/s`);
  const durs = (ms: Manifest[]) =>
    new Set(ms.flatMap((m) => m.captures.map((e) => e.durationSeconds)));
  const db = durs(base);
  const dc = durs(can);
  if (db.size === 1 && dc.size === 1 && [...db][0] !== [...dc][0]) {
    out.push(`different capture lengths: baseline ${[...db][0]} s, canary ${[...dc][0]} s`);
  }
  return out;
}
