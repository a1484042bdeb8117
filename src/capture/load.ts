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
import type { CaptureRole, CaptureRun } from './run.js';
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
  else if (load?.kind === 'command') startLoadCommand(run, load);
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

/** Starts the user's load tool; if it exits before the run stops it, the run is aborted. */
function startLoadCommand(run: CaptureRun, l: CommandLoadOptions): void {
  const secs = Math.ceil(run.plannedS * 1.5 + 30);
  const cmd = substitute(
    l.command,
    { seconds: secs, url: l.loadUrl, type: run.o.type },
    '--load-command',
  );
  const lc = startCommand(cmd, {});
  run.loadCommand = lc;
  void lc.exited.then((info) => {
    if (run.stoppingLoad) return;
    const ranFor = (performance.now() - run.startedAt) / 1000;
    run.loadFailure = new CaptureError(
      'load',
      `the load command exited early (${describeExit(info)}) after ${fmtSeconds(ranFor)}; it must keep running until the last capture ends${lc.tail() ? `. Its last output:\n${lc.tail()}` : ''}`,
    );
    run.abort.abort();
  });
  run.progress({
    kind: 'info',
    message: `load: started \`${redactCommand(l.command)}\` (pid ${lc.pid ?? '?'})`,
  });
}

/** Stops the generators and the load command (their ends are not failures). */
export async function stopLoad(run: CaptureRun): Promise<void> {
  run.stoppingLoad = true;
  for (const s of run.sets) await s.gen?.stop();
  if (run.loadCommand) await run.loadCommand.stop(3000);
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
