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
  /** What the readers noticed (skipped lines, dropped frames...), each naming its file. */
  warnings: string[];
  /** The name normalization the totals went through (reports use the same one). */
  normalize: Normalizer;
}

/** A capture found but not yet decoded. */
interface Found {
  name: string;
  bytes: () => Uint8Array;
  units?: number;
  dropped?: number;
  windowSeconds?: number;
  manifest: Manifest | null;
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

function decode(found: Found, opts: LoadOptions, norm: Normalizer): Loaded {
  const { bytes, ...rest } = found;
  if (opts.need === 'totals')
    return { ...rest, totals: readTotals(bytes(), found.name, norm, opts.read) };
  return { ...rest, profile: readProfile(bytes(), found.name, opts.read) };
}

/** The captures of a side, with their manifests, not decoded yet. */
function findSide(side: SideSpec, opts: LoadOptions, cache: Map<string, Manifest | null>): Found[] {
  if (side.captures) {
    return side.captures.map((c) => ({
      name: c.name,
      bytes: () => c.bytes,
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
      bytes: () => readFileBytes(f, name),
      units: entry?.requests?.completed,
      dropped: entry?.requests?.dropped,
      windowSeconds: entry?.durationSeconds || undefined,
      manifest,
    };
  });
}

/**
 * The project roots that file paths in function names are made relative to: the working folder
 * and the folders of the profiled processes that the manifests record.
 */
export function projectRoots(cwd: string, manifests: (Manifest | null)[]): string[] {
  const roots = new Set<string>([resolve(cwd)]);
  for (const m of manifests) if (m?.projectRoot) roots.add(m.projectRoot);
  return [...roots];
}

/**
 * The readers' warnings, each naming its file; the same warning (numbers aside) from several
 * captures is one line naming the first and how many more.
 */
export function readerWarnings(perFile: [string, string[]][]): string[] {
  const groups = new Map<string, { first: string; text: string; n: number }>();
  for (const [name, list] of perFile) {
    for (const w of list) {
      const key = w.replace(/\d+(\.\d+)?/g, '#');
      const g = groups.get(key);
      if (g) g.n++;
      else groups.set(key, { first: name, text: w, n: 1 });
    }
  }
  return [...groups.values()].map(
    (g) =>
      `${g.first}${g.n > 1 ? ` (and ${g.n - 1} more capture${g.n === 2 ? '' : 's'})` : ''}: ${g.text}`,
  );
}

/** A note for a sample type that is zero in every capture while others hold data. */
function emptyTypeNote(loaded: Loaded[][], typeName: string): string | undefined {
  const all = loaded.flat();
  const withData = new Map<string, number>();
  let chosenTotal = 0;
  for (const l of all) {
    const m = (l.profile ?? l.totals)!;
    m.sampleTypes.forEach((t, k) => {
      let total = 0;
      if (l.totals) total = Math.abs(l.totals.totals[k].total);
      else for (const v of l.profile!.values[k]) total += Math.abs(v);
      if (t.type === typeName) chosenTotal += total;
      else if (total > 0) withData.set(`${t.type} (${t.unit})`, 1);
    });
  }
  if (chosenTotal > 0 || withData.size === 0) return undefined;
  return `sample type ${typeName} is 0 in every capture; types with data: ${[...withData.keys()].join(', ')}: pick one with --sample-type`;
}

/**
 * Reads several sides and reduces every capture to per-function totals of ONE sample type:
 * `type`, else the first side's manifest sampleType, else the first profile's default.
 */
export function loadCaptureSets(sides: SideSpec[], opts: LoadOptions): LoadedSets {
  const cache = new Map<string, Manifest | null>();
  const found = sides.map((side) => {
    const f = findSide(side, opts, cache);
    if (f.length === 0) throw new UsageError(`no ${side.label} profiles given`);
    return f;
  });
  const norm = makeNormalizer(opts.normalizeNames, {
    roots: projectRoots(
      opts.cwd,
      found.flat().map((f) => f.manifest),
    ),
  });
  const loaded = found.map((side) => side.map((f) => decode(f, opts, norm)));
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
  const sets = loaded.map((l) => l.map(toCapture));
  const warnings = readerWarnings(loaded.flat().map((l) => [l.name, meta(l).warnings]));
  const note = emptyTypeNote(loaded, typeName);
  if (note) warnings.push(note);
  return {
    sets,
    manifests: loaded.map(
      (l) => [...new Set(l.map((x) => x.manifest).filter(Boolean))] as Manifest[],
    ),
    typeName,
    warnings,
    normalize: norm,
  };
}
