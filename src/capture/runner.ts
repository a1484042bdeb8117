/**
 * `runCapture`: K sequential captures of a live service under a fixed load, written to a
 * folder with a manifest. Used by the `capture` command and directly by the GitHub Action.
 *
 * Order of events (the module of each phase in brackets; what the phases share is one
 * CaptureRun object, run.ts):
 *   1. check options [options], resolve endpoints and classify targets (warning for non-private
 *      addresses) [probe], prepare the output folders [options], probe endpoints [probe],
 *      attach the profiler to each build's process (`--profiler`) [attach]
 *   2. start the load (built-in open-loop generator, or the user's command) [load]
 *   3. warm up (load only), check that the load actually reaches the service [load]
 *   4. K captures, one at a time (never overlapping); with a baseline, A B A B ... alternation;
 *      each one an attempt [attempt], retried with backoff
 *   5. stop the load [load], detach the profilers [attach], write the manifest(s)
 * Whatever happens (error, abort), the load and every command are stopped, temp files removed,
 * and the manifest of the completed captures is written (with `incomplete` set).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MANIFEST_FILE, type Manifest } from '../captureset/manifest.js';
import { UsageError } from '../errors.js';
import { attachProfilers, detachProfilers } from './attach.js';
import { captureOnce } from './attempt.js';
import { CaptureError } from './errors.js';
import {
  checkWarmupLoad,
  loadSummaries,
  startLoad,
  stopLoad,
  switchLoadCommand,
  warnLowLoadTotals,
  type LoadSummary,
} from './load.js';
import { windowBetween } from './loadgen.js';
import { prepareOutDirs, settingsOf, validate, type RunCaptureOptions } from './options.js';
import { probeEndpoints, resolveEndpoints } from './probe.js';
import { retryInRun } from './retry.js';
import {
  CAPTURE_OVERHEAD_S,
  createRun,
  newSets,
  reporter,
  writeSetManifest,
  type CaptureRole,
  type CaptureRun,
  type ProgressEvent,
  type RoleState,
  type RunCaptureHooks,
} from './run.js';
import { fmtSeconds, sleep } from './time.js';

export type { BuiltinLoadOptions, CommandLoadOptions, RunCaptureOptions } from './options.js';
export type { CaptureRole, ProgressEvent, RunCaptureHooks } from './run.js';
export type { LoadSummary } from './load.js';

export interface CaptureSet {
  role?: CaptureRole;
  dir: string;
  manifestPath: string;
  manifest: Manifest;
}

export interface RunCaptureResult {
  /** The canary's manifest (the only one without a baseline). */
  manifest: Manifest;
  manifestPath: string;
  /** One set per role: [canary] or [baseline, canary]. */
  sets: CaptureSet[];
  warnings: string[];
  /** Built-in load totals per service. */
  load?: LoadSummary[];
}

/** A failed or interrupted run; `partial` holds what was written. */
export class CaptureRunError extends CaptureError {
  constructor(
    cause: CaptureError,
    readonly partial: RunCaptureResult,
  ) {
    super(cause.kind, cause.message, false, cause.status);
  }
}

/**
 * Takes K captures (per build) from a live service under fixed load and writes them with
 * manifest.json. Resolves with the manifest(s); rejects with a UsageError for bad options, or a
 * CaptureRunError (kind 'aborted' when the signal fired) after writing what completed.
 */
export async function runCapture(
  options: RunCaptureOptions,
  hooks: RunCaptureHooks = {},
): Promise<RunCaptureResult> {
  const o = options;
  validate(o);
  const out = reporter(hooks.progress);
  const settings = settingsOf(o);
  const endpoints = await resolveEndpoints(o, out.warn);
  const sets = newSets(o, settings, endpoints);
  prepareOutDirs(
    o,
    sets.map((s) => s.dir),
    settings.interleaved,
    out.warn,
  );

  const run = createRun(o, settings, sets, out);
  const detach = forwardAbort(hooks.signal, run.abort);
  let failure: CaptureError | undefined;
  try {
    // Fail fast (before load and warm-up) when an endpoint cannot be reached at all.
    await probeEndpoints(run);
    await attachProfilers(run);
    startLoad(run);
    await warmUp(run);
    await takeCaptures(run);
  } catch (e) {
    failure = failureOf(run, e, hooks.signal);
  } finally {
    stopTicker(run);
    detach();
    await stopLoad(run);
    await detachProfilers(run);
    for (const t of run.temps) rmSync(t, { force: true });
  }

  if (!failure) warnLowLoadTotals(run);
  finishManifests(run, failure);
  if (failure) throw new CaptureRunError(failure, runResult(run));
  return runResult(run);
}

/** Aborts `inner` when `outer` fires (now or later); returns the function that stops listening. */
function forwardAbort(outer: AbortSignal | undefined, inner: AbortController): () => void {
  const onAbort = () => inner.abort();
  if (outer?.aborted) inner.abort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return () => outer?.removeEventListener('abort', onAbort);
}

/** Load alone after switching the load to the other build, before its capture (interleaved A/B). */
const ALTERNATE_SETTLE_MS = 500;
/** The same after starting a build's load command (a load tool takes a moment to get going). */
const COMMAND_SETTLE_MS = 1000;

/** Load only, for warmupS; then each build's load must have completed a request. */
async function warmUp(run: CaptureRun): Promise<void> {
  const { warmupS } = run.settings;
  if (warmupS <= 0) return;
  run.progress({ kind: 'info', message: `warm-up: ${fmtSeconds(warmupS)}` });
  const before = run.sets.map((s) => s.gen?.snapshot());
  startTicker(run, 'warmup', warmupS, run.totalCaptures);
  await sleep(warmupS * 1000, run.signal);
  stopTicker(run);
  checkWarmupLoad(run, before);
}

/** The captures, one at a time (A B A B ... with a baseline), each manifest updated after each. */
async function takeCaptures(run: CaptureRun): Promise<void> {
  const { o, totalCaptures } = run;
  let index = 0;
  for (let n = 1; n <= o.captures; n++) {
    for (const s of run.sets) {
      const i = ++index;
      if (run.signal.aborted) throw new CaptureError('aborted', 'interrupted');
      await loadOnly(run, s);
      run.progress({
        kind: 'capture-start',
        index: i,
        total: totalCaptures,
        role: s.role,
        seconds: o.seconds,
      });
      startTicker(run, 'capture', o.seconds, totalCaptures - i, s, i);
      try {
        const entry = await retryInRun(run, s, i, () => captureOnce(run, s, n, i));
        s.manifest.captures.push(entry);
        writeSetManifest(s);
      } finally {
        stopTicker(run);
      }
    }
  }
}

/**
 * Interleaved A/B: only the build being captured gets load (the built-in generator aimed at it,
 * or its own load command), so both see the same offered load on the same machine in
 * alternating windows (not twice the load at once). After switching, the load runs alone for a
 * short settle time before the capture starts.
 */
async function loadOnly(run: CaptureRun, s: RoleState): Promise<void> {
  if (!run.settings.interleaved) return;
  const commandSwitched = await switchLoadCommand(run, s);
  let switched = false;
  if (s.gen) {
    for (const other of run.sets) {
      if (other === s || !other.gen?.running) continue;
      other.gen.pause();
      switched = true;
    }
    if (!s.gen.running) {
      s.gen.resume();
      switched = true;
    }
  }
  if (commandSwitched) await sleep(COMMAND_SETTLE_MS, run.signal);
  else if (switched) await sleep(ALTERNATE_SETTLE_MS, run.signal);
}

/** What ended the run: the load's early exit, the caller's abort, or the error itself. */
function failureOf(run: CaptureRun, e: unknown, outer: AbortSignal | undefined): CaptureError {
  if (run.loadFailure) return run.loadFailure;
  if (outer?.aborted) return new CaptureError('aborted', 'interrupted');
  if (e instanceof UsageError) return new CaptureError('io', e.message);
  if (e instanceof CaptureError) return e;
  return new CaptureError('io', (e as Error)?.message ?? String(e));
}

/** Final manifests: `incomplete` says why when the run failed (a write failure then is ignored). */
function finishManifests(run: CaptureRun, failure: CaptureError | undefined): void {
  for (const s of run.sets) {
    if (failure) {
      s.manifest.incomplete = {
        reason: failure.kind === 'aborted' ? 'interrupted' : failure.message.split('\n')[0],
        requestedCaptures: run.o.captures,
      };
    } else delete s.manifest.incomplete;
    try {
      writeSetManifest(s);
    } catch (e) {
      if (!failure) throw e;
    }
  }
}

function runResult(run: CaptureRun): RunCaptureResult {
  const sets = run.sets.map((s) => ({
    role: s.role,
    dir: s.dir,
    manifestPath: join(s.dir, MANIFEST_FILE),
    manifest: s.manifest,
  }));
  const canary = sets[sets.length - 1];
  return {
    manifest: canary.manifest,
    manifestPath: canary.manifestPath,
    sets,
    warnings: run.warnings,
    load: loadSummaries(run),
  };
}

/**
 * Reports a 'tick' every tickMs during a phase (warm-up, or capture `index` of set s): time left
 * in it and in the run, and the load sent and completed since it began.
 */
function startTicker(
  run: CaptureRun,
  phase: 'warmup' | 'capture',
  lengthS: number,
  capturesLeftAfter: number,
  s?: RoleState,
  index?: number,
): void {
  const t0 = performance.now();
  const gen = s?.gen ?? run.sets[run.sets.length - 1].gen;
  const base = gen?.snapshot();
  clearInterval(run.ticker);
  run.ticker = setInterval(() => {
    const elapsed = (performance.now() - t0) / 1000;
    const left = Math.max(0, lengthS - elapsed);
    const ev: ProgressEvent = {
      kind: 'tick',
      phase,
      index,
      total: index !== undefined ? run.totalCaptures : undefined,
      role: s?.role,
      secondsLeft: left,
      totalSecondsLeft: left + capturesLeftAfter * (run.o.seconds + CAPTURE_OVERHEAD_S),
    };
    if (gen && base) {
      const w = windowBetween(base, gen.snapshot());
      ev.askedRate = gen.rate;
      ev.sentRate = w.sentRate;
      ev.completedRate = w.completedRate;
      ev.failed = w.failed;
    }
    run.progress(ev);
  }, run.settings.tickMs);
  run.ticker.unref?.();
}

function stopTicker(run: CaptureRun): void {
  clearInterval(run.ticker);
  run.ticker = undefined;
}
