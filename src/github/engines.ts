/**
 * The Action's view of the rest of profile-gate: compare, capture, write reports. The gate
 * logic only sees this interface (tests pass fakes); this file is the one place that binds it
 * to the real modules.
 */
import { dirname, join } from 'node:path';
import { parseLoadMix } from '../capture/loadgen.js';
import { runCapture, type RunCaptureOptions } from '../capture/runner.js';
import { writeReports, type ReportPaths } from '../report/write-reports.js';
import { estimateDriftFromRuns, type DriftRequest } from '../pipeline/calibrate.js';
import { compare, type CompareRequest, type CompareRun } from '../pipeline/compare.js';
import type { DriftModel } from '../stats/drift.js';
import type { CaptureOptions } from './inputs.js';

export interface CaptureResult {
  /** Folder holding the (canary's) capture files and manifest.json. */
  dir: string;
  /** With a baseline pid: the folder of the baseline build's captures (interleaved A/B). */
  baselineDir?: string;
}

export interface ReportFile {
  /** What it is, for links ("flame graph", "diff profile"). */
  name: string;
  /** Path relative to the report folder. */
  file: string;
}

export interface Engines {
  compare(request: CompareRequest): CompareRun | Promise<CompareRun>;
  /** The run-to-run drift model of earlier baselines (3 or more folders). */
  estimateDrift(request: DriftRequest): DriftModel;
  capture(opts: CaptureOptions, log: Logger): Promise<CaptureResult>;
  /** Writes the report files (flame graph, diff profile...) into dir; returns what it wrote. */
  writeReports(
    run: CompareRun,
    dir: string,
    opts: { title?: string; maxFrames?: number },
  ): Promise<ReportFile[]>;
}

export interface Logger {
  info(msg: string): void;
  warning(msg: string): void;
}

const REPORT_FILES: Record<keyof ReportPaths, { file: string; name: string } | undefined> = {
  html: { file: 'flamegraph.html', name: 'differential flame graph (HTML)' },
  svg: { file: 'flamegraph.svg', name: 'differential flame graph (SVG)' },
  diffPprof: { file: 'diff.pb.gz', name: 'diff profile (pprof)' },
  mergedPprof: undefined,
};

export function toRunCaptureOptions(o: CaptureOptions, cwd: string): RunCaptureOptions {
  let load: RunCaptureOptions['load'];
  if (o.load.kind === 'builtin') {
    const { mix } = o.load;
    const targets = (url: string) =>
      mix
        ? parseLoadMix(mix, url, cwd)
        : [{ method: 'GET', url: new URL(url).toString(), weight: 1 }];
    load = {
      kind: 'builtin',
      rate: o.load.rate,
      targets: targets(o.load.url),
      baselineTargets: o.baselineLoadUrl ? targets(o.baselineLoadUrl) : undefined,
    };
  } else if (o.load.kind === 'command') {
    load = { kind: 'command', command: o.load.command };
  }
  return {
    outDir: o.outDir,
    type: o.profileType,
    captures: o.captures,
    seconds: o.seconds,
    warmupSeconds: o.warmupSeconds,
    url: o.endpoint,
    profiler: o.profiler as RunCaptureOptions['profiler'],
    pid: o.pid,
    baselinePid: o.baselinePid,
    load,
    overwrite: true,
    limits: o.limits,
  };
}

/** The real engines; relative paths in the load mix resolve against `cwd`. */
export const realEngines = (cwd: string): Engines => ({
  compare,
  estimateDrift: estimateDriftFromRuns,
  async capture(opts, log) {
    const res = await runCapture(toRunCaptureOptions(opts, cwd), {
      progress: (e) => {
        if (e.kind === 'info') log.info(e.message);
        else if (e.kind === 'warning') log.warning(e.message);
        else if (e.kind === 'capture-done')
          log.info(`capture ${e.index}/${e.total} done: ${e.entry.file}`);
        else if (e.kind === 'retry')
          log.info(`capture ${e.index}: retry ${e.attempt} (${e.reason})`);
      },
    });
    const baseline = res.sets.find((s) => s.role === 'baseline');
    return { dir: dirname(res.manifestPath), baselineDir: baseline?.dir };
  },
  async writeReports(run, dir, opts) {
    const paths: ReportPaths = {};
    for (const [kind, f] of Object.entries(REPORT_FILES)) {
      if (f) paths[kind as keyof ReportPaths] = join(dir, f.file);
    }
    return writeReports(run, paths, { title: opts.title, maxFrames: opts.maxFrames }).map((w) => ({
      name: REPORT_FILES[w.kind]?.name ?? w.kind,
      file: REPORT_FILES[w.kind]?.file ?? w.path,
    }));
  },
});
