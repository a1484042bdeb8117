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
  /** What the readers noticed (skipped lines, dropped frames...), each naming its file. */
  warnings: string[];
  /** The name normalization the totals went through (reports use the same one). */
  normalize: Normalizer;
}

/** A capture found (its manifest entry checked) but not yet decoded. */
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

function decode(found: Found, opts: LoadOptions, norm: Normalizer, budget: Budget): Loaded {
  const { bytes, ...rest } = found;
  const read = { ...opts.read, budget };
  if (opts.need === 'totals')
    return { ...rest, totals: readTotals(bytes(), found.name, norm, read) };
  return { ...rest, profile: readProfile(bytes(), found.name, { ...read, fold: norm.fold }) };
}

/** The captures of a side, their manifest entries checked, not decoded yet. */
function findSide(
  side: SideSpec,
  opts: LoadOptions,
  cache: Map<string, FolderManifest | null>,
  budget: Budget,
): Found[] {
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
    const folder = manifestIn(dirname(f), cache, opts.cwd);
    const entry = folder?.byFile.get(basename(f));
    if (folder && !entry) {
      throw new ProfileError(
        'manifest',
        name,
        `is not listed in the ${MANIFEST_FILE} of its folder: a capture set holds what its manifest lists (remove the file, or compare it from another folder)`,
      );
    }
    return {
      name,
      bytes: () => {
        const bytes = readFileBytes(f, name, budget.limits.maxInputBytes);
        if (entry) verifyCaptureFile(entry, bytes, name);
        return bytes;
      },
      units: entry?.requests?.completed,
      dropped: entry?.requests?.dropped,
      windowSeconds: entry?.durationSeconds || undefined,
      manifest: folder?.manifest ?? null,
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
  const cache = new Map<string, FolderManifest | null>();
  // one budget for the run: the frames of profiles whose stacks are kept add up
  const budget = opts.read?.budget ?? new Budget(opts.read?.limits, opts.need === 'stacks');
  const found = sides.map((side) => {
    const f = findSide(side, opts, cache, budget);
    if (f.length === 0) throw new UsageError(`no ${side.label} profiles given`);
    return f;
  });
  const norm = makeNormalizer(opts.normalizeNames, {
    roots: projectRoots(
      opts.cwd,
      found.flat().map((f) => f.manifest),
    ),
  });
  const loaded = found.map((side) => side.map((f) => decode(f, opts, norm, budget)));
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
