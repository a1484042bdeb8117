/**
 * Builds started by profile-gate (capture/builds.ts: the Action's baseline-run / canary-run):
 * real shell commands in their own process groups, ready when their URLs answer, stopped on
 * every path (ready, exited early, never ready, aborted, exiting during the body), children
 * included. Everything listens on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startBuilds, withBuilds, type BuildSpec } from '../src/capture/builds.js';
import { liveCommandCount } from '../src/capture/command.js';
import { CaptureError } from '../src/capture/errors.js';
import { captureCommand } from '../src/cli/capture.js';
import { alive, closedPort, cpuProfile, gone, memoryIO } from './helpers/capture.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-builds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  expect(liveCommandCount()).toBe(0);
});

/**
 * A node HTTP server on the port, started after `delayMs`; it prints its pid first. With
 * `dieWhen`, it crashes (exit 2, a panic on stderr) once that file exists.
 */
function serverScript(port: number, delayMs = 0, dieWhen?: string): string {
  const file = join(tmp, `server-${port}.cjs`);
  const die = dieWhen
    ? `setInterval(() => { if (require('fs').existsSync(${JSON.stringify(dieWhen)})) { console.error('panic: nil map'); process.exit(2); } }, 50);`
    : '';
  writeFileSync(
    file,
    `console.log('server pid ' + process.pid);
setTimeout(() => require('http').createServer((q, s) => s.end('ok'))
  .listen(${port}, '127.0.0.1', () => console.log('listening on ${port}')), ${delayMs});
${die}`,
  );
  return `${JSON.stringify(process.execPath)} ${file}`;
}

const pidIn = (text: string, what: string): number => {
  const m = new RegExp(`${what} (\\d+)`).exec(text);
  if (!m) throw new Error(`no "${what} <pid>" in: ${text}`);
  return Number(m[1]);
};

async function rejection(p: Promise<unknown>): Promise<CaptureError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CaptureError);
    return e as CaptureError;
  }
  throw new Error('expected a rejection');
}

describe('builds started for a capture run', () => {
  it('starts both, waits until each answers, and stops both process groups (children too)', async () => {
    const [pb, pc] = [await closedPort(), await closedPort()];
    const lines: string[] = [];
    const logs: string[] = [];
    const specs: BuildSpec[] = [
      {
        role: 'baseline',
        option: 'baseline-run',
        // a shell that runs the server as its child and waits: the group holds both
        command: `${serverScript(pb, 300)} & wait`,
        readyUrls: [`http://127.0.0.1:${pb}`],
      },
      {
        role: 'canary',
        option: 'canary-run',
        command: serverScript(pc, 600),
        readyUrls: [`http://127.0.0.1:${pc}/debug/pprof/profile?seconds=0`],
      },
    ];
    const t0 = Date.now();
    const b = await startBuilds(specs, {
      readyTimeoutMs: 20_000,
      onOutput: (role, line) => lines.push(`${role}: ${line}`),
      log: (m) => logs.push(m),
      pollMs: 50,
    });
    // ready only once the slower one listens
    expect(Date.now() - t0).toBeGreaterThanOrEqual(550);
    expect(lines).toEqual(
      expect.arrayContaining([`baseline: listening on ${pb}`, `canary: listening on ${pc}`]),
    );
    expect(logs.filter((l) => /answering after/.test(l))).toHaveLength(2);
    const serverPids = ['baseline', 'canary'].map((r) =>
      pidIn(lines.filter((l) => l.startsWith(r)).join('\n'), 'server pid'),
    );
    const shellPids = b.builds.map((x) => x.pid!);
    expect(b.builds.map((x) => x.role)).toEqual(['baseline', 'canary']);
    for (const pid of [...serverPids, ...shellPids]) expect(alive(pid)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${pb}/`)).status).toBe(200);

    await b.stop();
    for (const pid of [...serverPids, ...shellPids]) expect(await gone(pid)).toBe(true);
    expect(b.exitReason()).toBeUndefined();
    expect(b.exited.aborted).toBe(false);
  });

  it('a build that exits before it answers fails at once, naming the command and its last output', async () => {
    const [pb, pc] = [await closedPort(), await closedPort()];
    const t0 = Date.now();
    const e = await rejection(
      startBuilds(
        [
          {
            role: 'baseline',
            option: 'baseline-run',
            command: serverScript(pb),
            readyUrls: [`http://127.0.0.1:${pb}`],
          },
          {
            role: 'canary',
            option: 'canary-run',
            command: `echo starting; for i in 1 2 3; do echo line $i; done; echo "listen tcp :${pc}: bind: address already in use" >&2; exit 3`,
            readyUrls: [`http://127.0.0.1:${pc}`],
          },
        ],
        { readyTimeoutMs: 30_000, pollMs: 50 },
      ),
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(e.kind).toBe('command');
    expect(e.message).toMatch(
      /^the canary build \(canary-run: `echo starting; .*exit 3`\) exited before it answered \(exit code 3\)\. Its last output:\n/,
    );
    expect(e.message).toContain(`  | line 3\n  | listen tcp :${pc}: bind: address already in use`);
    // the baseline build, which was fine, is stopped too
    await expect(fetch(`http://127.0.0.1:${pb}/`)).rejects.toThrow();
  });

  it('a build that never answers is stopped after the bound, with its last lines; a backgrounded one gets a hint', async () => {
    const port = await closedPort();
    const e = await rejection(
      startBuilds(
        [
          {
            role: 'canary',
            option: 'canary-run',
            command: 'echo "waiting for the database"; echo pid $$; exec sleep 60',
            readyUrls: [`http://127.0.0.1:${port}`],
          },
        ],
        { readyTimeoutMs: 1200, pollMs: 50 },
      ),
    );
    expect(e.message).toMatch(
      new RegExp(
        `^the canary build \\(canary-run: \`echo .*\`, pid \\d+\\) did not answer at http://127\\.0\\.0\\.1:${port} within 1\\.2 s; it was stopped\\. Its last output:\\n  \\| waiting for the database\\n  \\| pid \\d+$`,
      ),
    );
    expect(await gone(pidIn(e.message, 'pid'))).toBe(true);

    // a server that detaches (`server >/dev/null 2>&1 &`) leaves only the shell's exit behind: a
    // hint, and the orphan, still in the build's process group, is stopped too
    const bg = await rejection(
      startBuilds(
        [
          {
            role: 'baseline',
            option: 'baseline-run',
            command: 'sleep 60 >/dev/null 2>&1 & echo "orphan $!"',
            readyUrls: [`http://127.0.0.1:${port}`],
          },
        ],
        { readyTimeoutMs: 10_000, pollMs: 50 },
      ),
    );
    expect(bg.message).toMatch(
      /exited before it answered \(exit code 0\); the command must keep the build running in the foreground/,
    );
    expect(await gone(pidIn(bg.message, 'orphan'))).toBe(true);
  });

  it('aborting while waiting stops the builds and rejects as aborted', async () => {
    const port = await closedPort();
    const ac = new AbortController();
    const lines: string[] = [];
    setTimeout(() => ac.abort(), 400);
    const e = await rejection(
      startBuilds(
        [
          {
            role: 'canary',
            option: 'canary-run',
            command: 'echo pid $$; exec sleep 60',
            readyUrls: [`http://127.0.0.1:${port}`],
          },
        ],
        {
          readyTimeoutMs: 30_000,
          signal: ac.signal,
          pollMs: 50,
          onOutput: (_r, line) => lines.push(line),
        },
      ),
    );
    expect(e.kind).toBe('aborted');
    expect(await gone(pidIn(lines.join('\n'), 'pid'))).toBe(true);
  });

  it('withBuilds: a build that dies during the body aborts it and is reported as the cause; every path stops the builds', async () => {
    const [pb, pc] = [await closedPort(), await closedPort()];
    const killer = join(tmp, 'kill-me');
    const specs: BuildSpec[] = [
      {
        role: 'baseline',
        option: 'baseline-run',
        command: serverScript(pb),
        readyUrls: [`http://127.0.0.1:${pb}`],
      },
      {
        role: 'canary',
        option: 'canary-run',
        // answers, then dies with a message once the file appears
        command: serverScript(pc, 0, killer),
        readyUrls: [`http://127.0.0.1:${pc}`],
      },
    ];
    const e = await rejection(
      withBuilds(specs, { readyTimeoutMs: 20_000, pollMs: 50 }, async (signal) => {
        writeFileSync(killer, '');
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => reject(new Error('the body was not aborted')), 10_000);
          signal!.addEventListener('abort', () => {
            clearTimeout(t);
            // what a capture reports after its endpoint went away
            reject(new CaptureError('refused', 'connection refused'));
          });
        });
      }),
    );
    expect(e.kind).toBe('command');
    expect(e.message).toMatch(
      /^the canary build \(canary-run: .*\) exited while the captures ran \(exit code 2\)\. Its last output:\n {2}\| server pid \d+\n {2}\| listening on \d+\n {2}\| panic: nil map$/,
    );
    await expect(fetch(`http://127.0.0.1:${pb}/`)).rejects.toThrow();

    // the body's own failure: builds stopped, the error passes through unchanged
    rmSync(killer);
    const failed = await withBuilds(
      specs.slice(0, 1),
      { readyTimeoutMs: 20_000, pollMs: 50 },
      async () => {
        throw new CaptureError('http', 'HTTP 404 from the endpoint');
      },
    ).catch((x: CaptureError) => x);
    expect((failed as CaptureError).message).toBe('HTTP 404 from the endpoint');
    await expect(fetch(`http://127.0.0.1:${pb}/`)).rejects.toThrow();

    // and the good path: the body's value, builds stopped after it
    const value = await withBuilds(
      specs.slice(0, 1),
      { readyTimeoutMs: 20_000, pollMs: 50 },
      async () => (await fetch(`http://127.0.0.1:${pb}/`)).text(),
    );
    expect(value).toBe('ok');
    await expect(fetch(`http://127.0.0.1:${pb}/`)).rejects.toThrow();
  });

  it('the CLI: capture --run / --baseline-run start both builds, capture them interleaved and stop them', async () => {
    const prof = join(tmp, 'p.pb.gz');
    writeFileSync(prof, cpuProfile());
    // a service with a Go-like CPU endpoint: the profile after `seconds`
    const svc = join(tmp, 'pprof-service.cjs');
    writeFileSync(
      svc,
      `const port = Number(process.argv[2]);
console.log('service pid ' + process.pid);
require('http').createServer((q, s) => {
  const u = new URL(q.url, 'http://x');
  if (u.pathname === '/debug/pprof/profile')
    setTimeout(() => s.end(require('fs').readFileSync(${JSON.stringify(prof)})), 1000 * Number(u.searchParams.get('seconds')));
  else s.end('ok');
}).listen(port, '127.0.0.1');`,
    );
    const [pb, pc] = [await closedPort(), await closedPort()];
    const node = JSON.stringify(process.execPath);
    const out = join(tmp, 'cli-ab');
    const m = memoryIO(tmp);
    const code = await captureCommand(
      [
        '--url',
        `http://127.0.0.1:${pc}`,
        '--baseline-url',
        `http://127.0.0.1:${pb}`,
        '--run',
        `${node} ${svc} ${pc}`,
        '--baseline-run',
        `${node} ${svc} ${pb}`,
        '--load-url',
        `http://127.0.0.1:${pc}/work`,
        '--baseline-load-url',
        `http://127.0.0.1:${pb}/work`,
        '--rate',
        '50',
        '--captures',
        '1',
        '--seconds',
        '1',
        '--warmup',
        '0.3',
        '--out',
        out,
      ],
      m.io,
    );
    expect(code, m.stderr()).toBe(0);
    const err = m.stderr();
    expect(err).toMatch(/baseline build: started .* \(--baseline-run, pid \d+\)/);
    expect(err).toMatch(/canary build: answering after/);
    expect(err).toMatch(/stopped the builds \(baseline pid \d+, canary pid \d+\)/);
    for (const role of ['baseline', 'canary']) {
      const mf = JSON.parse(readFileSync(join(out, role, 'manifest.json'), 'utf8'));
      expect(mf.captures).toHaveLength(1);
      expect(mf.captures[0].requests.completed).toBeGreaterThan(20);
      expect(await gone(pidIn(err.split(`[${role}] `)[1], 'service pid'))).toBe(true);
    }
    await expect(fetch(`http://127.0.0.1:${pc}/`)).rejects.toThrow();

    // --run needs the endpoint it waits for
    await expect(
      captureCommand(
        ['--capture-command', 'true', '--out', join(tmp, 'x'), '--run', 'true'],
        memoryIO(tmp).io,
      ),
    ).rejects.toThrow(/--run goes with --url/);
  });
});
