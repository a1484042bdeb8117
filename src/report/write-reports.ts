/**
 * Writes the report files of a comparison (flame graph HTML and SVG, diff and merged pprof).
 * The thin I/O shell around the pure renderers: each file is written to a temporary file in
 * the same folder and renamed into place, so a reader never sees half a file.
 */
import type { Profile, ValueType } from '../profile/model.js';
import { makeNormalizer, type Normalizer } from '../profile/normalize.js';
import { writeFileAtomic } from '../util/fs.js';
import type { Capture, Comparison } from '../stats/types.js';
import { renderFlameGraphHtml, type FlameGraphHtmlOptions } from './flamegraph-html.js';
import { renderFlameGraphSvg, type FlameGraphSvgOptions } from './flamegraph-svg.js';
import { diffPprof, mergedPprof } from './pprof-writer.js';
import { buildFlameTree, type FlameTree } from './tree.js';

export interface ReportRun {
  comparison: Comparison;
  baseline: Capture[];
  canary: Capture[];
  /** The comparison's name normalization (with its project roots); default: from its settings. */
  normalize?: Normalizer;
}

function normalizerOf(run: ReportRun): Normalizer {
  return run.normalize ?? makeNormalizer(run.comparison.settings.normalizeNames);
}

export interface ReportPaths {
  html?: string;
  svg?: string;
  diffPprof?: string;
  mergedPprof?: string;
}

export interface WriteReportsOptions {
  /** Title of the flame graphs; default "profile-gate". */
  title?: string;
  subtitle?: string;
  html?: FlameGraphHtmlOptions;
  svg?: FlameGraphSvgOptions;
  /** The decode budget's frame limit (profile/limits.ts), which bounds the flame graph too. */
  maxFrames?: number;
}

export interface WrittenReport {
  kind: keyof ReportPaths;
  path: string;
  bytes: number;
}

/** Index of the value column of `p` the comparison used (type and unit must both match). */
export function typeIndexFor(p: Profile, type: ValueType, capture: string): number {
  let i = p.sampleTypes.findIndex((t) => t.type === type.type && t.unit === type.unit);
  if (i < 0) i = p.sampleTypes.findIndex((t) => t.type === type.type);
  if (i < 0) {
    throw new Error(
      `capture ${capture} has no sample type ${type.type} (${type.unit}); it has ${p.sampleTypes.map((t) => t.type).join(', ')}`,
    );
  }
  return i;
}

function profilesOf(captures: Capture[], side: string): Profile[] {
  return captures.map((c) => {
    if (!c.profile) {
      throw new Error(
        `${side} capture ${c.name} has no decoded profile; reports need the profiles`,
      );
    }
    return c.profile;
  });
}

/** The call tree of a run (both sides, the comparison's sample type and name normalization). */
export function treeOfRun(run: ReportRun, maxFrames?: number): FlameTree {
  const type = run.comparison.type;
  const normalize = normalizerOf(run);
  return buildFlameTree(profilesOf(run.baseline, 'baseline'), profilesOf(run.canary, 'canary'), {
    type: (p) => typeIndexFor(p, type, '(report)'),
    normalize,
    maxFrames,
  });
}

/** Renders and writes every report asked for in `paths`; returns what was written. */
export function writeReports(
  run: ReportRun,
  paths: ReportPaths,
  opts: WriteReportsOptions = {},
): WrittenReport[] {
  const out: WrittenReport[] = [];
  const c = run.comparison;
  const normalize = normalizerOf(run);
  const type = (p: Profile) => typeIndexFor(p, c.type, '(report)');
  const write = (kind: keyof ReportPaths, path: string, data: string | Uint8Array) => {
    writeFileAtomic(path, data);
    out.push({
      kind,
      path,
      bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
    });
  };
  let tree: FlameTree | undefined;
  if (paths.html || paths.svg) tree = treeOfRun(run, opts.maxFrames);
  if (paths.html && tree) {
    write(
      'html',
      paths.html,
      renderFlameGraphHtml(tree, c, { title: opts.title, subtitle: opts.subtitle, ...opts.html }),
    );
  }
  if (paths.svg && tree) {
    write('svg', paths.svg, renderFlameGraphSvg(tree, c, { title: opts.title, ...opts.svg }));
  }
  if (paths.diffPprof || paths.mergedPprof) {
    const base = profilesOf(run.baseline, 'baseline');
    const can = profilesOf(run.canary, 'canary');
    if (paths.diffPprof)
      write('diffPprof', paths.diffPprof, diffPprof(base, can, { type, normalize }));
    if (paths.mergedPprof) {
      write(
        'mergedPprof',
        paths.mergedPprof,
        mergedPprof(base, can, {
          type,
          normalize,
          names: {
            baseline: run.baseline.map((x) => x.name),
            canary: run.canary.map((x) => x.name),
          },
        }),
      );
    }
  }
  return out;
}
