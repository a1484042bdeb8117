/**
 * The state the phases of one capture run share, as one explicit object (`CaptureRun`): the sets
 * being written (one per build), progress and warnings, the internal abort, the running load,
 * temp files and the progress ticker. runCapture builds it and passes it to every phase.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT_VERSION,
  type CaptureEntry,
  type Manifest,
} from '../captureset/manifest.js';
import { writeCaptureFile, writeManifest } from '../captureset/write.js';
import { redactCommand, redactUrl } from '../util/url.js';
import { VERSION } from '../version.js';
import type { RunningCommand } from './command.js';
import { fillTemplate, type Endpoint } from './endpoints.js';
import { CaptureError } from './errors.js';
import { runnerFingerprint } from './fingerprint.js';
import { loadRecord } from './load.js';
import type { LoadGenerator, LoadTarget, LoadWindow } from './loadgen.js';
import type { CaptureSettings, RunCaptureOptions } from './options.js';
import type { Endpoints } from './probe.js';
import type { AttachedProfiler } from './profilers/profiler.js';

export type CaptureRole = 'baseline' | 'canary';

export type ProgressEvent =
  | { kind: 'info'; message: string }
  | { kind: 'warning'; message: string }
  | {
      kind: 'tick';
      phase: 'warmup' | 'capture';
      /** 1-based capture number over all roles, and the total. */
      index?: number;
      total?: number;
      role?: CaptureRole;
      /** Seconds left in this phase / window, and in the whole run (estimate). */
      secondsLeft: number;
      totalSecondsLeft: number;
      askedRate?: number;
      /** Requests sent / completed per second so far in this window (per service). */
      sentRate?: number;
      completedRate?: number;
      failed?: number;
    }
  | { kind: 'capture-start'; index: number; total: number; role?: CaptureRole; seconds: number }
  | {
      kind: 'capture-done';
      index: number;
      total: number;
      role?: CaptureRole;
      entry: CaptureEntry;
      window?: LoadWindow;
      askedRate?: number;
    }
  | {
      kind: 'retry';
      index: number;
      role?: CaptureRole;
      attempt: number;
      delayMs: number;
      reason: string;
    };

export interface RunCaptureHooks {
  signal?: AbortSignal;
  progress?: (e: ProgressEvent) => void;
}

/** One build's capture set: where it goes, how it is captured and loaded, its manifest so far. */
export interface RoleState {
  role?: CaptureRole;
  dir: string;
  url?: string;
  endpoint?: Endpoint;
  pid?: number;
  /** The built-in load aimed at this build, while the run has one. */
  gen?: LoadGenerator;
  /** The user's load command aimed at this build, while it runs (`--load-command`). */
  loadCommand?: RunningCommand;
  /** The profiler attached to `pid`, while the run has one (`--profiler`). */
  profiler?: AttachedProfiler;
  targets?: LoadTarget[];
  /** Gets each capture as it completes (and is rewritten then). */
  manifest: Manifest;
}

/** Progress events and the warnings so far (each warning is also a progress event). */
export interface Reporter {
  readonly progress: (e: ProgressEvent) => void;
  readonly warnings: string[];
  readonly warn: (message: string) => void;
}

export interface CaptureRun extends Reporter {
  readonly o: RunCaptureOptions;
  readonly settings: CaptureSettings;
  /** [canary], or [baseline, canary]: also the capture order in each round. */
  readonly sets: RoleState[];
  /** Captures over all builds. */
  readonly totalCaptures: number;
  /** Seconds the whole run should take (for progress and the {seconds} of a load command). */
  readonly plannedS: number;
  /** performance.now() when the run (past its checks) began. */
  readonly startedAt: number;
  /** Fires on the caller's signal, or when the load command dies early; every wait listens. */
  readonly abort: AbortController;
  readonly signal: AbortSignal;
  /** Temp files of captures in progress: removed whatever happens. */
  readonly temps: Set<string>;
  /** Set before the run stops the load itself, so that its exit is not taken for a failure. */
  stoppingLoad: boolean;
  /** Why the load ended the run early (set before the abort fires). */
  loadFailure?: CaptureError;
  /** The progress ticker of the phase in progress. */
  ticker?: NodeJS.Timeout;
}

/** Estimated seconds a capture takes beyond its window (request, transfer, check, write). */
export const CAPTURE_OVERHEAD_S = 0.3;

export function reporter(progress: (e: ProgressEvent) => void = () => {}): Reporter {
  const warnings: string[] = [];
  return {
    progress,
    warnings,
    warn: (message) => {
      warnings.push(message);
      progress({ kind: 'warning', message });
    },
  };
}

export function createRun(
  o: RunCaptureOptions,
  settings: CaptureSettings,
  sets: RoleState[],
  out: Reporter,
): CaptureRun {
  const totalCaptures = o.captures * sets.length;
  const abort = new AbortController();
  return {
    ...out,
    o,
    settings,
    sets,
    totalCaptures,
    plannedS: settings.warmupS + totalCaptures * (o.seconds + CAPTURE_OVERHEAD_S),
    startedAt: performance.now(),
    abort,
    signal: abort.signal,
    temps: new Set(),
    stoppingLoad: false,
  };
}

/** The sets of a run, each with its folder and a manifest saying the capture is in progress. */
export function newSets(
  o: RunCaptureOptions,
  settings: CaptureSettings,
  endpoints: Endpoints,
): RoleState[] {
  const fingerprint = runnerFingerprint(o.runtimeVersion);
  const createdAt = new Date().toISOString();
  // one id for the sets of this run: an interleaved baseline and canary share it
  const run = { id: randomBytes(8).toString('hex'), interleaved: settings.interleaved };
  const { sampleType } = settings;
  const roles: (CaptureRole | undefined)[] = settings.interleaved
    ? ['baseline', 'canary']
    : [undefined];
  return roles.map((role) => {
    const dir = role ? join(o.outDir, role) : o.outDir;
    const isBase = role === 'baseline';
    const url = isBase ? o.baselineUrl : o.url;
    const endpoint = isBase ? endpoints.baseline : endpoints.canary;
    const source: Manifest['source'] = endpoint
      ? {
          kind: 'http',
          // no credentials in a manifest: user-info removed, token-like parameters blanked
          url: redactUrl(fillTemplate(endpoint.template, { seconds: o.seconds, type: o.type })),
        }
      : o.profiler
        ? { kind: 'profiler' }
        : { kind: 'command', command: o.captureCommand && redactCommand(o.captureCommand) };
    const labels = { ...(o.labels ?? {}) };
    const manifest: Manifest = {
      formatVersion: MANIFEST_FORMAT_VERSION,
      tool: { name: 'profile-gate', version: VERSION },
      createdAt,
      source,
      profileType: o.type,
      ...(sampleType ? { sampleType } : {}),
      labels,
      runner: fingerprint,
      load: loadRecord(o, role),
      captures: [],
      run,
      incomplete: { reason: 'capture in progress', requestedCaptures: o.captures },
    };
    return {
      role,
      dir,
      url,
      endpoint,
      pid: isBase ? o.baselinePid : o.pid,
      targets:
        o.load?.kind === 'builtin' ? (isBase ? o.load.baselineTargets : o.load.targets) : undefined,
      manifest,
    };
  });
}

/** A temp path in `dir` that capture listings ignore (dot file). */
export function tempPath(dir: string, stem: string): string {
  return join(dir, `.${stem}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes a capture file into a set's folder (atomically, through captureset/write.ts). */
export function writeSetFile(s: RoleState, file: string, bytes: Uint8Array): void {
  writingTo(join(s.dir, file), () => writeCaptureFile(s.dir, file, bytes));
}

/** Writes a set's manifest.json as it stands (atomically, through captureset/write.ts). */
export function writeSetManifest(s: RoleState): void {
  writingTo(join(s.dir, MANIFEST_FILE), () => writeManifest(s.dir, s.manifest));
}

/** Runs a write into the capture folder; a failure becomes a CaptureError naming the path. */
function writingTo(path: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    throw new CaptureError('io', `cannot write ${path}: ${(e as Error).message}`);
  }
}
