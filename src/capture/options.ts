/**
 * The options of a capture run: their types, their check (all up front, as UsageErrors), the
 * defaults every phase reads, and the output folders they ask for.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, readManifestFile } from '../captureset/manifest.js';
import { UsageError } from '../errors.js';
import { placeholdersIn, substitute } from './command.js';
import { emptyProfileHint, sampleTypeFor } from './endpoints.js';
import type { LoadTarget } from './loadgen.js';
import type { Limits } from '../profile/limits.js';
import {
  checkProfilerOptions,
  isProfilerName,
  profilerEmptyHint,
  profilerSampleType,
  PROFILERS,
  type ProfilerName,
} from './profilers/profiler.js';

/** The built-in open-loop generator. */
export interface BuiltinLoadOptions {
  kind: 'builtin';
  /** Requests per second offered to each service (baseline and canary each get this rate). */
  rate: number;
  /** Weighted request mix aimed at the canary (the only service when not interleaving). */
  targets: LoadTarget[];
  /** The same mix aimed at the baseline build; required with baselineUrl / baselinePid. */
  baselineTargets?: LoadTarget[];
  /** In-flight cap per service; arrivals past it are dropped and counted (default max(64, rate)). */
  maxInFlight?: number;
  /** Per-request timeout (default 10000 ms). */
  requestTimeoutMs?: number;
  /** Headers added to every load request. */
  headers?: Record<string, string>;
}

/** The user's own load tool, run through /bin/sh for the whole capture period. */
export interface CommandLoadOptions {
  kind: 'command';
  /**
   * Shell command. `{seconds}` is replaced by a generous upper bound of the run time (the
   * command is stopped when the last capture ends), `{url}` by loadUrl when given; the
   * environment variable PROFILE_GATE_TARGET holds it too. In interleaved A/B one command runs
   * per build, only during that build's windows (both during the warm-up), with `{url}` /
   * PROFILE_GATE_TARGET = that build's URL (baselineLoadUrl for the baseline) and
   * PROFILE_GATE_SIDE = `baseline` or `canary`.
   */
  command: string;
  loadUrl?: string;
  baselineLoadUrl?: string;
}

export interface RunCaptureOptions {
  /** Output folder. With a baseline it gets `baseline/` and `canary/` subfolders. */
  outDir: string;
  /** cpu | allocs | heap | block | mutex | goroutine, or a custom name (needs a URL template or command). */
  type: string;
  /** Captures per build (K). */
  captures: number;
  /** Length of each capture window in seconds. */
  seconds: number;
  /** Seconds of load before the first capture (default 3 with load, 0 without). */
  warmupSeconds?: number;
  /**
   * Profile endpoint of the canary: a base URL (Go net/http/pprof paths are added), or a full
   * URL template with {seconds} / {type}. Exactly one of url / captureCommand.
   */
  url?: string;
  /** Profile endpoint of the running baseline build: enables interleaved A/B captures. */
  baselineUrl?: string;
  /** Path template replacing the default Go path (e.g. '/debug/pprof/profile?seconds={seconds}'). */
  path?: string;
  /** Headers sent with every profile request (e.g. an auth token). */
  headers?: Record<string, string>;
  /** Shell command that writes one capture: placeholders {pid} {seconds} {out} {type}; without {out}, stdout is the profile. */
  captureCommand?: string;
  /**
   * Attach a profiler to the running process `pid` (and `baselinePid`) instead of asking an
   * endpoint or running a command: `node` (inspector), `jfr` (jcmd), `perf`. Exactly one of
   * url / captureCommand / profiler.
   */
  profiler?: ProfilerName;
  /** Sampling frequency of the profiler in Hz (default: node 1000, jfr 100, perf 499). */
  hz?: number;
  /** node: the inspector port of the canary / baseline process (default: from its command line, else 9229). */
  inspectPort?: number;
  baselineInspectPort?: number;
  /** Executables the profilers run (default: `perf` and `jcmd` from PATH). */
  tools?: { perf?: string; jcmd?: string };
  /** Process id substituted for {pid}, or that the profiler attaches to (canary). */
  pid?: number;
  /** Process id of the baseline build: enables interleaved A/B with captureCommand or profiler. */
  baselinePid?: number;
  /** pprof sample type recorded in the manifest (default: from type, e.g. allocs -> alloc_space). */
  sampleType?: string;
  labels?: Record<string, string>;
  load?: BuiltinLoadOptions | CommandLoadOptions;
  /** Extra seconds allowed beyond `seconds` before a capture counts as hung (default 15). */
  timeoutGraceSeconds?: number;
  /** Extra attempts per capture for failures worth retrying (default 3). */
  retries?: number;
  /** First retry backoff in ms, doubling (default 500). */
  retryBackoffMs?: number;
  /** Runtime of the profiled service, recorded in the runner fingerprint (e.g. go1.19.8). */
  runtimeVersion?: string;
  /** Replace an earlier set in outDir (removes the files its manifest lists). */
  overwrite?: boolean;
  /** How often progress ticks are reported (default 1000 ms). */
  progressIntervalMs?: number;
  /** Fraction of the asked rate below which a warning is raised (default 0.9). */
  rateWarnFraction?: number;
  /** Limits of decoded work for each capture's check, and its size (profile/limits.ts). */
  limits?: Partial<Limits>;
  /** Environment of the load command (default: this process's). */
  commandEnv?: Record<string, string | undefined>;
}

/** The options' defaults, resolved once. */
export interface CaptureSettings {
  /** Extra time allowed beyond `seconds` before a capture counts as hung, ms. */
  graceMs: number;
  retries: number;
  backoffMs: number;
  /** With a baseline build: A B A B ... captures into baseline/ and canary/. */
  interleaved: boolean;
  warmupS: number;
  /** Sample type recorded in the manifest when known up front. */
  sampleType?: string;
  /** Why a profile may be empty, for the 'empty' message. */
  emptyHint: string;
  tickMs: number;
  /** Fraction of the asked load rate below which a warning is raised. */
  rateWarn: number;
}

const DEFAULT_GRACE_S = 15;

export function settingsOf(o: RunCaptureOptions): CaptureSettings {
  return {
    graceMs: (o.timeoutGraceSeconds ?? DEFAULT_GRACE_S) * 1000,
    retries: o.retries ?? 3,
    backoffMs: o.retryBackoffMs ?? 500,
    interleaved: o.baselineUrl !== undefined || o.baselinePid !== undefined,
    warmupS: o.warmupSeconds ?? (o.load ? 3 : 0),
    sampleType:
      o.sampleType ?? (o.profiler ? profilerSampleType(o.profiler, o.type) : sampleTypeFor(o.type)),
    emptyHint: (o.profiler && profilerEmptyHint(o.profiler, o.type)) || emptyProfileHint(o.type),
    tickMs: o.progressIntervalMs ?? 1000,
    rateWarn: o.rateWarnFraction ?? 0.9,
  };
}

export function validate(o: RunCaptureOptions): void {
  if (!o.outDir) throw new UsageError('an output folder is needed (--out DIR)');
  if (!o.type || !/^[A-Za-z0-9_.-]+$/.test(o.type)) {
    throw new UsageError(
      `--type must be a profile kind such as cpu, allocs, heap, block, mutex (got "${o.type}")`,
    );
  }
  if (!Number.isInteger(o.captures) || o.captures < 1 || o.captures > 1000) {
    throw new UsageError(`--captures must be a whole number from 1 to 1000 (got ${o.captures})`);
  }
  if (!(o.seconds > 0) || o.seconds > 3600) {
    throw new UsageError(`--seconds must be above 0 and at most 3600 (got ${o.seconds})`);
  }
  if (o.warmupSeconds !== undefined && !(o.warmupSeconds >= 0 && o.warmupSeconds <= 3600)) {
    throw new UsageError(`--warmup must be from 0 to 3600 seconds (got ${o.warmupSeconds})`);
  }
  const sources = [o.url, o.captureCommand, o.profiler].filter((x) => x !== undefined).length;
  if (sources !== 1) {
    throw new UsageError(
      'give exactly one of --url (a profiling endpoint), --capture-command and --profiler (with --pid)',
    );
  }
  if (o.baselineUrl !== undefined && o.url === undefined) {
    throw new UsageError(
      '--baseline-url goes with --url (use --baseline-pid with --capture-command or --profiler)',
    );
  }
  if (o.baselinePid !== undefined && o.captureCommand === undefined && !o.profiler) {
    throw new UsageError('--baseline-pid goes with --capture-command or --profiler');
  }
  validateProfiler(o);
  for (const [name, v] of [
    ['--pid', o.pid],
    ['--baseline-pid', o.baselinePid],
  ] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v > 0))
      throw new UsageError(`${name} must be a positive whole number`);
  }
  if (o.timeoutGraceSeconds !== undefined && !(o.timeoutGraceSeconds >= 0)) {
    throw new UsageError('--timeout-grace must be 0 or more seconds');
  }
  if (
    o.retries !== undefined &&
    !(Number.isInteger(o.retries) && o.retries >= 0 && o.retries <= 20)
  ) {
    throw new UsageError('--retries must be a whole number from 0 to 20');
  }
  if (o.captureCommand) {
    const used = placeholdersIn(o.captureCommand);
    if (used.includes('pid') && o.pid === undefined) {
      throw new UsageError('--capture-command uses {pid}: give --pid');
    }
    if (o.baselinePid !== undefined && !used.includes('pid')) {
      throw new UsageError(
        '--baseline-pid needs {pid} in --capture-command (to tell the builds apart)',
      );
    }
    // Validates quoting and placeholders once, up front.
    substitute(o.captureCommand, {
      pid: o.pid ?? 1,
      seconds: o.seconds,
      out: '/x',
      type: o.type,
      url: '',
    });
  }
  for (const [k, v] of Object.entries(o.labels ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k))
      throw new UsageError(`label name "${k}" must be letters, digits, _ . -`);
    if (typeof v !== 'string') throw new UsageError(`label ${k} needs a string value`);
  }
  const ab = o.baselineUrl !== undefined || o.baselinePid !== undefined;
  if (o.load?.kind === 'builtin') {
    if (!(o.load.rate > 0) || !Number.isFinite(o.load.rate) || o.load.rate > 100_000) {
      throw new UsageError(
        `--rate must be above 0 and at most 100000 requests/s (got ${o.load.rate})`,
      );
    }
    if (o.load.targets.length === 0) throw new UsageError('the load mix is empty');
    if (ab && !o.load.baselineTargets?.length) {
      throw new UsageError(
        '--baseline-load-url is needed with a baseline: both builds must get the same load (each gets --rate)',
      );
    }
  }
  if (o.load?.kind === 'command') {
    const l = o.load;
    if (!l.command.trim()) throw new UsageError('--load-command is empty');
    if (placeholdersIn(l.command).includes('url')) {
      if (!l.loadUrl) {
        throw new UsageError(
          '--load-command uses {url}: give --load-url (the URL handed to the command)',
        );
      }
      if (ab && !l.baselineLoadUrl) {
        throw new UsageError(
          "--load-command uses {url}: give --baseline-load-url too (the baseline build's URL)",
        );
      }
    }
    // checks quoting once, up front
    substitute(l.command, { seconds: 1, url: l.loadUrl ?? '', type: o.type }, '--load-command');
  }
}

/** The profiler options: a known profiler, a pid, a kind it captures, node-only ports. */
function validateProfiler(o: RunCaptureOptions): void {
  if (o.profiler === undefined) {
    for (const [flag, v] of [
      ['--hz', o.hz],
      ['--inspect-port', o.inspectPort],
      ['--baseline-inspect-port', o.baselineInspectPort],
    ] as const) {
      if (v !== undefined) throw new UsageError(`${flag} goes with --profiler`);
    }
    return;
  }
  if (!isProfilerName(o.profiler)) {
    throw new UsageError(`--profiler must be one of ${PROFILERS.join(', ')} (got "${o.profiler}")`);
  }
  if (o.pid === undefined) {
    throw new UsageError(`--profiler ${o.profiler} attaches to a running process: give --pid`);
  }
  if (o.baselinePid !== undefined && o.baselinePid === o.pid) {
    throw new UsageError('--baseline-pid must be another process than --pid');
  }
  checkProfilerOptions(o.profiler, o.type, o.hz);
  for (const [flag, v] of [
    ['--inspect-port', o.inspectPort],
    ['--baseline-inspect-port', o.baselineInspectPort],
  ] as const) {
    if (v === undefined) continue;
    if (o.profiler !== 'node') throw new UsageError(`${flag} goes with --profiler node`);
    if (!(Number.isInteger(v) && v > 0 && v < 65536))
      throw new UsageError(`${flag} must be a port number from 1 to 65535 (got ${v})`);
  }
  if (o.baselineInspectPort !== undefined && o.baselinePid === undefined) {
    throw new UsageError('--baseline-inspect-port goes with --baseline-pid');
  }
}

/**
 * Prepares the output folders (outDir, or its baseline/ and canary/ with a baseline): refuses
 * ones holding another set unless overwrite, then creates them.
 */
export function prepareOutDirs(
  o: RunCaptureOptions,
  dirs: string[],
  interleaved: boolean,
  warn: (m: string) => void,
): void {
  if (interleaved && existsSync(o.outDir)) {
    const stray = readdirSync(o.outDir).filter(
      (f) => !f.startsWith('.') && f !== 'baseline' && f !== 'canary',
    );
    if (stray.length > 0 && !o.overwrite) {
      throw new UsageError(
        `output folder ${o.outDir} is not empty (${stray.slice(0, 3).join(', ')}); use a new folder or --force`,
      );
    }
  }
  for (const dir of dirs) prepareDir(dir, o.overwrite ?? false, warn);
}

/** Prepares an output folder: creates it, refuses one that holds another set unless overwrite. */
function prepareDir(dir: string, overwrite: boolean, warn: (m: string) => void): void {
  if (existsSync(dir)) {
    const visible = readdirSync(dir).filter((f) => !f.startsWith('.'));
    const theirs = visible.filter((f) => f !== 'baseline' && f !== 'canary');
    if (theirs.length > 0) {
      if (!overwrite) {
        throw new UsageError(
          `output folder ${dir} is not empty (${theirs.slice(0, 3).join(', ')}${theirs.length > 3 ? ', ...' : ''}); use a new folder or --force to replace the set in it`,
        );
      }
      const mf = join(dir, MANIFEST_FILE);
      if (existsSync(mf)) {
        try {
          const old = readManifestFile(mf);
          for (const c of old.captures) {
            if (typeof c.file === 'string' && !c.file.includes('/') && !c.file.includes('\\')) {
              rmSync(join(dir, c.file), { force: true });
            }
          }
        } catch {
          /* unreadable manifest: leave its files */
        }
        rmSync(mf, { force: true });
      }
      const left = readdirSync(dir).filter(
        (f) => !f.startsWith('.') && f !== 'baseline' && f !== 'canary',
      );
      if (left.length > 0) {
        warn(
          `output folder ${dir} still holds files not made by this tool (${left.slice(0, 3).join(', ')}): compare reads every file in the folder`,
        );
      }
    }
  }
  mkdirSync(dir, { recursive: true });
}
