/**
 * The Action's logic in-process (src/github/gate.ts): real REST client against the fake GitHub,
 * fake artifact transfer and fake engines (the comparison is mocked), recording I/O.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadArtifact, type ArtifactTransfer } from '../src/github/artifacts.js';
import { readRunContext, type RunContext } from '../src/github/context.js';
import { commandEnv, type Engines } from '../src/github/engines.js';
import { runAction, type ActionIO } from '../src/github/gate.js';
import { readInputs, type ActionInputs } from '../src/github/inputs.js';
import { GitHubRest } from '../src/github/rest.js';
import type { CompareRun } from '../src/pipeline/compare.js';
import type { Comparison, FunctionDelta } from '../src/stats/types.js';
import { fixture } from './helpers/corpus.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { inputEnvName } from './helpers/run-action.js';
import { makeZip } from './helpers/zip.js';

const TOKEN = 'ghs_inprocess';
const servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

function delta(fn: string, over: Partial<FunctionDelta> = {}): FunctionDelta {
  return {
    function: fn,
    metric: 'self',
    baselineShare: 3,
    canaryShare: 12,
    deltaPp: 9,
    ciLowPp: 7,
    ciHighPp: 11,
    ratio: 4,
    pValue: 0.0001,
    significant: true,
    status: 'regression',
    inBaseline: true,
    inCanary: true,
    budget: { source: 'self budget', pp: 5 },
    overBudget: true,
    reason: `${fn} self-CPU grew 9.0pp (3.0% -> 12.0%, 95% CI +7.0..+11.0pp), over the 5pp budget`,
    mdePp: 3,
    driftPp: 0,
    ...over,
  };
}

function comparison(verdict: 'pass' | 'fail'): Comparison {
  const regs = verdict === 'fail' ? [delta('main.slow')] : [];
  return {
    verdict,
    inconclusive: [],
    causes: regs.map((r) => ({ function: r.function, kind: 'self', rows: [r], reason: r.reason })),
    underpowered: [],
    drift: { modelled: false, reason: 'test' },
    critical: 3,
    type: { type: 'cpu', unit: 'nanoseconds' },
    regressions: regs,
    improvements: [],
    grew: [],
    functions: regs.length
      ? regs
      : [
          delta('main.same', {
            status: 'unchanged',
            significant: false,
            overBudget: false,
            deltaPp: 0.1,
            reason: '',
          }),
        ],
    warnings: [],
    settings: {
      budgetPp: 5,
      budgetCumPp: 10,
      budgetRatio: 0,
      minShare: 1,
      confidence: 0.95,
      bootstrap: 1000,
      seed: 1,
      budgetPerUnitPct: 10,
      normalizeNames: 'on',
      onUnderpowered: 'warn',
      onHardwareMismatch: 'skip-per-unit',
      baselineCaptures: 3,
      canaryCaptures: 3,
    },
    baseline: { captures: ['a', 'b', 'c'], total: 100, samples: 100 },
    canary: { captures: ['d', 'e', 'f'], total: 100, samples: 100 },
  };
}

interface Recorded {
  io: ActionIO;
  outputs: Record<string, string>;
  failed: string[];
  logs: { level: string; msg: string; title?: string }[];
  summaries: string[];
}

function recordingIO(): Recorded {
  const r: Recorded = {
    outputs: {},
    failed: [],
    logs: [],
    summaries: [],
    io: undefined as unknown as ActionIO,
  };
  const log = (level: string) => (msg: string, p?: { title?: string }) =>
    r.logs.push({ level, msg, title: p?.title });
  r.io = {
    info: log('info'),
    debug: log('debug'),
    warning: log('warning'),
    error: log('error'),
    notice: log('notice'),
    setOutput: (n, v) => (r.outputs[n] = v),
    setFailed: (m) => r.failed.push(m),
    writeSummary: async (md) => void r.summaries.push(md),
  };
  return r;
}

/** Downloads through the real code (REST 302, blob, digest, unzip); uploads recorded. */
function fakeTransfer(fake: FakeGitHub, canUpload = true) {
  const uploads: {
    name: string;
    files: string[];
    root: string;
    retention: number;
    overwrite?: boolean;
  }[] = [];
  const rest = new GitHubRest({ token: TOKEN, apiUrl: fake.url });
  const transfer: ArtifactTransfer = {
    download: (artifact, dir, limits) =>
      downloadArtifact(artifact, dir, limits, { rest, owner: fake.owner, repo: fake.repo }),
    async upload(name, files, root, retention, opts) {
      uploads.push({ name, files, root, retention, overwrite: opts?.overwrite });
      return { id: 777, size: 1 };
    },
    canUpload: () => canUpload,
  };
  return { transfer, uploads };
}

function setup(opts: {
  inputs: Record<string, string>;
  eventName?: string;
  payload?: Record<string, unknown>;
}): { inputs: ActionInputs; ctx: RunContext } {
  const dir = mkdtempSync(join(tmpdir(), 'pg-gate-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(opts.payload ?? {}));
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_RUN_ID: '5000',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: opts.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKFLOW_REF: 'octo-org/shop/.github/workflows/perf.yml@refs/heads/main',
  };
  for (const [k, v] of Object.entries({ 'github-token': TOKEN, ...opts.inputs }))
    env[inputEnvName(k)] = v;
  return { inputs: readInputs(env), ctx: readRunContext(env) };
}

async function fakeRepo(): Promise<FakeGitHub> {
  const fake = await new FakeGitHub('octo-org/shop').start();
  servers.push(fake);
  fake.addToken(TOKEN);
  return fake;
}

function engines(verdict: 'pass' | 'fail'): Engines & { compare: ReturnType<typeof vi.fn> } {
  return {
    compare: vi.fn((): CompareRun => ({
      comparison: comparison(verdict),
      baseline: [],
      canary: [],
    })),
    capture: vi.fn(async () => ({ dir: fixture('captures', 'cpu') })),
    estimateDrift: vi.fn(() => {
      throw new Error('not in this test');
    }),
    writeReports: vi.fn(async () => [{ name: 'flame graph', file: 'flamegraph.html' }]),
  };
}

const prPayload = (headRepo = 'octo-org/shop') => ({
  pull_request: {
    number: 3,
    head: { sha: '1'.repeat(40), ref: 'f', repo: { full_name: headRepo } },
  },
  repository: { full_name: 'octo-org/shop', default_branch: 'main' },
});

describe('runAction (in-process)', () => {
  it('gate: downloads the newest live baseline, compares, reports and fails with the reason', async () => {
    const fake = await fakeRepo();
    const run = fake.addRun({ workflow: 'perf.yml' });
    fake.addArtifact(
      run.id,
      'profile-gate-shop-cpu',
      makeZip([{ name: 'x.pb.gz', data: Buffer.from('x') }]),
    );
    const { inputs, ctx } = setup({
      inputs: { 'canary-path': fixture('captures', 'cpu'), 'budget-pp': '3' },
      eventName: 'pull_request',
      payload: prPayload(),
    });
    const rec = recordingIO();
    const eng = engines('fail');
    const { transfer, uploads } = fakeTransfer(fake);
    const out = await runAction(inputs, ctx, {
      io: rec.io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer,
      engines: eng,
      env: {},
    });

    expect(out.verdict).toBe('fail');
    const input = eng.compare.mock.calls[0][0];
    expect(input.baseline).toEqual({ paths: [join(inputs.workDir, 'baseline')] });
    expect(readFileSync(join(input.baseline.paths[0], 'x.pb.gz'), 'utf8')).toBe('x');
    expect(input.canary).toEqual({ paths: [fixture('captures', 'cpu')] });
    expect(input.settings).toEqual({ budgetPp: 3 });
    expect(rec.failed).toHaveLength(1);
    expect(rec.failed[0]).toContain('main.slow self-CPU grew 9.0pp');
    expect(rec.outputs.verdict).toBe('fail');
    expect(JSON.parse(rec.outputs.regressions)[0]).toMatchObject({
      function: 'main.slow',
      deltaPp: 9,
    });
    expect(rec.outputs['report-artifact-id']).toBe('777');
    expect(rec.logs.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        msg: expect.stringContaining('main.slow'),
        title: 'profile-gate: main.slow regressed (self)',
      },
    ]);
    expect(uploads[0].name).toBe('profile-gate-shop-cpu-report');
    expect(rec.summaries[0]).toContain('report artifact (flame graph)');
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0].body.startsWith('<!-- profile-gate:shop-cpu -->')).toBe(true);
    // The workflow_run pattern's files.
    expect(JSON.parse(readFileSync(join(inputs.reportDir, 'pull-request.json'), 'utf8'))).toEqual({
      number: 3,
      headSha: '1'.repeat(40),
      key: 'shop-cpu',
      outcome: 'compared',
      verdict: 'fail',
      baseline: {
        runId: run.id,
        artifactName: 'profile-gate-shop-cpu',
        headSha: run.head_sha,
        createdAt: run.created_at,
      },
    });
  });

  it('gate with a local baseline makes no API call for the baseline and no comment on push', async () => {
    const fake = await fakeRepo();
    const { inputs, ctx } = setup({
      inputs: {
        'canary-path': fixture('captures', 'cpu'),
        'baseline-path': fixture('captures', 'base-1'),
      },
    });
    const rec = recordingIO();
    const eng = engines('pass');
    const out = await runAction(inputs, ctx, {
      io: rec.io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer: fakeTransfer(fake, false).transfer,
      engines: eng,
      env: {},
    });
    expect(out.verdict).toBe('pass');
    expect(eng.compare.mock.calls[0][0].baseline).toEqual({
      paths: [fixture('captures', 'base-1')],
    });
    expect(fake.requests).toEqual([]);
    expect(rec.failed).toEqual([]);
    expect(rec.summaries[0]).toContain('local path');
    expect(rec.summaries[0]).toContain('[workflow run]');
  });

  it('gate with an endpoint captures first and compares that', async () => {
    const fake = await fakeRepo();
    const { inputs, ctx } = setup({
      inputs: {
        endpoint: 'http://127.0.0.1:6060',
        'baseline-path': fixture('captures', 'base-1'),
        captures: '3',
      },
    });
    const eng = engines('pass');
    await runAction(inputs, ctx, {
      io: recordingIO().io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer: fakeTransfer(fake, false).transfer,
      engines: eng,
      env: {},
    });
    expect(eng.capture).toHaveBeenCalledTimes(1);
    expect((eng.capture as ReturnType<typeof vi.fn>).mock.calls[0][0]).toMatchObject({
      endpoint: 'http://127.0.0.1:6060',
      captures: 3,
    });
    expect(eng.compare.mock.calls[0][0].canary).toEqual({ paths: [fixture('captures', 'cpu')] });
  });

  it('gate with a profiler and a baseline pid compares against the baseline captured with it, no artifact', async () => {
    const fake = await fakeRepo();
    const { inputs, ctx } = setup({
      inputs: { profiler: 'perf', pid: '4242', 'baseline-pid': '4241', captures: '3' },
    });
    const eng = engines('pass');
    eng.capture = vi.fn(async () => ({
      dir: fixture('captures', 'cpu'),
      baselineDir: fixture('captures', 'base-1'),
    }));
    const before = fake.requests.length;
    await runAction(inputs, ctx, {
      io: recordingIO().io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer: fakeTransfer(fake, false).transfer,
      engines: eng,
      env: {},
    });
    expect((eng.capture as ReturnType<typeof vi.fn>).mock.calls[0][0]).toMatchObject({
      profiler: 'perf',
      pid: 4242,
      baselinePid: 4241,
    });
    expect(eng.compare.mock.calls[0][0].baseline).toEqual({
      paths: [fixture('captures', 'base-1')],
    });
    expect(eng.compare.mock.calls[0][0].canary).toEqual({ paths: [fixture('captures', 'cpu')] });
    // the baseline came from the capture: no artifact lookup
    expect(fake.requests.slice(before).filter((r) => /artifacts|runs/.test(r.path))).toEqual([]);
  });

  it('a workflow not on the default branch yet means no baseline; a token without actions:read is an error', async () => {
    const fake = await fakeRepo();
    const { inputs, ctx } = setup({ inputs: { 'canary-path': fixture('captures', 'cpu') } });
    const rec = recordingIO();
    const out = await runAction(inputs, ctx, {
      io: rec.io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer: fakeTransfer(fake).transfer,
      engines: engines('pass'),
      env: {},
    });
    expect(out.verdict).toBe('no-baseline');
    expect(rec.outputs.summary).toBe(
      'no-baseline: no artifact named profile-gate-shop-cpu was ever promoted from main in octo-org/shop; workflow perf.yml is not on main yet (it works once it is merged there), or set baseline-workflow',
    );

    fake.addRun({ workflow: 'perf.yml' });
    fake.addToken(TOKEN, { actions: 'none' });
    await expect(
      runAction(inputs, ctx, {
        io: recordingIO().io,
        rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
        transfer: fakeTransfer(fake).transfer,
        engines: engines('pass'),
        env: {},
      }),
    ).rejects.toThrow(
      /HTTP 403: Resource not accessible by integration.*permissions: actions: read/,
    );
  });

  it('a failing report upload is a warning, not a failure', async () => {
    const fake = await fakeRepo();
    const { inputs, ctx } = setup({
      inputs: {
        'canary-path': fixture('captures', 'cpu'),
        'baseline-path': fixture('captures', 'base-1'),
      },
    });
    const rec = recordingIO();
    const { transfer } = fakeTransfer(fake);
    transfer.upload = async () => {
      throw new Error('Failed to CreateArtifact: (409) Conflict');
    };
    const out = await runAction(inputs, ctx, {
      io: rec.io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer,
      engines: engines('pass'),
      env: {},
    });
    expect(out.verdict).toBe('pass');
    expect(rec.failed).toEqual([]);
    expect(
      rec.logs.some(
        (l) => l.level === 'warning' && l.msg.includes('Could not upload the report artifact'),
      ),
    ).toBe(true);
  });

  describe('comment mode (workflow_run pattern for fork PRs)', () => {
    /** A report artifact as a fork's gate run leaves it: data, and a comment.md that is ignored. */
    function reportDir(
      number: number,
      opts: { comparison?: unknown; pr?: Record<string, unknown>; body?: string } = {},
    ): string {
      const dir = mkdtempSync(join(tmpdir(), 'pg-report-'));
      writeFileSync(
        join(dir, 'pull-request.json'),
        JSON.stringify({
          number,
          headSha: '2'.repeat(40),
          key: 'someone-elses-gate',
          outcome: 'compared',
          verdict: 'fail',
          ...opts.pr,
        }),
      );
      writeFileSync(
        join(dir, 'comparison.json'),
        JSON.stringify(opts.comparison ?? comparison('fail'), null, 2),
      );
      writeFileSync(
        join(dir, 'comment.md'),
        opts.body ?? '## all good, merge it <!-- profile-gate:other -->',
      );
      return dir;
    }
    const wrPayload = {
      workflow_run: {
        id: 4000,
        head_sha: '2'.repeat(40),
        head_branch: 'fix',
        head_repository: { full_name: 'forker/shop' },
        event: 'pull_request',
      },
      repository: { full_name: 'octo-org/shop', default_branch: 'main' },
    };
    async function comment(fake: FakeGitHub, dir: string, extra: Record<string, string> = {}) {
      const { inputs, ctx } = setup({
        inputs: { mode: 'comment', 'report-dir': dir, ...extra },
        eventName: 'workflow_run',
        payload: wrPayload,
      });
      const rec = recordingIO();
      const run = runAction(inputs, ctx, {
        io: rec.io,
        rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
        transfer: fakeTransfer(fake).transfer,
        engines: engines('pass'),
        env: {},
      });
      return { run, rec };
    }

    it('renders the comment from comparison.json with its own key and title; comment.md is never posted', async () => {
      const fake = await fakeRepo();
      fake.pulls.set(8, {
        number: 8,
        head: { sha: '2'.repeat(40), ref: 'fix', repo: 'forker/shop' },
      });
      const { run } = await comment(fake, reportDir(8), { title: 'perf gate' });
      expect((await run).commentAction).toBe('created');
      expect(fake.comments).toHaveLength(1);
      const body = fake.comments[0].body;
      expect(fake.comments[0].issue).toBe(8);
      // the key is this workflow's (service shop, type cpu), not the artifact's
      expect(
        body.startsWith('<!-- profile-gate:shop-cpu -->\n## :x: perf gate: FAIL: 1 regression'),
      ).toBe(true);
      expect(body).toContain('`main.slow`');
      expect(body).toContain('[run 4000](https://github.com/octo-org/shop/actions/runs/4000)');
      expect(body).not.toContain('all good');
      expect(body).not.toContain('someone-elses-gate');
      expect(body).not.toContain('<!-- profile-gate:other');

      // the next run of the same PR edits it; an unchanged body is not sent again
      const again = await comment(fake, reportDir(8), { title: 'perf gate' });
      expect((await again.run).commentAction).toBe('unchanged');
      expect(fake.requests.filter((q) => q.method === 'PATCH')).toEqual([]);
    });

    it('no-baseline and error outcomes are rendered from their data, escaped', async () => {
      const fake = await fakeRepo();
      fake.pulls.set(8, {
        number: 8,
        head: { sha: '2'.repeat(40), ref: 'fix', repo: 'forker/shop' },
      });
      const dir = reportDir(8, {
        pr: {
          outcome: 'error',
          verdict: undefined,
          reason: 'boom [click](https://evil.example) @team',
        },
      });
      expect((await (await comment(fake, dir)).run).commentAction).toBe('created');
      const body = fake.comments[0].body;
      expect(body).toContain('## :x: profile-gate: error');
      expect(body).toContain('boom \\[click\\](https:\u200b//evil.example) @\u200bteam');
      const nb = reportDir(8, { pr: { outcome: 'no-baseline', reason: 'nothing promoted yet' } });
      expect((await (await comment(fake, nb)).run).commentAction).toBe('updated');
      expect(fake.comments[0].body).toContain('No baseline to compare with: nothing promoted yet.');
    });

    it('an accepted, same-runner gate is rendered as such; an acceptance for another pull request is not', async () => {
      const fake = await fakeRepo();
      fake.pulls.set(8, {
        number: 8,
        head: { sha: '2'.repeat(40), ref: 'fix', repo: 'forker/shop' },
      });
      const accepted = (pullRequest: number) =>
        reportDir(8, {
          pr: {
            verdict: 'accepted',
            accepted: { label: 'perf-ok', pullRequest },
            sameRunner: true,
          },
        });
      expect((await (await comment(fake, accepted(8))).run).commentAction).toBe('created');
      const body = fake.comments[0].body;
      expect(body).toContain('## :warning: profile-gate: ACCEPTED: 1 regression');
      expect(body).toContain(
        '> **Accepted on purpose:** the label `perf-ok` on pull request #8 accepts this regression; the job passes. Once merged, this build is what later pull requests compare with.',
      );
      expect(body).toContain('**Baseline:** same runner, interleaved A/B');
      // data that claims another pull request's label: rendered as the failure it is
      await (
        await comment(fake, accepted(9))
      ).run;
      expect(fake.comments[0].body).toContain('## :x: profile-gate: FAIL: 1 regression');
      expect(fake.comments[0].body).not.toContain('Accepted on purpose');
    });

    it('refuses comparison.json that is not a comparison, naming the field', async () => {
      const fake = await fakeRepo();
      fake.pulls.set(8, {
        number: 8,
        head: { sha: '2'.repeat(40), ref: 'fix', repo: 'forker/shop' },
      });
      const bad = comparison('fail') as unknown as { regressions: { deltaPp: unknown }[] };
      bad.regressions[0].deltaPp = '9; DROP TABLE';
      await expect((await comment(fake, reportDir(8, { comparison: bad }))).run).rejects.toThrow(
        // the same row is the cause's first row, read first
        'comparison.json.causes[0].rows[0].deltaPp: not a number',
      );
      await expect(
        (await comment(fake, reportDir(8, { comparison: { verdict: 'pass' } }))).run,
      ).rejects.toThrow('comparison.json.inconclusive: not a list');
      expect(fake.comments).toHaveLength(0);
    });

    it('refuses a PR number that does not match the triggering run', async () => {
      const fake = await fakeRepo();
      fake.pulls.set(9, {
        number: 9,
        head: { sha: '3'.repeat(40), ref: 'other', repo: 'octo-org/shop' },
      });
      const { run, rec } = await comment(fake, reportDir(9));
      expect((await run).commentAction).toBe('skipped');
      expect(fake.comments).toHaveLength(0);
      expect(
        rec.logs.some(
          (l) => l.level === 'warning' && l.msg.includes('does not belong to the triggering run'),
        ),
      ).toBe(true);
    });
  });
});

describe('runAction: same runner, interleaved A/B', () => {
  it('baseline-endpoint with baseline-run / canary-run: the engine starts the builds and captures both; no artifact, no token needed', async () => {
    const fake = await fakeRepo();
    const { inputs, ctx } = setup({
      inputs: {
        'github-token': '',
        comment: 'false',
        endpoint: 'http://127.0.0.1:6061',
        'baseline-endpoint': 'http://127.0.0.1:6060',
        'canary-run': './head/server -addr 127.0.0.1:6061',
        'baseline-run': './base/server -addr 127.0.0.1:6060',
        'load-url': 'http://127.0.0.1:6061/checkout',
        'baseline-load-url': 'http://127.0.0.1:6060/checkout',
        'load-rate': '300',
        'ready-timeout': '30',
      },
      eventName: 'pull_request',
      payload: prPayload(),
    });
    const eng = engines('pass');
    eng.capture = vi.fn(async () => ({
      dir: fixture('captures', 'cpu'),
      baselineDir: fixture('captures', 'base-1'),
    }));
    const ac = new AbortController();
    const rec = recordingIO();
    const out = await runAction(inputs, ctx, {
      io: rec.io,
      rest: new GitHubRest({ token: '', apiUrl: fake.url }),
      transfer: fakeTransfer(fake, false).transfer,
      engines: eng,
      env: { PATH: '/usr/bin' },
      signal: ac.signal,
    });
    expect(out.verdict).toBe('pass');
    const [opts, , run] = (eng.capture as ReturnType<typeof vi.fn>).mock.calls[0];
    expect(opts).toMatchObject({
      endpoint: 'http://127.0.0.1:6061',
      baselineEndpoint: 'http://127.0.0.1:6060',
      baselineLoadUrl: 'http://127.0.0.1:6060/checkout',
      load: { kind: 'builtin', url: 'http://127.0.0.1:6061/checkout', rate: 300 },
    });
    expect(run).toEqual({
      builds: [
        {
          role: 'baseline',
          option: 'baseline-run',
          command: './base/server -addr 127.0.0.1:6060',
          readyUrls: ['http://127.0.0.1:6060', 'http://127.0.0.1:6060/checkout'],
        },
        {
          role: 'canary',
          option: 'canary-run',
          command: './head/server -addr 127.0.0.1:6061',
          readyUrls: ['http://127.0.0.1:6061', 'http://127.0.0.1:6061/checkout'],
        },
      ],
      readyTimeoutMs: 30_000,
      signal: ac.signal,
      env: { PATH: '/usr/bin' },
      cwd: inputs.workspace,
    });
    expect(eng.compare.mock.calls[0][0].baseline).toEqual({
      paths: [fixture('captures', 'base-1')],
    });
    expect(fake.requests).toEqual([]);
    // (the URL's autolink is defused by the output-safety layer: a zero-width space after "http:")
    expect(rec.summaries[0]).toMatch(
      /\*\*Baseline:\*\* same runner, interleaved A\/B: the baseline build \(at http:\u200b\/\/127\.0\.0\.1:6060, started by baseline-run\) captured in alternation with the canary, under the same offered load/,
    );
  });

  it('the commands the Action starts do not get its inputs (the token), runtime or fleet credentials', () => {
    expect(
      commandEnv({
        PATH: '/usr/bin',
        HOME: '/home/runner',
        GOFLAGS: '-mod=mod',
        'INPUT_GITHUB-TOKEN': 'ghs_secret',
        INPUT_ENDPOINT: 'http://127.0.0.1:6060',
        ACTIONS_RUNTIME_TOKEN: 'jwt',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
        ACTIONS_RESULTS_URL: 'https://results',
        PROFILE_GATE_SOURCE_TOKEN: 'pyro',
        GITHUB_SHA: 'abc',
        UNSET: undefined,
      }),
    ).toEqual({ PATH: '/usr/bin', HOME: '/home/runner', GOFLAGS: '-mod=mod', GITHUB_SHA: 'abc' });
  });
});

describe('runAction: accept-label', () => {
  async function failingGateOnPr(
    labels: string[] | undefined,
    inputs: Record<string, string> = {},
  ) {
    const fake = await fakeRepo();
    if (labels) fake.labels.set(3, labels);
    const { inputs: i, ctx } = setup({
      inputs: {
        'canary-path': fixture('captures', 'cpu'),
        'baseline-path': fixture('captures', 'base-1'),
        ...inputs,
      },
      eventName: 'pull_request',
      payload: prPayload(),
    });
    const rec = recordingIO();
    const out = await runAction(i, ctx, {
      io: rec.io,
      rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
      transfer: fakeTransfer(fake, false).transfer,
      engines: engines('fail'),
      env: {},
    });
    return { fake, rec, out, reportDir: i.reportDir };
  }

  it('a failing gate on a pull request that carries the label (read now from the API) is accepted', async () => {
    const { fake, rec, out, reportDir } = await failingGateOnPr(['bug', 'Profile-Gate:Accept']);
    expect(out.verdict).toBe('accepted');
    expect(out.accepted).toEqual({ label: 'Profile-Gate:Accept', pullRequest: 3 });
    expect(rec.failed).toEqual([]);
    expect(rec.outputs.verdict).toBe('accepted');
    expect(rec.outputs.summary).toBe(
      'accepted: 1 regression over budget accepted by the label Profile-Gate:Accept on pull request #3: main.slow (+9.00 pp self)',
    );
    expect(JSON.parse(rec.outputs.regressions)[0].function).toBe('main.slow');
    // no error annotations: the regression is a warning now, and a notice says why it passed
    expect(rec.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(rec.logs.find((l) => l.level === 'warning' && l.title?.includes('main.slow'))).toEqual({
      level: 'warning',
      msg: expect.stringMatching(
        /main\.slow self-CPU grew 9\.0pp .*\(accepted by the label Profile-Gate:Accept\)$/,
      ),
      title: 'profile-gate: main.slow regressed (self), accepted',
    });
    expect(rec.logs.some((l) => l.level === 'notice' && /^accepted: /.test(l.msg))).toBe(true);
    const md = rec.summaries[0];
    expect(md.split('\n')[0]).toBe(
      '## :warning: profile-gate: ACCEPTED: 1 regression (CPU, 3 baseline vs 3 canary captures, 95% simultaneous intervals)',
    );
    expect(md).toContain(
      '> **Accepted on purpose:** the label `Profile-Gate:Accept` on pull request #3 accepts this regression; the job passes.',
    );
    expect(md).toContain('> - `main.slow` (self +9.00 pp)');
    expect(md).toContain('the next promote on the default branch makes this build the baseline');
    // the comment says the same; comparison.json records it
    expect(fake.comments[0].body).toContain('**Accepted on purpose:**');
    expect(JSON.parse(readFileSync(join(reportDir, 'comparison.json'), 'utf8')).accepted).toEqual({
      label: 'Profile-Gate:Accept',
      pullRequest: 3,
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'GET /repos/octo-org/shop/issues/3/labels',
    );
  });

  it('without the label, with another accept-label, or when the labels cannot be read, the gate fails', async () => {
    const none = await failingGateOnPr(['bug']);
    expect(none.out.verdict).toBe('fail');
    expect(none.rec.failed).toHaveLength(1);

    const other = await failingGateOnPr(['profile-gate:accept'], { 'accept-label': 'perf-ok' });
    expect(other.out.verdict).toBe('fail');

    const unreadable = await failingGateOnPr(undefined);
    expect(unreadable.out.verdict).toBe('fail');
    expect(unreadable.rec.failed).toHaveLength(1);
    expect(
      unreadable.rec.logs.find((l) => l.level === 'warning' && /labels/.test(l.msg))?.msg,
    ).toMatch(
      /^Could not read the labels of pull request #3: GitHub API GET .* HTTP 404: Not Found \(the token needs pull-requests: read\)\. The profile-gate:accept label cannot accept/,
    );
  });

  it('a passing gate, and a failing one outside a pull request, make no label request', async () => {
    const fake = await fakeRepo();
    for (const verdict of ['pass', 'fail'] as const) {
      const { inputs, ctx } = setup({
        inputs: {
          'canary-path': fixture('captures', 'cpu'),
          'baseline-path': fixture('captures', 'base-1'),
        },
        ...(verdict === 'pass' ? { eventName: 'pull_request', payload: prPayload() } : {}),
      });
      const out = await runAction(inputs, ctx, {
        io: recordingIO().io,
        rest: new GitHubRest({ token: TOKEN, apiUrl: fake.url }),
        transfer: fakeTransfer(fake, false).transfer,
        engines: engines(verdict),
        env: {},
      });
      expect(out.verdict).toBe(verdict);
    }
    expect(fake.requests.filter((r) => r.path.endsWith('/labels'))).toEqual([]);
  });
});
