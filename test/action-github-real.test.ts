/**
 * Issue 12: the Action on real GitHub. Each scenario of the issue's "Why", through the bundled
 * dist/index.js under Node 24 as the runner runs it, against a fake GitHub that behaves like the
 * real one where it matters (test/helpers/fake-github.ts): fork runs with another
 * head_repository, re-run attempts, workflows without runs, expired artifacts, digests, rate
 * limits and 5xx with Retry-After, GitHub Enterprise Server URLs, comment authors.
 *
 * Every test here failed with the bundle before issue 12 (run it with
 * PROFILE_GATE_ACTION_BUNDLE=<old dist/index.js> to see how).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nameSets } from './helpers/hostile.js';
import { fixture } from './helpers/corpus.js';
import { FakeGitHub, type FakeRun } from './helpers/fake-github.js';
import { ensureNode24, type NodeBinary } from './helpers/node24.js';
import { actionBundle, runBundledAction, type ActionRun } from './helpers/run-action.js';
import { readZip, zipOfDir } from './helpers/zip.js';

const WORKFLOW = 'profile-gate.yml';
const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const READ_TOKEN = 'ghs_fakeReadOnlyToken9876543210fedcba';
const ARTIFACT = 'profile-gate-shop-cpu';
const REPORT = `${ARTIFACT}-report`;
const BASE = fixture('captures', 'base-1');
const SAME = fixture('captures', 'base-2');
const SLOWER = fixture('captures', 'cpu');
const repository = { full_name: 'octo-org/shop', default_branch: 'main' };

let node: NodeBinary;
const servers: FakeGitHub[] = [];

beforeAll(() => {
  node = ensureNode24();
  console.log(`action ${actionBundle()} runs under ${node.path} (${node.version})`);
}, 180_000);

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function repo(): Promise<FakeGitHub> {
  const fake = await new FakeGitHub('octo-org/shop').start();
  servers.push(fake);
  fake.addToken(TOKEN);
  fake.addToken(READ_TOKEN, { pullRequests: 'read' });
  fake.workflows.add(WORKFLOW);
  return fake;
}

/** A run of this repository that promoted `dir` as the baseline. */
function promoted(
  fake: FakeGitHub,
  dir: string,
  run: Partial<FakeRun> = {},
  opts: { expired?: boolean } = {},
) {
  const r = fake.addRun({ workflow: WORKFLOW, ...run });
  const artifact = fake.addArtifact(r.id, ARTIFACT, zipOfDir(dir), opts);
  return { run: r, artifact };
}

async function gate(
  fake: FakeGitHub,
  canary: string,
  opts: {
    run?: FakeRun;
    inputs?: Record<string, string>;
    token?: string;
    env?: Record<string, string>;
  } = {},
): Promise<ActionRun> {
  const run = opts.run ?? fake.addPullRequestRun(WORKFLOW, 'a'.repeat(40));
  const headRepo = run.headRepo ?? 'octo-org/shop';
  fake.pulls.set(7, {
    number: 7,
    head: { sha: run.head_sha, ref: run.head_branch, repo: headRepo },
  });
  return runBundledAction({
    node: node.path,
    fake,
    run,
    token: opts.token ?? TOKEN,
    inputs: { 'canary-path': canary, service: 'shop', seed: '1', ...opts.inputs },
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: run.head_sha, ref: run.head_branch, repo: { full_name: headRepo } },
        base: { ref: 'main', repo: repository },
      },
      repository,
    },
    ref: 'refs/pull/7/merge',
    sha: 'b'.repeat(40),
    workflowFile: WORKFLOW,
    env: opts.env,
  });
}

async function onMain(
  fake: FakeGitHub,
  run: FakeRun,
  eventName: string,
  inputs: Record<string, string>,
  env?: Record<string, string>,
): Promise<ActionRun> {
  return runBundledAction({
    node: node.path,
    fake,
    run,
    token: TOKEN,
    inputs: { service: 'shop', seed: '1', ...inputs },
    eventName,
    payload: { ref: 'refs/heads/main', repository },
    ref: 'refs/heads/main',
    sha: run.head_sha,
    workflowFile: WORKFLOW,
    env,
  });
}

/** The report artifact of a run, as actions/download-artifact fetches it by name. */
function reportOf(fake: FakeGitHub, run: FakeRun): Map<string, Buffer> {
  const all = fake.artifacts.filter((a) => a.runId === run.id && a.name.startsWith(REPORT));
  expect(all.map((a) => a.name)).toEqual([REPORT]);
  return readZip(all[0].zip);
}

/** The workflow_run job of docs/action.md: downloads the gate run's report, mode: comment. */
async function commentJob(
  fake: FakeGitHub,
  gateRun: FakeRun,
  files: Map<string, Buffer>,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-downloaded-report-'));
  for (const [name, data] of files) writeFileSync(join(dir, name), data);
  const run = fake.addRun({
    workflow: 'profile-gate-comment.yml',
    event: 'workflow_run',
    status: 'in_progress',
    conclusion: null,
  });
  return runBundledAction({
    node: node.path,
    fake,
    run,
    token: TOKEN,
    inputs: { mode: 'comment', 'report-dir': dir, service: 'shop', ...inputs },
    eventName: 'workflow_run',
    payload: {
      workflow_run: {
        id: gateRun.id,
        head_sha: gateRun.head_sha,
        head_branch: gateRun.head_branch,
        head_repository: { full_name: gateRun.headRepo ?? 'octo-org/shop' },
        event: 'pull_request',
      },
      repository,
    },
    ref: 'refs/heads/main',
    sha: 'c'.repeat(40),
    workflowFile: 'profile-gate-comment.yml',
  });
}

const stickies = (fake: FakeGitHub, key = 'shop-cpu') =>
  fake.comments.filter((c) => c.issue === 7 && c.body.startsWith(`<!-- profile-gate:${key} -->`));
const errors = (r: ActionRun) => r.annotations.filter((a) => a.level === 'error');
const json = (files: Map<string, Buffer>, name: string) =>
  JSON.parse(files.get(name)!.toString()) as Record<string, unknown>;

describe('issue 12: the bundled Action on a GitHub that behaves like the real one', () => {
  it('fork poisoning: a newer pull-request run from a fork carrying the artifact name is never the baseline', async () => {
    const fake = await repo();
    const { run: push } = promoted(fake, BASE, { created_at: '2026-02-01T00:00:00Z' });
    // a fork's pull request from its own main: head_branch "main", event pull_request, its
    // own head repository; the artifact it uploaded makes the regression look like the baseline
    const fork = fake.addRun({
      workflow: WORKFLOW,
      event: 'pull_request',
      head_branch: 'main',
      headRepo: 'forker/shop',
      created_at: '2026-03-01T00:00:00Z',
    });
    fake.addArtifact(fork.id, ARTIFACT, zipOfDir(SLOWER));
    // a same-repository pull request's run: another branch, never used either
    const branch = fake.addRun({
      workflow: WORKFLOW,
      event: 'pull_request',
      head_branch: 'feature',
      created_at: '2026-03-02T00:00:00Z',
    });
    fake.addArtifact(branch.id, ARTIFACT, zipOfDir(SLOWER));

    // baseline-event: any, as docs/action.md advised for accepting a regression
    const r = await gate(fake, SLOWER, { inputs: { 'baseline-event': 'any' } });
    expect(r.outputs['baseline-run-id'], r.stdout).toBe(String(push.id));
    expect(r.outputs.verdict).toBe('fail');
    expect(r.code).toBe(1);
    // dropped from the listing itself: the fork's run is not even fetched
    expect(fake.requests.some((q) => q.path.endsWith(`/actions/runs/${fork.id}`))).toBe(false);
    expect(r.annotations.some((a) => /baseline-event: any now means push/.test(a.message))).toBe(
      true,
    );
  }, 120_000);

  it('a re-run keeps one report artifact per run: the comment job gets the newest attempt', async () => {
    const fake = await repo();
    promoted(fake, BASE);
    const run = fake.addPullRequestRun(WORKFLOW, 'a'.repeat(40));
    const first = await gate(fake, SLOWER, { run });
    expect(first.outputs.verdict).toBe('fail');
    run.runAttempt = 2;
    const second = await gate(fake, SAME, { run });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.verdict).toBe('pass');
    const report = reportOf(fake, run);
    expect(second.stdout).toContain(`replacing the one of an earlier attempt of run ${run.id}`);
    expect(fake.deleted.map((a) => a.name)).toEqual([REPORT]);

    expect(json(report, 'pull-request.json')).toMatchObject({
      number: 7,
      outcome: 'compared',
      verdict: 'pass',
    });
    const posted = await commentJob(fake, run, report);
    expect(posted.code, posted.stdout + posted.stderr).toBe(0);
    const [sticky] = stickies(fake);
    expect(stickies(fake)).toHaveLength(1);
    expect(sticky.body).toContain(':white_check_mark:');
    expect(sticky.body).not.toContain(':x:');
  }, 120_000);

  it("promote on a re-run replaces the first attempt's baseline instead of failing with 409 Conflict", async () => {
    const fake = await repo();
    const run = fake.addRun({ workflow: WORKFLOW, status: 'in_progress', conclusion: null });
    const first = await onMain(fake, run, 'push', { mode: 'promote', 'canary-path': BASE });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    run.runAttempt = 2;
    const second = await onMain(fake, run, 'push', { mode: 'promote', 'canary-path': SAME });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.promoted).toBe('true');
    const left = fake.artifacts.filter((a) => a.runId === run.id && a.name === ARTIFACT);
    expect(left.map((a) => String(a.id))).toEqual([second.outputs['artifact-id']]);
    expect(fake.deleted.map((a) => String(a.id))).toEqual([first.outputs['artifact-id']]);
    expect(second.outputs.summary).toContain('replacing the one of an earlier attempt');
  }, 120_000);

  it('no baseline yet: comment.md, pull-request.json and the report artifact exist; the comment job posts', async () => {
    const fake = await repo(); // the workflow exists, without runs: 200 with total_count 0
    const run = fake.addPullRequestRun(WORKFLOW, 'a'.repeat(40), 'forker/shop');
    const r = await gate(fake, SAME, { run, token: READ_TOKEN });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    const report = reportOf(fake, run);
    expect([...report.keys()].sort()).toEqual(['comment.md', 'pull-request.json', 'report.md']);
    expect(r.outputs.summary).toBe(
      'no-baseline: no artifact named profile-gate-shop-cpu was ever promoted from main in octo-org/shop; workflow profile-gate.yml has no successful runs on main yet: the first push there with the promote step creates the baseline',
    );
    expect(r.annotations.find((a) => a.level === 'notice')?.message).toMatch(
      /^No baseline yet, the gate passes/,
    );
    expect(json(report, 'pull-request.json')).toMatchObject({
      outcome: 'no-baseline',
      fails: false,
    });
    expect(r.summary).toContain('no baseline');

    const posted = await commentJob(fake, run, report);
    expect(posted.code, posted.stdout + posted.stderr).toBe(0);
    expect(stickies(fake)[0].body).toContain('No baseline to compare with: no artifact named');
  }, 120_000);

  it('a download whose sha256 differs from the recorded digest is refused, and the error is reported like any outcome', async () => {
    const fake = await repo();
    const { artifact } = promoted(fake, SLOWER);
    artifact.digest = `sha256:${'0'.repeat(64)}`;
    const run = fake.addPullRequestRun(WORKFLOW, 'a'.repeat(40));
    const r = await gate(fake, SLOWER, { run });
    expect(r.code).toBe(1);
    expect(errors(r)[0].message).toMatch(
      /the downloaded zip's sha256:[0-9a-f]{64} does not match the sha256:0{64} GitHub recorded when it was uploaded/,
    );
    expect(r.outputs.verdict).toBeUndefined();
    expect(r.summary).toContain('profile-gate: error');
    const report = reportOf(fake, run);
    expect(json(report, 'pull-request.json')).toMatchObject({ outcome: 'error' });
    expect(stickies(fake)[0].body).toContain('The gate could not finish');
  }, 120_000);

  it('misconfiguration fails closed: a misspelled artifact name or workflow does not pass forever', async () => {
    const fake = await repo();
    const { run: push } = promoted(fake, BASE);
    const typo = await gate(fake, SAME, {
      inputs: { 'baseline-artifact': 'profile-gate-shop-cpuu' },
    });
    expect(typo.code, typo.stdout).toBe(1);
    expect(typo.outputs.verdict).toBe('no-baseline');
    expect(typo.outputs.summary).toBe(
      `no-baseline: no artifact named profile-gate-shop-cpuu ever existed on main in octo-org/shop, but profile-gate-shop-cpu (run ${push.id}) did: a misspelled baseline-artifact, service or profile-type? The gate and the promote step must use the same name`,
    );
    expect(typo.annotations.find((a) => a.level === 'warning')?.title).toBe(
      'profile-gate: no baseline',
    );

    const wf = await gate(fake, SAME, { inputs: { 'baseline-workflow': 'profile-gat.yml' } });
    expect(wf.code, wf.stdout).toBe(1);
    expect(wf.outputs.summary).toBe(
      'no-baseline: none of the 1 artifacts named profile-gate-shop-cpu on main is from a successful push run of profile-gat.yml: 1 from workflow profile-gate.yml (set baseline-workflow to use those)',
    );
    expect(errors(wf)[0].message).toContain('failing because fail-on-no-baseline is auto');
  }, 120_000);

  it('promote on a schedule, the documented recipe end to end', async () => {
    const fake = await repo();
    // the last push baseline expired; a scheduled run keeps the baseline alive
    promoted(fake, SAME, { created_at: '2026-01-01T00:00:00Z' }, { expired: true });
    const scheduled = fake.addRun({
      workflow: WORKFLOW,
      event: 'schedule',
      status: 'in_progress',
      conclusion: null,
    });
    const events = { 'baseline-events': 'push, schedule' };
    const p = await onMain(fake, scheduled, 'schedule', {
      mode: 'promote',
      'canary-path': BASE,
      ...events,
    });
    expect(p.code, p.stdout + p.stderr).toBe(0);
    expect(p.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    scheduled.status = 'completed';
    scheduled.conclusion = 'success';

    const r = await gate(fake, SAME, { inputs: events });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(scheduled.id));
    expect(r.outputs.verdict).toBe('pass');

    // without schedule in baseline-events: it says why, and fails closed
    const strict = await gate(fake, SAME);
    expect(strict.code).toBe(1);
    expect(strict.outputs.summary).toBe(
      'no-baseline: none of the 2 artifacts named profile-gate-shop-cpu on main is from a successful push run of profile-gate.yml: 1 expired; 1 from a schedule run (add schedule to baseline-events to use those)',
    );
    // and a promote whose event the gates do not accept says so
    const other = fake.addRun({ workflow: WORKFLOW, event: 'schedule', status: 'in_progress' });
    const warned = await onMain(fake, other, 'schedule', { mode: 'promote', 'canary-path': BASE });
    expect(warned.annotations.find((a) => a.level === 'warning')?.message).toMatch(
      /^this schedule run promotes profile-gate-shop-cpu, but gates only take baselines from push runs/,
    );
  }, 120_000);

  it('GitHub Enterprise Server: detected up front, explained, never an exit 1 with an empty summary', async () => {
    const fake = await repo();
    promoted(fake, BASE);
    const ghes = { GITHUB_SERVER_URL: 'https://ghes.example.com', GITHUB_API_URL: '' };
    const env = () => ({ ...ghes, GITHUB_API_URL: `${fake.url}/api/v3` });
    const r = await gate(fake, SAME, { env: env() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.outputs.summary).toMatch(/^no-baseline: this is GitHub Enterprise Server/);
    expect(r.summary).toContain('GitHub Enterprise Server');
    expect(r.summary).toContain('baseline-path (a baseline kept in the repository');
    expect(r.annotations.find((a) => a.level === 'warning')?.message).toMatch(
      /^No baseline: this is GitHub Enterprise Server/,
    );
    expect(r.stdout).toContain('Report artifact not uploaded: GitHub Enterprise Server');
    expect(fake.requests.some((q) => q.path.includes('/actions/'))).toBe(false);
    expect(fake.twirpCalls).toEqual([]);
    // the comment goes through the server's /api/v3 (identity from /api/graphql)
    expect(stickies(fake)).toHaveLength(1);
    expect(fake.requests.some((q) => q.path === '/api/graphql')).toBe(true);
    expect(
      fake.requests.some((q) => q.method === 'POST' && q.path.startsWith('/api/v3/repos/')),
    ).toBe(true);

    const withPath = await gate(fake, SLOWER, { env: env(), inputs: { 'baseline-path': BASE } });
    expect(withPath.code).toBe(1);
    expect(withPath.outputs.verdict).toBe('fail');
    expect(withPath.summary).toMatch(/\| function \| metric \|/);

    const run = fake.addRun({ workflow: WORKFLOW, status: 'in_progress', conclusion: null });
    const p = await onMain(fake, run, 'push', { mode: 'promote', 'canary-path': BASE }, env());
    expect(p.code).toBe(1);
    expect(p.summary).toContain('no baseline promoted');
    expect(errors(p)[0].message).toMatch(
      /promote cannot run here: this is GitHub Enterprise Server/,
    );
    expect(fake.twirpCalls).toEqual([]);
  }, 120_000);

  it('API resilience: 502, 429 and secondary limits are retried after Retry-After; a primary rate limit is named as one', async () => {
    const fake = await repo();
    promoted(fake, BASE);
    fake.fault({ path: /\/issues\/7\/comments$/, method: 'GET', status: 502 });
    fake.rateLimit(/\/actions\/artifacts\/\d+\/zip$/, '429', { retryAfter: 2 });
    fake.rateLimit(/^\/repos\/octo-org\/shop\/actions\/runs\/\d+$/, 'secondary', { retryAfter: 1 });
    const r = await gate(fake, SLOWER);
    expect(r.outputs.verdict, r.stdout + r.stderr).toBe('fail');
    expect(stickies(fake)).toHaveLength(1);
    expect(r.stdout).toMatch(/zip: HTTP 429 \(secondary rate limit\); retry 1 of 4 in 2\.0 s/);
    expect(r.stdout).toMatch(
      /runs\/\d+: HTTP 403 \(secondary rate limit\); retry 1 of 4 in 1\.0 s/,
    );
    expect(r.stdout).toMatch(/comments: HTTP 502; retry 1 of 4 in \d\.\d s/);
    const zips = fake.requests.filter((q) => q.path.endsWith('/zip'));
    expect(zips.map((q) => q.status)).toEqual([429, 302]);
    expect(zips[1].at - zips[0].at).toBeGreaterThanOrEqual(1900);

    const limited = await repo();
    promoted(limited, BASE);
    limited.rateLimit(/\/actions\/(artifacts|workflows\/[^/]+\/runs)$/, 'primary', { times: 9 });
    const rl = await gate(limited, SAME);
    expect(rl.code).toBe(1);
    const msg = errors(rl)[0].message;
    expect(msg).toMatch(
      /HTTP 403: API rate limit exceeded .*This is GitHub's API rate limit, not a permissions problem: .*resets at \d{4}-/,
    );
    expect(msg).not.toContain('actions: read');
    // an hour's wait is not waited: one request, then the diagnosis
    expect(limited.requests.filter((q) => q.path.endsWith('/actions/artifacts'))).toHaveLength(1);
    expect(rl.summary).toContain('rate limit');
  }, 120_000);

  it('annotations: with 12 regressions the failure annotation is the first of at most 10', async () => {
    const fake = await repo();
    const names = Array.from({ length: 12 }, (_, i) => `main.hot${String(i + 1).padStart(2, '0')}`);
    const s = nameSets(names);
    const r = await gate(fake, s.canary, {
      inputs: { 'baseline-path': s.baseline, comment: 'false', 'upload-report': 'false' },
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.outputs.regressions)).toHaveLength(12);
    const e = errors(r);
    expect(e).toHaveLength(10);
    expect(e[0].message).toMatch(/^profile-gate fail: 12 regressions over budget/);
    expect(e[0].message).toContain('... and 3 more (see the job summary)');
    const causes = e.slice(1, 9).map((a) => a.title);
    expect(new Set(causes).size).toBe(8);
    for (const t of causes) expect(t).toMatch(/^profile-gate: main\.hot\d\d regressed \(self\)$/);
    expect(e[9]).toMatchObject({
      title: 'profile-gate: 4 more regressions',
      message: expect.stringMatching(
        /^4 more regressions in the job summary \(all 12 in comparison\.json/,
      ),
    });
  }, 120_000);

  it('outputs: a regressions list over 1 MB is cut under the limit, says so, and the report keeps all', async () => {
    const fake = await repo();
    const names = ['a', 'b', 'c', 'd'].map((x) => `main.${x.repeat(300_000)}`);
    const s = nameSets(names);
    const run = fake.addPullRequestRun(WORKFLOW, 'a'.repeat(40));
    const r = await gate(fake, s.canary, { run, inputs: { 'baseline-path': s.baseline } });
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.outputs.regressions)).toBeLessThan(1_000_000);
    const shown = JSON.parse(r.outputs.regressions) as { function: string }[];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(4);
    expect(shown.every((x) => names.includes(x.function))).toBe(true);
    expect(r.outputs['regressions-truncated']).toBe('true');
    expect(
      r.annotations.find((a) => a.title === 'profile-gate: regressions output truncated')?.message,
    ).toBe(
      `The \`regressions\` output lists ${shown.length} of the 4 regressions (an output holds at most 1 MB; it is truncated); all of them are in comparison.json in the report artifact.`,
    );
    expect(r.summary).toContain('it is truncated');
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1 << 20);
    const all = JSON.parse(reportOf(fake, run).get('comparison.json')!.toString());
    expect(all.regressions.map((x: { function: string }) => x.function).sort()).toEqual(names);
  }, 180_000);

  it("sticky comment: only the token's own comments are candidates; a quoted marker is never edited", async () => {
    const fake = await repo();
    promoted(fake, BASE);
    const quoted = fake.addComment(
      7,
      '<!-- profile-gate:shop-cpu -->\n> the bot said: pass',
      'mallory',
    );
    const r = await gate(fake, SAME);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(quoted.body).toBe('<!-- profile-gate:shop-cpu -->\n> the bot said: pass');
    expect(fake.requests.filter((q) => q.method === 'PATCH')).toEqual([]);
    const bot = stickies(fake).filter((c) => c.user.login === 'github-actions[bot]');
    expect(bot).toHaveLength(1);

    // a personal token acts as its user (GraphQL viewer): the bot's comment is not its own
    const PAT = 'github_pat_maintainer0123456789';
    fake.addToken(PAT, { identity: { login: 'maint', id: 777, type: 'User' } });
    const mine = await gate(fake, SAME, { token: PAT });
    expect(mine.code).toBe(0);
    expect(stickies(fake).map((c) => c.user.login)).toEqual([
      'mallory',
      'github-actions[bot]',
      'maint',
    ]);
    expect(bot[0].body).toBe(stickies(fake)[1].body);
  }, 120_000);

  it("comment mode renders the data with its own key: a fork's artifact cannot post markdown or overwrite another gate's comment", async () => {
    const fake = await repo();
    promoted(fake, BASE);
    const other = fake.addComment(
      7,
      '<!-- profile-gate:api-cpu -->\nthe api gate: FAIL',
      'github-actions[bot]',
    );
    const run = fake.addPullRequestRun(WORKFLOW, 'a'.repeat(40), 'forker/shop');
    const r = await gate(fake, SLOWER, { run, token: READ_TOKEN });
    expect(r.outputs.verdict).toBe('fail');
    // the fork's code controls the artifact: it rewrites the files
    const report = reportOf(fake, run);
    report.set('comment.md', Buffer.from('## :white_check_mark: all good, merge it'));
    report.set(
      'pull-request.json',
      Buffer.from(JSON.stringify({ ...json(report, 'pull-request.json'), key: 'api-cpu' })),
    );
    const posted = await commentJob(fake, run, report);
    expect(posted.code, posted.stdout + posted.stderr).toBe(0);
    expect(other.body).toBe('<!-- profile-gate:api-cpu -->\nthe api gate: FAIL');
    const [mine] = stickies(fake);
    expect(mine.body).toMatch(/^<!-- profile-gate:shop-cpu -->\n## :x: profile-gate: FAIL/);
    expect(mine.body).toContain('`main.computeDiscount`');
    expect(mine.body).not.toContain('all good');
  }, 120_000);

  it('drift: the newest promoted baselines give the run-to-run drift model (baseline-history)', async () => {
    const fake = await repo();
    for (const [i, b] of ['base-3', 'base-4', 'base-1'].entries()) {
      promoted(fake, fixture('captures', b), { created_at: `2026-0${i + 1}-01T00:00:00Z` });
    }
    const r = await gate(fake, SAME);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Run-to-run drift estimated from the 3 newest promoted baselines');
    expect(r.summary).toContain(
      'Drift: run-to-run drift from 3 known-good runs added to every interval',
    );
    const off = await gate(fake, SAME, { inputs: { 'baseline-history': '0' } });
    expect(off.summary).toContain('drift not modelled');
  }, 120_000);
});
