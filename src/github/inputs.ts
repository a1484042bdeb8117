/**
 * Every input of the Action, read and validated in one place before anything runs. Errors name
 * the input and say what is accepted; all problems are reported together.
 *
 * Inputs arrive as the runner passes them: environment variables `INPUT_<NAME>` with the name
 * upper-cased and spaces turned into underscores (hyphens stay), an empty string when unset.
 */
import { parseSourceSpec, type SourceSpec } from '../sources/spec.js';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { checkSetting, SETTINGS } from '../stats/settings.js';
import type { CompareSettings } from '../stats/types.js';
import { MIB, type Limits } from '../profile/limits.js';
import { urlSecrets } from '../util/url.js';
import type { BuildSpec } from '../capture/builds.js';

export type Mode = 'gate' | 'promote' | 'capture' | 'comment';
export const MODES: readonly Mode[] = ['gate', 'promote', 'capture', 'comment'];

export interface CaptureOptions {
  /** Profile URL to capture from; or `profiler` + `pid`. */
  endpoint?: string;
  /**
   * The baseline build's profile URL on this runner: captured in alternation with the canary
   * (same runner, interleaved A/B), and the gate compares against it instead of an artifact.
   */
  baselineEndpoint?: string;
  /** Attach a profiler (node, jfr, perf) to the running process `pid`, no redeploy. */
  profiler?: string;
  pid?: number;
  /**
   * The running baseline build's process: captured in alternation with the canary (interleaved
   * A/B), and the gate compares against it instead of a baseline artifact.
   */
  baselinePid?: number;
  /**
   * Load target of the baseline build (A/B): the built-in generator's (with load-url), or the
   * load command's {url} / PROFILE_GATE_TARGET while the baseline is loaded.
   */
  baselineLoadUrl?: string;
  profileType: string;
  captures: number;
  seconds: number;
  warmupSeconds: number;
  load:
    | { kind: 'builtin'; url: string; rate: number; mix?: string }
    | { kind: 'command'; command: string; url?: string }
    | { kind: 'none' };
  outDir: string;
  /** Limits of decoded work for each capture's check and size. */
  limits?: Partial<Limits>;
}

export interface BaselineOptions {
  /** Local files or folders; when set, no artifact is looked up. */
  paths: string[];
  artifactName: string;
  /** Branch whose runs provide the baseline; undefined = the repository's default branch. */
  branch?: string;
  /** Workflow file name or id; undefined = the workflow running now. */
  workflow?: string;
  /** Events whose runs may provide the baseline (`push` by default); never pull requests. */
  events: string[];
  /**
   * When there is no baseline: `auto` fails once this repository has had one (an expired or
   * unusable baseline must not pass silently) and passes on the very first runs; `always` /
   * `never` (the inputs true / false).
   */
  failWhenMissing: 'auto' | 'always' | 'never';
  /** Newest baselines whose spread estimates the run-to-run drift (0 = off; else at least 3). */
  history: number;
}

/** Events whose runs may provide a baseline: the repository's own code on its own branches. */
export const BASELINE_EVENTS = [
  'push',
  'schedule',
  'workflow_dispatch',
  'release',
  'repository_dispatch',
  'merge_group',
  'workflow_run',
] as const;

export const DEFAULT_BASELINE_HISTORY = 5;

export interface ActionInputs {
  mode: Mode;
  service: string;
  profileType: string;
  /** Captures already on disk (files, folders or globs). Empty = capture with `capture`. */
  canaryPaths: string[];
  /** Fleet source specs (Pyroscope / Parca), validated; read at run time. */
  canarySource?: SourceSpec;
  baselineSource?: SourceSpec;
  capture?: CaptureOptions;
  /** Builds the Action starts itself (baseline-run, canary-run), stopped on every path. */
  builds: BuildSpec[];
  /** How long a started build may take to answer, seconds. */
  readyTimeoutSeconds: number;
  /** The label that accepts a failing gate on a pull request (verdict accepted). */
  acceptLabel: string;
  baseline: BaselineOptions;
  settings: Partial<CompareSettings>;
  /** Notes on deprecated input names that were used. */
  deprecated: string[];
  /** What the job does when the gate cannot reach a verdict. */
  onInconclusive: 'fail' | 'pass';
  configPath?: string;
  token: string;
  comment: boolean;
  commentKey: string;
  retentionDays: number;
  uploadReport: boolean;
  reportDir: string;
  /** Scratch folder of this gate (downloaded baseline, promote staging), under RUNNER_TEMP. */
  workDir: string;
  title?: string;
  workspace: string;
  /** Limits of decoded work (profile/limits.ts): profiles, answers, the baseline artifact. */
  limits: Partial<Limits>;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

type Env = Record<string, string | undefined>;

/** The value the runner passes for input `name` ('' when unset). */
export function rawInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/;

/**
 * Parses and validates all inputs. `setSecret` is called for the token before anything could
 * print it. Throws InputError listing every problem found.
 */
export function readInputs(env: Env, setSecret: (s: string) => void = () => {}): ActionInputs {
  const problems: string[] = [];
  const deprecated: string[] = [];
  const get = (name: string) => rawInput(env, name);

  const token = get('github-token');
  if (token) setSecret(token);
  // credentials in capture URLs (user-info, token-like parameters) are masked in every message;
  // manifests record the URLs without them
  for (const name of ['endpoint', 'baseline-endpoint', 'load-url', 'baseline-load-url'])
    for (const sec of urlSecrets(get(name))) setSecret(sec);
  // Fleet-source credentials (given through the step's env) are secrets too.
  for (const [k, v] of Object.entries(env)) {
    if (/^PROFILE_GATE_SOURCE_(TOKEN|BASIC|TENANT|HEADERS)$/.test(k) && v) {
      setSecret(v);
      if (k.endsWith('BASIC')) setSecret(Buffer.from(v).toString('base64'));
    }
  }

  const modeRaw = get('mode') || 'gate';
  const mode = modeRaw.toLowerCase() as Mode;
  if (!MODES.includes(mode)) {
    problems.push(`mode: "${modeRaw}" is not one of ${MODES.join(', ')}`);
  }

  const bool = (name: string, dflt: boolean): boolean => {
    const v = get(name);
    if (v === '') return dflt;
    if (/^(true|yes|on|1)$/i.test(v)) return true;
    if (/^(false|no|off|0)$/i.test(v)) return false;
    problems.push(`${name}: "${v}" is not a boolean (use true or false)`);
    return dflt;
  };
  const num = (
    name: string,
    opts: { min?: number; max?: number; int?: boolean; exclusiveMin?: boolean } = {},
  ): number | undefined => {
    const v = get(name);
    if (v === '') return undefined;
    const n = Number(v);
    const kind = opts.int ? 'an integer' : 'a number';
    if (!Number.isFinite(n) || (opts.int && !Number.isInteger(n))) {
      problems.push(`${name}: "${v}" is not ${kind}`);
      return undefined;
    }
    const belowMin = opts.min !== undefined && (opts.exclusiveMin ? n <= opts.min : n < opts.min);
    if (belowMin || (opts.max !== undefined && n > opts.max)) {
      const lo = opts.min === undefined ? '' : `${opts.exclusiveMin ? '>' : '>='} ${opts.min}`;
      const hi = opts.max === undefined ? '' : `<= ${opts.max}`;
      problems.push(
        `${name}: ${v} is out of range (expected ${kind} ${[lo, hi].filter(Boolean).join(' and ')})`,
      );
      return undefined;
    }
    return n;
  };
  const list = (name: string): string[] =>
    get(name)
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.startsWith('#'));
  const url = (name: string, v: string): string | undefined => {
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return v;
    } catch {
      problems.push(`${name}: "${v}" is not an http(s) URL`);
      return undefined;
    }
  };

  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const temp = env.RUNNER_TEMP || join(workspace, '.tmp');
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(workspace, p));

  const repoName = (env.GITHUB_REPOSITORY ?? '').split('/')[1] ?? '';
  const service = get('service') || repoName || 'service';
  const profileType = get('profile-type') || 'cpu';
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(profileType)) {
    problems.push(`profile-type: "${profileType}" is not a profile name (e.g. cpu, allocs, heap)`);
  }
  const workDir = join(temp, 'profile-gate', `${service}-${profileType}`);
  if (ARTIFACT_NAME_FORBIDDEN.test(service)) {
    problems.push(`service: "${service}" may not contain " : < > | * ? \\ / or line breaks`);
  }

  // Fleet sources (Pyroscope / Parca): validated here, read when the gate runs.
  const source = (name: 'baseline-source' | 'canary-source'): SourceSpec | undefined => {
    const text = get(name);
    if (!text) return undefined;
    try {
      return parseSourceSpec(text, {}, name);
    } catch (e) {
      problems.push((e as Error).message);
      return undefined;
    }
  };
  const canarySource = source('canary-source');
  const baselineSource = source('baseline-source');
  if (get('canary-source') && (list('canary-path').length || get('endpoint') || get('profiler'))) {
    problems.push('canary-source: give one of canary-source, canary-path, endpoint and profiler');
  }
  if (get('baseline-source') && list('baseline-path').length) {
    problems.push('baseline-source: give one of baseline-source and baseline-path');
  }

  // Canary: captures on disk, or capture options.
  const canaryPaths = list('canary-path');
  const endpoint = get('endpoint');
  const profiler = get('profiler');
  const pid = num('pid', { min: 1, int: true });
  const baselinePid = num('baseline-pid', { min: 1, int: true });
  const baselineLoadUrl = get('baseline-load-url');
  const baselineEndpoint = get('baseline-endpoint');
  const capturing = Boolean(endpoint || profiler);
  // the baseline build runs on this runner and is captured with the canary (interleaved A/B)
  const sameRunner = Boolean(baselineEndpoint || get('baseline-pid'));
  let capture: CaptureOptions | undefined;
  const loadUrl = get('load-url');
  const loadCommand = get('load-command');
  const loadRate = num('load-rate', { min: 0, exclusiveMin: true });
  const loadMix = get('load-mix') || undefined;
  const captures = num('captures', { min: 1, max: 1000, int: true }) ?? 10;
  const seconds = num('seconds', { min: 0, exclusiveMin: true, max: 3600 }) ?? 5;
  const warmupSeconds = num('warmup', { min: 0, max: 3600 }) ?? 5;
  // load-url alone: the built-in generator; with load-command: the URL handed to the command
  const builtinLoad = Boolean(loadUrl && !loadCommand);
  if (!builtinLoad && (loadRate !== undefined || loadMix)) {
    problems.push(
      'load-rate / load-mix: only used with load-url (the built-in load generator, without load-command)',
    );
  }
  if (loadUrl) {
    url('load-url', loadUrl);
    if (builtinLoad && loadRate === undefined)
      problems.push('load-rate: needed with load-url (requests per second)');
  }
  if (loadCommand && /\{url\}/.test(loadCommand) && !loadUrl) {
    problems.push('load-url: needed when load-command uses {url} (the URL handed to the command)');
  }
  if (endpoint && profiler) {
    problems.push(
      'endpoint and profiler: give one of them (a profile URL, or a profiler and a pid)',
    );
  }
  if (profiler && !['node', 'jfr', 'perf'].includes(profiler)) {
    problems.push(`profiler: "${profiler}" is not one of node, jfr, perf`);
  }
  if (profiler && pid === undefined && get('pid') === '') {
    problems.push('pid: needed with profiler (the process id of the running canary)');
  }
  if (!profiler && (get('pid') || get('baseline-pid'))) {
    problems.push('pid / baseline-pid: only used with profiler');
  }
  if (baselineEndpoint) {
    url('baseline-endpoint', baselineEndpoint);
    if (!endpoint) {
      problems.push(
        "baseline-endpoint: goes with endpoint (the canary's profile URL; both builds are captured in alternation)",
      );
    }
    if (get('baseline-pid')) {
      problems.push('baseline-endpoint and baseline-pid: give one of them');
    }
  }
  if (baselineLoadUrl && !(sameRunner && (loadUrl || loadCommand))) {
    problems.push(
      'baseline-load-url: only used with baseline-endpoint or baseline-pid, and load-url or load-command',
    );
  }
  if (baselineLoadUrl) url('baseline-load-url', baselineLoadUrl);
  if (sameRunner && loadCommand && /\{url\}/.test(loadCommand) && !baselineLoadUrl) {
    problems.push(
      "baseline-load-url: needed when load-command uses {url} in A/B (the baseline build's URL)",
    );
  } else if (sameRunner && loadUrl && !loadCommand && !baselineLoadUrl) {
    problems.push(
      `baseline-load-url: needed with ${baselineEndpoint ? 'baseline-endpoint' : 'baseline-pid'} and load-url (both builds get the same load)`,
    );
  }
  if (capturing) {
    if (endpoint) url('endpoint', endpoint);
    capture = {
      endpoint: endpoint || undefined,
      baselineEndpoint: baselineEndpoint || undefined,
      profiler: profiler || undefined,
      pid,
      baselinePid,
      baselineLoadUrl: baselineLoadUrl || undefined,
      profileType,
      captures,
      seconds,
      warmupSeconds,
      load: loadCommand
        ? { kind: 'command', command: loadCommand, url: loadUrl || undefined }
        : loadUrl
          ? { kind: 'builtin', url: loadUrl, rate: loadRate ?? 0, mix: loadMix }
          : { kind: 'none' },
      outDir: abs(get('capture-dir') || join(workDir, 'canary')),
    };
  } else if (loadUrl || loadCommand) {
    problems.push(
      'load-url / load-command: only used together with endpoint or profiler (capturing)',
    );
  }
  if (canaryPaths.length && capturing) {
    problems.push(
      `canary-path and ${endpoint ? 'endpoint' : 'profiler'}: give one of them (captures on disk, or capture now)`,
    );
  }
  if (
    (mode === 'gate' || mode === 'promote') &&
    !canaryPaths.length &&
    !capturing &&
    !get('canary-source')
  ) {
    problems.push(
      `${mode} needs the canary: set canary-path (captures on disk), endpoint (capture now) or canary-source (Pyroscope / Parca)`,
    );
  }
  if (mode === 'capture' && !capturing) {
    problems.push(
      'capture mode needs endpoint (the profile URL to capture from) or profiler and pid',
    );
  }
  for (const name of ['baseline-pid', 'baseline-endpoint']) {
    if (get(name) && (list('baseline-path').length || get('baseline-source'))) {
      problems.push(
        `${name}: give one of ${name} (capture the baseline build on this runner now), baseline-path and baseline-source`,
      );
    }
  }

  // Builds the Action starts itself: each in its own process group, ready when its URLs answer.
  const builds: BuildSpec[] = [];
  const readyOf = (...urls: string[]) =>
    urls.filter(Boolean).map((u) => u.replace(/\{(seconds|type)\}/g, '0'));
  const canaryRun = get('canary-run');
  const baselineRun = get('baseline-run');
  if (canaryRun) {
    if (!endpoint) {
      problems.push(
        "canary-run: goes with endpoint (the started build's profile URL, polled until it answers)",
      );
    } else {
      builds.push({
        role: 'canary',
        command: canaryRun,
        option: 'canary-run',
        readyUrls: readyOf(endpoint, loadUrl),
      });
    }
  }
  if (baselineRun) {
    if (!baselineEndpoint) {
      problems.push(
        "baseline-run: goes with baseline-endpoint (the started build's profile URL, polled until it answers)",
      );
    } else {
      builds.unshift({
        role: 'baseline',
        command: baselineRun,
        option: 'baseline-run',
        readyUrls: readyOf(baselineEndpoint, baselineLoadUrl),
      });
    }
  }
  const readyTimeoutSeconds = num('ready-timeout', { min: 1, max: 3600 }) ?? 120;
  if (get('ready-timeout') && !canaryRun && !baselineRun) {
    problems.push('ready-timeout: only used with canary-run or baseline-run');
  }
  const acceptLabel = get('accept-label') || 'profile-gate:accept';

  // Baseline.
  function baselineEvents(): string[] {
    let name = 'baseline-events';
    let events = list(name);
    if (get('baseline-event')) {
      if (events.length) {
        problems.push('baseline-event and baseline-events: give only baseline-events (a list)');
        return ['push'];
      }
      name = 'baseline-event';
      events = list(name);
      deprecated.push('input baseline-event is deprecated: use baseline-events (a list)');
    }
    if (!events.length) return ['push'];
    const ok: string[] = [];
    for (const e of events) {
      if ((e === 'any' || e === '*') && name === 'baseline-event') {
        // the old "any" (which let pull-request runs from forks provide the baseline) now means
        // every event but pull requests
        deprecated.push(
          `baseline-event: ${e} now means ${BASELINE_EVENTS.join(', ')} (never pull requests): list the events you want in baseline-events`,
        );
        ok.push(...BASELINE_EVENTS.filter((x) => !ok.includes(x)));
      } else if (e === 'any' || e === '*') {
        problems.push(
          `${name}: "${e}" is not accepted: list the events whose runs may provide the baseline (e.g. push, schedule, workflow_dispatch); pull-request runs never do`,
        );
      } else if (/^pull_request/.test(e)) {
        problems.push(
          `${name}: "${e}" is not accepted: pull-request runs (maybe from a fork) never provide a baseline`,
        );
      } else if (!(BASELINE_EVENTS as readonly string[]).includes(e)) {
        problems.push(`${name}: "${e}" is not one of ${BASELINE_EVENTS.join(', ')}`);
      } else if (!ok.includes(e)) ok.push(e);
    }
    return ok;
  }
  function failWhenMissing(): BaselineOptions['failWhenMissing'] {
    const v = get('fail-on-no-baseline');
    if (v === '' || /^auto$/i.test(v)) return 'auto';
    if (/^(true|yes|on|1)$/i.test(v)) return 'always';
    if (/^(false|no|off|0)$/i.test(v)) return 'never';
    problems.push(`fail-on-no-baseline: "${v}" is not one of auto, true, false`);
    return 'auto';
  }
  function baselineHistory(): number {
    const n = num('baseline-history', { min: 0, max: 20, int: true });
    if (n === undefined) return DEFAULT_BASELINE_HISTORY;
    if (n > 0 && n < 3) {
      problems.push(
        `baseline-history: ${n} is too few to estimate drift (at least 3 baselines, or 0 to turn it off)`,
      );
      return 0;
    }
    return n;
  }
  const artifactName = get('baseline-artifact') || `profile-gate-${service}-${profileType}`;
  if (ARTIFACT_NAME_FORBIDDEN.test(artifactName)) {
    problems.push(
      `baseline-artifact: "${artifactName}" may not contain " : < > | * ? \\ / or line breaks`,
    );
  }
  const baseline: BaselineOptions = {
    paths: list('baseline-path').map(abs),
    artifactName,
    branch: get('baseline-branch') || undefined,
    workflow: get('baseline-workflow') || undefined,
    events: baselineEvents(),
    failWhenMissing: failWhenMissing(),
    history: baselineHistory(),
  };
  for (const p of baseline.paths) {
    if (mode === 'gate' && !/[*?[]/.test(p) && !existsSync(p)) {
      problems.push(`baseline-path: ${p} does not exist`);
    }
  }
  for (const p of canaryPaths.map(abs)) {
    if (!/[*?[]/.test(p) && !existsSync(p)) problems.push(`canary-path: ${p} does not exist`);
  }

  // Statistics settings (only those given; the rest come from the config file, then defaults),
  // by the names of the one settings table; old input names still read, with a note.
  const settings: Record<string, unknown> = {};
  for (const spec of SETTINGS) {
    for (const name of [spec.name, ...(spec.aliases?.action ?? [])]) {
      const v = get(name);
      if (v === '') continue;
      if (name !== spec.name) deprecated.push(`input ${name} is deprecated: use ${spec.name}`);
      const c = checkSetting(spec, v, name);
      if ('problem' in c) problems.push(c.problem);
      else settings[spec.key] = c.value;
    }
  }

  const configRaw = get('config');
  const configPath = configRaw ? abs(configRaw) : undefined;
  if (configPath && !existsSync(configPath)) {
    problems.push(`config: ${configPath} does not exist`);
  }

  const onInconclusiveRaw = get('on-inconclusive') || 'fail';
  if (!['fail', 'pass'].includes(onInconclusiveRaw)) {
    problems.push(`on-inconclusive: "${onInconclusiveRaw}" is not one of fail, pass`);
  }
  const onInconclusive = onInconclusiveRaw === 'pass' ? 'pass' : 'fail';

  const maxInputMb = num('max-input-mb', { min: 0, exclusiveMin: true });
  const limits: Partial<Limits> = {
    maxInputBytes: maxInputMb !== undefined ? Math.floor(maxInputMb * MIB) : undefined,
    maxStackDepth: num('max-stack-depth', { min: 1, int: true }),
    maxFrames: num('max-frames', { min: 1, int: true }),
    maxJsonNodes: num('max-json-nodes', { min: 1, int: true }),
  };

  if (capture) capture.limits = limits;

  const comment = bool('comment', true);
  const commentKey = get('comment-key') || `${service}-${profileType}`;
  if (!/^[A-Za-z0-9_.:/@-]+$/.test(commentKey)) {
    problems.push(`comment-key: "${commentKey}" may only hold letters, digits and _ . : / @ -`);
  }
  const retentionDays = num('retention-days', { min: 1, max: 400, int: true }) ?? 90;
  const uploadReport = bool('upload-report', true);
  const reportDir = abs(get('report-dir') || join(workDir, 'report'));
  if (mode === 'comment' && !get('report-dir')) {
    problems.push('comment mode needs report-dir (the downloaded report artifact of the gate run)');
  }

  const ownBaseline = baseline.paths.length > 0 || sameRunner;
  if (!token && ((mode === 'gate' && !ownBaseline) || mode === 'comment')) {
    problems.push(
      'github-token: empty; it is needed to find the baseline artifact and to comment (default: ${{ github.token }})',
    );
  }

  if (problems.length) throw new InputError(problems);
  return {
    mode,
    service,
    profileType,
    canaryPaths: canaryPaths.map(abs),
    canarySource,
    baselineSource,
    capture,
    builds,
    readyTimeoutSeconds,
    acceptLabel,
    baseline,
    settings: settings as Partial<CompareSettings>,
    deprecated,
    onInconclusive,
    configPath,
    token,
    comment,
    commentKey,
    retentionDays,
    uploadReport,
    reportDir,
    workDir,
    title: get('title') || undefined,
    workspace,
    limits,
  };
}
