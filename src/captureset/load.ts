/**
 * Reads capture sets from disk (or from memory, for fleet sources) and reduces every capture to
 * what the statistics need: per-function totals of ONE sample type, plus the units of work its
 * manifest recorded. `need` decides the reader path once: 'totals' takes the fast path (no
 * stacks are built), 'stacks' keeps the decoded profiles for flame graphs and pprof outputs.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { aggregate, selectSampleType } from '../profile/aggregate.js';
import { ProfileError } from '../profile/errors.js';
import type { Profile } from '../profile/model.js';
import { makeNormalizer, type Normalizer } from '../profile/normalize.js';
import type { ProfileTotals } from '../profile/pprof/read.js';
import { readProfile, readTotals, type ReadOptions } from '../profile/read.js';
import { UsageError } from '../errors.js';
import type { Capture } from '../stats/types.js';
import { displayName, expandPaths, readFileBytes } from './files.js';
import { MANIFEST_FILE, readManifestFile, type Manifest } from './manifest.js';

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

function manifestIn(dir: string, cache: Map<string, Manifest | null>): Manifest | null {
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

function decode(
  bytes: Uint8Array,
  name: string,
  opts: LoadOptions,
  norm: Normalizer,
): Pick<Loaded, 'profile' | 'totals'> {
  if (opts.need === 'totals') return { totals: readTotals(bytes, name, norm, opts.read) };
  return { profile: readProfile(bytes, name, { ...opts.read, fold: norm.fold }) };
}

function loadSide(
  side: SideSpec,
  opts: LoadOptions,
  cache: Map<string, Manifest | null>,
  norm: Normalizer,
): Loaded[] {
  if (side.captures) {
    return side.captures.map((c) => ({
      name: c.name,
      ...decode(c.bytes, c.name, opts, norm),
      units: c.units,
      manifest: side.manifest ?? null,
    }));
  }
  return expandPaths(side.paths ?? [], opts.cwd, side.label).map((f) => {
    const name = displayName(f, opts.cwd);
    const manifest = manifestIn(dirname(f), cache);
    const entry = manifest?.captures.find((c) => c.file === basename(f));
    return {
      name,
      ...decode(readFileBytes(f, name), name, opts, norm),
      units: entry?.requests?.completed,
      dropped: entry?.requests?.dropped,
      windowSeconds: entry?.durationSeconds || undefined,
      manifest,
    };
  });
}

/**
 * Reads several sides and reduces every capture to per-function totals of ONE sample type:
 * `type`, else the first side's manifest sampleType, else the first profile's default.
 */
export function loadCaptureSets(sides: SideSpec[], opts: LoadOptions): LoadedSets {
  const cache = new Map<string, Manifest | null>();
  const norm = makeNormalizer(opts.normalizeNames);
  const loaded = sides.map((side) => {
    const l = loadSide(side, opts, cache, norm);
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
