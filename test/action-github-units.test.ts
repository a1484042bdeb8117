/**
 * Issue 12, the pieces in-process: the REST client's retries and rate-limit diagnosis against
 * the fake GitHub, the run checks of baseline discovery, the output limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editDistance, rejectRun } from '../src/github/baseline.js';
import { upsertStickyComment } from '../src/github/comment.js';
import { GitHubApiError, GitHubRest, parseRetryAfter, rateLimitOf } from '../src/github/rest.js';
import type { WorkflowRun } from '../src/github/rest.js';
import {
  annotate,
  capMarkdown,
  failureMessage,
  MAX_ANNOTATIONS,
  regressionsOutput,
} from '../src/github/summary.js';
import type { Comparison, FunctionDelta } from '../src/stats/types.js';
import { FakeGitHub } from './helpers/fake-github.js';

const TOKEN = 'ghs_units';
const servers: FakeGitHub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function fake(): Promise<FakeGitHub> {
  const f = await new FakeGitHub('octo-org/shop').start();
  servers.push(f);
  f.addToken(TOKEN);
  return f;
}

function client(f: FakeGitHub, log: string[] = [], maxWaitMs = 5_000): GitHubRest {
  return new GitHubRest({
    token: TOKEN,
    apiUrl: f.url,
    backoffMs: 20,
    maxBackoffMs: 40,
    maxWaitMs,
    log: (m) => log.push(m),
  });
}

describe('REST client: retries and rate limits', () => {
  it('retries 5xx and 429 (waiting Retry-After), not a 404; gives up after the retries', async () => {
    const f = await fake();
    const log: string[] = [];
    const rest = client(f, log);
    f.fault({ path: /^\/repos\/octo-org\/shop$/, status: 502, times: 2 });
    f.fault({ path: /^\/repos\/octo-org\/shop$/, status: 429, headers: { 'retry-after': '1' } });
    const t0 = Date.now();
    expect((await rest.getRepository('octo-org', 'shop')).default_branch).toBe('main');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(f.requests.map((q) => q.status)).toEqual([502, 502, 429, 200]);
    expect(log[2]).toBe(
      'GitHub API GET /repos/octo-org/shop: HTTP 429 (secondary rate limit); retry 3 of 4 in 1.0 s',
    );

    await expect(rest.getPullRequest('octo-org', 'shop', 99)).rejects.toMatchObject({
      status: 404,
    });
    expect(f.requests.filter((q) => q.path.endsWith('/pulls/99'))).toHaveLength(1);

    f.fault({ path: /\/pulls\/98$/, status: 503, times: 9 });
    await expect(rest.getPullRequest('octo-org', 'shop', 98)).rejects.toThrow(
      'GitHub API GET /repos/octo-org/shop/pulls/98 failed: HTTP 503',
    );
    expect(f.requests.filter((q) => q.path.endsWith('/pulls/98'))).toHaveLength(5);
  });

  it('a POST is not repeated after a 5xx (it may have been made), but after a rate limit', async () => {
    const f = await fake();
    const rest = client(f);
    f.fault({ path: /\/issues\/1\/comments$/, method: 'POST', status: 502 });
    await expect(rest.createIssueComment('octo-org', 'shop', 1, 'x')).rejects.toMatchObject({
      status: 502,
    });
    f.rateLimit(/\/issues\/1\/comments$/, 'secondary', { retryAfter: 0 });
    await rest.createIssueComment('octo-org', 'shop', 1, 'y');
    expect(f.comments.map((c) => c.body)).toEqual(['y']);
    expect(f.requests.map((q) => `${q.method} ${q.status}`)).toEqual([
      'POST 502',
      'POST 403',
      'POST 201',
    ]);
  });

  it('a primary rate limit is named as one, waited when the reset is near, never read as a permission', async () => {
    const f = await fake();
    const rest = client(f, [], 2_000);
    f.rateLimit(/^\/repos\/octo-org\/shop$/, 'primary', { resetIn: 3600 });
    const e = (await rest.getRepository('octo-org', 'shop').catch((x) => x)) as GitHubApiError;
    expect(e).toBeInstanceOf(GitHubApiError);
    expect(e.forbidden).toBe(false);
    expect(e.rateLimit?.kind).toBe('primary');
    expect(e.message).toMatch(
      /^GitHub API GET \/repos\/octo-org\/shop failed: HTTP 403: API rate limit exceeded for installation ID 4242\..* This is GitHub's API rate limit, not a permissions problem: the token's hourly request quota is used up \(x-ratelimit-remaining: 0\); the quota resets at \d{4}-\d\d-\d\dT/,
    );
    expect(f.requests).toHaveLength(1);

    // a reset one second away is waited for
    f.rateLimit(/^\/repos\/octo-org\/shop$/, 'primary', { resetIn: 0 });
    expect((await rest.getRepository('octo-org', 'shop')).id).toBe(4242);
    expect(f.requests.map((q) => q.status)).toEqual([403, 403, 200]);

    // a real permission problem stays one
    f.addToken(TOKEN, { actions: 'none' });
    const denied = (await rest
      .listArtifacts('octo-org', 'shop', { page: 1 })
      .catch((x) => x)) as GitHubApiError;
    expect(denied.forbidden).toBe(true);
    expect(denied.rateLimit).toBeUndefined();
  });

  it('classifies answers and reads Retry-After in both forms', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      rateLimitOf(
        403,
        h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 60) }),
        'x',
        now,
      ),
    ).toEqual({
      kind: 'primary',
      resetAt: new Date(now + 60_000),
      waitMs: 61_000,
    });
    expect(rateLimitOf(403, h({}), 'You have exceeded a secondary rate limit', now)).toEqual({
      kind: 'secondary',
      waitMs: 60_000,
    });
    expect(rateLimitOf(429, h({ 'retry-after': '7' }), '', now)).toEqual({
      kind: 'secondary',
      waitMs: 7000,
    });
    expect(rateLimitOf(403, h({}), 'Resource not accessible by integration', now)).toBeUndefined();
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('knows who it is: GraphQL viewer, then GET /user, for the sticky comment', async () => {
    const f = await fake();
    expect(await client(f).whoAmI()).toEqual({ login: 'github-actions[bot]', id: 41898282 });
    f.fault({ path: /graphql$/, status: 404, message: 'Not Found' });
    f.addToken('pat', { identity: { login: 'maint', id: 7, type: 'User' } });
    const pat = new GitHubRest({ token: 'pat', apiUrl: f.url, backoffMs: 1 });
    expect(await pat.whoAmI()).toEqual({ login: 'maint', id: 7 });
    expect(f.requests.map((q) => `${q.method} ${q.path} ${q.status}`).slice(-2)).toEqual([
      'POST /graphql 404',
      'GET /user 200',
    ]);
  });

  it('the sticky comment: a quoted marker of someone else is no candidate, an unchanged body is not sent', async () => {
    const f = await fake();
    const rest = client(f);
    f.addComment(3, '<!-- profile-gate:k -->\nquoted', 'mallory');
    const target = { owner: 'octo-org', repo: 'shop', issue: 3 };
    expect((await upsertStickyComment(rest, target, 'k', 'body')).action).toBe('created');
    expect((await upsertStickyComment(rest, target, 'k', 'body')).action).toBe('unchanged');
    expect((await upsertStickyComment(rest, target, 'k', 'body 2')).action).toBe('updated');
    expect(f.comments.map((c) => `${c.user.login}: ${c.body}`)).toEqual([
      'mallory: <!-- profile-gate:k -->\nquoted',
      'github-actions[bot]: <!-- profile-gate:k -->\nbody 2',
    ]);
    // a failing API never fails the job
    f.fault({ path: /\/issues\/3\/comments$/, status: 500, times: 9 });
    const res = await upsertStickyComment(rest, target, 'k', 'body 3');
    expect(res).toMatchObject({ action: 'skipped' });
  });
});

const run = (o: Partial<WorkflowRun> = {}): WorkflowRun => ({
  id: 1,
  path: '.github/workflows/gate.yml',
  workflow_id: 55,
  head_branch: 'main',
  head_sha: 'a'.repeat(40),
  event: 'push',
  status: 'completed',
  conclusion: 'success',
  html_url: '',
  created_at: '',
  head_repository: { id: 4242, full_name: 'octo-org/shop' },
  ...o,
});

describe('baseline discovery: which runs may provide a baseline', () => {
  const want = { repoId: 4242, branch: 'main', workflow: 'gate.yml', events: ['push'] };
  it("accepts this repository's successful push run of the workflow, and nothing else", () => {
    expect(rejectRun(run(), want)).toBeUndefined();
    expect(rejectRun(run(), { ...want, workflow: '55' })).toBeUndefined();
    // a fork's run, even with an allowed event and the branch name main
    expect(rejectRun(run({ head_repository: { id: 9, full_name: 'forker/shop' } }), want)).toBe(
      "from another repository's code (forker/shop)",
    );
    expect(rejectRun(run({ head_repository: null }), want)).toBe(
      "from another repository's code (unknown)",
    );
    expect(rejectRun(run({ event: 'pull_request' }), want)).toBe(
      'from a pull_request run (add pull_request to baseline-events to use those)',
    );
    expect(rejectRun(run({ head_branch: 'dev' }), want)).toBe('from branch dev');
    expect(rejectRun(run({ path: '.github/workflows/other.yml' }), want)).toBe(
      'from workflow other.yml (set baseline-workflow to use those)',
    );
    expect(rejectRun(run({ conclusion: 'failure' }), want)).toBe('from a run that ended failure');
    expect(rejectRun(run({ status: 'in_progress', conclusion: null }), want)).toBe(
      'from a run still in progress',
    );
  });

  it('edit distance for misspelled names', () => {
    expect(editDistance('profile-gate-shop-cpu', 'profile-gate-shop-cpuu', 2)).toBe(1);
    expect(editDistance('profile-gate-shop-cpu', 'profile-gate-shop-allocs', 2)).toBe(3);
    expect(editDistance('abc', 'abc', 2)).toBe(0);
  });
});

function delta(fn: string): FunctionDelta {
  return {
    function: fn,
    metric: 'self',
    baselineShare: 1,
    canaryShare: 9,
    deltaPp: 8,
    ciLowPp: 7,
    ciHighPp: 9,
    ratio: 9,
    pValue: 0.001,
    significant: true,
    status: 'regression',
    inBaseline: true,
    inCanary: true,
    budget: { source: 'self budget', pp: 5 },
    overBudget: true,
    reason: `${fn} self-CPU grew 8.0pp, over the 5pp budget`,
    mdePp: 1,
    driftPp: 0,
  };
}

function failing(names: string[]): Comparison {
  const regs = names.map(delta);
  return {
    verdict: 'fail',
    inconclusive: [],
    causes: regs.map((r) => ({ function: r.function, kind: 'self', rows: [r], reason: r.reason })),
    underpowered: [],
    critical: 3,
    drift: { modelled: false, reason: '' },
    type: { type: 'cpu', unit: 'nanoseconds' },
    regressions: regs,
    improvements: [],
    grew: [],
    functions: regs,
    warnings: Array.from({ length: 8 }, (_, i) => `warning ${i}`),
    settings: {} as Comparison['settings'],
    baseline: { captures: [], total: 1, samples: 1 },
    canary: { captures: [], total: 1, samples: 1 },
  };
}

describe('limits', () => {
  it('annotations: failure first, at most 10 errors with "N more", at most 5 warnings and a count', () => {
    const c = failing(Array.from({ length: 12 }, (_, i) => `f${i}`));
    const out: { level: string; msg: string; title?: string }[] = [];
    const io = {
      error: (msg: string, p?: { title?: string }) =>
        out.push({ level: 'error', msg, title: p?.title }),
      warning: (msg: string, p?: { title?: string }) =>
        out.push({ level: 'warning', msg, title: p?.title }),
      notice: () => {},
    };
    io.error(failureMessage(c));
    annotate(io, c, 1);
    const errs = out.filter((o) => o.level === 'error');
    expect(errs).toHaveLength(MAX_ANNOTATIONS);
    expect(errs[0].msg.split('\n')).toHaveLength(11); // headline, 9 causes, "... and 3 more"
    expect(errs[9].title).toBe('profile-gate: 4 more regressions');
    const warns = out.filter((o) => o.level === 'warning').map((o) => o.msg);
    expect(warns).toEqual([...c.warnings.slice(0, 5), '3 more warnings in the job summary']);
  });

  it('the regressions output keeps what fits, in order, full names; reasons shorten long names', () => {
    const long = `main.${'x'.repeat(5000)}`;
    const c = failing([long, 'main.b', 'main.c']);
    const all = regressionsOutput(c);
    expect(all.shown).toBe(3);
    const parsed = JSON.parse(all.json) as { function: string; reason: string }[];
    expect(parsed[0].function).toBe(long);
    expect(parsed[0].reason.length).toBeLessThan(700);
    const cut = regressionsOutput(c, Buffer.byteLength(all.json) - 10);
    expect(cut).toMatchObject({ shown: 2, total: 3 });
    expect(JSON.parse(cut.json)).toHaveLength(2);
  });

  it('markdown over the limit is cut at a line, closes <details> and says so', () => {
    const md = [
      '# report',
      '<details><summary>x</summary>',
      ...Array.from({ length: 5000 }, (_, i) => `- line ${i} ✓`),
    ].join('\n');
    const out = capMarkdown(md, 20_000);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(20_000);
    expect(out).toMatch(
      /- line \d+ ✓\n\n<\/details>\n\n\*\*Truncated:\*\* this summary was cut at 20,000 bytes/,
    );
    expect(capMarkdown('short', 20_000)).toBe('short');
  });
});
