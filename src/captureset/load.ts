/**
 * Reads capture sets from disk (or from memory, for fleet sources) and reduces every capture to
 * what the statistics need: per-function totals of ONE sample type, plus the units of work its
 * manifest recorded. `need` decides the reader path once: 'totals' takes the fast path (no
 * stacks are built), 'stacks' keeps the decoded profiles for flame graphs and pprof outputs.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { aggregate, selectSampleType } from '../profile/aggregate.js';
import { ProfileError } from '../profile/errors.js';
import { Budget } from '../profile/limits.js';
import type { Profile } from '../profile/model.js';
import { makeNormalizer, type Normalizer } from '../profile/normalize.js';
import type { ProfileTotals } from '../profile/pprof/read.js';
import { readProfile, readTotals, type ReadOptions } from '../profile/read.js';
import { UsageError } from '../errors.js';
import type { Capture } from '../stats/types.js';
import { displayName, expandPaths, readFileBytes } from './files.js';
import {
  MANIFEST_FILE,
  readManifestFile,
  verifyCaptureFile,
  type CaptureEntry,
  type Manifest,
} from './manifest.js';

/** What the caller will do with the captures: compare totals only, or also draw stacks. */
export type Need = 'totals' | 'stacks';

/** A capture already in memory (e.g. a fleet-source slice). */
export interface InMemoryCapture {
  name: string;
  bytes: Uint8Array;
  units?: number;
}

export interface SideSpec {
  /** What the side is called in messages (baseline, canary, run 3). */
  label: string;
  /** Files, directories or globs. */
  paths?: string[];
  /** Captures in memory, used instead of paths. */
  captures?: InMemoryCapture[];
  /** The manifest that came with in-memory captures. */
  manifest?: Manifest;
}

export interface LoadOptions {
  cwd: string;
  need: Need;
  read?: ReadOptions;
  /** Sample type to reduce to; undefined = the first manifest's, else the first profile's default. */
  type?: string;
  normalizeNames: string;
}

export interface LoadedSets {
  sets: Capture[][];
  /** Distinct manifests of each side. */
  manifests: Manifest[][];
  /** The sample type every capture was reduced to. */
  typeName: string;
}

interface Loaded {
  name: string;
  /** The full profile (need 'stacks'), or only its per-type totals (need 'totals'). */
  profile?: Profile;
  totals?: ProfileTotals;
  units?: number;
  dropped?: number;
  windowSeconds?: number;
  manifest: Manifest | null;
}

/** A folder's validated manifest and its entries by file name (null: no manifest). */
interface FolderManifest {
  manifest: Manifest;
  byFile: Map<string, CaptureEntry>;
}

function manifestIn(
  dir: string,
  cache: Map<string, FolderManifest | null>,
  cwd: string,
): FolderManifest | null {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const p = resolve(dir, MANIFEST_FILE);
  let m: FolderManifest | null = null;
  if (existsSync(p)) {
    const manifest = readManifestFile(p);
    const byFile = new Map(manifest.captures.map((c) => [c.file, c]));
    // every file the manifest lists must be there: a missing one is a broken set
    for (const c of manifest.captures) {
      if (!existsSync(join(dir, c.file))) {
        throw new ProfileError(
          'manifest',
          displayName(p, cwd),
          `lists ${JSON.stringify(c.file)}, which is not in ${displayName(dir, cwd) || '.'}`,
        );
      }
    }
    m = { manifest, byFile };
  }
  cache.set(dir, m);
  return m;
}

function decode(
  bytes: Uint8Array,
  name: string,
  opts: LoadOptions,
  norm: Normalizer,
  budget: Budget,
): Pick<Loaded, 'profile' | 'totals'> {
  const read = { ...opts.read, budget };
  if (opts.need === 'totals') return { totals: readTotals(bytes, name, norm, read) };
  return { profile: readProfile(bytes, name, { ...read, fold: norm.fold }) };
}

function loadSide(
  side: SideSpec,
  opts: LoadOptions,
  cache: Map<string, FolderManifest | null>,
  norm: Normalizer,
  budget: Budget,
): Loaded[] {
  if (side.captures) {
    return side.captures.map((c) => ({
      name: c.name,
      ...decode(c.bytes, c.name, opts, norm, budget),
      units: c.units,
      manifest: side.manifest ?? null,
    }));
  }
  return expandPaths(side.paths ?? [], opts.cwd, side.label).map((f) => {
    const name = displayName(f, opts.cwd);
    const folder = manifestIn(dirname(f), cache, opts.cwd);
    const entry = folder?.byFile.get(basename(f));
    if (folder && !entry) {
      throw new ProfileError(
        'manifest',
        name,
        `is not listed in the ${MANIFEST_FILE} of its folder: a capture set holds what its manifest lists (remove the file, or compare it from another folder)`,
      );
    }
    const bytes = readFileBytes(f, name, budget.limits.maxInputBytes);
    if (entry) verifyCaptureFile(entry, bytes, name);
    return {
      name,
      ...decode(bytes, name, opts, norm, budget),
      units: entry?.requests?.completed,
      dropped: entry?.requests?.dropped,
      windowSeconds: entry?.durationSeconds || undefined,
      manifest: folder?.manifest ?? null,
    };
  });
}

/**
 * Reads several sides and reduces every capture to per-function totals of ONE sample type:
 * `type`, else the first side's manifest sampleType, else the first profile's default.
 */
export function loadCaptureSets(sides: SideSpec[], opts: LoadOptions): LoadedSets {
  const cache = new Map<string, FolderManifest | null>();
  const norm = makeNormalizer(opts.normalizeNames);
  // one budget for the run: the frames of profiles whose stacks are kept add up
  const budget = opts.read?.budget ?? new Budget(opts.read?.limits, opts.need === 'stacks');
  const loaded = sides.map((side) => {
    const l = loadSide(side, opts, cache, norm, budget);
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
      dropped: l.dropped,
      windowSeconds: l.windowSeconds,
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
