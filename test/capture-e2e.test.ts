/**
 * End to end: builds the Go demo service (fixtures/go-demo/service) with `go build`, starts it
 * on 127.0.0.1, drives it with the built-in open-loop generator and captures cpu and allocs
 * sets through the capture command. Skipped, with a visible warning, when Go is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/captureset/write.js';
import type { Manifest } from '../src/captureset/manifest.js';
import { captureCommand } from '../src/cli/capture.js';
import { readProfile } from '../src/profile/read.js';
import { closedPort, memoryIO } from './helpers/capture.js';
import { fixture } from './helpers/corpus.js';

const serviceDir = fixture('go-demo');
const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
const hasService = existsSync(join(serviceDir, 'service', 'main.go'));
if (!hasGo) console.warn('[skip] `go` is not on PATH: the capture end-to-end test is skipped');
else if (!hasService)
  console.warn(`[skip] ${serviceDir}/service is missing: the capture end-to-end test is skipped`);

const RATE = 200;
const SECONDS = 2;

describe.skipIf(!hasGo || !hasService)('capture e2e against the Go demo service', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pg-capture-e2e-'));
  let svc: ChildProcess | undefined;
  let base = '';
  let goVersion = '';

  const stats = async (): Promise<{ requests: number; errors: number }> =>
    (await (await fetch(`${base}/stats`)).json()) as { requests: number; errors: number };

  beforeAll(async () => {
    const env = { ...process.env };
    if (!env.HOME && !env.XDG_CACHE_HOME && !env.GOCACHE) env.GOCACHE = join(tmp, 'gocache');
    const t0 = Date.now();
    const b = spawnSync('go', ['build', '-o', join(tmp, 'demo-service'), './service'], {
      cwd: serviceDir,
      env,
      encoding: 'utf8',
    });
    if (b.status !== 0) throw new Error(`go build failed:\n${b.stderr}`);
    console.log(`[e2e] go build took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    goVersion = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8' }).stdout.trim();
    const port = await closedPort();
    base = `http://127.0.0.1:${port}`;
    svc = spawn(join(tmp, 'demo-service'), ['-addr', `127.0.0.1:${port}`, '-variant', 'base'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      try {
        await stats();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('the demo service did not come up');
  });

  afterAll(async () => {
    if (svc && svc.exitCode === null) {
      svc.kill('SIGTERM');
      await new Promise((r) => svc!.once('exit', r));
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  async function captureSet(type: string, sampleType: string): Promise<Manifest> {
    const out = join(tmp, type);
    const m = memoryIO(tmp);
    const before = await stats();
    const t0 = Date.now();
    const code = await captureCommand(
      [
        '--url',
        base,
        '--type',
        type,
        '--captures',
        '2',
        '--seconds',
        String(SECONDS),
        '--warmup',
        '1',
        '--out',
        out,
        '--load-url',
        `${base}/checkout`,
        '--rate',
        String(RATE),
        '--label',
        'service_name=demo',
        '--label',
        'env=ci',
        '--runtime-version',
        goVersion,
      ],
      m.io,
    );
    const ms = Date.now() - t0;
    expect(code, m.stderr()).toBe(0);
    const after = await stats();
    const mf = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(mf).toMatchObject({
      formatVersion: 1,
      tool: { name: 'profile-gate' },
      source: {
        kind: 'http',
        url: `${base}${type === 'cpu' ? '/debug/pprof/profile' : '/debug/pprof/allocs'}?seconds=${SECONDS}`,
      },
      profileType: type,
      sampleType,
      labels: { service_name: 'demo', env: 'ci' },
      load: { kind: 'builtin', rate: RATE, urls: [`${base}/checkout`] },
    });
    expect(mf.incomplete).toBeUndefined();
    expect(mf.runner?.cores).toBeGreaterThan(0);
    expect(mf.runner?.runtimeVersion).toBe(goVersion);
    expect(mf.captures).toHaveLength(2);
    let completed = 0;
    for (const c of mf.captures) {
      const bytes = readFileSync(join(out, c.file));
      expect(sha256(bytes)).toBe(c.sha256);
      expect(bytes.length).toBe(c.bytes);
      const p = readProfile(bytes, c.file);
      expect(p.sampleTypes.map((t) => t.type)).toContain(sampleType);
      // Real frames of the demo service.
      expect(p.functions.some((f) => f.startsWith('main.'))).toBe(true);
      expect(c.durationSeconds).toBeGreaterThanOrEqual(SECONDS - 0.01); // ms timer clock
      // Seconds + the service's time to build the profile; generous for a busy shared runner.
      expect(c.durationSeconds).toBeLessThan(SECONDS + 5);
      const expected = RATE * c.durationSeconds;
      expect(c.requests!.failed).toBe(0);
      // Close to rate x window. Completions are counted when they finish, so a service that
      // stalls (a CPU-starved runner) moves some into the next window: bounds are loose, and a
      // visible note says when the machine was too busy for tight numbers.
      expect(c.requests!.completed).toBeGreaterThan(expected * 0.4);
      expect(c.requests!.completed).toBeLessThan(expected * 1.4);
      if (c.requests!.completed < expected * 0.8 || c.requests!.completed > expected * 1.2) {
        console.warn(
          `[e2e] ${c.file}: ${c.requests!.completed} requests in ${c.durationSeconds} s, expected ~${expected.toFixed(0)} (busy machine?)`,
        );
      }
      completed += c.requests!.completed;
    }
    // The service saw at least the requests counted in the windows (plus warm-up).
    expect(after.requests - before.requests).toBeGreaterThanOrEqual(completed);
    console.log(
      `[e2e] ${type}: ${mf.captures.map((c) => `${c.file} ${c.bytes} B, ${c.durationSeconds} s, ${c.requests!.completed} req (${(c.requests!.completed / c.durationSeconds).toFixed(1)}/s)`).join('; ')}; run ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(`[e2e] ${type}: ${m.stdout().trim().split('\n').pop()}`);
    return mf;
  }

  it('captures a cpu set under 200 req/s', async () => {
    await captureSet('cpu', 'cpu');
  });

  it('captures an allocs (delta) set under 200 req/s', async () => {
    await captureSet('allocs', 'alloc_space');
  });
});
