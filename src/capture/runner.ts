/**
 * `runCapture`: K sequential captures of a live service under a fixed load, written to a
 * folder with a manifest. Used by the `capture` command and directly by the GitHub Action.
 *
 * Order of events:
 *   1. check options, classify targets (warning for non-private addresses), probe endpoints
 *   2. start the load (built-in open-loop generator, or the user's command)
 *   3. warm up (load only), check that the load actually reaches the service
 *   4. K captures, one at a time (never overlapping); with a baseline, A B A B ... alternation
 *   5. stop the load, write the manifest(s)
 * Whatever happens (error, abort), the load and every command are stopped, temp files removed,
 * and the manifest of the completed captures is written (with `incomplete` set).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import {
  describeExit,
  placeholdersIn,
  runCommand,
  startCommand,
  substitute,
  type RunningCommand,
} from './command.js';
import {
  checkSecondsForEndpoint,
  emptyProfileHint,
  fileStem,
  fillTemplate,
  resolveEndpoint,
  sampleTypeFor,
  usesGoDefaults,
  type Endpoint,
} from './endpoints.js';
import { checkProfile } from './check-profile.js';
import { CaptureError } from './errors.js';
import { httpGetOnce } from './http-get.js';
import { withRetries } from './retry.js';
import { fmtSeconds, sleep } from './time.js';
import { runnerFingerprint } from './fingerprint.js';
import {
  LoadGenerator,
  windowBetween,
  type LoadCounters,
  type LoadTarget,
  type LoadWindow,
} from './loadgen.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT_VERSION,
  type CaptureEntry,
  type Manifest,
  readManifestFile,
} from '../captureset/manifest.js';
import { captureEntry, writeCaptureFile, writeManifest } from '../captureset/write.js';
import { checkTarget } from './safety.js';

export type CaptureRole = 'baseline' | 'canary';

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
   * command is stopped when the last capture ends), `{url}` by loadUrl when given.
   */
  command: string;
  loadUrl?: string;
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
  /** Process id substituted for {pid} (canary). */
  pid?: number;
  /** Process id of the baseline build for {pid}: enables interleaved A/B with captureCommand. */
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
}

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

export interface CaptureSet {
  role?: CaptureRole;
  dir: string;
  manifestPath: string;
  manifest: Manifest;
}

export interface LoadSummary {
  role?: CaptureRole;
  askedRate: number;
  sentRate: number;
  completedRate: number;
  sent: number;
  completed: number;
  failed: number;
  dropped: number;
  seconds: number;
  errors: Record<string, number>;
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

interface RoleState {
  role?: CaptureRole;
  dir: string;
  url?: string;
  endpoint?: Endpoint;
  pid?: number;
  gen?: LoadGenerator;
  targets?: LoadTarget[];
  manifest: Manifest;
}

const DEFAULT_GRACE_S = 15;

function validate(o: RunCaptureOptions): void {
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
  if ((o.url === undefined) === (o.captureCommand === undefined)) {
    throw new UsageError('give exactly one of --url (a profiling endpoint) and --capture-command');
  }
  if (o.baselineUrl !== undefined && o.url === undefined) {
    throw new UsageError(
      '--baseline-url goes with --url (use --baseline-pid with --capture-command)',
    );
  }
  if (o.baselinePid !== undefined && o.captureCommand === undefined) {
    throw new UsageError('--baseline-pid goes with --capture-command');
  }
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
  if (o.load?.kind === 'command' && !o.load.command.trim())
    throw new UsageError('--load-command is empty');
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

function tcpProbe(url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: u.hostname.replace(/^\[|\]$/g, ''), port });
    const done = (err?: CaptureError) => {
      clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
      sock.destroy();
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => done(new CaptureError('aborted', 'interrupted'));
    const t = setTimeout(
      () =>
        done(
          new CaptureError(
            'network',
            `cannot connect to ${u.host} within ${fmtSeconds(timeoutMs / 1000)}`,
            true,
          ),
        ),
      timeoutMs,
    );
    sock.once('connect', () => done());
    sock.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      if (code === 'ECONNREFUSED') {
        done(
          new CaptureError(
            'refused',
            `connection refused by ${u.host}: is the service running, and is the profiling endpoint on that port?`,
            true,
          ),
        );
      } else if (code === 'ENOTFOUND' || code === 'EAI_NONAME') {
        done(new CaptureError('dns', `cannot resolve host "${u.hostname}" (${code})`));
      } else done(new CaptureError('network', `cannot connect to ${u.host}: ${e.message}`, true));
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs a write into the capture folder; a failure becomes a CaptureError naming the path. */
function writingTo(path: string, write: () => void): void {
  try {
    write();
  } catch (e) {
    throw new CaptureError('io', `cannot write ${path}: ${(e as Error).message}`);
  }
}

/** A temp path in `dir` that capture listings ignore (dot file). */
function tempPath(dir: string, stem: string): string {
  return join(dir, `.${stem}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function summarizeLoad(role: CaptureRole | undefined, gen: LoadGenerator): LoadSummary {
  const w = gen.summary();
  return {
    role,
    askedRate: gen.rate,
    sentRate: w.sentRate,
    completedRate: w.completedRate,
    sent: w.sent,
    completed: w.completed,
    failed: w.failed,
    dropped: w.dropped,
    seconds: w.seconds,
    errors: Object.fromEntries(gen.errors),
  };
}

export function describeLoadErrors(gen: LoadGenerator): string {
  const parts = [...gen.errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return parts.map(([k, n]) => `${k} x${n}`).join(', ');
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
  const progress = hooks.progress ?? (() => {});
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    progress({ kind: 'warning', message });
  };
  const grace = (o.timeoutGraceSeconds ?? DEFAULT_GRACE_S) * 1000;
  const retries = o.retries ?? 3;
  const backoffMs = o.retryBackoffMs ?? 500;
  const interleaved = o.baselineUrl !== undefined || o.baselinePid !== undefined;
  const warmupS = o.warmupSeconds ?? (o.load ? 3 : 0);
  const sampleType = o.sampleType ?? sampleTypeFor(o.type);
  const hint = emptyProfileHint(o.type);
  const tickMs = o.progressIntervalMs ?? 1000;
  const rateWarn = o.rateWarnFraction ?? 0.9;

  // Endpoints and safety.
  const canaryEp = o.url !== undefined ? resolveEndpoint(o.url, o.type, o.path) : undefined;
  const baselineEp =
    o.baselineUrl !== undefined ? resolveEndpoint(o.baselineUrl, o.type, o.path) : undefined;
  if (canaryEp) checkSecondsForEndpoint(canaryEp, o.seconds, usesGoDefaults(o.url!, o.path));
  if (baselineEp)
    checkSecondsForEndpoint(baselineEp, o.seconds, usesGoDefaults(o.baselineUrl!, o.path));
  const safetyTargets: [string, string][] = [];
  if (o.url) safetyTargets.push([o.url.replace(/\{(seconds|type)\}/g, '0'), 'profiling endpoint']);
  if (o.baselineUrl)
    safetyTargets.push([
      o.baselineUrl.replace(/\{(seconds|type)\}/g, '0'),
      'baseline profiling endpoint',
    ]);
  for (const [u, what] of safetyTargets) {
    const s = await checkTarget(u, what);
    if (s.warning) warn(s.warning);
  }

  // Folders and manifests.
  const fingerprint = runnerFingerprint(o.runtimeVersion);
  const createdAt = new Date().toISOString();
  const roles: (CaptureRole | undefined)[] = interleaved ? ['baseline', 'canary'] : [undefined];
  const loadManifest = (role: CaptureRole | undefined): Manifest['load'] => {
    if (!o.load) return { kind: 'none' };
    if (o.load.kind === 'command') return { kind: 'command', command: o.load.command };
    const targets = role === 'baseline' ? o.load.baselineTargets! : o.load.targets;
    return {
      kind: 'builtin',
      rate: o.load.rate,
      urls: [...new Set(targets.map((t) => t.url))],
      mix: targets.map((t) => ({ method: t.method, url: t.url, weight: t.weight })),
    };
  };
  const states: RoleState[] = roles.map((role) => {
    const dir = role ? join(o.outDir, role) : o.outDir;
    const isBase = role === 'baseline';
    const url = isBase ? o.baselineUrl : o.url;
    const endpoint = isBase ? baselineEp : canaryEp;
    const source: Manifest['source'] = endpoint
      ? { kind: 'http', url: fillTemplate(endpoint.template, { seconds: o.seconds, type: o.type }) }
      : { kind: 'command', command: o.captureCommand };
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
      load: loadManifest(role),
      captures: [],
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
  for (const s of states) prepareDir(s.dir, o.overwrite ?? false, warn);

  const writeSetManifest = (s: RoleState) =>
    writingTo(join(s.dir, MANIFEST_FILE), () => writeManifest(s.dir, s.manifest));
  const result = (): RunCaptureResult => {
    const sets = states.map((s) => ({
      role: s.role,
      dir: s.dir,
      manifestPath: join(s.dir, MANIFEST_FILE),
      manifest: s.manifest,
    }));
    const canary = sets[sets.length - 1];
    const gens = states.filter((s) => s.gen);
    return {
      manifest: canary.manifest,
      manifestPath: canary.manifestPath,
      sets,
      warnings,
      load: gens.length ? gens.map((s) => summarizeLoad(s.role, s.gen!)) : undefined,
    };
  };

  // Internal abort: fires on the caller's signal, or when the load command dies early.
  const inner = new AbortController();
  const onOuterAbort = () => inner.abort();
  if (hooks.signal?.aborted) inner.abort();
  else hooks.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = inner.signal;
  let loadFailure: CaptureError | undefined;
  let loadCmd: RunningCommand | undefined;
  let stoppingLoad = false;
  const temps = new Set<string>();
  let tick: NodeJS.Timeout | undefined;

  const totalCaptures = o.captures * states.length;
  const runStart = performance.now();
  // Seconds the whole run should take (for progress and the {seconds} of a load command).
  const captureOverheadS = 0.3;
  const plannedS = warmupS + totalCaptures * (o.seconds + captureOverheadS);

  const startTicker = (
    phase: 'warmup' | 'capture',
    lengthS: number,
    capturesLeftAfter: number,
    state?: RoleState,
    index?: number,
  ) => {
    const t0 = performance.now();
    const gen = state?.gen ?? states[states.length - 1].gen;
    const base = gen?.snapshot();
    clearInterval(tick);
    tick = setInterval(() => {
      const elapsed = (performance.now() - t0) / 1000;
      const left = Math.max(0, lengthS - elapsed);
      const ev: ProgressEvent = {
        kind: 'tick',
        phase,
        index,
        total: index !== undefined ? totalCaptures : undefined,
        role: state?.role,
        secondsLeft: left,
        totalSecondsLeft: left + capturesLeftAfter * (o.seconds + captureOverheadS),
      };
      if (gen && base) {
        const w = windowBetween(base, gen.snapshot());
        ev.askedRate = gen.rate;
        ev.sentRate = w.sentRate;
        ev.completedRate = w.completedRate;
        ev.failed = w.failed;
      }
      progress(ev);
    }, tickMs);
    tick.unref?.();
  };
  const stopTicker = () => {
    clearInterval(tick);
    tick = undefined;
  };

  const stopLoad = async () => {
    stoppingLoad = true;
    for (const s of states) await s.gen?.stop();
    if (loadCmd) {
      const info = await loadCmd.stop(3000);
      void info;
    }
  };

  /** One attempt at capture `index` for state s. Returns the entry (file written). */
  const attempt = async (s: RoleState, n: number, index: number): Promise<CaptureEntry> => {
    const name0 = `${fileStem(o.type)}-${String(n).padStart(3, '0')}`;
    // The window the profile covers, and in which load requests are counted: from the moment
    // the capture is asked for until `seconds` later (or the answer, if it comes sooner). The
    // service's time to build and send the profile afterwards is not part of it.
    const before: LoadCounters | undefined = s.gen?.snapshot();
    const startEpoch = Date.now();
    const t0 = performance.now();
    let windowEnd: { at: number; epoch: number; counters?: LoadCounters } | undefined;
    const windowTimer = setTimeout(() => {
      windowEnd = { at: performance.now(), epoch: Date.now(), counters: s.gen?.snapshot() };
    }, o.seconds * 1000);
    let bytes: Buffer;
    try {
      if (s.endpoint) {
        const url = fillTemplate(s.endpoint.template, { seconds: o.seconds, type: o.type });
        let timeoutMs = o.seconds * 1000 + grace;
        if (!s.endpoint.duration) {
          // Snapshot endpoint: keep the load going for the window, then take the snapshot.
          await sleep(o.seconds * 1000, signal);
          timeoutMs = grace || 1000;
        }
        ({ bytes } = await httpGetOnce(url, {
          timeoutMs,
          signal,
          headers: o.headers,
          deadlineNote: s.endpoint.duration
            ? `--seconds ${o.seconds} + ${fmtSeconds(grace / 1000)} grace; raise --timeout-grace if it is only slow`
            : `${fmtSeconds(grace / 1000)} grace for a snapshot`,
        }));
      } else {
        const tmp = tempPath(s.dir, name0 + '.out');
        temps.add(tmp);
        try {
          const wantsOut = placeholdersIn(o.captureCommand!).includes('out');
          const cmd = substitute(o.captureCommand!, {
            pid: s.pid,
            seconds: o.seconds,
            out: tmp,
            type: o.type,
            url: o.url,
          });
          const r = await runCommand(cmd, {
            timeoutMs: o.seconds * 1000 + grace,
            signal,
            collectStdout: !wantsOut,
          });
          if (r.aborted) throw new CaptureError('aborted', 'interrupted');
          if (r.timedOut) {
            throw new CaptureError(
              'timeout',
              `capture command did not finish within ${fmtSeconds((o.seconds * 1000 + grace) / 1000)} (--seconds ${o.seconds} + grace)${r.tail ? `; its last output:\n${r.tail}` : ''}`,
            );
          }
          if (r.code !== 0) {
            throw new CaptureError(
              'command',
              `capture command failed (${describeExit(r)})${r.tail ? `; its last output:\n${r.tail}` : ''}`,
              r.code !== 127 && !r.error,
            );
          }
          if (wantsOut) {
            if (!existsSync(tmp)) {
              throw new CaptureError(
                'command',
                `capture command exited 0 but wrote nothing at {out}${r.tail ? `; its output:\n${r.tail}` : ''}`,
                true,
              );
            }
            bytes = readFileSync(tmp);
          } else {
            if (r.stdoutOverflow)
              throw new CaptureError('too-large', 'capture command printed more than 512 MiB');
            bytes = r.stdout;
          }
        } finally {
          rmSync(tmp, { force: true });
          temps.delete(tmp);
        }
      }
    } finally {
      clearTimeout(windowTimer);
    }
    windowEnd ??= { at: performance.now(), epoch: Date.now(), counters: s.gen?.snapshot() };
    const t1 = windowEnd.at;
    const endEpoch = windowEnd.epoch;
    const after = windowEnd.counters;
    const window = before && after ? windowBetween(before, after) : undefined;
    let checked;
    try {
      checked = checkProfile(bytes, name0, sampleType, hint);
    } catch (e) {
      if (e instanceof CaptureError && e.kind === 'empty' && window && s.gen) {
        e.message += ` (load in this window: ${window.completed} requests completed, ${window.failed} failed${s.gen.lastError ? `, last error ${s.gen.lastError}` : ''})`;
      }
      throw e;
    }
    for (const w of checked.warnings) warn(w);
    if (sampleType === undefined && s.manifest.sampleType === undefined)
      s.manifest.sampleType = checked.sampleType;
    if (window && window.completed === 0 && window.failed + window.dropped > 0) {
      throw new CaptureError(
        'load',
        `no load request completed during capture ${index} (${window.failed} failed, ${window.dropped} dropped; ${describeLoadErrors(s.gen!)}): the capture would not be under load; check --load-url`,
      );
    }
    const file = name0 + checked.ext;
    writingTo(join(s.dir, file), () => writeCaptureFile(s.dir, file, bytes));
    const entry = captureEntry(file, bytes, {
      ...(s.role ? { role: s.role } : {}),
      start: iso(startEpoch),
      end: iso(endEpoch),
      durationSeconds: Math.round(t1 - t0) / 1000,
    });
    if (window) {
      entry.requests = {
        completed: window.completed,
        failed: window.failed,
        dropped: window.dropped,
      };
    }
    progress({
      kind: 'capture-done',
      index,
      total: totalCaptures,
      role: s.role,
      entry,
      window,
      askedRate: s.gen?.rate,
    });
    if (window && s.gen) {
      const asked = s.gen.rate;
      if (window.sentRate < asked * rateWarn) {
        warn(
          `capture ${index}${s.role ? ` (${s.role})` : ''}: the load generator sent ${window.sentRate.toFixed(1)} req/s of the asked ${asked}` +
            (window.dropped > 0
              ? ` (${window.dropped} arrivals dropped: ${s.gen.maxInFlight} requests already in flight, the service is slower than the asked rate)`
              : ''),
        );
      } else if (window.completedRate < asked * rateWarn) {
        warn(
          `capture ${index}${s.role ? ` (${s.role})` : ''}: the service completed ${window.completedRate.toFixed(1)} req/s of the asked ${asked} (${window.failed} failed${s.gen.lastError ? `, last error ${s.gen.lastError}` : ''})`,
        );
      }
    }
    return entry;
  };

  // Retries with backoff, each one reported as progress for capture `index` of set `s`.
  const retryOptions = (s: RoleState, index: number) => ({
    retries,
    backoffMs,
    signal,
    onRetry: (a: number, d: number, e: Error) =>
      progress({ kind: 'retry', index, role: s.role, attempt: a, delayMs: d, reason: e.message }),
  });
  let failure: CaptureError | undefined;
  try {
    // Fail fast (before load and warm-up) when an endpoint cannot be reached at all.
    for (const s of states) {
      if (!s.url) continue;
      await withRetries(
        () => tcpProbe(s.url!.replace(/\{(seconds|type)\}/g, '0'), 5000, signal),
        retryOptions(s, 0),
      );
    }

    // Load.
    if (o.load?.kind === 'builtin') {
      const l = o.load;
      for (const s of states) {
        s.gen = new LoadGenerator({
          rate: l.rate,
          targets: s.targets!,
          maxInFlight: l.maxInFlight,
          requestTimeoutMs: l.requestTimeoutMs,
          headers: l.headers,
        });
      }
      for (const s of states) s.gen!.start();
      progress({
        kind: 'info',
        message: `load: ${l.rate} req/s open-loop${states.length > 1 ? ' to each build' : ''} (${states[states.length - 1].targets!.map((t) => `${t.method} ${t.url}${states[states.length - 1].targets!.length > 1 ? ` x${t.weight}` : ''}`).join(', ')})`,
      });
    } else if (o.load?.kind === 'command') {
      const secs = Math.ceil(plannedS * 1.5 + 30);
      const cmd = substitute(
        o.load.command,
        { seconds: secs, url: o.load.loadUrl, type: o.type },
        '--load-command',
      );
      loadCmd = startCommand(cmd, {});
      const lc = loadCmd;
      void lc.exited.then((info) => {
        if (stoppingLoad) return;
        const ranFor = (performance.now() - runStart) / 1000;
        loadFailure = new CaptureError(
          'load',
          `the load command exited early (${describeExit(info)}) after ${fmtSeconds(ranFor)}; it must keep running until the last capture ends${lc.tail() ? `. Its last output:\n${lc.tail()}` : ''}`,
        );
        inner.abort();
      });
      progress({
        kind: 'info',
        message: `load: started \`${o.load.command}\` (pid ${lc.pid ?? '?'})`,
      });
    }

    // Warm-up.
    if (warmupS > 0) {
      progress({ kind: 'info', message: `warm-up: ${fmtSeconds(warmupS)}` });
      const base = states.map((s) => s.gen?.snapshot());
      startTicker('warmup', warmupS, totalCaptures);
      await sleep(warmupS * 1000, signal);
      stopTicker();
      states.forEach((s, i) => {
        if (!s.gen) return;
        const w = windowBetween(base[i]!, s.gen.snapshot());
        if (w.completed === 0) {
          throw new CaptureError(
            'load',
            `the load generator completed no request during the ${fmtSeconds(warmupS)} warm-up${s.role ? ` (${s.role})` : ''}: ${w.failed} failed (${describeLoadErrors(s.gen) || 'no answer'}); check --load-url${s.role === 'baseline' ? ' / --baseline-load-url' : ''}`,
          );
        }
      });
    }

    // Captures: one at a time; A B A B ... with a baseline.
    let index = 0;
    for (let n = 1; n <= o.captures; n++) {
      for (const s of states) {
        index++;
        if (signal.aborted) throw new CaptureError('aborted', 'interrupted');
        progress({
          kind: 'capture-start',
          index,
          total: totalCaptures,
          role: s.role,
          seconds: o.seconds,
        });
        startTicker('capture', o.seconds, totalCaptures - index, s, index);
        try {
          const entry = await withRetries(() => attempt(s, n, index), retryOptions(s, index));
          s.manifest.captures.push(entry);
          writeSetManifest(s);
        } finally {
          stopTicker();
        }
      }
    }
  } catch (e) {
    if (loadFailure) failure = loadFailure;
    else if (hooks.signal?.aborted) failure = new CaptureError('aborted', 'interrupted');
    else if (e instanceof UsageError) failure = new CaptureError('io', e.message);
    else if (e instanceof CaptureError) failure = e;
    else failure = new CaptureError('io', (e as Error)?.message ?? String(e));
  } finally {
    stopTicker();
    hooks.signal?.removeEventListener('abort', onOuterAbort);
    await stopLoad();
    for (const t of temps) rmSync(t, { force: true });
  }

  // Load totals and the final manifests.
  for (const s of states) {
    if (!s.gen) continue;
    const sum = summarizeLoad(s.role, s.gen);
    if (!failure && sum.sentRate < sum.askedRate * rateWarn) {
      warn(
        `load${s.role ? ` (${s.role})` : ''}: achieved ${sum.sentRate.toFixed(1)} req/s of the asked ${sum.askedRate} over the run (${sum.dropped} dropped)`,
      );
    }
  }
  for (const s of states) {
    if (failure) {
      s.manifest.incomplete = {
        reason: failure.kind === 'aborted' ? 'interrupted' : failure.message.split('\n')[0],
        requestedCaptures: o.captures,
      };
    } else delete s.manifest.incomplete;
    try {
      writeSetManifest(s);
    } catch (e) {
      if (!failure) throw e;
    }
  }
  if (failure) throw new CaptureRunError(failure, result());
  return result();
}
