/**
 * The bundled Action (dist/index.js) under Node 24, run as the GitHub runner runs it, against a
 * local fake of the GitHub REST API, the artifact results service and blob storage.
 * Baseline and canary are the demo capture sets in fixtures/captures (base-1, base-2: the same
 * build twice; cpu: a build whose main.computeDiscount got slower).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerFingerprint } from '../src/capture/fingerprint.js';
import type { Manifest } from '../src/captureset/manifest.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, repoRoot } from './helpers/corpus.js';
import { FakeGitHub, type FakeRun } from './helpers/fake-github.js';
import { ensureNode24, type NodeBinary } from './helpers/node24.js';
import { runBundledAction, type ActionRun } from './helpers/run-action.js';
import { readZip, zipOfDir } from './helpers/zip.js';

const WORKFLOW = 'profile-gate.yml';
const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const READ_TOKEN = 'ghs_fakeReadOnlyToken9876543210fedcba';
const ARTIFACT = 'profile-gate-shop-cpu';
const BASE = fixture('captures', 'base-1');
const SAME = fixture('captures', 'base-2');
const SLOWER = fixture('captures', 'cpu');

let node: NodeBinary;
const servers: FakeGitHub[] = [];

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` first');
  }
  node = ensureNode24();
  console.log(`action runs under ${node.path} (${node.version})`);
}, 180_000);

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** A fake repository whose default branch has a successful push run with a baseline artifact. */
async function repoWithBaseline(
  opts: { baselineDir?: string; expired?: boolean } = {},
): Promise<{ fake: FakeGitHub; baselineRun: FakeRun }> {
  const fake = await new FakeGitHub('octo-org/shop').start();
  servers.push(fake);
  fake.addToken(TOKEN);
  fake.addToken(READ_TOKEN, { pullRequests: 'read' });
  // Older run with a (stale) artifact, the newest run with the one to use, a newer failed run.
  const old = fake.addRun({ workflow: WORKFLOW, created_at: '2026-01-01T00:00:00Z' });
  fake.addArtifact(old.id, ARTIFACT, zipOfDir(SAME));
  const baselineRun = fake.addRun({ workflow: WORKFLOW, created_at: '2026-02-01T00:00:00Z' });
  fake.addArtifact(baselineRun.id, ARTIFACT, zipOfDir(opts.baselineDir ?? BASE), {
    expired: opts.expired,
  });
  fake.addRun({ workflow: WORKFLOW, created_at: '2026-03-01T00:00:00Z', conclusion: 'failure' });
  // A run on a feature branch and a PR run must never be chosen.
  fake.addRun({ workflow: WORKFLOW, head_branch: 'feature', created_at: '2026-03-02T00:00:00Z' });
  return { fake, baselineRun };
}

function prPayload(fake: FakeGitHub, number: number, sha: string, headRepo = 'octo-org/shop') {
  const repository = { full_name: `${fake.owner}/${fake.repo}`, default_branch: 'main' };
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { sha, ref: 'feature', repo: { full_name: headRepo } },
      base: { ref: 'main', repo: repository },
    },
    repository,
  };
}

async function gateOnPr(
  fake: FakeGitHub,
  canary: string,
  opts: {
    number?: number;
    token?: string;
    headRepo?: string;
    inputs?: Record<string, string>;
  } = {},
): Promise<ActionRun> {
  const sha = 'a'.repeat(40);
  const number = opts.number ?? 7;
  const run = fake.addPullRequestRun(WORKFLOW, sha);
  return runBundledAction({
    node: node.path,
    fake,
    run,
    token: opts.token ?? TOKEN,
    inputs: { 'canary-path': canary, service: 'shop', seed: '1', ...opts.inputs },
    eventName: 'pull_request',
    payload: prPayload(fake, number, sha, opts.headRepo),
    ref: `refs/pull/${number}/merge`,
    sha: 'b'.repeat(40),
    workflowFile: WORKFLOW,
  });
}

function expectNoSecrets(r: ActionRun, fake: FakeGitHub, token = TOKEN): void {
  for (const secret of [token, fake.runtimeToken]) {
    for (const line of r.stdout.split('\n')) {
      if (line.includes(secret)) expect(line).toBe(`::add-mask::${secret}`);
    }
    expect(r.stderr).not.toContain(secret);
    expect(r.summary).not.toContain(secret);
    expect(JSON.stringify(r.outputs)).not.toContain(secret);
  }
  expect(r.stdout).toContain(`::add-mask::${token}`);
}

const comments = (fake: FakeGitHub, issue: number) =>
  fake.comments.filter(
    (c) => c.issue === issue && c.body.includes(`<!-- profile-gate:shop-cpu -->`),
  );

describe('bundled Action under Node 24 against a fake GitHub', () => {
  it('gate with a regression: fails with the reason, outputs, summary table, annotations, one comment', async () => {
    const { fake, baselineRun } = await repoWithBaseline();
    const r = await gateOnPr(fake, SLOWER);

    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    const regressions = JSON.parse(r.outputs.regressions) as { function: string; reason: string }[];
    expect(regressions.length).toBeGreaterThan(0);
    expect(regressions.map((x) => x.function)).toContain('main.computeDiscount');
    expect(r.outputs.summary).toMatch(
      /^fail: \d+ regressions? over budget: .*main\.computeDiscount/,
    );
    expect(r.outputs['baseline-run-id']).toBe(String(baselineRun.id));
    expect(existsSync(join(r.outputs['report-path'], 'comparison.json'))).toBe(true);

    // core.setFailed: the first error annotation carries the readable reason (GitHub shows
    // only 10 error annotations of a step: the failure must not be the one dropped).
    const errors = r.annotations.filter((a) => a.level === 'error');
    const failed = errors[0];
    expect(failed.message).toContain('profile-gate fail:');
    expect(failed.message).toContain('main.computeDiscount');
    expect(failed.message).toMatch(/over the \d+(\.\d+)?pp budget/);
    // One annotation per cause (the planted function; its callers' rows join it), with a title.
    const causes = errors.filter((a) => a.title?.startsWith('profile-gate: '));
    expect(causes.map((a) => a.title)).toEqual([
      'profile-gate: main.computeDiscount regressed (self)',
    ]);
    expect(causes[0].message).toMatch(
      /main\.computeDiscount self-CPU grew .*; also raising main\.computePrices cum/,
    );
    expect(regressions.length).toBeGreaterThan(causes.length);

    // Job summary: verdict, reasons, table with intervals, baseline provenance, artifact links.
    expect(r.summary).toContain('profile-gate');
    expect(r.summary).toMatch(/\| function \| metric \| baseline \| canary \| delta \| 95% CI \|/);
    expect(r.summary).toContain('main.computeDiscount');
    expect(r.summary).toContain(`run ${baselineRun.id}`);
    expect(r.summary).toMatch(/actions\/runs\/\d+\/artifacts\/\d+/);

    // The baseline came through the documented flow: the repository's artifacts by name ->
    // the chosen run verified -> 302 -> blob (no token sent there), digest checked.
    const paths = fake.requests.map((q) => `${q.method} ${q.path}`);
    const listing = fake.requests.find((q) => q.path === '/repos/octo-org/shop/actions/artifacts')!;
    expect(listing.query).toMatchObject({ name: ARTIFACT, per_page: '100', page: '1' });
    expect(paths).toContain(`GET /repos/octo-org/shop/actions/runs/${baselineRun.id}`);
    expect(paths.some((p) => p.endsWith('/runs') || p.endsWith('/artifacts?'))).toBe(false);
    const zip = fake.requests.find((q) => /\/actions\/artifacts\/\d+\/zip$/.test(q.path))!;
    expect(zip.status).toBe(302);
    expect(fake.blobOps).toContain('download');
    const blob = fake.requests.find((q) => q.path.startsWith('/blob/download/'))!;
    expect(blob.authorization).toBeUndefined();
    expect(r.stdout).toMatch(/sha256:[0-9a-f]{64} matches the digest recorded at upload/);

    // Exactly one sticky comment, holding the verdict.
    const mine = comments(fake, 7);
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('main.computeDiscount');
    // The report was uploaded as an artifact (Twirp create + blob + finalize).
    expect(fake.twirpCalls.map((c) => `${c.method}:${c.body.name}`)).toEqual([
      `CreateArtifact:${ARTIFACT}-report`,
      `FinalizeArtifact:${ARTIFACT}-report`,
    ]);
    expectNoSecrets(r, fake);
  });

  it('gate without a regression passes; a second run edits the same comment in place', async () => {
    const { fake } = await repoWithBaseline();
    // Enough other comments that the sticky one is on the second page (Link: rel="next").
    for (let i = 0; i < 104; i++) fake.addComment(9, `other comment ${i}`);

    const first = await gateOnPr(fake, SLOWER, { number: 9 });
    expect(first.code).toBe(1);
    expect(comments(fake, 9)).toHaveLength(1);
    const id = comments(fake, 9)[0].id;

    const second = await gateOnPr(fake, SAME, { number: 9 });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.verdict).toBe('pass');
    expect(JSON.parse(second.outputs.regressions)).toEqual([]);
    expect(second.outputs.summary).toMatch(/^pass: /);
    expect(second.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(second.summary).toContain('profile-gate');

    const mine = comments(fake, 9);
    expect(mine).toHaveLength(1);
    expect(mine[0].id).toBe(id);
    expect(mine[0].body).not.toContain(':x:');
    const patches = fake.requests.filter((q) => q.method === 'PATCH');
    expect(patches.map((q) => q.path)).toEqual([`/repos/octo-org/shop/issues/comments/${id}`]);
    expect(
      fake.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/comments')),
    ).toHaveLength(1);
    // The listing followed the Link header to page 2 (served under /repositories/{id}/...).
    expect(
      fake.requests.some((q) => q.path.startsWith('/repositories/') && q.query.page === '2'),
    ).toBe(true);
    expect(fake.comments.filter((c) => c.issue === 9)).toHaveLength(105);
    expectNoSecrets(second, fake);
  });

  it('no baseline: passes with a notice, or fails when fail-on-no-baseline is set', async () => {
    const fake = await new FakeGitHub('octo-org/shop').start();
    servers.push(fake);
    fake.addToken(TOKEN);
    const r = await gateOnPr(fake, SAME);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.outputs.regressions).toBe('[]');
    const notice = r.annotations.find((a) => a.level === 'notice');
    expect(notice?.message).toMatch(/No baseline yet, the gate passes/);
    expect(r.summary).toContain('no baseline');
    expect(r.summary).toContain('promote');
    expect(comments(fake, 7)).toHaveLength(1);

    const strict = await gateOnPr(fake, SAME, { inputs: { 'fail-on-no-baseline': 'true' } });
    expect(strict.code).toBe(1);
    expect(strict.outputs.verdict).toBe('no-baseline');
    const errors = strict.annotations.filter((a) => a.level === 'error');
    expect(errors[errors.length - 1].message).toMatch(
      /no baseline to compare with .*fail-on-no-baseline/,
    );
    expect(comments(fake, 7)).toHaveLength(1);
  });

  it('an expired baseline fails closed (a baseline existed), with the reason; fail-on-no-baseline: false passes with a warning', async () => {
    const { fake } = await repoWithBaseline({ expired: true });
    for (const a of fake.artifacts) a.expired = true;
    const r = await gateOnPr(fake, SAME);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.outputs.summary).toMatch(
      /^no-baseline: the baseline artifact profile-gate-shop-cpu \(newest: run \d+, expired .*\) has expired/,
    );
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors[0].message).toMatch(
      /^profile-gate: no baseline to compare with \(the baseline artifact .* has expired.*\); failing because fail-on-no-baseline is auto and this repository had a baseline before/,
    );
    expect(r.annotations.find((a) => a.level === 'warning')?.title).toBe(
      'profile-gate: no baseline',
    );
    expect(r.summary).toContain(
      'The job fails: this repository had a baseline for this gate before',
    );
    expect(fake.requests.some((q) => q.path.endsWith('/zip'))).toBe(false);

    const lenient = await gateOnPr(fake, SAME, { inputs: { 'fail-on-no-baseline': 'false' } });
    expect(lenient.code).toBe(0);
    expect(lenient.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(lenient.annotations.find((a) => a.level === 'warning')?.message).toMatch(
      /^No baseline: the baseline artifact .* has expired/,
    );
  });

  it('promote on push: creates, uploads and finalizes the artifact; the next gate uses it', async () => {
    const fake = await new FakeGitHub('octo-org/shop').start();
    servers.push(fake);
    fake.addToken(TOKEN);
    const sha = 'c'.repeat(40);
    const run = fake.addRun({
      workflow: WORKFLOW,
      status: 'in_progress',
      conclusion: null,
      head_sha: sha,
    });
    const r = await runBundledAction({
      node: node.path,
      fake,
      run,
      token: TOKEN,
      inputs: { mode: 'promote', 'canary-path': BASE, service: 'shop', 'retention-days': '30' },
      eventName: 'push',
      payload: {
        ref: 'refs/heads/main',
        after: sha,
        repository: { full_name: 'octo-org/shop', default_branch: 'main' },
      },
      ref: 'refs/heads/main',
      sha,
      workflowFile: WORKFLOW,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.promoted).toBe('true');
    expect(r.outputs['artifact-name']).toBe(ARTIFACT);

    const [create, finalize] = fake.twirpCalls;
    expect(create.method).toBe('CreateArtifact');
    expect(create.body).toMatchObject({ name: ARTIFACT, version: 7, mime_type: 'application/zip' });
    expect(create.body.workflow_run_backend_id).toBe(run.runBackendId);
    const days = (Date.parse(create.body.expires_at) - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31);
    expect(finalize.method).toBe('FinalizeArtifact');
    expect(finalize.body.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fake.blobOps).toEqual(expect.arrayContaining(['block', 'blocklist']));

    const artifact = fake.artifacts.find((a) => a.name === ARTIFACT)!;
    expect(r.outputs['artifact-id']).toBe(String(artifact.id));
    const files = readZip(artifact.zip);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.promotion).toMatchObject({
      commitSha: sha,
      runId: String(run.id),
      ref: 'refs/heads/main',
    });
    expect(manifest.captures).toHaveLength(10);
    for (const name of readdirSync(BASE).filter((f) => f.endsWith('.pb.gz'))) {
      expect(files.get(name)?.equals(readFileSync(join(BASE, name)))).toBe(true);
    }
    expect(r.summary).toContain('baseline promoted');
    expectNoSecrets(r, fake);

    // The run succeeds; a PR gate now finds this artifact as its baseline.
    run.status = 'completed';
    run.conclusion = 'success';
    const gate = await gateOnPr(fake, SAME);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    expect(gate.outputs.verdict).toBe('pass');
    expect(gate.outputs['baseline-run-id']).toBe(String(run.id));
    expect(gate.summary).toContain(`promoted from commit \`${sha.slice(0, 7)}\``);
  });

  it('promote on a pull request is skipped with a warning', async () => {
    const { fake } = await repoWithBaseline();
    const r = await gateOnPr(fake, BASE, { inputs: { mode: 'promote' } });
    expect(r.code).toBe(0);
    expect(r.outputs.promoted).toBe('false');
    expect(
      r.annotations.some((a) => a.level === 'warning' && /never promote/.test(a.message)),
    ).toBe(true);
    expect(fake.twirpCalls).toEqual([]);
  });

  it('fork PR with a read-only token: comment skipped with a warning, job result unaffected', async () => {
    const { fake } = await repoWithBaseline();
    const r = await gateOnPr(fake, SAME, { token: READ_TOKEN, headRepo: 'forker/shop' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    const post = fake.requests.find((q) => q.method === 'POST' && q.path.endsWith('/comments'));
    expect(post?.status).toBe(403);
    const warning = r.annotations.find(
      (a) => a.level === 'warning' && /PR comment skipped/.test(a.message),
    );
    expect(warning?.message).toContain('Resource not accessible by integration');
    expect(warning?.message).toContain('workflow_run');
    expect(fake.comments).toHaveLength(0);
    // The report artifact still holds the comment for the workflow_run pattern.
    expect(readFileSync(join(r.outputs['report-path'], 'pull-request.json'), 'utf8')).toContain(
      '"number":7',
    );
    const report = readZip(fake.artifacts.find((a) => a.name === `${ARTIFACT}-report`)!.zip);
    expect([...report.keys()]).toEqual(
      expect.arrayContaining(['comment.md', 'pull-request.json', 'report.md']),
    );
    expectNoSecrets(r, fake, READ_TOKEN);

    const failing = await gateOnPr(fake, SLOWER, { token: READ_TOKEN, headRepo: 'forker/shop' });
    expect(failing.code).toBe(1);
    const errors = failing.annotations.filter((a) => a.level === 'error');
    expect(errors[0].message).toContain('profile-gate fail:');
  });

  it('capture mode: captures from a profile endpoint under built-in load', async () => {
    const fake = await new FakeGitHub('octo-org/shop').start();
    servers.push(fake);
    fake.addToken(TOKEN);
    const profile = readFileSync(join(BASE, 'cpu-01.pb.gz'));
    let loadRequests = 0;
    const service = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname === '/debug/pprof/profile') {
        const seconds = Number(u.searchParams.get('seconds') ?? '1');
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(profile);
        }, seconds * 1000);
        return;
      }
      loadRequests++;
      res.end('ok');
    });
    await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
    const port = (service.address() as AddressInfo).port;
    try {
      const run = fake.addRun({ workflow: WORKFLOW, status: 'in_progress', conclusion: null });
      const r = await runBundledAction({
        node: node.path,
        fake,
        run,
        token: TOKEN,
        inputs: {
          mode: 'capture',
          service: 'shop',
          endpoint: `http://127.0.0.1:${port}`,
          captures: '2',
          seconds: '1',
          warmup: '0',
          'load-url': `http://127.0.0.1:${port}/checkout`,
          'load-rate': '20',
        },
        eventName: 'push',
        payload: { repository: { full_name: 'octo-org/shop', default_branch: 'main' } },
        ref: 'refs/heads/main',
        sha: 'd'.repeat(40),
        workflowFile: WORKFLOW,
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const dir = r.outputs['capture-path'];
      expect(dir).toBe(join(r.runnerTemp, 'profile-gate', 'shop-cpu', 'canary'));
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.captures).toHaveLength(2);
      expect(manifest.load).toMatchObject({ kind: 'builtin', rate: 20 });
      for (const c of manifest.captures) {
        expect(readFileSync(join(dir, c.file)).equals(profile)).toBe(true);
      }
      expect(loadRequests).toBeGreaterThan(0);
      expect(fake.requests).toEqual([]);
    } finally {
      await new Promise<void>((r) => service.close(() => r()));
    }
  });

  it('bad inputs fail up front with every problem named', async () => {
    const { fake } = await repoWithBaseline();
    const r = await gateOnPr(fake, SAME, {
      inputs: { confidence: 'high', mode: 'gate', 'load-rate': '5', 'baseline-artifact': 'a/b' },
    });
    expect(r.code).toBe(1);
    const msg = r.annotations.filter((a) => a.level === 'error').pop()!.message;
    expect(msg).toContain('confidence: "high" is not a number');
    expect(msg).toContain('load-rate / load-mix: only used with load-url');
    expect(msg).toContain('baseline-artifact: "a/b" may not contain');
    expect(fake.requests).toEqual([]);
    // never an empty summary
    expect(r.summary).toContain('## :x: profile-gate: error');
    expect(r.summary).toContain('confidence: "high" is not a number');
  });

  it('accept-label: a failing comparison on a pull request that carries the label ends accepted, exit 0', async () => {
    const { fake } = await repoWithBaseline();
    // the event payload carries no labels (as on a re-run after labelling): the API's are used
    fake.labels.set(7, ['needs-review', 'profile-gate:accept']);
    const r = await gateOnPr(fake, SLOWER);

    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('accepted');
    expect(r.outputs.summary).toMatch(
      /^accepted: 1 regression over budget accepted by the label profile-gate:accept on pull request #7: main\.computeDiscount \(\+\d+\.\d+ pp self\)$/,
    );
    // the regressions are still reported, as what was accepted
    const regs = JSON.parse(r.outputs.regressions) as { function: string }[];
    expect(regs.map((x) => x.function)).toContain('main.computeDiscount');
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(
      r.annotations.find(
        (a) => a.title === 'profile-gate: main.computeDiscount regressed (self), accepted',
      )?.level,
    ).toBe('warning');
    expect(r.annotations.find((a) => a.title === 'profile-gate: regression accepted')?.level).toBe(
      'notice',
    );
    // summary and comment: the verdict, the label, the accepted regression
    for (const md of [r.summary, comments(fake, 7)[0].body]) {
      expect(md).toMatch(
        /^(<!-- profile-gate:shop-cpu -->\n)?## :warning: profile-gate: ACCEPTED: 1 regression \(/,
      );
      expect(md).toContain(
        '> **Accepted on purpose:** the label `profile-gate:accept` on pull request #7 accepts this regression; the job passes.',
      );
      expect(md).toMatch(/> - `main\.computeDiscount` \(self \+\d+\.\d+ pp\)/);
    }
    expect(
      fake.requests.filter((q) => q.path === '/repos/octo-org/shop/issues/7/labels'),
    ).toHaveLength(1);

    // without the label the same comparison fails
    fake.labels.set(7, ['needs-review']);
    const again = await gateOnPr(fake, SLOWER);
    expect(again.code).toBe(1);
    expect(again.outputs.verdict).toBe('fail');
  });
});

describe('hardware-aware artifact baselines (bundled Action)', () => {
  const work = mkdtempSync(join(tmpdir(), 'pg-hardware-'));
  const here = runnerFingerprint('go1.19.8');
  const OTHER_CPU = 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz';

  /** A copy of a fixture run whose manifest is edited (the capture files, and their digests, stay). */
  function copyRun(run: string, as: string, edit: (m: Manifest) => void): string {
    const dir = join(work, as);
    cpSync(fixture('captures', run), dir, { recursive: true });
    const p = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(p, 'utf8')) as Manifest;
    edit(m);
    writeFileSync(p, JSON.stringify(m, null, 2));
    return dir;
  }

  // The canary, captured on this runner: the same profiles as base-2 (no function's share
  // moved), but each window served a quarter fewer requests in a quarter less time: the same
  // request rate, a third more CPU per request. Only cost per request can see it.
  const canary = copyRun('base-2', 'canary-here', (m) => {
    m.runner = here;
    for (const c of m.captures) {
      c.requests!.completed = Math.round(c.requests!.completed * 0.75);
      c.durationSeconds = Number((c.durationSeconds * 0.75).toFixed(3));
    }
  });
  const otherCpu = copyRun('base-1', 'baseline-other-cpu', (m) => {
    m.runner = { ...here, cpuModel: OTHER_CPU };
  });
  const sameCpu = copyRun('base-1', 'baseline-same-cpu', (m) => {
    m.runner = here;
  });
  const fast = { bootstrap: '2000' };

  it('a baseline artifact from another CPU: cost per request stays out of the verdict by default (the summary says so); on-hardware-mismatch: fail fails', async () => {
    const { fake } = await repoWithBaseline({ baselineDir: otherCpu });
    const r = await gateOnPr(fake, canary, { inputs: fast });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    const cmp = JSON.parse(readFileSync(join(r.outputs['report-path'], 'comparison.json'), 'utf8'));
    expect(cmp.hardware).toEqual({
      mismatch: `baseline and canary ran on different hardware (CPU ${OTHER_CPU} vs ${here.cpuModel})`,
      onMismatch: 'skip-per-unit',
      perUnitSkipped: true,
    });
    expect(cmp.functions.some((f: { metric: string }) => f.metric === 'per-unit')).toBe(false);
    // markdown text: an @ gets a zero-width space (no mentions from a manifest's CPU model)
    const md = (t: string) => t.replace(/@/g, '@\u200b');
    expect(r.summary).toContain(
      `**Hardware:** baseline and canary ran on different hardware (CPU ${md(OTHER_CPU)} vs ${md(here.cpuModel)}). \`on-hardware-mismatch: skip-per-unit\`: cost per request (absolute CPU time per request) was not checked, since it is not comparable across machines; the shares of each function were.`,
    );
    expect(comments(fake, 7)[0].body).toContain('`on-hardware-mismatch: skip-per-unit`');

    const strict = await gateOnPr(fake, canary, {
      inputs: { ...fast, 'on-hardware-mismatch': 'fail' },
    });
    expect(strict.code).toBe(1);
    expect(strict.outputs.verdict).toBe('fail');
    const errors = strict.annotations.filter((a) => a.level === 'error');
    // the failure message first; with fail, cost per request is checked too (and grew by a
    // third here), then the mismatch itself
    expect(errors.map((a) => a.title)).toEqual([
      undefined, // core.setFailed
      'profile-gate: (total) regressed (per-unit)',
      'profile-gate: different hardware',
    ]);
    expect(errors[2].message).toBe(
      `baseline and canary ran on different hardware (CPU ${OTHER_CPU} vs ${here.cpuModel}), and on-hardware-mismatch is fail`,
    );
    expect(strict.summary).toContain(
      '`on-hardware-mismatch: fail`: the gate fails for that alone (set it to skip-per-unit to compare shares only).',
    );
  });

  it('the same canary against a baseline artifact from this CPU fails on cost per request (what the default skipped)', async () => {
    const { fake } = await repoWithBaseline({ baselineDir: sameCpu });
    const r = await gateOnPr(fake, canary, { inputs: fast });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    const regs = JSON.parse(r.outputs.regressions) as {
      function: string;
      metric: string;
      deltaPp: number;
    }[];
    expect(regs.map((x) => x.metric)).toEqual(['per-unit']);
    // a third more per request: +33%
    expect(regs[0].deltaPp).toBeGreaterThan(25);
    expect(regs[0].deltaPp).toBeLessThan(42);
    expect(r.summary).not.toContain('**Hardware:**');
  });
});
