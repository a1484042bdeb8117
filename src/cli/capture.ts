/**
 * `profile-gate capture`: repeated captures from a live service under a fixed load.
 * A thin shell over runCapture (src/capture/runner.ts): argument parsing, progress lines,
 * Ctrl-C handling and exit codes (0 done, 2 cannot go on, 130 interrupted).
 */
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { parseHeaders, parseLoadMix, type LoadTarget } from '../capture/loadgen.js';
import {
  CaptureRunError,
  runCapture,
  type ProgressEvent,
  type RunCaptureOptions,
} from '../capture/runner.js';
import { CaptureError } from '../capture/errors.js';
import { withBuilds, type BuildSpec } from '../capture/builds.js';
import { fmtSeconds } from '../capture/time.js';
import { helpText, parseArgs, type CliIO, type OptionSpec } from './args.js';
import { LIMIT_OPTIONS, limitsFrom } from './common.js';
import { registerSecret } from '../util/secrets.js';
import { urlSecrets } from '../util/url.js';
import { safeJsonText } from '../util/safe-text.js';

const SPEC: Record<string, OptionSpec> = {
  url: {
    kind: 'string',
    description: 'profiling endpoint: base URL (Go pprof paths) or URL template with {seconds}',
  },
  type: {
    kind: 'string',
    description: 'cpu (default), allocs, heap, block, mutex, goroutine, or a custom name',
  },
  captures: { kind: 'number', description: 'captures per build, one at a time (default 10)' },
  seconds: { kind: 'number', description: 'length of each capture window (default 5)' },
  out: { kind: 'string', description: 'output folder (capture files + manifest.json)' },
  warmup: {
    kind: 'number',
    description: 'seconds of load before the first capture (default 3 with load)',
  },
  label: { kind: 'multi', description: 'KEY=VALUE recorded in the manifest (repeatable)' },
  path: {
    kind: 'string',
    description: "path template replacing the Go default (e.g. '/prof?s={seconds}')",
  },
  header: {
    kind: 'multi',
    description: "'Name: value' sent to the profiling endpoint (repeatable)",
  },
  'baseline-url': {
    kind: 'string',
    description: 'endpoint of the running baseline: interleaved A/B captures',
  },
  'load-url': {
    kind: 'string',
    description:
      'built-in open-loop load: target URL (base for --load-mix); with --load-command, its {url}',
  },
  'baseline-load-url': {
    kind: 'string',
    description: 'load target of the baseline build (A/B): built-in load, or the command {url}',
  },
  rate: {
    kind: 'number',
    description: 'built-in load: requests per second offered (to each build)',
  },
  'load-mix': { kind: 'string', description: "weighted mix 'GET /a=8,POST /b=2' or @mix.json" },
  'load-header': {
    kind: 'multi',
    description: "'Name: value' added to load requests (repeatable)",
  },
  'max-in-flight': {
    kind: 'number',
    description: 'built-in load: in-flight cap; arrivals past it are dropped',
  },
  'request-timeout': {
    kind: 'number',
    description: 'built-in load: per-request timeout in seconds (default 10)',
  },
  'load-command': {
    kind: 'string',
    description:
      'your own load tool ({seconds} = run time bound, {url} = --load-url); in A/B one per build',
  },
  run: {
    kind: 'string',
    description: 'shell command starting the canary build; stopped when the captures end',
  },
  'baseline-run': {
    kind: 'string',
    description: 'shell command starting the baseline build (with --baseline-url)',
  },
  'ready-timeout': {
    kind: 'number',
    description: 'seconds a --run / --baseline-run build may take to answer (default 120)',
  },
  'capture-command': {
    kind: 'string',
    description: 'profiler command per capture ({pid} {seconds} {out} {type})',
  },
  profiler: {
    kind: 'string',
    description: 'attach to --pid with no redeploy: node (inspector), jfr (jcmd), perf',
  },
  hz: {
    kind: 'number',
    description: 'profiler sampling frequency (default: node 1000, jfr 100, perf 499)',
  },
  'inspect-port': {
    kind: 'number',
    description: "node: the process's inspector port (default: from its command line, else 9229)",
  },
  'baseline-inspect-port': {
    kind: 'number',
    description: "node: the baseline process's inspector port",
  },
  pid: {
    kind: 'number',
    description: 'process id: for {pid}, or the process --profiler attaches to',
  },
  'baseline-pid': {
    kind: 'number',
    description: 'baseline process id (for {pid} or --profiler): interleaved A/B',
  },
  'sample-type': {
    kind: 'string',
    description: 'sample type recorded in the manifest (default from --type)',
  },
  'runtime-version': {
    kind: 'string',
    description: 'runtime of the service for the fingerprint (e.g. go1.22.1)',
  },
  'timeout-grace': {
    kind: 'number',
    description: 'seconds past --seconds before a capture counts as hung (default 15)',
  },
  retries: {
    kind: 'number',
    description: 'extra attempts per capture for retryable failures (default 3)',
  },
  force: { kind: 'boolean', description: 'replace an earlier set in --out' },
  ...LIMIT_OPTIONS,
  json: { kind: 'boolean', description: 'print the manifest(s) as JSON on stdout' },
  quiet: {
    kind: 'boolean',
    short: 'q',
    description: 'no progress lines (warnings and errors still shown)',
  },
  help: { kind: 'boolean', short: 'h' },
};

export const CAPTURE_USAGE = `Usage: profile-gate capture --url URL --out DIR [--type cpu] [--captures K] [--seconds S]
         [--load-url URL --rate R [--load-mix SPEC] | --load-command CMD] [--warmup S]
         [--baseline-url URL [--baseline-load-url URL]] [--label k=v ...]
         [--run 'CMD' [--baseline-run 'CMD'] [--ready-timeout S]]
       profile-gate capture --profiler node|jfr|perf --pid N [--baseline-pid M] --out DIR ...
       profile-gate capture --capture-command 'py-spy record --pid {pid} --duration {seconds} --format raw -o {out}' --pid N --out DIR ...

Takes K captures one after another (never overlapping) while a fixed load runs, and writes them
to DIR with manifest.json (times, request counts, sha256, runner fingerprint). With a baseline,
captures alternate baseline/canary and go to DIR/baseline and DIR/canary. --run / --baseline-run
start the builds first (each in its own process group, ready when its URLs answer) and stop them
at the end, whatever happens.
Profiling endpoints are admin surfaces: bind them to localhost or an internal port only.
See docs/capture.md.`;

function parseLabels(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of list) {
    const i = l.indexOf('=');
    if (i <= 0) throw new UsageError(`--label "${l}" is not KEY=VALUE`);
    out[l.slice(0, i)] = l.slice(i + 1);
  }
  return out;
}

/** Builds runCapture options from parsed arguments (exported for tests). */
export function captureOptionsFromArgs(argv: string[], cwd: string): RunCaptureOptions {
  const a = parseArgs(argv, SPEC);
  if (a.positionals.length)
    throw new UsageError(`unexpected argument "${a.positionals[0]}"\n${CAPTURE_USAGE}`);
  const s = a.strings;
  const n = a.numbers;
  if (!s.out) throw new UsageError(`--out DIR is needed\n${CAPTURE_USAGE}`);
  if (!s.url && !s['capture-command'] && !s.profiler)
    throw new UsageError(`--url, --profiler or --capture-command is needed\n${CAPTURE_USAGE}`);
  const mixSpec = s['load-mix'];
  let load: RunCaptureOptions['load'];
  if (s['load-url'] && !s['load-command']) {
    if (n.rate === undefined) throw new UsageError('--load-url needs --rate (requests per second)');
    const targetsFor = (base: string): LoadTarget[] =>
      mixSpec
        ? parseLoadMix(mixSpec, base, cwd)
        : [{ method: 'GET', url: new URL(base).toString(), weight: 1 }];
    const checkUrl = (u: string, opt: string) => {
      try {
        new URL(u);
      } catch {
        throw new UsageError(`${opt} "${u}" is not a valid URL`);
      }
    };
    checkUrl(s['load-url'], '--load-url');
    if (s['baseline-load-url']) checkUrl(s['baseline-load-url'], '--baseline-load-url');
    const maxInFlight = n['max-in-flight'];
    if (maxInFlight !== undefined && !(Number.isInteger(maxInFlight) && maxInFlight > 0)) {
      throw new UsageError('--max-in-flight must be a positive whole number');
    }
    const rt = n['request-timeout'];
    if (rt !== undefined && !(rt > 0)) throw new UsageError('--request-timeout must be positive');
    load = {
      kind: 'builtin',
      rate: n.rate,
      targets: targetsFor(s['load-url']),
      baselineTargets: s['baseline-load-url'] ? targetsFor(s['baseline-load-url']) : undefined,
      maxInFlight,
      requestTimeoutMs: rt !== undefined ? rt * 1000 : undefined,
      headers: parseHeaders(a.lists['load-header']),
    };
  } else {
    for (const k of ['rate', 'max-in-flight', 'request-timeout'] as const) {
      if (n[k] !== undefined)
        throw new UsageError(`--${k} goes with --load-url (the built-in load generator)`);
    }
    if (mixSpec) throw new UsageError('--load-mix goes with --load-url');
    if (s['baseline-load-url'] && !s['load-command'])
      throw new UsageError('--baseline-load-url goes with --load-url or --load-command');
    // with a load command, --load-url / --baseline-load-url are what {url} stands for
    if (s['load-command'])
      load = {
        kind: 'command',
        command: s['load-command'],
        loadUrl: s['load-url'],
        baselineLoadUrl: s['baseline-load-url'],
      };
  }
  return {
    outDir: resolve(cwd, s.out),
    type: s.type ?? 'cpu',
    captures: n.captures ?? 10,
    seconds: n.seconds ?? 5,
    warmupSeconds: n.warmup,
    url: s.url,
    baselineUrl: s['baseline-url'],
    path: s.path,
    headers: parseHeaders(a.lists.header),
    captureCommand: s['capture-command'],
    profiler: s.profiler as RunCaptureOptions['profiler'],
    hz: n.hz,
    inspectPort: n['inspect-port'],
    baselineInspectPort: n['baseline-inspect-port'],
    pid: n.pid,
    baselinePid: n['baseline-pid'],
    sampleType: s['sample-type'],
    labels: parseLabels(a.lists.label),
    load,
    timeoutGraceSeconds: n['timeout-grace'],
    retries: n.retries,
    runtimeVersion: s['runtime-version'],
    overwrite: a.flags.force,
    limits: limitsFrom(a),
  };
}

/** The builds `--run` / `--baseline-run` start: ready when their endpoint and load URL answer. */
export function buildsFromArgs(argv: string[], o: RunCaptureOptions): BuildSpec[] {
  const a = parseArgs(argv, SPEC);
  const s = a.strings;
  const ready = (...urls: (string | undefined)[]) =>
    urls.filter((u): u is string => !!u).map((u) => u.replace(/\{(seconds|type)\}/g, '0'));
  const loadUrls = (role: 'baseline' | 'canary') => {
    const l = o.load;
    if (l?.kind === 'command') return role === 'baseline' ? l.baselineLoadUrl : l.loadUrl;
    if (l?.kind === 'builtin')
      return (role === 'baseline' ? l.baselineTargets : l.targets)?.[0]?.url;
    return undefined;
  };
  const out: BuildSpec[] = [];
  if (a.numbers['ready-timeout'] !== undefined && !s.run && !s['baseline-run'])
    throw new UsageError('--ready-timeout goes with --run or --baseline-run');
  if (s['baseline-run']) {
    if (!o.baselineUrl)
      throw new UsageError(
        "--baseline-run goes with --baseline-url (the started build's endpoint)",
      );
    out.push({
      role: 'baseline',
      option: '--baseline-run',
      command: s['baseline-run'],
      readyUrls: ready(o.baselineUrl, loadUrls('baseline')),
    });
  }
  if (s.run) {
    if (!o.url) throw new UsageError("--run goes with --url (the started build's endpoint)");
    out.push({
      role: 'canary',
      option: '--run',
      command: s.run,
      readyUrls: ready(o.url, loadUrls('canary')),
    });
  }
  return out;
}

/**
 * Registers the credentials the options carry (user-info and token-like parameters of the
 * URLs, header values) for masking in everything printed (util/secrets.ts); the manifest
 * records the URLs without them (captureset/write.ts).
 */
export function registerCaptureSecrets(o: RunCaptureOptions): void {
  const urls = [o.url, o.baselineUrl];
  const headers = { ...o.headers };
  if (o.load?.kind === 'builtin') {
    for (const t of [...o.load.targets, ...(o.load.baselineTargets ?? [])]) urls.push(t.url);
    Object.assign(headers, o.load.headers);
  }
  const secretHeaders = Object.entries(headers)
    .filter(([k]) => /auth|token|secret|key|cookie|session|passw/i.test(k))
    .map(([, v]) => v);
  registerSecret(
    ...urls.flatMap(urlSecrets),
    ...secretHeaders,
    ...secretHeaders.map((v) => v.replace(/^(Bearer|Basic|Token)\s+/i, '')),
  );
}

function rate(x: number | undefined): string {
  return x === undefined ? '?' : x >= 100 ? x.toFixed(0) : x.toFixed(1);
}

function reasons(errors: Record<string, number>): string {
  const top = Object.entries(errors)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return top.length ? ` (${top.map(([k, n]) => `${k} x${n}`).join(', ')})` : '';
}

function kb(b: number): string {
  return b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`;
}

/** Formats progress events for a terminal (one rewritten line) or a log (plain lines). */
export function progressPrinter(
  io: CliIO,
  interactive: boolean,
  quiet: boolean,
): (e: ProgressEvent) => void {
  const actions = io.env.GITHUB_ACTIONS === 'true';
  let lastTickLine = 0;
  let open = false;
  const line = (s: string) => {
    if (open) io.status?.(undefined);
    open = false;
    io.stderr(s + '\n');
  };
  return (e) => {
    switch (e.kind) {
      case 'warning':
        if (actions && io.annotate) {
          if (open) io.status?.(undefined);
          open = false;
          io.annotate('warning', e.message);
        } else line(`warning: ${e.message}`);
        return;
      case 'info':
        if (!quiet) line(e.message);
        return;
      case 'retry':
        if (!quiet) {
          line(
            `${e.index ? `capture ${e.index}` : 'connect'}${e.role ? ` (${e.role})` : ''}: attempt ${e.attempt} failed, retrying in ${fmtSeconds(e.delayMs / 1000)}: ${e.reason.split('\n')[0]}`,
          );
        }
        return;
      case 'capture-start':
        if (!quiet)
          line(
            `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ''}: ${fmtSeconds(e.seconds)} ...`,
          );
        return;
      case 'capture-done': {
        if (quiet) return;
        const r = e.entry.requests;
        const w = e.window;
        const load =
          r && w
            ? `; ${r.completed} requests (${rate(w.completedRate)} req/s, asked ${rate(e.askedRate)}), ${r.failed} failed${r.dropped ? `, ${r.dropped} dropped` : ''}`
            : '';
        line(
          `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ''}: ${e.entry.file} ${kb(e.entry.bytes)} in ${e.entry.durationSeconds.toFixed(2)} s${load}`,
        );
        return;
      }
      case 'tick': {
        if (quiet) return;
        const what =
          e.phase === 'warmup'
            ? 'warm-up'
            : `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ''}`;
        const load =
          e.askedRate !== undefined
            ? ` | load ${rate(e.sentRate)}/${rate(e.askedRate)} req/s sent, ${rate(e.completedRate)} completed${e.failed ? `, ${e.failed} failed` : ''}`
            : '';
        const text = `${what}: ${fmtSeconds(e.secondsLeft)} left (run ~${fmtSeconds(e.totalSecondsLeft)})${load}`;
        if (interactive && io.status) {
          io.status(text);
          open = true;
        } else {
          const now = Date.now();
          if (now - lastTickLine >= 5000 && e.secondsLeft >= 0.5) {
            lastTickLine = now;
            line(text);
          }
        }
        return;
      }
    }
  };
}

export async function captureCommand(
  argv: string[],
  io: CliIO,
  signal?: AbortSignal,
): Promise<number> {
  const a = parseArgs(argv, SPEC);
  if (a.flags.help) {
    io.stdout(helpText(CAPTURE_USAGE, SPEC) + '\n');
    return 0;
  }
  const options = captureOptionsFromArgs(argv, io.cwd);
  const builds = buildsFromArgs(argv, options);
  const readyTimeout = a.numbers['ready-timeout'] ?? 120;
  if (!(readyTimeout > 0)) throw new UsageError('--ready-timeout must be above 0 seconds');
  registerCaptureSecrets(options);
  const interactive = Boolean(io.status) && !io.env.CI;
  const progress = progressPrinter(io, interactive, a.flags.quiet);

  // Ctrl-C / SIGTERM: stop the load and commands, keep what completed. A second one exits now.
  const ac = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1) {
      io.stderr(
        '\ninterrupted: stopping load and commands, keeping completed captures (again to force)\n',
      );
      ac.abort();
    } else process.exit(130);
  };
  const onOuter = () => ac.abort();
  if (signal?.aborted) ac.abort();
  signal?.addEventListener('abort', onOuter, { once: true });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const res = await withBuilds(
      builds,
      {
        cwd: io.cwd,
        readyTimeoutMs: readyTimeout * 1000,
        signal: ac.signal,
        log: (m) => progress({ kind: 'info', message: m }),
        onOutput: (role, l) => progress({ kind: 'info', message: `[${role}] ${l}` }),
      },
      (signal) => runCapture(options, { signal, progress }),
    );
    if (a.flags.json) {
      io.stdout(
        safeJsonText(
          JSON.stringify(
            res.sets.length === 1
              ? res.manifest
              : Object.fromEntries(res.sets.map((s) => [s.role, s.manifest])),
            null,
            2,
          ),
        ) + '\n',
      );
    } else {
      for (const s of res.sets) {
        io.stdout(
          `wrote ${s.manifest.captures.length} ${options.type} capture(s)${s.role ? ` of the ${s.role}` : ''} to ${s.dir} (manifest ${s.manifestPath})\n`,
        );
      }
      for (const l of res.load ?? []) {
        io.stdout(
          `load${l.role ? ` (${l.role})` : ''}: ${rate(l.sentRate)} req/s sent of ${rate(l.askedRate)} asked, ${rate(l.completedRate)} completed/s; ${l.completed} completed, ${l.failed} failed${reasons(l.errors)}, ${l.dropped} dropped\n`,
        );
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof CaptureRunError) {
      const kept = e.partial.sets
        .map((s) => `${s.manifest.captures.length} of ${options.captures} in ${s.dir}`)
        .join(', ');
      if (e.kind === 'aborted') {
        io.stderr(`profile-gate: interrupted; kept ${kept} (manifest marks the set incomplete)\n`);
        return 130;
      }
      io.stderr(
        `profile-gate: error: ${e.message}\nkept ${kept} (manifest marks the set incomplete)\n`,
      );
      return 2;
    }
    if (e instanceof CaptureError && e.kind === 'aborted') {
      io.stderr('profile-gate: interrupted\n');
      return 130;
    }
    if (e instanceof CaptureError) {
      io.stderr(`profile-gate: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    signal?.removeEventListener('abort', onOuter);
  }
}
