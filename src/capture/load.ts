/**
 * The load of a capture run: started before the warm-up (a built-in open-loop generator per
 * build, or the user's command, whose early exit aborts the run), checked after the warm-up,
 * stopped once on every path, and summed up for the result and the manifests.
 */
import { performance } from 'node:perf_hooks';
import type { Manifest } from '../captureset/manifest.js';
import { describeExit, startCommand, substitute } from './command.js';
import { CaptureError } from './errors.js';
import { LoadGenerator, windowBetween, type LoadCounters } from './loadgen.js';
import type { BuiltinLoadOptions, CommandLoadOptions, RunCaptureOptions } from './options.js';
import type { CaptureRole, CaptureRun, RoleState } from './run.js';
import { fmtSeconds } from './time.js';
import { redactCommand, redactUrl } from '../util/url.js';

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

/** The manifest's record of the load a build gets. */
export function loadRecord(o: RunCaptureOptions, role: CaptureRole | undefined): Manifest['load'] {
  if (!o.load) return { kind: 'none' };
  if (o.load.kind === 'command') return { kind: 'command', command: redactCommand(o.load.command) };
  const targets = role === 'baseline' ? o.load.baselineTargets! : o.load.targets;
  return {
    kind: 'builtin',
    rate: o.load.rate,
    urls: [...new Set(targets.map((t) => redactUrl(t.url)))],
    mix: targets.map((t) => ({ method: t.method, url: redactUrl(t.url), weight: t.weight })),
  };
}

/** Starts the load the options ask for, if any. */
export function startLoad(run: CaptureRun): void {
  const load = run.o.load;
  if (load?.kind === 'builtin') startGenerators(run, load);
  else if (load?.kind === 'command' && run.settings.interleaved) {
    // one command per build, so that {url} / PROFILE_GATE_TARGET name the build it loads;
    // both run during the warm-up, then only the one of the build being captured
    for (const s of run.sets) startLoadCommand(run, load, s);
  } else if (load?.kind === 'command') startLoadCommand(run, load, run.sets[0]);
}

function startGenerators(run: CaptureRun, l: BuiltinLoadOptions): void {
  const { sets } = run;
  for (const s of sets) {
    s.gen = new LoadGenerator({
      rate: l.rate,
      targets: s.targets!,
      maxInFlight: l.maxInFlight,
      requestTimeoutMs: l.requestTimeoutMs,
      headers: l.headers,
    });
  }
  for (const s of sets) s.gen!.start();
  const mix = sets[sets.length - 1].targets!;
  run.progress({
    kind: 'info',
    message: `load: ${l.rate} req/s open-loop${sets.length > 1 ? ' to each build' : ''} (${mix.map((t) => `${t.method} ${redactUrl(t.url)}${mix.length > 1 ? ` x${t.weight}` : ''}`).join(', ')})`,
  });
}

/**
 * Starts the user's load tool for set s, with {url} and PROFILE_GATE_TARGET set to that build's
 * load URL (and PROFILE_GATE_SIDE to its role in A/B); if it exits before the run stops it, the
 * run is aborted.
 */
function startLoadCommand(run: CaptureRun, l: CommandLoadOptions, s: RoleState): void {
  const secs = Math.ceil(run.plannedS * 1.5 + 30);
  const url = s.role === 'baseline' ? l.baselineLoadUrl : l.loadUrl;
  const cmd = substitute(l.command, { seconds: secs, url, type: run.o.type }, '--load-command');
  const env: Record<string, string | undefined> = { ...(run.o.commandEnv ?? process.env) };
  if (url) env.PROFILE_GATE_TARGET = url;
  if (s.role) env.PROFILE_GATE_SIDE = s.role;
  const lc = startCommand(cmd, { env });
  s.loadCommand = lc;
  void lc.exited.then((info) => {
    // stopped by the run (its end, or a switch to the other build): not a failure
    if (run.stoppingLoad || s.loadCommand !== lc) return;
    const ranFor = (performance.now() - run.startedAt) / 1000;
    run.loadFailure = new CaptureError(
      'load',
      `the load command${s.role ? ` (${s.role})` : ''} exited early (${describeExit(info)}) after ${fmtSeconds(ranFor)}; it must keep running until ${s.role ? "its build's capture" : 'the last capture'} ends${lc.tail() ? `. Its last output:\n${lc.tail()}` : ''}`,
    );
    run.abort.abort();
  });
  const target = url ? ` for ${redactUrl(url)}` : '';
  run.progress({
    kind: 'info',
    message: `load${s.role ? ` (${s.role})` : ''}: started \`${redactCommand(l.command)}\`${target} (pid ${lc.pid ?? '?'})`,
  });
}

/**
 * Interleaved A/B with a load command: stops the other builds' commands and starts the one of
 * set s when it is not running. True when something changed (the caller lets the load settle).
 */
export async function switchLoadCommand(run: CaptureRun, s: RoleState): Promise<boolean> {
  const l = run.o.load;
  if (l?.kind !== 'command') return false;
  let switched = false;
  for (const other of run.sets) {
    if (other === s || !other.loadCommand) continue;
    const lc = other.loadCommand;
    other.loadCommand = undefined;
    await lc.stop(3000);
    switched = true;
  }
  if (!s.loadCommand) {
    startLoadCommand(run, l, s);
    switched = true;
  }
  return switched;
}

/** Stops the generators and the load command (their ends are not failures). */
export async function stopLoad(run: CaptureRun): Promise<void> {
  run.stoppingLoad = true;
  for (const s of run.sets) await s.gen?.stop();
  await Promise.all(run.sets.map((s) => s.loadCommand?.stop(3000)));
}

/** After the warm-up: each built-in load must have completed a request since `before`. */
export function checkWarmupLoad(run: CaptureRun, before: (LoadCounters | undefined)[]): void {
  const { warmupS } = run.settings;
  run.sets.forEach((s, i) => {
    if (!s.gen) return;
    const w = windowBetween(before[i]!, s.gen.snapshot());
    if (w.completed === 0) {
      throw new CaptureError(
        'load',
        `the load generator completed no request during the ${fmtSeconds(warmupS)} warm-up${s.role ? ` (${s.role})` : ''}: ${w.failed} failed (${describeLoadErrors(s.gen) || 'no answer'}); check --load-url${s.role === 'baseline' ? ' / --baseline-load-url' : ''}`,
      );
    }
  });
}

/** Warns about each build whose load fell short of the asked rate over the whole run. */
export function warnLowLoadTotals(run: CaptureRun): void {
  for (const s of run.sets) {
    if (!s.gen) continue;
    const sum = summarizeLoad(s.role, s.gen);
    if (sum.sentRate < sum.askedRate * run.settings.rateWarn) {
      run.warn(
        `load${s.role ? ` (${s.role})` : ''}: achieved ${sum.sentRate.toFixed(1)} req/s of the asked ${sum.askedRate} over the run (${sum.dropped} dropped)`,
      );
    }
  }
}

/** Built-in load totals per build (undefined without built-in load). */
export function loadSummaries(run: CaptureRun): LoadSummary[] | undefined {
  const withGen = run.sets.filter((s) => s.gen);
  return withGen.length ? withGen.map((s) => summarizeLoad(s.role, s.gen!)) : undefined;
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

/** The three most frequent load failure reasons, e.g. "HTTP 500 x12, timeout x3". */
export function describeLoadErrors(gen: LoadGenerator): string {
  const parts = [...gen.errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return parts.map(([k, n]) => `${k} x${n}`).join(', ');
}
