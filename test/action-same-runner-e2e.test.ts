/**
 * Same runner, interleaved A/B, end to end: the bundled Action (dist/index.js) under Node 24,
 * inputs as the runner passes them, against real builds of the Go demo service
 * (fixtures/go-demo/service, built here with `go build`; `-variant cpu` plants a regression in
 * main.computeDiscount). With baseline-run / canary-run the Action starts both builds on two
 * loopback ports, captures them in alternation under the same load, compares, and stops both
 * (checked by PID) on every path: done, failed, never ready, cancelled. With baseline-endpoint
 * alone it captures builds started by the test, and leaves them running.
 *
 * Captures: 5 x 2 s per build, 400 req/s to each (only while it is captured), the service's CPU
 * profile at 1000 Hz (its -cpu-profile-hz). The samples a capture gets are what the service
 * burns, about 100 a second on a loaded 2-core machine (measured: 150-250 per capture at load
 * average 5-12), and the planted +9pp then comes out at +8..+11pp with intervals about +-5pp.
 * min-share 3 tests the ~60 functions that hold 3% or more on either side instead of ~130 over
 * 1%: the simultaneous intervals narrow by about a sixth (measured on the same captures: +4.6..
 * +12.7 against +3.9..+13.4), so the planted regression is found with margin while two builds of
 * the baseline still pass at 95% family-wise confidence (with 3 captures, PASS). Each gate
 * takes about 30 s (3 captures: about 20 s).
 *
 * Measured here (2 cores shared with other jobs, load average 5-12), planted regression, 7
 * gates: +9.9pp (CI +2.7..+17.2), +8.6 (+4.0..+13.3), +10.6 (+6.3..+14.8), +10.3 (+6.1..+14.6),
 * +7.4 (+3.4..+11.3), +9.6 (+4.1..+15.0), +10.0 (+5.5..+14.4); two baseline builds: +0.3
 * (-4.2..+4.9), -0.1 (-3.1..+3.0), with 3 captures +0.8 (-8.6..+10.1), +2.3 (-3.0..+7.6).
 * The interval's width follows the machine's load, and on an overloaded machine
 * a run can miss the planted regression (one of about ten did, at 300 req/s without min-share):
 * the tests that expect `fail` are retried once (RETRY), so a miss fails the suite only when
 * it happens twice in a row, and the log shows each attempt's delta and interval.
 * Skipped, with a visible warning, when Go is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Manifest } from '../src/captureset/manifest.js';
import type { Comparison } from '../src/stats/types.js';
import { alive, closedPort, gone } from './helpers/capture.js';
import { fixture, repoRoot } from './helpers/corpus.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { ensureNode24, type NodeBinary } from './helpers/node24.js';
import { runBundledAction, type ActionRun, type RunActionOptions } from './helpers/run-action.js';

const WORKFLOW = 'profile-gate.yml';
const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const PR = 12;
const serviceDir = fixture('go-demo');
const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
const hasService = existsSync(join(serviceDir, 'service', 'main.go'));
if (!hasGo) console.warn('[skip] `go` is not on PATH: the same-runner Action tests are skipped');
else if (!hasService)
  console.warn(`[skip] ${serviceDir}/service is missing: the same-runner Action tests are skipped`);

/** The capture settings of every run here (see the header for why). */
const RATE = 400;
/**
 * The gates of two baseline builds take 3 captures per build: a pass needs no power (a wider
 * interval only makes a false regression less likely), and it saves ~10 s per gate.
 */
const PASS = { captures: '3' };
/** Attempts after the first for the tests that expect the planted regression (see above). */
const RETRY = { retry: 1 };
const SECONDS = 2;
const CAPTURE = {
  captures: '5',
  seconds: String(SECONDS),
  warmup: '1',
  'load-rate': String(RATE),
  'min-share': '3',
  bootstrap: '4000',
  seed: '1',
};

describe.skipIf(!hasGo || !hasService)(
  'same runner, interleaved A/B (bundled Action, Go builds)',
  () => {
    const tmp = mkdtempSync(join(tmpdir(), 'pg-same-runner-'));
    const bin = join(tmp, 'demo-service');
    let node: NodeBinary;
    const fakes: FakeGitHub[] = [];
    const started: ChildProcess[] = [];

    beforeAll(() => {
      if (!existsSync(join(repoRoot, 'dist', 'index.js'))) {
        throw new Error('dist/index.js is missing: run `npm run build` first');
      }
      node = ensureNode24();
      const env = { ...process.env };
      if (!env.HOME && !env.XDG_CACHE_HOME && !env.GOCACHE) env.GOCACHE = join(tmp, 'gocache');
      const t0 = Date.now();
      const b = spawnSync('go', ['build', '-o', bin, './service'], {
        cwd: serviceDir,
        env,
        encoding: 'utf8',
      });
      if (b.status !== 0) throw new Error(`go build failed:\n${b.stderr}`);
      console.log(`[same-runner] go build took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }, 180_000);

    afterEach(async () => {
      await Promise.all(fakes.splice(0).map((f) => f.stop()));
      for (const c of started.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    });
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    /** The command line of one build: the service on the port, as variant, its pid in a file. */
    const buildCommand = (variant: string, port: number, pidFile: string) =>
      `echo $$ > ${pidFile}; exec ${bin} -addr 127.0.0.1:${port} -variant ${variant} -cpu-profile-hz 1000`;

    async function fakeRepo(): Promise<FakeGitHub> {
      const fake = await new FakeGitHub('octo-org/shop').start();
      fakes.push(fake);
      fake.addToken(TOKEN);
      fake.labels.set(PR, ['enhancement']);
      return fake;
    }

    async function gate(
      fake: FakeGitHub,
      inputs: Record<string, string>,
      more: Partial<RunActionOptions> = {},
    ): Promise<ActionRun> {
      const sha = 'a'.repeat(40);
      const run = fake.addPullRequestRun(WORKFLOW, sha);
      const repository = { full_name: 'octo-org/shop', default_branch: 'main' };
      const t0 = Date.now();
      const r = await runBundledAction({
        node: node.path,
        fake,
        run,
        token: TOKEN,
        inputs: { service: 'shop', 'upload-report': 'false', ...CAPTURE, ...inputs },
        eventName: 'pull_request',
        payload: {
          action: 'synchronize',
          number: PR,
          pull_request: {
            number: PR,
            head: { sha, ref: 'feature', repo: { full_name: 'octo-org/shop' } },
            base: { ref: 'main', sha: 'c'.repeat(40), repo: repository },
          },
          repository,
        },
        ref: `refs/pull/${PR}/merge`,
        sha: 'b'.repeat(40),
        workflowFile: WORKFLOW,
        timeoutMs: 150_000,
        ...more,
      });
      // the verdict, and the planted function's self row with its interval (pass or fail)
      let row = '';
      try {
        const cmp = JSON.parse(
          readFileSync(join(r.outputs['report-path'], 'comparison.json'), 'utf8'),
        ) as Comparison;
        const d = cmp.functions.find(
          (f) => f.function === 'main.computeDiscount' && f.metric === 'self',
        );
        if (d)
          row = `; main.computeDiscount self ${d.deltaPp.toFixed(1)}pp (CI ${d.ciLowPp.toFixed(1)}..${d.ciHighPp.toFixed(1)}), ${cmp.baseline.samples}/${cmp.canary.samples} samples`;
      } catch {
        // no comparison (an error, a cancellation)
      }
      console.log(
        `[same-runner] ${r.outputs.verdict ?? `exit ${r.code}`} in ${((Date.now() - t0) / 1000).toFixed(1)} s${row}`,
      );
      return r;
    }

    /** Ports, pid files and the inputs that start both builds. */
    async function runInputs(baseVariant: string, canaryVariant: string) {
      const [pb, pc] = [await closedPort(), await closedPort()];
      const dir = mkdtempSync(join(tmp, 'builds-'));
      const pidFiles = { baseline: join(dir, 'baseline.pid'), canary: join(dir, 'canary.pid') };
      return {
        pidFiles,
        inputs: {
          endpoint: `http://127.0.0.1:${pc}`,
          'baseline-endpoint': `http://127.0.0.1:${pb}`,
          'canary-run': buildCommand(canaryVariant, pc, pidFiles.canary),
          'baseline-run': buildCommand(baseVariant, pb, pidFiles.baseline),
          'load-url': `http://127.0.0.1:${pc}/checkout`,
          'baseline-load-url': `http://127.0.0.1:${pb}/checkout`,
        },
      };
    }

    const pidOf = (file: string) => Number(readFileSync(file, 'utf8').trim());

    /** The two manifests of the interleaved run the gate captured. */
    function manifests(r: ActionRun): { baseline: Manifest; canary: Manifest } {
      const canaryDir = r.outputs['capture-path'];
      const read = (dir: string) =>
        JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
      return { baseline: read(join(canaryDir, '..', 'baseline')), canary: read(canaryDir) };
    }

    function expectInterleaved(r: ActionRun, captures = 5): void {
      const m = manifests(r);
      expect(m.canary.run).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        interleaved: true,
      });
      expect(m.baseline.run).toEqual(m.canary.run);
      for (const [role, mf] of Object.entries(m)) {
        expect(mf.incomplete).toBeUndefined();
        expect(mf.captures.map((c) => c.role)).toEqual(Array(captures).fill(role));
        expect(mf.load).toMatchObject({ kind: 'builtin', rate: RATE });
        // per-window request counts in both manifests: ~800 per 2 s window at 400 req/s (a
        // window after a stall of the machine also completes the backlog: 1159 was seen)
        for (const c of mf.captures) {
          expect(c.requests!.failed).toBe(0);
          expect(c.requests!.completed).toBeGreaterThan(RATE * SECONDS * 0.25);
          expect(c.requests!.completed).toBeLessThan(RATE * SECONDS * 2);
        }
      }
      // alternation: every baseline window ends before the next canary window starts
      const windows = [...m.baseline.captures, ...m.canary.captures]
        .map((c) => ({ role: c.role, start: Date.parse(c.start) }))
        .sort((a, b) => a.start - b.start)
        .map((w) => w.role);
      expect(windows).toEqual(Array(captures).fill(['baseline', 'canary']).flat());
    }

    function expectFailsOnComputeDiscount(r: ActionRun): void {
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.outputs.verdict).toBe('fail');
      const regs = JSON.parse(r.outputs.regressions) as { function: string; metric: string }[];
      expect(regs.filter((x) => x.metric === 'self').map((x) => x.function)).toEqual([
        'main.computeDiscount',
      ]);
      expect(r.outputs.summary).toMatch(
        /^fail: 1 regression over budget: main\.computeDiscount \(\+/,
      );
      // the failure message is the first error annotation (GitHub shows 10 per step)
      const errors = r.annotations.filter((a) => a.level === 'error');
      expect(errors[0].message).toMatch(
        /^profile-gate fail: .*\n {2}- main\.computeDiscount self-CPU grew/,
      );
      expect(errors[1].title).toBe('profile-gate: main.computeDiscount regressed (self)');
    }

    function expectSameRunnerReport(r: ActionRun, fake: FakeGitHub): void {
      expect(r.summary).toContain('**Baseline:** same runner, interleaved A/B: the baseline build');
      expect(r.summary).toContain('no run-to-run drift between the sides');
      const comment = fake.comments.find((c) => c.issue === PR)!;
      expect(comment.body).toContain('same runner, interleaved A/B');
      // no artifact was looked up
      expect(fake.requests.filter((q) => /\/actions\//.test(q.path))).toEqual([]);
    }

    it(
      'baseline-run / canary-run: a planted regression fails naming main.computeDiscount; both builds are stopped',
      { ...RETRY, timeout: 200_000 },
      async () => {
        const fake = await fakeRepo();
        const { inputs, pidFiles } = await runInputs('base', 'cpu');
        const r = await gate(fake, inputs);
        expectFailsOnComputeDiscount(r);
        expectInterleaved(r);
        expectSameRunnerReport(r, fake);
        // started, answering, stopped: by the PIDs the builds wrote (each one's process group leader)
        const pids = [pidOf(pidFiles.baseline), pidOf(pidFiles.canary)];
        expect(r.stdout).toMatch(/baseline build: started `echo .*` \(baseline-run, pid \d+\)/);
        expect(r.stdout).toContain(
          `stopped the builds (baseline pid ${pids[0]}, canary pid ${pids[1]})`,
        );
        // the builds' own output, through the log
        expect(r.stdout).toMatch(/\[canary\] .*service variant=cpu listening on 127\.0\.0\.1:\d+/);
        for (const pid of pids) expect(await gone(pid, 3000)).toBe(true);
        // the labels were read (a failing gate on a pull request) and did not accept it
        expect(
          fake.requests.some((q) => q.path === `/repos/octo-org/shop/issues/${PR}/labels`),
        ).toBe(true);
      },
    );

    it('baseline-run / canary-run: two builds of the baseline pass; both builds are stopped', async () => {
      const fake = await fakeRepo();
      const { inputs, pidFiles } = await runInputs('base', 'base');
      const r = await gate(fake, { ...inputs, ...PASS });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.outputs.verdict).toBe('pass');
      expect(JSON.parse(r.outputs.regressions)).toEqual([]);
      expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expectInterleaved(r, 3);
      expectSameRunnerReport(r, fake);
      for (const f of Object.values(pidFiles)) expect(await gone(pidOf(f), 3000)).toBe(true);
    }, 200_000);

    it(
      'baseline-endpoint with builds already running (no *-run): the same verdicts, and the builds keep running',
      { ...RETRY, timeout: 300_000 },
      async () => {
        const start = async (variant: string) => {
          const port = await closedPort();
          const c = spawn(
            bin,
            ['-addr', `127.0.0.1:${port}`, '-variant', variant, '-cpu-profile-hz', '1000'],
            { stdio: 'ignore' },
          );
          started.push(c);
          for (let i = 0; i < 100; i++) {
            const up = await fetch(`http://127.0.0.1:${port}/stats`).then(
              () => true,
              () => false,
            );
            if (up) return { port, pid: c.pid! };
            await new Promise((res) => setTimeout(res, 100));
          }
          throw new Error('the demo service did not come up');
        };
        const base = await start('base');
        const inputsFor = (canary: { port: number }) => ({
          endpoint: `http://127.0.0.1:${canary.port}`,
          'baseline-endpoint': `http://127.0.0.1:${base.port}`,
          'load-url': `http://127.0.0.1:${canary.port}/checkout`,
          'baseline-load-url': `http://127.0.0.1:${base.port}/checkout`,
        });

        const slower = await start('cpu');
        const fake = await fakeRepo();
        const failed = await gate(fake, inputsFor(slower));
        expectFailsOnComputeDiscount(failed);
        expectInterleaved(failed);
        expectSameRunnerReport(failed, fake);
        expect(failed.summary).not.toContain('started by baseline-run');
        expect(failed.stdout).not.toContain('stopped the build');

        const same = await start('base');
        const fake2 = await fakeRepo();
        const passed = await gate(fake2, { ...inputsFor(same), ...PASS });
        expect(passed.code, passed.stdout + passed.stderr).toBe(0);
        expect(passed.outputs.verdict).toBe('pass');
        expectInterleaved(passed, 3);
        // the Action stops only what it started
        for (const s of [base, slower, same]) expect(alive(s.pid)).toBe(true);
      },
    );

    it('a build that never answers: the step fails naming its command and last output; both builds are stopped', async () => {
      const fake = await fakeRepo();
      const { inputs, pidFiles } = await runInputs('base', 'base');
      const r = await gate(fake, {
        ...inputs,
        // its output is untrusted too: a workflow command in it is shown, never run
        'canary-run': `echo $$ > ${pidFiles.canary}; echo "::error title=injected::from the build"; echo "config: DATABASE_URL is not set, waiting"; exec sleep 300`,
        'ready-timeout': '3',
      });
      expect(r.code).toBe(1);
      const failed = r.annotations.filter((a) => a.level === 'error').pop()!.message;
      expect(failed).toMatch(
        /^profile-gate: the canary build \(canary-run: `echo .*exec sleep 300`, pid \d+\) did not answer at http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+\/checkout within 3 s; it was stopped\. Its last output:\n {2}\| .*error title=injected::from the build\n {2}\| config: DATABASE_URL is not set, waiting$/,
      );
      expect(r.outputs.verdict).toBeUndefined();
      expect(r.annotations.filter((a) => a.title === 'injected')).toEqual([]);
      expect(r.stdout).toMatch(/\[canary\] .*error title=injected::from the build/);
      for (const f of Object.values(pidFiles)) expect(await gone(pidOf(f), 3000)).toBe(true);
    }, 60_000);

    it('cancellation: the runner SIGINT during the captures stops both builds and fails the step', async () => {
      const fake = await fakeRepo();
      const { inputs, pidFiles } = await runInputs('base', 'cpu');
      let signalled = 0;
      const r = await gate(fake, inputs, {
        // the runner's cancel: SIGINT, then SIGTERM 7.5 s later if the step is still running
        onStdout: (out, child) => {
          if (!signalled && /capture 2\/10 \(canary\) done/.test(out)) {
            signalled = Date.now();
            child.kill('SIGINT');
            setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 7500).unref();
          }
        },
      });
      expect(signalled).toBeGreaterThan(0);
      const stoppedIn = Date.now() - signalled;
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('SIGINT received (job cancelled?): stopping captures and builds');
      const failed = r.annotations.filter((a) => a.level === 'error').pop()!.message;
      expect(failed).toBe(
        'profile-gate: cancelled; the captures and the builds it started were stopped',
      );
      // before the runner's SIGTERM would come
      expect(stoppedIn).toBeLessThan(7500);
      for (const f of Object.values(pidFiles)) expect(alive(pidOf(f))).toBe(false);
      expect(r.outputs.verdict).toBeUndefined();
    }, 200_000);
  },
);

describe('the same-runner recipe of this repository', () => {
  const yml = (p: string) => parse(readFileSync(join(repoRoot, p), 'utf8'));

  it("action.yml has the issue's inputs, with their defaults", () => {
    const inputs = yml('action.yml').inputs as Record<string, { default?: string }>;
    for (const name of [
      'baseline-endpoint',
      'baseline-load-url',
      'baseline-pid',
      'baseline-run',
      'canary-run',
      'on-hardware-mismatch',
    ]) {
      expect(inputs[name], name).toBeDefined();
      expect(inputs[name].default, name).toBeUndefined();
    }
    expect(inputs['accept-label'].default).toBe('profile-gate:accept');
    expect(yml('action.yml').outputs.verdict.description).toMatch(
      /pass .*fail .*accepted .*inconclusive .*no-baseline/s,
    );
  });

  it('the workflow checks out the base commit in a worktree, builds both, and gates with baseline-run / canary-run', () => {
    const wf = yml('.github/workflows/profile-gate-same-runner.yml');
    const inputs = Object.keys(yml('action.yml').inputs as object);
    expect(wf.on.pull_request.types).toEqual(
      expect.arrayContaining(['opened', 'synchronize', 'labeled']),
    );
    // no artifact, so no actions: read
    expect(wf.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const steps = wf.jobs.gate.steps as {
      uses?: string;
      run?: string;
      env?: Record<string, string>;
      with?: Record<string, unknown>;
    }[];
    const worktree = steps.find((s) => /git worktree add/.test(s.run ?? ''))!;
    // the sha reaches the shell through the environment, never spliced into the script
    expect(worktree.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}' });
    expect(worktree.run).toContain('"$BASE_SHA"');
    const build = steps.find((s) => /go build/.test(s.run ?? ''))!;
    expect(build.run).toMatch(
      /\$RUNNER_TEMP\/base\/fixtures\/go-demo.*go build -o "\$RUNNER_TEMP\/builds\/baseline"/,
    );
    expect(build.run).toMatch(/go build -o "\$RUNNER_TEMP\/builds\/canary"/);
    const gate = steps.find((s) => s.uses === './')!;
    for (const k of Object.keys(gate.with!)) expect(inputs, k).toContain(k);
    expect(gate.with).toMatchObject({
      'baseline-run': expect.stringMatching(/builds\/baseline -addr 127\.0\.0\.1:8081/),
      'canary-run': expect.stringMatching(/builds\/canary -addr 127\.0\.0\.1:8082/),
      'baseline-endpoint': 'http://127.0.0.1:8081',
      endpoint: 'http://127.0.0.1:8082',
      'baseline-load-url': 'http://127.0.0.1:8081/checkout',
      'load-url': 'http://127.0.0.1:8082/checkout',
    });
  });
});
