/**
 * runCapture and the capture command against real local servers that misbehave on purpose:
 * refused connections, 5xx then success, hangs, bodies cut short, empty profiles, wrong
 * content, a load command that exits early, Ctrl-C, and interleaved A/B.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { liveCommandCount } from '../src/capture/command.js';
import { sha256 } from '../src/captureset/write.js';
import type { Manifest } from '../src/captureset/manifest.js';
import {
  CaptureRunError,
  runCapture,
  type ProgressEvent,
  type RunCaptureOptions,
} from '../src/capture/runner.js';
import { captureCommand } from '../src/cli/capture.js';
import { readProfile } from '../src/profile/read.js';
import {
  closedPort,
  cpuProfile,
  emptyCpuProfile,
  gone,
  memoryIO,
  startServer,
  type TestServer,
} from './helpers/capture.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-capture-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  expect(liveCommandCount()).toBe(0);
});

let dirN = 0;
const outDir = () => join(tmp, `out-${++dirN}`);
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const dotFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.'));

type ProfileHandler = (res: http.ServerResponse, hit: number, seconds: number) => void;

/** A fake service: /debug/pprof/* handled by `profile`, /work answers "ok" (the load path). */
async function fakeService(
  profile: ProfileHandler,
): Promise<TestServer & { loadHits: () => number; profileHits: () => number }> {
  let loadHits = 0;
  let profileHits = 0;
  const s = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname.startsWith('/debug/pprof/')) {
      profileHits++;
      profile(res, profileHits, Number(u.searchParams.get('seconds') ?? 0));
    } else {
      loadHits++;
      res.end('ok');
    }
  });
  servers.push(s);
  return { ...s, loadHits: () => loadHits, profileHits: () => profileHits };
}

/** Answers like Go's pprof: waits for the window, then sends the profile. */
const goodProfile: ProfileHandler = (res, _hit, seconds) => {
  setTimeout(() => res.end(cpuProfile()), seconds * 1000);
};

function opts(over: Partial<RunCaptureOptions>): RunCaptureOptions {
  return {
    outDir: outDir(),
    type: 'cpu',
    captures: 2,
    seconds: 1,
    retryBackoffMs: 50,
    timeoutGraceSeconds: 5,
    ...over,
  };
}

async function fails(p: Promise<unknown>): Promise<CaptureRunError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CaptureRunError);
    return e as CaptureRunError;
  }
  throw new Error('expected the capture to fail');
}

describe('capture faults', () => {
  it('connection refused: retries with backoff, then exit 2 with a clear message', async () => {
    const port = await closedPort();
    const out = outDir();
    const m = memoryIO(tmp);
    const t0 = Date.now();
    const code = await captureCommand(
      [
        '--url',
        `http://127.0.0.1:${port}`,
        '--out',
        out,
        '--captures',
        '1',
        '--seconds',
        '1',
        '--retries',
        '2',
        '-q',
      ],
      m.io,
    );
    const ms = Date.now() - t0;
    expect(code).toBe(2);
    expect(m.stderr()).toMatch(/connection refused by 127\.0\.0\.1:\d+: is the service running/);
    expect(m.stderr()).toMatch(/gave up after 3 attempts/);
    expect(m.stderr()).toMatch(/kept 0 of 1/);
    // Backoff 0.5 s + 1 s between the three attempts.
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(6000);
    const mf = readManifest(out);
    expect(mf.captures).toEqual([]);
    expect(mf.incomplete?.reason).toMatch(/connection refused/);
  });

  it('HTTP 500 then success: the capture is retried and counts once', async () => {
    const svc = await fakeService((res, hit, seconds) => {
      if (hit === 1) {
        res.statusCode = 500;
        return res.end('Could not enable CPU profiling: cpu profiling already in use');
      }
      goodProfile(res, hit, seconds);
    });
    const events: ProgressEvent[] = [];
    const o = opts({ url: svc.url, captures: 2 });
    const r = await runCapture(o, { progress: (e) => events.push(e) });
    expect(svc.profileHits()).toBe(3);
    const retries = events.filter((e) => e.kind === 'retry');
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ kind: 'retry', index: 1, attempt: 1 });
    expect((retries[0] as { reason: string }).reason).toMatch(/HTTP 500 .*already in use/);
    expect(r.manifest.captures.map((c) => c.file)).toEqual(['cpu-001.pb.gz', 'cpu-002.pb.gz']);
    expect(r.manifest.incomplete).toBeUndefined();
    for (const c of r.manifest.captures) {
      const bytes = readFileSync(join(o.outDir, c.file));
      expect(sha256(bytes)).toBe(c.sha256);
      expect(bytes.length).toBe(c.bytes);
      expect(readProfile(bytes, c.file).sampleTypes.map((t) => t.type)).toContain('cpu');
      expect(c.durationSeconds).toBeGreaterThanOrEqual(0.99);
    }
    expect(dotFiles(o.outDir)).toEqual([]);
  });

  it('an endpoint that hangs times out after seconds + grace, without a retry', async () => {
    const held: http.ServerResponse[] = [];
    const svc = await fakeService((res) => void held.push(res));
    const out = outDir();
    const m = memoryIO(tmp);
    const t0 = Date.now();
    const code = await captureCommand(
      [
        '--url',
        svc.url,
        '--out',
        out,
        '--captures',
        '2',
        '--seconds',
        '1',
        '--timeout-grace',
        '0.5',
        '-q',
      ],
      m.io,
    );
    const ms = Date.now() - t0;
    expect(code).toBe(2);
    expect(m.stderr()).toMatch(
      /no complete answer from http:\/\/127\.0\.0\.1:\d+\/debug\/pprof\/profile\?seconds=1 within 1\.5 s/,
    );
    expect(m.stderr()).toMatch(/hangs/);
    expect(svc.profileHits()).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1450);
    expect(ms).toBeLessThan(4000);
    for (const r of held) r.destroy();
  });

  it('a body cut short (Content-Length larger than sent) is retried; only the complete capture is written', async () => {
    const full = cpuProfile();
    const svc = await fakeService((res, hit, seconds) => {
      if (hit <= 2) {
        res.setHeader('Content-Length', String(full.length));
        res.write(full.subarray(0, 20));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      goodProfile(res, hit, seconds);
    });
    const events: ProgressEvent[] = [];
    const o = opts({ url: svc.url, captures: 1, seconds: 1 });
    const r = await runCapture(o, { progress: (e) => events.push(e) });
    const reasons = events
      .filter((e) => e.kind === 'retry')
      .map((e) => (e as { reason: string }).reason);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/cut short: got 20 of \d+ bytes/);
    expect(r.manifest.captures).toHaveLength(1);
    expect(readFileSync(join(o.outDir, 'cpu-001.pb.gz')).equals(full)).toBe(true);
    expect(dotFiles(o.outDir)).toEqual([]);
  });

  it('a body cut short every time: gives up with the reason, and writes no partial file', async () => {
    const full = cpuProfile();
    const svc = await fakeService((res) => {
      // Chunked, then the socket is destroyed before the terminating chunk.
      res.write(full.subarray(0, 30));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const o = opts({ url: svc.url, captures: 1, retries: 2 });
    const e = await fails(runCapture(o));
    expect(e.kind).toBe('truncated');
    expect(e.message).toMatch(/cut short.*gave up after 3 attempts/);
    expect(svc.profileHits()).toBe(3);
    expect(readdirSync(o.outDir)).toEqual(['manifest.json']);
    expect(e.partial.manifest.incomplete?.requestedCaptures).toBe(1);
  });

  it('an empty but valid profile says the service is idle and suggests load (no retry)', async () => {
    const svc = await fakeService((res, _hit, seconds) =>
      setTimeout(() => res.end(emptyCpuProfile()), seconds * 1000),
    );
    const m = memoryIO(tmp);
    const code = await captureCommand(
      ['--url', svc.url, '--out', outDir(), '--captures', '3', '--seconds', '1', '-q'],
      m.io,
    );
    expect(code).toBe(2);
    expect(m.stderr()).toMatch(/cpu-001: the profile has no samples: the service looks idle/);
    expect(m.stderr()).toMatch(/--load-url\/--rate .* or --load-command/);
    expect(svc.profileHits()).toBe(1);
  });

  it('with load running, an empty profile reports the load counts of that window', async () => {
    const svc = await fakeService((res, _hit, seconds) =>
      setTimeout(() => res.end(emptyCpuProfile()), seconds * 1000),
    );
    const o = opts({
      url: svc.url,
      captures: 1,
      warmupSeconds: 0.2,
      load: {
        kind: 'builtin',
        rate: 50,
        targets: [{ method: 'GET', url: `${svc.url}/work`, weight: 1 }],
      },
    });
    const e = await fails(runCapture(o));
    expect(e.kind).toBe('empty');
    expect(e.message).toMatch(/load in this window: \d+ requests completed, 0 failed/);
  });

  it('wrong content (an HTML page) and HTTP 404 fail at once with a hint', async () => {
    const html = await fakeService((res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<html><body>Types of profiles available: ...</body></html>\n');
    });
    const e1 = await fails(runCapture(opts({ url: html.url, captures: 1 })));
    expect(e1.kind).toBe('decode');
    expect(e1.message).toMatch(/not a usable profile/);
    expect(html.profileHits()).toBe(1);

    const nf = await fakeService((res) => {
      res.statusCode = 404;
      res.end('Unknown profile\n');
    });
    const e2 = await fails(runCapture(opts({ url: nf.url, captures: 1, type: 'mutex' })));
    expect(e2.message).toMatch(
      /HTTP 404 from .*\/debug\/pprof\/mutex\?seconds=1: Unknown profile \(check --url/,
    );
    expect(nf.profileHits()).toBe(1);
  });

  it('a user load command that exits early stops the run with its exit status and output', async () => {
    const svc = await fakeService(goodProfile);
    const m = memoryIO(tmp);
    const out = outDir();
    const code = await captureCommand(
      [
        '--url',
        svc.url,
        '--out',
        out,
        '--captures',
        '3',
        '--seconds',
        '1',
        '--warmup',
        '0.2',
        '-q',
        '--load-command',
        'echo "hey: 12 requests done"; sleep 1.5; exit 3',
      ],
      m.io,
    );
    expect(code).toBe(2);
    expect(m.stderr()).toMatch(/load command exited early \(exit code 3\) after 1\.\d s/);
    expect(m.stderr()).toMatch(/hey: 12 requests done/);
    // The capture in flight when the load died does not count; the one before it does.
    const mf = readManifest(out);
    expect(mf.captures).toHaveLength(1);
    expect(mf.load).toEqual({
      kind: 'command',
      command: 'echo "hey: 12 requests done"; sleep 1.5; exit 3',
    });
    expect(mf.incomplete?.reason).toMatch(/exited early/);
    expect(dotFiles(out)).toEqual([]);
  });

  it('a user load command that keeps running is stopped (with its children) when the run ends', async () => {
    const svc = await fakeService(goodProfile);
    const pidFile = join(tmp, 'load.pid');
    const r = await runCapture(
      opts({
        url: svc.url,
        captures: 1,
        warmupSeconds: 0.2,
        load: { kind: 'command', command: `sleep 60 & echo $! > ${pidFile}; wait` },
      }),
    );
    expect(r.manifest.load?.kind).toBe('command');
    expect(r.manifest.captures[0].requests).toBeUndefined();
    expect(await gone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('Ctrl-C: stops load and commands, keeps completed captures, writes the manifest, exit 130', async () => {
    const svc = await fakeService(goodProfile);
    const pidFile = join(tmp, 'cc.pid');
    writeFileSync(join(tmp, 'prof.pb.gz'), cpuProfile());
    const ac = new AbortController();
    const out = outDir();
    const m = memoryIO(tmp);
    const events: string[] = [];
    const run = captureCommand(
      [
        '--capture-command',
        `echo $$ > ${pidFile}; sleep {seconds}; cp ${join(tmp, 'prof.pb.gz')} {out}`,
        '--out',
        out,
        '--captures',
        '3',
        '--seconds',
        '1',
        '--warmup',
        '0',
        '--load-url',
        `${svc.url}/work`,
        '--rate',
        '50',
      ],
      {
        ...m.io,
        stderr: (s: string) => {
          events.push(s);
          m.io.stderr(s);
        },
      },
      ac.signal,
    );
    // Abort during the second capture.
    for (let i = 0; i < 100 && !events.some((e) => /capture 2\/3/.test(e)); i++)
      await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    const commandPid = Number(readFileSync(pidFile, 'utf8'));
    ac.abort();
    const code = await run;
    expect(code).toBe(130);
    expect(m.stderr()).toMatch(/interrupted; kept 1 of 3/);
    expect(await gone(commandPid)).toBe(true);
    const mf = readManifest(out);
    expect(mf.captures.map((c) => c.file)).toEqual(['cpu-001.pb.gz']);
    expect(mf.captures[0].requests?.completed).toBeGreaterThan(30);
    expect(mf.incomplete).toEqual({ reason: 'interrupted', requestedCaptures: 3 });
    expect(dotFiles(out)).toEqual([]);
    // The load generator stopped: no new load requests arrive.
    const hits = svc.loadHits();
    await new Promise((r) => setTimeout(r, 200));
    expect(svc.loadHits()).toBe(hits);
  });

  it('interleaved A/B: alternates baseline and canary under the same load, two folders with roles', async () => {
    const base = await fakeService(goodProfile);
    const canary = await fakeService(goodProfile);
    const order: string[] = [];
    const t0 = performance.now();
    const o = opts({
      url: canary.url,
      baselineUrl: base.url,
      captures: 2,
      warmupSeconds: 0.3,
      labels: { service_name: 'api' },
      load: {
        kind: 'builtin',
        rate: 100,
        targets: [{ method: 'GET', url: `${canary.url}/work`, weight: 1 }],
        baselineTargets: [{ method: 'GET', url: `${base.url}/work`, weight: 1 }],
      },
    });
    const r = await runCapture(o, {
      progress: (e) => {
        if (e.kind === 'capture-start') order.push(`${e.index}:${e.role}`);
      },
    });
    expect(order).toEqual(['1:baseline', '2:canary', '3:baseline', '4:canary']);
    expect(r.sets.map((s) => s.role)).toEqual(['baseline', 'canary']);
    for (const s of r.sets) {
      expect(s.dir).toBe(join(o.outDir, s.role!));
      const mf = readManifest(s.dir);
      expect(mf.captures.map((c) => c.role)).toEqual([s.role, s.role]);
      expect(mf.labels).toEqual({ service_name: 'api' });
      expect(mf.load?.urls).toEqual([`${s.role === 'baseline' ? base.url : canary.url}/work`]);
      for (const c of mf.captures) {
        // ~1 s at 100 req/s to each build.
        expect(c.requests!.completed).toBeGreaterThan(70);
        expect(c.requests!.completed).toBeLessThan(160);
      }
    }
    expect(base.profileHits()).toBe(2);
    expect(canary.profileHits()).toBe(2);
    // The load alternates with the captures: each build gets it in its own windows only (plus
    // the warm-up and a short settle after each switch), about the same amount each.
    expect(Math.abs(base.loadHits() - canary.loadHits())).toBeLessThan(40);
    for (const l of r.load!) expect(l.sentRate).toBeGreaterThan(85); // rate while loaded
    const load = r.load!.map((l) => l.sent).reduce((a, b) => a + b, 0);
    const loadedSeconds = r.load!.map((l) => l.seconds).reduce((a, b) => a + b, 0);
    const wall = (performance.now() - t0) / 1000;
    // alternating: the loaded times add up to about the run's time (both loaded: twice that)
    expect(loadedSeconds).toBeLessThan(wall * 1.25);
    expect(load).toBeGreaterThan(0);
    expect(r.load?.map((l) => l.role)).toEqual(['baseline', 'canary']);
    // both manifests name the same run: the comparison knows the sides share one
    const [mb, mc] = r.sets.map((s) => readManifest(s.dir));
    expect(mb.run).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), interleaved: true });
    expect(mc.run).toEqual(mb.run);
  });

  it('interleaved A/B with a load command: one per build, only in its windows, {url} and PROFILE_GATE_TARGET naming it', async () => {
    const hits: Record<string, number[]> = { baseline: [], canary: [] };
    const service = async (role: 'baseline' | 'canary') => {
      const s = await startServer((req, res) => {
        const u = new URL(req.url ?? '/', 'http://x');
        if (u.pathname.startsWith('/debug/pprof/')) {
          goodProfile(res, 0, Number(u.searchParams.get('seconds') ?? 0));
        } else {
          hits[role].push(Date.now());
          res.end('ok');
        }
      });
      servers.push(s);
      return s;
    };
    const base = await service('baseline');
    const canary = await service('canary');
    // a load tool: a request every 20 ms to its argument; logs what it was given
    const log = join(tmp, 'load-starts.log');
    writeFileSync(log, '');
    const tool = join(tmp, 'load-tool.cjs');
    writeFileSync(
      tool,
      `require('fs').appendFileSync(${JSON.stringify(log)}, [process.env.PROFILE_GATE_SIDE, process.argv[2], process.env.PROFILE_GATE_TARGET].join(' ') + '\\n');
setInterval(() => fetch(process.argv[2]).then((r) => r.text()).catch(() => {}), 20);`,
    );
    const command = `${JSON.stringify(process.execPath)} ${tool} {url}`;
    const o = opts({
      url: canary.url,
      baselineUrl: base.url,
      captures: 2,
      warmupSeconds: 0.5,
      load: {
        kind: 'command',
        command,
        loadUrl: `${canary.url}/work`,
        baselineLoadUrl: `${base.url}/work`,
      },
    });
    const r = await runCapture(o);
    // both during the warm-up (in either order: they start together), then one per switch:
    // B (kept running), C, B, C
    const starts = readFileSync(log, 'utf8').trim().split('\n');
    const b = `baseline ${base.url}/work ${base.url}/work`;
    const c = `canary ${canary.url}/work ${canary.url}/work`;
    expect(starts.slice(0, 2).sort()).toEqual([b, c]);
    expect(starts.slice(2)).toEqual([c, b, c]);
    for (const s of r.sets) {
      const other = s.role === 'baseline' ? 'canary' : 'baseline';
      const mf = readManifest(s.dir);
      expect(mf.load).toEqual({ kind: 'command', command });
      for (const c of mf.captures) {
        const [from, to] = [Date.parse(c.start), Date.parse(c.end)];
        const inside = (t: number) => t > from + 50 && t < to - 50;
        // loaded in its own window (a request every 20 ms for ~1 s), the other build not at all
        expect(hits[s.role!].filter(inside).length).toBeGreaterThan(10);
        expect(hits[other].filter(inside)).toEqual([]);
      }
    }
  });

  it('capture commands: {out} files and stdout profiles; a failing command is retried and reported', async () => {
    const src = join(tmp, 'cmd-prof.pb.gz');
    writeFileSync(src, cpuProfile());
    const r1 = await runCapture(opts({ captureCommand: `cp ${src} {out}`, captures: 2 }));
    expect(r1.manifest.source).toEqual({ kind: 'command', command: `cp ${src} {out}` });
    expect(r1.manifest.captures.map((c) => c.file)).toEqual(['cpu-001.pb.gz', 'cpu-002.pb.gz']);
    const r2 = await runCapture(opts({ captureCommand: `cat ${src}`, captures: 1, pid: 1234 }));
    expect(r2.manifest.captures[0].sha256).toBe(sha256(readFileSync(src)));

    const counter = join(tmp, 'attempts');
    writeFileSync(counter, '');
    const events: ProgressEvent[] = [];
    const e = await fails(
      runCapture(
        opts({
          captureCommand: `echo x >> ${counter}; echo "py-spy: Permission denied" >&2; exit 1`,
          captures: 1,
          retries: 1,
        }),
        {
          progress: (ev) => events.push(ev),
        },
      ),
    );
    expect(e.kind).toBe('command');
    expect(e.message).toMatch(
      /capture command failed \(exit code 1\); its last output:\npy-spy: Permission denied/,
    );
    expect(readFileSync(counter, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(events.filter((x) => x.kind === 'retry')).toHaveLength(1);
    expect(dotFiles(e.partial.sets[0].dir)).toEqual([]);
  });

  it('interleaved A/B with a capture command: {pid} is the baseline or canary process', async () => {
    const src = join(tmp, 'ab-prof.pb.gz');
    writeFileSync(src, cpuProfile());
    const log = join(tmp, 'ab-pids.log');
    writeFileSync(log, '');
    const o = opts({
      captureCommand: `echo {pid} >> ${log}; cp ${src} {out}`,
      pid: 222,
      baselinePid: 111,
      captures: 2,
    });
    const r = await runCapture(o);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['111', '222', '111', '222']);
    expect(r.sets.map((s) => [s.role, s.manifest.captures.length])).toEqual([
      ['baseline', 2],
      ['canary', 2],
    ]);
    expect(existsSync(join(o.outDir, 'baseline', 'cpu-002.pb.gz'))).toBe(true);
  });

  it('snapshot endpoints (no {seconds}) wait for the window, then fetch', async () => {
    const svc = await fakeService((res) => res.end(cpuProfile()));
    const r = await runCapture(
      opts({
        url: `${svc.url}/debug/pprof/snap`,
        type: 'heap',
        sampleType: 'cpu',
        captures: 1,
        seconds: 0.5,
      }),
    );
    expect(r.manifest.captures[0].durationSeconds).toBeGreaterThanOrEqual(0.49);
    expect(r.manifest.source.url).toBe(`${svc.url}/debug/pprof/snap`);
    expect(r.manifest.sampleType).toBe('cpu');
  });

  it('refuses to mix sets in one folder unless --force, which replaces the old set', async () => {
    const svc = await fakeService(goodProfile);
    const o = opts({ url: svc.url, captures: 1 });
    await runCapture(o);
    await expect(runCapture(o)).rejects.toThrow(/not empty .*--force/);
    const r = await runCapture({ ...o, overwrite: true });
    expect(r.manifest.captures).toHaveLength(1);
    expect(existsSync(join(o.outDir, 'cpu-001.pb.gz'))).toBe(true);
  });

  it('a load URL that answers nothing fails after the warm-up instead of profiling an idle service', async () => {
    const svc = await fakeService(goodProfile);
    const port = await closedPort();
    const e = await fails(
      runCapture(
        opts({
          url: svc.url,
          warmupSeconds: 0.3,
          load: {
            kind: 'builtin',
            rate: 50,
            targets: [{ method: 'GET', url: `http://127.0.0.1:${port}/`, weight: 1 }],
          },
        }),
      ),
    );
    expect(e.kind).toBe('load');
    expect(e.message).toMatch(
      /completed no request during the 0\.3 s warm-up: \d+ failed \(ECONNREFUSED x\d+\)/,
    );
    expect(svc.profileHits()).toBe(0);
  });
});
