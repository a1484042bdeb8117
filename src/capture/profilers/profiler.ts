/**
 * Profilers that attach to a running process by its id, with no redeploy: what they share, and
 * which one captures which kind of profile.
 *
 * - `node`: the V8 inspector (SIGUSR1 opens it; the DevTools protocol drives the CPU profiler
 *   or the sampling heap profiler): .cpuprofile / .heapprofile files.
 * - `jfr`: JDK Flight Recorder through `jcmd` (JFR.start, then JFR.stop with a filename): .jfr
 *   files.
 * - `perf`: Linux perf (`perf record -e cpu-clock -g -p PID`, then `perf script`): raw
 *   perf script text, gzipped.
 *
 * A profiler attaches once per process before the load starts (so that a process it cannot
 * profile fails the run at once), takes each capture when asked, and detaches on every path,
 * leaving the process as it found it.
 */
import type { ManifestProfiler } from '../../captureset/manifest.js';
import { UsageError } from '../../errors.js';

export const PROFILERS = ['node', 'jfr', 'perf'] as const;
export type ProfilerName = (typeof PROFILERS)[number];

export function isProfilerName(s: string): s is ProfilerName {
  return (PROFILERS as readonly string[]).includes(s);
}

/** Default sampling frequency (Hz) of each profiler. */
export const DEFAULT_HZ: Record<ProfilerName, number> = {
  // V8's own default interval (1 ms); the JavaScript thread is one thread
  node: 1000,
  // JFR's settings=profile samples Java threads every 10 ms
  jfr: 100,
  // an odd rate, so that sampling does not move in lockstep with timers
  perf: 499,
};

/**
 * The sample type each profiler's captures are compared on, per capture kind (`--type`); a kind
 * missing here is not offered by that profiler.
 */
const SAMPLE_TYPES: Record<ProfilerName, Record<string, string>> = {
  // .cpuprofile: time-weighted samples of the JavaScript thread; .heapprofile: sampled bytes
  node: { cpu: 'wall', allocs: 'alloc_space' },
  // the JFR reader's types (jdk.ExecutionSample, allocation samples, monitor enter + park)
  jfr: { cpu: 'cpu', allocs: 'alloc', lock: 'lock', block: 'lock', mutex: 'lock' },
  perf: { cpu: 'samples' },
};

export function profilerSampleType(name: ProfilerName, type: string): string | undefined {
  return SAMPLE_TYPES[name][type];
}

/**
 * Why a capture of `name` may hold no samples of the kind asked for, where the generic hint
 * (an idle service, or Go's profiling rates) would mislead; undefined: the generic one.
 */
export function profilerEmptyHint(name: ProfilerName, type: string): string | undefined {
  if (name !== 'jfr') return undefined;
  if (SAMPLE_TYPES.jfr[type] === 'lock') {
    return 'JFR records monitor waits (jdk.JavaMonitorEnter) and parks (jdk.ThreadPark) longer than 10 ms (settings=profile), and no thread waited that long in the window: the service does not contend, or was idle';
  }
  if (type === 'cpu') {
    return 'JFR samples threads running Java code (jdk.ExecutionSample), and none did in the window: the service looks idle; drive it with --load-url/--rate (built-in load) or --load-command, or raise --seconds';
  }
  return undefined;
}

/** Checks that `name` offers captures of kind `type` at `hz` (UsageError otherwise). */
export function checkProfilerOptions(
  name: ProfilerName,
  type: string,
  hz: number | undefined,
): void {
  if (!profilerSampleType(name, type)) {
    const kinds = Object.keys(SAMPLE_TYPES[name]).join(', ');
    throw new UsageError(`--profiler ${name} captures --type ${kinds} (got --type ${type})`);
  }
  if (hz !== undefined && !(Number.isInteger(hz) && hz >= 1 && hz <= 10_000)) {
    throw new UsageError(`--hz must be a whole number from 1 to 10000 (got ${hz})`);
  }
  if (name === 'jfr' && hz !== undefined && hz > 1000) {
    throw new UsageError(`--hz for jfr is at most 1000 (JFR samples at most every 1 ms)`);
  }
}

/** What the manifest records about the profiler that made a set. */
/** What a manifest records of the profiler (its shape is the manifest's). */
export interface ProfilerRecord extends ManifestProfiler {
  name: ProfilerName;
}

/** One capture as a profiler returns it (the capture check decodes it like any capture). */
export interface ProfilerCapture {
  bytes: Uint8Array;
}

export interface CaptureContext {
  signal: AbortSignal;
  /** A temp path in the set's folder (removed by the caller whatever happens). */
  tempPath: (suffix: string) => string;
  /** How long the capture may take past `seconds` before it counts as hung, ms. */
  graceMs: number;
  /**
   * To be called when sampling has begun (after the profiler's own start-up, e.g. a jcmd
   * round trip): the capture's window, in which load requests are counted, starts then.
   */
  started: () => void;
}

export interface AttachedProfiler {
  readonly record: ProfilerRecord;
  /** One capture of `seconds` seconds. Rejects with a CaptureError. */
  capture(n: number, seconds: number, ctx: CaptureContext): Promise<ProfilerCapture>;
  /** Leaves the process as it was found; never rejects. */
  detach(): Promise<void>;
}

export interface AttachOptions {
  name: ProfilerName;
  pid: number;
  /** The option that gave the pid, for messages (`--pid`, `--baseline-pid`). */
  pidFlag: string;
  type: string;
  hz: number;
  /** node: the inspector port given on the command line. */
  inspectPort?: number;
  /** Executables (default from PATH). */
  tools: { perf: string; jcmd: string };
  /** Run id, for names the profiler gives its recordings. */
  runId: string;
  signal: AbortSignal;
  warn: (message: string) => void;
}
