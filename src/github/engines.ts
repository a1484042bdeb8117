/**
 * The Action's view of the rest of profile-gate: compare, capture, write reports. The gate
 * logic only sees this interface (tests pass fakes); this file is the one place that binds it
 * to the real modules.
 */
import { dirname, join } from 'node:path';
import { parseLoadMix } from '../capture/loadgen.js';
import { withBuilds, type BuildSpec } from '../capture/builds.js';
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

/** How a capture runs besides its options: builds to start first, cancellation, environment. */
export interface CaptureRunContext {
  /** Builds to start (own process groups), wait for, and stop on every path (capture/builds.ts). */
  builds?: BuildSpec[];
  readyTimeoutMs?: number;
  /** Cancellation (the runner's SIGINT / SIGTERM): stops the captures and the builds. */
  signal?: AbortSignal;
  /** Environment of the commands started (builds, load command). */
  env?: Record<string, string | undefined>;
  /** Working folder of the commands started. */
  cwd?: string;
}

export interface Engines {
  compare(request: CompareRequest): CompareRun | Promise<CompareRun>;
  /** The run-to-run drift model of earlier baselines (3 or more folders). */
  estimateDrift(request: DriftRequest): DriftModel;
  capture(opts: CaptureOptions, log: Logger, run?: CaptureRunContext): Promise<CaptureResult>;
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
    load = {
      kind: 'command',
      command: o.load.command,
      loadUrl: o.load.url,
      baselineLoadUrl: o.baselineLoadUrl,
    };
  }
  return {
    outDir: o.outDir,
    type: o.profileType,
    captures: o.captures,
    seconds: o.seconds,
    warmupSeconds: o.warmupSeconds,
    url: o.endpoint,
    baselineUrl: o.baselineEndpoint,
    profiler: o.profiler as RunCaptureOptions['profiler'],
    pid: o.pid,
    baselinePid: o.baselinePid,
    load,
    overwrite: true,
    limits: o.limits,
  };
}

/** Output lines of each started build shown in the log (the rest is counted, not shown). */
export const BUILD_LINES_SHOWN = 100;

/**
 * The environment of the commands the Action starts (builds, load command): the step's,
 * without the Action's inputs (the token among them), the runner's runtime credentials and the
 * fleet-source credentials. A build is often the pull request's code.
 */
export function commandEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    if (/^INPUT_/i.test(k)) continue;
    if (
      /^ACTIONS_(RUNTIME_TOKEN|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL|RESULTS_URL|RUNTIME_URL|CACHE_URL)$/i.test(
        k,
      )
    )
      continue;
    if (/^PROFILE_GATE_SOURCE_/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** The real engines; relative paths in the load mix resolve against `cwd`. */
export const realEngines = (cwd: string): Engines => ({
  compare,
  estimateDrift: estimateDriftFromRuns,
  async capture(opts, log, ctx = {}) {
    const env = ctx.env ? commandEnv(ctx.env) : undefined;
    const shown = { baseline: 0, canary: 0 };
    const res = await withBuilds(
      ctx.builds ?? [],
      {
        cwd: ctx.cwd ?? cwd,
        env,
        readyTimeoutMs: ctx.readyTimeoutMs ?? 120_000,
        signal: ctx.signal,
        log: (m) => log.info(m),
        onOutput: (role, line) => {
          const n = ++shown[role];
          if (n <= BUILD_LINES_SHOWN) log.info(`[${role}] ${line}`);
          else if (n === BUILD_LINES_SHOWN + 1)
            log.info(`[${role}] (further output of the ${role} build is not shown)`);
        },
      },
      (signal) =>
        runCapture(
          { ...toRunCaptureOptions(opts, cwd), commandEnv: env },
          {
            signal,
            progress: (e) => {
              if (e.kind === 'info') log.info(e.message);
              else if (e.kind === 'warning') log.warning(e.message);
              else if (e.kind === 'capture-done')
                log.info(
                  `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ''} done: ${e.entry.file}${e.entry.requests ? `, ${e.entry.requests.completed} requests` : ''}`,
                );
              else if (e.kind === 'retry')
                log.info(`capture ${e.index}: retry ${e.attempt} (${e.reason})`);
            },
          },
        ),
    );
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
