/**
 * The gate on real captures of the Go demo service (fixtures/captures, made by
 * fixtures/go-demo/make-captures.sh): A/A and a benign change pass; planted CPU, regexp
 * (spread over library frames) and allocation regressions fail, naming the planted function.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { fixture } from './helpers/corpus.js';

const caps = (run: string) => `fixtures/captures/${run}`;
const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const tmp = () => mkdtempSync(join(tmpdir(), 'pg-compare-'));

describe('compare on real Go captures', () => {
  it('passes A/A (two runs of the same build)', async () => {
    const r = await cli([
      'compare',
      '--baseline',
      caps('base-1'),
      '--canary',
      caps('base-2'),
      '-q',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^profile-gate: PASS: no significant regression over budget \(CPU, 10 baseline vs 10 canary captures/,
    );
  });

  it('passes a benign change and reports the rename as a move', async () => {
    const out = join(tmp(), 'r.json');
    const r = await cli([
      'compare',
      '--baseline',
      caps('base-2'),
      '--canary',
      caps('benign'),
      '--json',
      out,
      '-q',
    ]);
    expect(r.code).toBe(0);
    const j = json(out);
    expect(j.verdict).toBe('pass');
    expect(j.regressions).toEqual([]);
    expect(
      j.functions.find((f: { movedFrom?: string }) => f.movedFrom === 'main.hashOrder'),
    ).toBeTruthy();
  });

  it('fails on the planted CPU regression, naming main.computeDiscount first among functions', async () => {
    const out = join(tmp(), 'r.json');
    const r = await cli([
      'compare',
      '--baseline',
      caps('base-1'),
      '--canary',
      caps('cpu'),
      '--json',
      out,
      '-q',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^profile-gate: FAIL: \d+ regressions? /);
    expect(r.stdout).toMatch(
      /main\.computeDiscount self-CPU grew \d+\.\dpp \(\d+\.\d% -> \d+\.\d%, 95% CI \+\d+\.\d\.\.\+\d+\.\dpp\), over the 5pp budget/,
    );
    const j = json(out);
    expect(j.verdict).toBe('fail');
    const self = j.regressions.find(
      (x: { function: string; metric: string }) =>
        x.function === 'main.computeDiscount' && x.metric === 'self',
    );
    expect(self.deltaPp).toBeGreaterThan(5);
    expect(self.ciLowPp).toBeGreaterThan(0);
    expect(Object.keys(self).slice(0, 9)).toEqual([
      'function',
      'metric',
      'baselineShare',
      'canaryShare',
      'deltaPp',
      'ciLowPp',
      'ciHighPp',
      'ratio',
      'pValue',
    ]);
    expect(self.reason).toMatch(/^main\.computeDiscount self-CPU grew/);
    // every regression is significant and over its budget
    for (const x of j.regressions) {
      expect(x.significant).toBe(true);
      expect(x.overBudget).toBe(true);
    }
    expect(j.settings).toMatchObject({
      budgetPp: 5,
      budgetCumPp: 10,
      confidence: 0.95,
      bootstrap: 10000,
      seed: 1,
    });
  });

  it('fails on a regexp compiled per request through the cumulative budget', async () => {
    const out = join(tmp(), 'r.json');
    const r = await cli([
      'compare',
      '--baseline',
      caps('base-2'),
      '--canary',
      caps('regexp'),
      '--json',
      out,
      '-q',
    ]);
    expect(r.code).toBe(1);
    const j = json(out);
    const cum = j.regressions.find(
      (x: { function: string; metric: string }) =>
        x.function === 'main.validateSKU' && x.metric === 'cum',
    );
    expect(cum).toBeTruthy();
    expect(cum.baselineShare).toBeLessThan(1);
    expect(cum.deltaPp).toBeGreaterThan(10);
    expect(cum.reason).toMatch(
      /^main\.validateSKU cum-CPU grew \d+\.\dpp \(0\.\d% -> \d+\.\d%, 95% CI .*\), over the 10pp budget$/,
    );
    // no single function's self share carries the regression over the 5pp self budget
    expect(j.regressions.filter((x: { metric: string }) => x.metric === 'self')).toEqual([]);
    // one cause, named by the caller that was there before (the regexp calls are new)
    expect(j.causes.map((x: { function: string; kind: string }) => [x.function, x.kind])).toEqual([
      ['main.validateSKU', 'spread'],
    ]);
    // the regexp canary could not keep up with the offered load (its achieved rate fell 28%):
    // cost per request compares two processes under different loads, so it is not checked
    expect(j.functions.some((x: { metric: string }) => x.metric === 'per-unit')).toBe(false);
    expect(j.warnings.join('\n')).toMatch(
      /served different request rates \(baseline \d+\/s, canary \d+\/s\): cost per request is not checked/,
    );
  });

  it.skipIf(!existsSync(fixture('captures', 'alloc')))(
    'fails on the planted allocation regression with --type alloc_space',
    async () => {
      const out = join(tmp(), 'r.json');
      const r = await cli([
        'compare',
        '--baseline',
        caps('alloc-base-1'),
        '--canary',
        caps('alloc'),
        '--type',
        'alloc_space',
        '--json',
        out,
        '-q',
      ]);
      expect(r.code).toBe(1);
      const j = json(out);
      expect(j.type).toEqual({ type: 'alloc_space', unit: 'bytes' });
      const br = j.regressions.find(
        (x: { function: string; metric: string }) =>
          x.function === 'main.buildReceipt' && x.metric === 'self',
      );
      expect(br.reason).toMatch(
        /^main\.buildReceipt self-alloc-space grew \d+\.\dpp .*over the 5pp budget$/,
      );
      expect(j.regressions.map((x: { function: string }) => x.function)).toContain(
        'main.buildReceipt',
      );
      const aa = await cli([
        'compare',
        '--baseline',
        caps('alloc-base-1'),
        '--canary',
        caps('alloc-base-2'),
        '--type',
        'alloc_space',
        '-q',
      ]);
      expect(aa.code).toBe(0);
    },
  );

  it('is reproducible: the same input and seed give byte-identical JSON', async () => {
    const d = tmp();
    const args = [
      'compare',
      '--baseline',
      caps('base-1'),
      '--canary',
      caps('cpu'),
      '--seed',
      '7',
      '--bootstrap',
      '3000',
      '-q',
    ];
    await cli([...args, '--json', join(d, 'a.json')]);
    await cli([...args, '--json', join(d, 'b.json')]);
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe(readFileSync(join(d, 'b.json'), 'utf8'));
  });

  it('writes markdown and honours a config file', async () => {
    const d = tmp();
    writeFileSync(
      join(d, 'gate.yml'),
      'functions:\n  - match: "main.compute*"\n    ignore: true\n',
    );
    const md = join(d, 'r.md');
    const r = await cli([
      'compare',
      '--baseline',
      caps('base-1'),
      '--canary',
      caps('cpu'),
      '--config',
      join(d, 'gate.yml'),
      '--markdown',
      md,
      '--json',
      join(d, 'r.json'),
      '--budget-per-unit-pct',
      '50',
      '-q',
    ]);
    expect(r.code).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^## :white_check_mark: profile-gate: PASS/);
    expect(text).toMatch(/config .*gate\.yml/);
    const ignored = json(join(d, 'r.json')).functions.filter(
      (f: { status: string }) => f.status === 'ignored',
    );
    expect(ignored.map((f: { function: string }) => f.function)).toContain('main.computeDiscount');
  });
});

describe('compare: bad input and usage give exit 2 with a clear message', () => {
  it('missing options', async () => {
    const r = await cli(['compare', '--baseline', caps('base-1')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--canary \(or --canary-source\) is required/);
  });
  it('a path that does not exist', async () => {
    const r = await cli(['compare', '--baseline', 'nope/', '--canary', caps('cpu')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\/: no such file or directory/);
  });
  it('a sample type the files do not have lists the ones they have', async () => {
    const r = await cli([
      'compare',
      '--baseline',
      caps('base-1'),
      '--canary',
      caps('cpu'),
      '--type',
      'alloc_space',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /has no sample type "alloc_space"; it has: samples \(count\), cpu \(nanoseconds\)/,
    );
  });
  it('a corrupt capture names the file', async () => {
    const d = tmp();
    writeFileSync(join(d, 'bad.pb.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    const r = await cli(['compare', '--baseline', caps('base-1'), '--canary', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.pb\.gz: corrupt or truncated gzip data/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('bad numbers and unknown options', async () => {
    expect(
      (await cli(['compare', '--baseline', 'a', '--canary', 'b', '--confidence', '1.5'])).stderr,
    ).toMatch(/--confidence: 1\.5 is out of range \(expected a number > 0\.5 and < 1/);
    expect((await cli(['compare', '--bogus'])).stderr).toMatch(/unknown option --bogus/);
    expect(
      (
        await cli([
          'compare',
          '--baseline',
          caps('base-1'),
          '--canary',
          caps('cpu'),
          '--budget-pp',
          'x',
        ])
      ).stderr,
    ).toMatch(/--budget-pp needs a number/);
  });
});

describe('calibrate', () => {
  it('suggests budgets from known-good runs', async () => {
    const r = await cli([
      'calibrate',
      '--runs',
      caps('base-1'),
      caps('base-2'),
      caps('base-3'),
      '--bootstrap',
      '1000',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 known-good runs, 6 ordered pairs, cpu/);
    expect(r.stdout).toMatch(/false alarms on 0% of pairs/);
    expect(r.stdout).toMatch(/--budget-pp \d+(\.5)? --budget-cum-pp \d+(\.5)?/);
  });
});
