/**
 * Issue 16 through the bundled Action (dist/index.js) under Node 24, as the runner runs it,
 * against the fake GitHub: a canary whose function names try to inject workflow commands and
 * markup, a baseline artifact that was tampered with, one that unpacks past the size limit, a
 * canary that is a decode bomb.
 *
 * The Action writes commands of its own on stdout (add-mask, its annotations): every command
 * line must be one of those (`::name` at the start of the line, no `file=`), there must be as
 * many of each as with harmless names of the same lengths, and the job summary and the PR
 * comment must render (cmark-gfm) with the structure they have with harmless names.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { harmlessTwins, HOSTILE_NAMES, pprofInlineBomb } from '../scripts/fuzz/hostile.js';
import { fixture } from './helpers/corpus.js';
import { FakeGitHub } from './helpers/fake-github.js';
import {
  hasCmark,
  markdownStructure,
  nameSets,
  sharedToolCommandLines,
  terminalControls,
  workflowCommandLines,
} from './helpers/hostile.js';
import { ensureNode24, type NodeBinary } from './helpers/node24.js';
import { runBundledAction, type ActionRun } from './helpers/run-action.js';
import { makeZip } from './helpers/zip.js';

const WORKFLOW = 'profile-gate.yml';
const TOKEN = 'ghs_fakeInstallationToken0123456789abcdef';
const ARTIFACT = 'profile-gate-shop-cpu';

let node: NodeBinary;
const servers: FakeGitHub[] = [];
beforeAll(() => {
  node = ensureNode24();
}, 180_000);
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function fakeRepo(baseline?: Buffer): Promise<FakeGitHub> {
  const fake = await new FakeGitHub('octo-org/shop').start();
  servers.push(fake);
  fake.addToken(TOKEN);
  if (baseline) {
    const run = fake.addRun({ workflow: WORKFLOW, created_at: '2026-02-01T00:00:00Z' });
    fake.addArtifact(run.id, ARTIFACT, baseline);
  }
  return fake;
}

async function gate(fake: FakeGitHub, inputs: Record<string, string>): Promise<ActionRun> {
  const sha = 'a'.repeat(40);
  const run = fake.addPullRequestRun(WORKFLOW, sha);
  const repository = { full_name: 'octo-org/shop', default_branch: 'main' };
  return runBundledAction({
    node: node.path,
    fake,
    run,
    token: TOKEN,
    inputs: { service: 'shop', seed: '1', 'upload-report': 'false', ...inputs },
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        head: { sha, ref: 'feature', repo: { full_name: 'octo-org/shop' } },
        base: { ref: 'main', repo: repository },
      },
      repository,
    },
    ref: 'refs/pull/7/merge',
    sha: 'b'.repeat(40),
    workflowFile: WORKFLOW,
  });
}

/** The command lines of the Action's stdout, each reduced to its kind ("error title", "add-mask"). */
function commandKinds(r: ActionRun): string[] {
  return workflowCommandLines(r.stdout).map((l) => {
    expect(l, 'a command the Action writes itself').toMatch(
      /^::(add-mask|debug|error|warning|notice)( title=[^:,]*)?::/,
    );
    return /^::([a-z-]+)( title)?/.exec(l)![0];
  });
}

describe('bundled Action under Node 24: hostile inputs (issue 16)', () => {
  it("hostile names: only the Action's own commands, summary and comment structured as with harmless names", async () => {
    const runs: ActionRun[] = [];
    const bodies: string[] = [];
    for (const names of [HOSTILE_NAMES, harmlessTwins(HOSTILE_NAMES)]) {
      const fake = await fakeRepo();
      const s = nameSets(names);
      const r = await gate(fake, {
        'baseline-path': s.baseline,
        'canary-path': s.canary,
        'budget-pp': '0.5',
      });
      expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(1);
      expect(r.outputs.verdict).toBe('fail');
      runs.push(r);
      bodies.push(fake.comments.find((c) => c.issue === 7)?.body ?? '');
    }
    const [hostile, harmless] = runs;

    // stdout: the Action's own commands only, as many of each kind as with harmless names
    expect(commandKinds(hostile)).toEqual(commandKinds(harmless));
    // (the names appear as data in annotation messages; no line is another command)
    expect(
      workflowCommandLines(hostile.stdout).filter(
        (l) => !/^::(add-mask|debug|error|warning|notice)( title=[^:,]*)?::/.test(l),
      ),
    ).toEqual([]);
    expect(workflowCommandLines(hostile.stderr)).toEqual([]);
    expect(terminalControls(hostile.stdout + hostile.stderr)).toEqual([]);
    const shared = sharedToolCommandLines([hostile.stdout, hostile.stderr]);
    if (shared === undefined)
      console.warn('[skip] ../shared/tools/workflow-commands.mjs is absent');
    else {
      expect(shared.length).toBe(workflowCommandLines(hostile.stdout).length);
      for (const l of shared)
        expect(l).toMatch(/^\[v2 (add-mask|debug|error|warning|notice)\] "::/);
    }
    // one error annotation per cause, titled with the (defused) name
    expect(hostile.annotations.filter((a) => a.level === 'error').length).toBe(
      harmless.annotations.filter((a) => a.level === 'error').length,
    );
    // GitHub shows 10 error annotations of a step: the failure, 8 causes, "N more"
    const errorTitles = hostile.annotations.filter((a) => a.level === 'error').map((a) => a.title);
    expect(errorTitles).toHaveLength(10);
    expect(errorTitles[0]).toBeUndefined();
    expect(errorTitles).toContain('profile-gate:   :\u200b:add-mask::FAIL regressed (self)');
    expect(errorTitles[9]).toMatch(/^profile-gate: \d+ more regressions$/);

    // outputs: the summary line is safe; the regressions JSON keeps full names, echoes safely
    expect(workflowCommandLines(hostile.outputs.summary)).toEqual([]);
    expect(terminalControls(hostile.outputs.summary)).toEqual([]);
    expect(workflowCommandLines(hostile.outputs.regressions)).toEqual([]);
    const regs = JSON.parse(hostile.outputs.regressions) as { function: string }[];
    expect(regs.map((x) => x.function)).toContain('w ##[error]v1 command');
    expect(regs.map((x) => x.function)).toContain(HOSTILE_NAMES.find((n) => n.length > 1e5));

    // the job summary and the PR comment render with the same structure
    expect(hostile.summary.length).toBeLessThan(100_000);
    expect(bodies[0].length).toBeGreaterThan(1000);
    if (!hasCmark)
      return console.warn('[skip] cmark-gfm not found: markdown structure not checked');
    expect(markdownStructure(hostile.summary)).toBe(markdownStructure(harmless.summary));
    expect(markdownStructure(bodies[0])).toBe(markdownStructure(bodies[1]));
  }, 240_000);

  it('a tampered baseline artifact: the gate fails with an error naming the file', async () => {
    const base = fixture('captures', 'base-1');
    const files = readdirSync(base).sort();
    const zip = makeZip(
      files.map((name) => {
        const data = new Uint8Array(readFileSync(join(base, name)));
        if (name === 'cpu-03.pb.gz') data[data.length - 5] ^= 0xff;
        return { name, data };
      }),
    );
    const fake = await fakeRepo(zip);
    const r = await gate(fake, { 'canary-path': fixture('captures', 'cpu') });
    expect(r.code).toBe(1);
    const failed = r.annotations.filter((a) => a.level === 'error').pop()!;
    expect(failed.message).toMatch(
      /cpu-03\.pb\.gz: sha256 [0-9a-f]{64} does not match [0-9a-f]{64} in its manifest\.json/,
    );
    expect(r.outputs.verdict).toBeUndefined();
  }, 120_000);

  it('a baseline artifact that unpacks past max-input-mb, or holds a path, is refused', async () => {
    const base = fixture('captures', 'base-1');
    const entries = readdirSync(base).map((name) => ({
      name,
      data: new Uint8Array(readFileSync(join(base, name))),
    }));
    const big = makeZip([...entries, { name: 'zeros.bin', data: new Uint8Array(3 << 20) }]);
    expect(big.length).toBeLessThan(1 << 20);
    let r = await gate(await fakeRepo(big), {
      'canary-path': fixture('captures', 'cpu'),
      'max-input-mb': '2',
    });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').pop()!.message).toMatch(
      /baseline artifact: its files unpack to \d+ bytes, more than 2097152 \(raise it with max-input-mb\)/,
    );
    const traversal = makeZip([...entries, { name: '../escape.txt', data: new Uint8Array(3) }]);
    r = await gate(await fakeRepo(traversal), { 'canary-path': fixture('captures', 'cpu') });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').pop()!.message).toMatch(
      /holds "\.\.\/escape\.txt": only plain file names/,
    );
  }, 120_000);

  it('a canary that is a decode bomb: the step fails naming the limit and its input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-action-bomb-'));
    mkdirSync(join(dir, 'canary'));
    for (let i = 1; i <= 3; i++) {
      writeFileSync(
        join(dir, 'canary', `${i}.pb.gz`),
        pprofInlineBomb({ lines: 1000, repeat: 1000, samples: 4 }),
      );
    }
    cpSync(fixture('captures', 'base-1'), join(dir, 'baseline'), { recursive: true });
    const r = await gate(await fakeRepo(), {
      'baseline-path': join(dir, 'baseline'),
      'canary-path': join(dir, 'canary'),
    });
    expect(r.code).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').pop()!.message).toMatch(
      /1\.pb\.gz: a stack has 1,000,001 frames, more than 8,192 \(the limit; raise it with --max-stack-depth, in the Action max-stack-depth/,
    );
  }, 120_000);
});
