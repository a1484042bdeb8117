/**
 * End to end with real processes on this machine, attached by pid with no redeploy:
 *
 * - Node: an HTTP service in three builds (the baseline; a build with a planted hot function; a
 *   build that only adds comment lines above everything), each in its own folder, captured with
 *   `capture --profiler node` in interleaved A/B under the built-in load, then compared:
 *   fail naming the planted function; pass; and pass for two baseline sets of one build.
 *   Also allocations (--type allocs: .heapprofile files).
 * - perf: the Go demo service (fixtures/go-demo/service) built with `go build`, its planted
 *   regression (-variant cpu) and a build of its source with comment lines added, captured with
 *   `capture --profiler perf`: fail naming main.computeDiscount; pass; pass.
 * - JFR: a Java HTTP service (fixtures/java-demo/service, the JDK's own HTTP server) in three
 *   builds compiled with javac (the baseline; a build with a planted FraudCheck step; a build
 *   that only adds comment lines and moves code), four JVMs (the baseline twice), captured with
 *   `capture --profiler jfr` in two interleaved A/B runs under the built-in load, then compared:
 *   fail naming com.example.shop.FraudCheck.apply; pass; and pass for the two runs' baseline
 *   sets (two JVMs of one build). The .jfr files are the JDK's (`jfr summary` and `jfr print`
 *   read them), the manifest says what was recorded, and no recording is left running, also
 *   after an interrupted capture.
 *
 * Traffic goes to 127.0.0.1 only; every process started here is ended by its pid on every path.
 * Each part is skipped with a message when its tool is missing or the kernel refuses perf.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/captureset/manifest.js';
import { CaptureRunError, runCapture } from '../src/capture/runner.js';
import { aggregate } from '../src/profile/aggregate.js';
import { readProfile } from '../src/profile/read.js';
import { alive, closedPort, gone } from './helpers/capture.js';
import { cli } from './helpers/cli.js';
import { fixture } from './helpers/corpus.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-runtimes-e2e-'));
const children: ChildProcess[] = [];
let ending = false;

afterAll(async () => {
  ending = true;
  for (const c of children) {
    if (c.pid !== undefined && alive(c.pid)) {
      c.kill('SIGTERM');
      if (!(await gone(c.pid, 3000))) {
        c.kill('SIGKILL');
        await gone(c.pid);
      }
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

function has(cmd: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

function start(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): ChildProcess {
  const c = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  c.stderr?.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
  c.on('exit', (code, signal) => {
    if (!ending)
      console.warn(
        `[e2e] ${cmd} ${args.join(' ')} (pid ${c.pid}) exited early: code ${code}, signal ${signal}; stderr:\n${err}`,
      );
  });
  children.push(c);
  return c;
}

async function untilUp(url: string, c: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (c.exitCode !== null) throw new Error(`${url}: the service exited (${c.exitCode})`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not come up`);
}

const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** One interleaved A/B capture run through the CLI; returns [baselineDir, canaryDir]. */
async function captureAB(
  name: string,
  profiler: string,
  base: { pid: number; url?: string },
  canary: { pid: number; url?: string },
  extra: string[],
): Promise<[string, string]> {
  const out = join(tmp, `captured-${name}`);
  const load =
    base.url && canary.url ? ['--load-url', canary.url, '--baseline-load-url', base.url] : [];
  const t0 = Date.now();
  const r = await cli(
    [
      'capture',
      '--profiler',
      profiler,
      '--pid',
      String(canary.pid),
      '--baseline-pid',
      String(base.pid),
      '--out',
      out,
      '-q',
      ...load,
      ...extra,
    ],
    tmp,
  );
  console.log(`[e2e] ${name}: capture took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  expect(r.code, r.stderr).toBe(0);
  return [join(out, 'baseline'), join(out, 'canary')];
}

async function verdict(
  baseline: string,
  canary: string,
  settings: string[] = [],
): Promise<{
  code: number;
  json: {
    verdict: string;
    regressions: {
      function: string;
      metric: string;
      deltaPp: number;
      ciLowPp: number;
      ciHighPp: number;
    }[];
    warnings: string[];
  };
  text: string;
}> {
  const r = await cli(
    [
      'compare',
      '--baseline',
      baseline,
      '--canary',
      canary,
      '--json',
      join(tmp, 'last.json'),
      ...settings,
    ],
    tmp,
  );
  return {
    code: r.code,
    json: JSON.parse(readFileSync(join(tmp, 'last.json'), 'utf8')),
    text: r.stdout + r.stderr,
  };
}

/**
 * Settings for an A/A of two baseline sets taken by two separate `capture` runs. That is a
 * sequential comparison without a calibration file: the intervals see capture noise only, and
 * the tool itself says budgets must absorb run-to-run drift. Cost per request is the metric
 * that drifts most between runs (issue 14 measured 11-19% with neighbours' load). For the perf
 * A/A below (perf's samples include the kernel's), five pairs of runs gave -12%, +14% (a CI
 * failure against the default 10% budget), 0%, +6% and +10.5%. So the per-request budget here
 * is 30%, about twice the largest drift seen. The within-run comparisons keep the default 10%:
 * interleaving removes that drift.
 */
const CROSS_RUN = ['--budget-per-unit-pct', '30'];

interface Row {
  function: string;
  metric: string;
  deltaPp: number;
  ciLowPp: number | null;
  ciHighPp: number | null;
}

/** The rows of the last verdict's JSON with the largest deltas (for the log). */
function topRows(n = 3): Row[] {
  const j = JSON.parse(readFileSync(join(tmp, 'last.json'), 'utf8')) as { functions: Row[] };
  return [...j.functions].sort((a, b) => Math.abs(b.deltaPp) - Math.abs(a.deltaPp)).slice(0, n);
}

/** "fn self +11.4pp (CI 7.8..15.0); (total) per-unit +3.5% (CI -2.1..9.0); ..." */
function describeRows(rows: Row[]): string {
  const num = (x: number | null) => (x === null ? '?' : x.toFixed(1));
  return rows
    .map((r) => {
      // JSON keeps one field name; a per-unit row's delta is percent, not points
      const unit = r.metric === 'per-unit' ? '%' : 'pp';
      return `${r.function} ${r.metric} ${r.deltaPp >= 0 ? '+' : ''}${r.deltaPp.toFixed(1)}${unit} (CI ${num(r.ciLowPp)}..${num(r.ciHighPp)})`;
    })
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// Node

const NODE_BASE = `import http from 'node:http';

function render(items) {
  return items.map((it) => it.sku + ':' + it.qty).join(',');
}

function checkout(n) {
  const items = [];
  for (let i = 0; i < n; i++) items.push({ sku: 'sku-' + (i % 97), qty: (i * 7) % 5 });
  const total = items.reduce((s, it) => s + it.qty * 3.5, 0);
  return { total, text: render(items) };
}

function handler(req, res) {
  const out = checkout(2000);
  /*HOT*/
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(out));
}

http.createServer(handler).listen(Number(process.env.PORT), '127.0.0.1');
`;

// The planted function is big enough (over V8's 460 bytes of bytecode) not to be inlined into
// its caller: V8's CPU profiler charges an inlined function's time to the function it was
// inlined into, so a small one would show up as handler's self time (the gate still fails then,
// on handler's cumulative share, but would not name it).
const PLANTED = `// A per-request fraud score that re-scans the whole order text many times over.
function plantedHotLoop(order) {
  const text = JSON.stringify(order.total) + ':' + order.text.slice(0, 600);
  let h1 = 2166136261;
  let h2 = 5381;
  let vowels = 0;
  let digits = 0;
  let fields = 0;
  let longest = 0;
  let run = 0;
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (c) {
        case 97:
        case 101:
        case 105:
        case 111:
        case 117:
          vowels++;
          run++;
          break;
        case 48:
        case 49:
        case 50:
        case 51:
        case 52:
        case 53:
        case 54:
        case 55:
        case 56:
        case 57:
          digits++;
          run++;
          break;
        case 44:
        case 58:
          fields++;
          if (run > longest) longest = run;
          run = 0;
          break;
        default:
          h2 = ((h2 << 5) + h2 + c) | 0;
          run++;
      }
      h1 ^= c;
      h1 = Math.imul(h1, 16777619) >>> 0;
    }
    if (round % 7 === 0) h2 ^= h1 >>> 3;
    else if (round % 5 === 0) h1 ^= h2 << 1;
    else if (round % 3 === 0) h1 = (h1 + fields * 31 + longest) >>> 0;
  }
  const score = ((h1 ^ h2) >>> 0) % 1000;
  if (score > 995) return { level: 'review', score, fields, longest };
  if (vowels > digits * 3) return { level: 'ok', score, fields, longest };
  if (fields > 1000 && longest < 4) return { level: 'check', score, fields, longest };
  return { level: digits > vowels ? 'numeric' : 'mixed', score, fields, longest };
}
`;

const NODE_HOT = NODE_BASE.replace('/*HOT*/', 'out.risk = plantedHotLoop(out);').replace(
  'function handler(',
  `${PLANTED}\nfunction handler(`,
);

const NODE_COMMENTS = `// This build only adds comment lines:
// every function below moved down by four lines,
// which a positions-blind gate reads as new functions.
// (The names carry line and column.)
${NODE_BASE}`;

describe('node: attach by pid (inspector)', () => {
  const builds: Record<string, { pid: number; url: string; dir: string; inspect: number }> = {};

  it('starts three builds of a service, each in its own folder', async () => {
    for (const [name, src] of [
      ['base', NODE_BASE],
      ['hot', NODE_HOT],
      ['comments', NODE_COMMENTS],
    ] as const) {
      const dir = join(tmp, `node-${name}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'server.mjs'), src);
      const port = await closedPort();
      const inspect = await closedPort();
      // --inspect-port: each build its own port for the inspector, which stays closed until
      // profile-gate opens it with SIGUSR1
      const c = start(process.execPath, [`--inspect-port=${inspect}`, 'server.mjs'], {
        cwd: dir,
        env: { PORT: String(port) },
      });
      const url = `http://127.0.0.1:${port}/`;
      await untilUp(url, c);
      builds[name] = { pid: c.pid!, url, dir, inspect };
    }
    // Warm every build up the same way before any capture: V8 tiers functions up (and inlines
    // them) as they get hot, and a fresh process beside a long-running one differs until then.
    const t0 = Date.now();
    await Promise.all(Object.values(builds).map((b) => requests(b.url, 1500, 6)));
    console.log(
      `[e2e] node warm-up (1500 requests each) took ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });

  const aa: string[] = [];

  it('a planted hot function fails, named', async () => {
    const [b, c] = await captureAB('node-hot', 'node', builds.base, builds.hot, [
      '--captures',
      '5',
      '--seconds',
      '1.5',
      '--warmup',
      '3',
      '--rate',
      '150',
    ]);
    aa.push(b);
    const m = readManifest(c);
    expect(m.source).toMatchObject({
      kind: 'profiler',
      profiler: {
        name: 'node',
        pid: builds.hot.pid,
        hz: 1000,
        inspectPort: builds.hot.inspect,
        openedInspector: true,
      },
    });
    expect(m.sampleType).toBe('wall');
    expect(m.projectRoot).toBe(builds.hot.dir);
    expect(readdirSync(c).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(5);
    const v = await verdict(b, c);
    console.log(
      `[e2e] node hot: ${v.json.verdict}; ${v.json.regressions.map((r) => `${r.function} ${r.metric} +${r.deltaPp.toFixed(1)}pp (CI ${r.ciLowPp.toFixed(1)}..${r.ciHighPp.toFixed(1)})`).join('; ')}`,
    );
    expect(v.code, v.text).toBe(1);
    expect(v.json.regressions.map((r) => r.function)).toContain('plantedHotLoop (server.mjs)');
    // the inspectors profile-gate opened are closed again, the services still run
    for (const k of ['base', 'hot']) {
      await expect(fetch(`http://127.0.0.1:${builds[k].inspect}/json/list`)).rejects.toThrow();
      expect(alive(builds[k].pid)).toBe(true);
    }
  });

  it('a build that only adds comment lines passes', async () => {
    const [b, c] = await captureAB('node-comments', 'node', builds.base, builds.comments, [
      '--captures',
      '5',
      '--seconds',
      '1.5',
      '--warmup',
      '2',
      '--rate',
      '150',
    ]);
    aa.push(b);
    const v = await verdict(b, c);
    console.log(
      `[e2e] node comments: ${v.json.verdict}; ${v.json.regressions.map((r) => r.function).join('; ')}`,
    );
    expect(v.code, v.text).toBe(0);
    expect(v.json.verdict).toBe('pass');
    const names = JSON.parse(readFileSync(join(tmp, 'last.json'), 'utf8')).functions.map(
      (f: { function: string }) => f.function,
    ) as string[];
    expect(names).toContain('handler (server.mjs)');
    expect(names.filter((n) => /:\d+/.test(n) || n.includes(tmp))).toEqual([]);
  });

  it('two baseline sets of one build pass', async () => {
    expect(aa).toHaveLength(2);
    const v = await verdict(aa[0], aa[1], CROSS_RUN);
    expect(v.code, v.text).toBe(0);
  });

  it('allocations: --type allocs writes .heapprofile files of the sampled allocations', async () => {
    const out = join(tmp, 'node-allocs');
    const load = spawnLoad(builds.hot.url);
    try {
      const r = await cli(
        [
          'capture',
          '--profiler',
          'node',
          '--pid',
          String(builds.hot.pid),
          '--type',
          'allocs',
          '--captures',
          '2',
          '--seconds',
          '1',
          '--out',
          out,
          '-q',
        ],
        tmp,
      );
      expect(r.code, r.stderr).toBe(0);
    } finally {
      load.stop();
    }
    const m = readManifest(out);
    expect(m.sampleType).toBe('alloc_space');
    expect(m.source.profiler?.sampling).toMatch(
      /HeapProfiler\.startSampling samplingInterval=32768/,
    );
    const files = readdirSync(out).filter((f) => f.endsWith('.heapprofile'));
    expect(files).toHaveLength(2);
    const p = readProfile(readFileSync(join(out, files[0])), files[0]);
    expect(p.format).toBe('heapprofile');
    // the service's own functions (V8 may have inlined checkout into handler)
    expect(p.functions.some((f) => /^(checkout|handler|render) \(.*server\.mjs\)$/.test(f))).toBe(
      true,
    );
  });

  it('attach/detach cycles under load leave the process running and its inspector closed', async () => {
    // Closing the inspector while a session was attached crashed Node 20 now and then
    // (SIGSEGV, about 1 cycle in 17 under load): profile-gate closes it after the session.
    const b = builds.comments;
    const load = spawnLoad(b.url);
    try {
      for (let i = 0; i < 8; i++) {
        const out = join(tmp, `node-cycle-${i}`);
        const type = i % 2 ? 'allocs' : 'cpu';
        const r = await cli(
          [
            'capture',
            '--profiler',
            'node',
            '--pid',
            String(b.pid),
            '--type',
            type,
            '--captures',
            '1',
            '--seconds',
            '0.2',
            '--out',
            out,
            '-q',
          ],
          tmp,
        );
        expect(r.code, r.stderr).toBe(0);
        expect(readManifest(out).source.profiler?.openedInspector).toBe(true);
        expect(alive(b.pid)).toBe(true);
      }
    } finally {
      load.stop();
    }
    await expect(fetch(`http://127.0.0.1:${b.inspect}/json/list`)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(b.pid)).toBe(true);
  });
});

/** `n` requests to `url`, `concurrency` at a time. */
async function requests(url: string, n: number, concurrency: number): Promise<void> {
  let left = n;
  const worker = async () => {
    while (left-- > 0) await fetch(url).then((r) => r.text());
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A little background load (for captures without the built-in generator). */
function spawnLoad(url: string): { stop: () => void } {
  let on = true;
  const loop = async () => {
    while (on) {
      await fetch(url)
        .then((r) => r.text())
        .catch(() => undefined);
    }
  };
  void loop();
  return { stop: () => (on = false) };
}

// ---------------------------------------------------------------------------------------------
// perf + Go

const hasGo = has('go', ['version']);
const perfState = (() => {
  if (!has('perf')) return 'perf is not installed (apt-get install linux-perf)';
  const s = spawn('sleep', ['5'], { stdio: 'ignore' });
  const r = spawnSync(
    'perf',
    [
      'record',
      '-q',
      '-e',
      'cpu-clock',
      '-p',
      String(s.pid),
      '-o',
      '/dev/null',
      '--',
      'sleep',
      '0.1',
    ],
    { encoding: 'utf8' },
  );
  s.kill('SIGKILL');
  if (r.status !== 0)
    return `the kernel refuses perf here (perf_event_paranoid ${readFileSync('/proc/sys/kernel/perf_event_paranoid', 'utf8').trim()}): ${(r.stderr ?? '').trim().split('\n')[0]}`;
  return 'ok';
})();
if (!hasGo) console.warn('[skip] `go` is not on PATH: the perf end-to-end test is skipped');
else if (perfState !== 'ok')
  console.warn(`[skip] ${perfState}: the perf end-to-end test is skipped`);

describe.skipIf(!hasGo || perfState !== 'ok')('perf: attach by pid (Go demo service)', () => {
  const svc: Record<string, { pid: number; url: string }> = {};

  it('builds the demo service and a build of it with comment lines added, and starts three', async () => {
    const env = { ...process.env } as Record<string, string>;
    if (!env.HOME && !env.XDG_CACHE_HOME && !env.GOCACHE) env.GOCACHE = join(tmp, 'gocache');
    const src = fixture('go-demo');
    const commented = join(tmp, 'go-comments');
    cpSync(src, commented, { recursive: true });
    const main = join(commented, 'service', 'main.go');
    writeFileSync(
      main,
      `// This build only adds comment lines.\n// Every function moved down.\n// Nothing else changed.\n// (perf names carry no lines.)\n${readFileSync(main, 'utf8')}`,
    );
    const t0 = Date.now();
    for (const [dir, out] of [
      [src, join(tmp, 'go-base')],
      [commented, join(tmp, 'go-commented')],
    ]) {
      const b = spawnSync('go', ['build', '-o', out, './service'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      if (b.status !== 0) throw new Error(`go build failed:\n${b.stderr}`);
    }
    console.log(`[e2e] go build (2 builds) took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const [name, bin, variant] of [
      ['base', 'go-base', 'base'],
      ['hot', 'go-base', 'cpu'],
      ['comments', 'go-commented', 'base'],
    ]) {
      const port = await closedPort();
      const c = start(join(tmp, bin), ['-addr', `127.0.0.1:${port}`, '-variant', variant]);
      const url = `http://127.0.0.1:${port}/checkout`;
      await untilUp(url, c);
      svc[name] = { pid: c.pid!, url };
    }
  });

  // 8 captures a side: one odd capture (a loaded machine, a thread perf saw late) moves the
  // intervals less than with 5
  const args = [
    '--captures',
    '8',
    '--seconds',
    '2',
    '--warmup',
    '2',
    '--rate',
    '250',
    '--hz',
    '999',
  ];

  /** Per capture: samples, completed requests and main.computeDiscount's self share (a log line). */
  function perCapture(dir: string): string {
    const m = readManifest(dir);
    return m.captures
      .map((x) => {
        const p = readProfile(readFileSync(join(dir, x.file)), x.file);
        const t = aggregate(p, 0);
        const i = t.names.indexOf('main.computeDiscount');
        const share = i < 0 ? 0 : (100 * t.self[i]) / t.total;
        return `${t.total}/${x.requests?.completed ?? '?'}req/${share.toFixed(1)}%`;
      })
      .join(' ');
  }
  // The same settings for all three verdicts. perf (as root) also samples the kernel, which
  // dilutes user-space shares: the demo's planted regression, +10pp in Go's own profiler, is
  // about +7pp here, so the self budget is 3pp rather than the default 5pp.
  const settings = ['--budget-pp', '3'];
  const aa: string[] = [];

  it('the planted regression fails, named', async () => {
    const [b, c] = await captureAB('perf-hot', 'perf', svc.base, svc.hot, args);
    aa.push(b);
    const m = readManifest(c);
    expect(m.source.profiler).toMatchObject({
      name: 'perf',
      pid: svc.hot.pid,
      hz: 999,
      event: 'cpu-clock',
    });
    expect(m.sampleType).toBe('samples');
    expect(readdirSync(c).filter((f) => f.endsWith('.perf.txt.gz'))).toHaveLength(8);
    const v = await verdict(b, c, settings);
    console.log(`[e2e] perf hot, samples/requests/computeDiscount self per capture:
  baseline ${perCapture(b)}
  canary   ${perCapture(c)}`);
    console.log(
      `[e2e] perf hot: ${v.json.verdict}; ${v.json.regressions.map((r) => `${r.function} ${r.metric} +${r.deltaPp.toFixed(1)}pp (CI ${r.ciLowPp.toFixed(1)}..${r.ciHighPp.toFixed(1)})`).join('; ')}`,
    );
    expect(v.code, v.text).toBe(1);
    expect(v.json.regressions.map((r) => r.function)).toContain('main.computeDiscount');
  }, 150_000);

  it('a build with comment lines added passes', async () => {
    const [b, c] = await captureAB('perf-comments', 'perf', svc.base, svc.comments, args);
    aa.push(b);
    const v = await verdict(b, c, settings);
    console.log(`[e2e] perf comments: ${v.json.verdict}`);
    expect(v.code, v.text).toBe(0);
  }, 150_000);

  it('two baseline sets of one build pass', async () => {
    expect(aa).toHaveLength(2);
    const v = await verdict(aa[0], aa[1], [...settings, ...CROSS_RUN]);
    console.log(`[e2e] perf A/A (two runs), samples/requests/computeDiscount self per capture:
  first  ${perCapture(aa[0])}
  second ${perCapture(aa[1])}`);
    expect(v.code, v.text).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// JFR + Java

const hasJava =
  has('java', ['-version']) &&
  has('javac', ['-version']) &&
  has('jcmd', ['-h']) &&
  has('jfr', ['--version']);
if (!hasJava)
  console.warn(
    '[skip] java, javac, jcmd or jfr is missing (apt-get install openjdk-17-jdk-headless): the JFR end-to-end test is skipped',
  );

/**
 * The Java service (fixtures/java-demo/service): the baseline's sources in base/; each other
 * build is the files it replaces or adds (planted/: a FraudCheck step in the pipeline;
 * comments/: comment lines and moved code only).
 */
const JAVA_SERVICE = fixture('java-demo', 'service');
const JAVA_BUILDS = ['base', 'planted', 'comments'] as const;
/**
 * Requests to each JVM before any capture (classes loaded, the steps compiled once). The JIT's
 * real warm-up is the capture's --warmup: attaching starts and stops a JFR recording, and
 * JFR's start-up deoptimizes compiled code.
 */
const JAVA_WARMUP = 200;
/**
 * The capture settings of every Java run: 5 captures a side of 3 s. Each capture costs 1.3-3.5 s
 * more than its length (two jcmd calls, each a JVM start, and the load's settle time), so a run
 * takes 55-80 s. With 3 captures of 2 s, a fresh clone's run beside a CPU burner got 52-123
 * samples per capture and passed the planted method as underpowered (detectable 25pp). JFR
 * samples only threads running Java code, and on a busy machine its sampler thread gets few
 * turns: at JFR's default 10 ms period (--hz 100) a 2 s capture of this service held 30-40
 * samples, at 1 ms (--hz 1000) 200-300 on a loaded 2-core machine at 200 requests a second (300
 * a second overran the service there).
 */
const JAVA_CAPTURES = 5;
/** A run of 3 x 2 s took 30-37 s on a 2-core machine at load 8-12; 5 x 3 s about twice that. */
const JAVA_RUN_TIMEOUT_MS = 240_000;
const JAVA_CAPTURE = [
  '--captures',
  String(JAVA_CAPTURES),
  '--seconds',
  '3',
  '--warmup',
  '2',
  '--rate',
  '200',
  '--hz',
  '1000',
];

/** Runs a command; resolves with its exit code and output. */
function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (b: Buffer) => (out += b.toString()));
    c.stderr.on('data', (b: Buffer) => (out += b.toString()));
    c.on('error', (e) => resolve({ code: null, out: String(e) }));
    c.on('close', (code) => resolve({ code, out }));
  });
}

/** The .java files under `dir`, as paths relative to it. */
function javaFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? javaFiles(dir, join(sub, e.name))
      : e.name.endsWith('.java')
        ? [join(sub, e.name)]
        : [],
  );
}

/** A build's sources (relative path -> text): base/, with the build's own files over it. */
function javaSources(build: (typeof JAVA_BUILDS)[number]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of build === 'base' ? ['base'] : ['base', build]) {
    for (const f of javaFiles(join(JAVA_SERVICE, b)))
      out.set(f, readFileSync(join(JAVA_SERVICE, b, f), 'utf8'));
  }
  return out;
}

/** A Java source's code: comments and blank lines dropped, each line trimmed. */
function codeLines(src: string): string[] {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'));
}

it('the Java service: the comments build only adds comments and moves code; the planted build only adds a step', () => {
  const base = javaSources('base');
  const comments = javaSources('comments');
  expect([...comments.keys()].sort()).toEqual([...base.keys()].sort());
  let changed = 0;
  for (const [f, src] of comments) {
    expect(codeLines(src).sort(), f).toEqual(codeLines(base.get(f)!).sort());
    if (src !== base.get(f)) changed++;
  }
  expect(changed).toBeGreaterThanOrEqual(3);
  // somewhere code moved, not only comments added
  expect(
    [...comments].some(([f, src]) => codeLines(src).join() !== codeLines(base.get(f)!).join()),
  ).toBe(true);
  const planted = javaSources('planted');
  const added = [...planted.keys()].filter((f) => !base.has(f));
  expect(added).toEqual([join('com', 'example', 'shop', 'FraudCheck.java')]);
  for (const [f, src] of base) {
    const code = (s: string) => codeLines(s).join('').replace(/\s+/g, '');
    const p = code(planted.get(f)!);
    expect(f.endsWith('Checkout.java') ? p.replace('newFraudCheck(),', '') : p, f).toBe(code(src));
  }
});

describe.skipIf(!hasJava)('jfr: attach by pid (a Java HTTP service, JDK Flight Recorder)', () => {
  /** Four JVMs: the baseline twice (two JVMs of one build), the planted build, the comments build. */
  const jvms: Record<string, { pid: number; url: string; dir: string }> = {};

  it('compiles three builds of the service with javac and starts four JVMs', async () => {
    let t0 = Date.now();
    const compiled = await Promise.all(
      JAVA_BUILDS.map((name) => {
        const src = join(tmp, `java-${name}`, 'src');
        const files: string[] = [];
        for (const [f, text] of javaSources(name)) {
          mkdirSync(dirname(join(src, f)), { recursive: true });
          writeFileSync(join(src, f), text);
          files.push(join(src, f));
        }
        // javac's own JVM with C1 only and the serial GC: a third faster for these few files
        return run('javac', [
          '-J-XX:TieredStopAtLevel=1',
          '-J-XX:+UseSerialGC',
          '-d',
          join(tmp, `java-${name}`, 'classes'),
          ...files,
        ]);
      }),
    );
    for (const b of compiled) expect(b.code, b.out).toBe(0);
    console.log(`[e2e] javac (3 builds) took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const started: [ChildProcess, string][] = [];
    for (const [name, build] of [
      ['base', 'base'],
      ['base2', 'base'],
      ['planted', 'planted'],
      ['comments', 'comments'],
    ] as const) {
      const dir = join(tmp, `java-${build}`);
      const port = await closedPort();
      const c = start(
        'java',
        ['-Xmx128m', '-cp', 'classes', 'com.example.shop.ShopServer', String(port)],
        { cwd: dir },
      );
      const url = `http://127.0.0.1:${port}/checkout`;
      started.push([c, url]);
      jvms[name] = { pid: c.pid!, url, dir };
    }
    for (const [c, url] of started) await untilUp(url, c);
    // Warm every JVM up the same way before any capture: the JIT compiles the steps (tiered, up
    // to C2) while they get hot.
    t0 = Date.now();
    await Promise.all(Object.values(jvms).map((b) => requests(b.url, JAVA_WARMUP, 2)));
    console.log(
      `[e2e] java warm-up (${JAVA_WARMUP} requests to each of 4 JVMs) took ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });

  // Two runs of interleaved A/B: the baseline (JVM 1) against the planted build, and the
  // baseline (JVM 2) against the comments build; their baseline sets are the A/A.
  const aa: string[] = [];

  it('a planted hot method fails, named', { timeout: JAVA_RUN_TIMEOUT_MS }, async () => {
    const [b, c] = await captureAB('jfr-planted', 'jfr', jvms.base, jvms.planted, JAVA_CAPTURE);
    aa.push(b);
    const m = readManifest(c);
    expect(m.source).toMatchObject({
      kind: 'profiler',
      profiler: {
        name: 'jfr',
        pid: jvms.planted.pid,
        hz: 1000,
        sampling: 'jdk.ExecutionSample#period=1ms',
        settings: 'profile',
      },
    });
    expect(m.sampleType).toBe('cpu');
    expect(m.projectRoot).toBe(jvms.planted.dir);
    const files = readdirSync(c).filter((f) => f.endsWith('.jfr'));
    expect(files).toEqual(m.captures.map((x) => x.file));
    expect(files).toHaveLength(JAVA_CAPTURES);
    // Samples per capture (the JFR reader's count: cpu time over the period), for the log.
    for (const dir of [b, c]) {
      const counts = readManifest(dir).captures.map((x) => {
        const p = readProfile(readFileSync(join(dir, x.file)), x.file);
        const total = p.values[p.defaultSampleType].reduce((t, v) => t + v, 0);
        return Math.round(total / p.period);
      });
      console.log(`[e2e] jdk.ExecutionSample events per capture (${dir}): ${counts.join(', ')}`);
      for (const n of counts) expect(n).toBeGreaterThan(0);
    }
    // The JDK's own tools read them, and the recording used the period the manifest records.
    const first = join(c, files[0]);
    const summary = spawnSync('jfr', ['summary', first], { encoding: 'utf8' });
    expect(summary.status, summary.stderr).toBe(0);
    expect(Number(/jdk\.ExecutionSample\s+(\d+)/.exec(summary.stdout)?.[1] ?? 0)).toBeGreaterThan(
      0,
    );
    const p = spawnSync('jfr', ['print', '--events', 'jdk.ActiveSetting', first], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(p.stdout).toMatch(/name = "period"\s+value = "1 ms"/);

    const v = await verdict(b, c);
    console.log(`[e2e] jfr planted: ${v.json.verdict}; ${describeRows(v.json.regressions)}`);
    expect(v.code, v.text).toBe(1);
    expect(v.json.verdict).toBe('fail');
    expect(v.json.regressions.map((r) => r.function)).toContain(
      'com.example.shop.FraudCheck.apply',
    );
    // no recording is left in either JVM, and both still serve
    for (const k of ['base', 'planted']) {
      expect(
        spawnSync('jcmd', [String(jvms[k].pid), 'JFR.check'], { encoding: 'utf8' }).stdout,
      ).toMatch(/No available recordings/);
      expect((await fetch(jvms[k].url)).status).toBe(200);
    }
  });

  it(
    'a build that only adds comment lines and moves code passes',
    { timeout: JAVA_RUN_TIMEOUT_MS },
    async () => {
      const [b, c] = await captureAB(
        'jfr-comments',
        'jfr',
        jvms.base2,
        jvms.comments,
        JAVA_CAPTURE,
      );
      aa.push(b);
      const v = await verdict(b, c);
      console.log(`[e2e] jfr comments: ${v.json.verdict}; ${describeRows(topRows())}`);
      expect(v.code, v.text).toBe(0);
      expect(v.json.verdict).toBe('pass');
      const names = topRows(Infinity).map((f) => f.function);
      for (const step of ['CartBuilder', 'Pricing', 'Signer'])
        expect(names).toContain(`com.example.shop.${step}.apply`);
      // hidden classes (lambdas, method-handle forms) carry no addresses that differ between JVMs
      expect(names.filter((n) => /0x[0-9a-f]{6}/.test(n))).toEqual([]);
    },
  );

  it('two baseline sets of one build, from two JVMs, pass', async () => {
    expect(aa).toHaveLength(2);
    const v = await verdict(aa[0], aa[1], CROSS_RUN);
    console.log(`[e2e] jfr A/A (two JVMs): ${v.json.verdict}; ${describeRows(topRows())}`);
    expect(v.code, v.text).toBe(0);
    expect(v.json.verdict).toBe('pass');
  });

  it('an interrupted capture leaves no recording running in the JVM', async () => {
    const pid = jvms.base.pid;
    const ac = new AbortController();
    const out = join(tmp, 'jfr-abort');
    const run = runCapture(
      { outDir: out, type: 'cpu', captures: 3, seconds: 5, profiler: 'jfr', pid },
      {
        signal: ac.signal,
        progress: (e) => {
          if (e.kind === 'capture-start') setTimeout(() => ac.abort(), 1500);
        },
      },
    );
    const e = await run.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(CaptureRunError);
    expect((e as CaptureRunError).kind).toBe('aborted');
    expect(spawnSync('jcmd', [String(pid), 'JFR.check'], { encoding: 'utf8' }).stdout).toMatch(
      /No available recordings/,
    );
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(readManifest(out).incomplete?.reason).toBe('interrupted');
    expect(alive(pid)).toBe(true);
  });
});
