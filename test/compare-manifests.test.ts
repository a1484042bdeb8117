/**
 * What the manifests tell `compare` (through the CLI, on the real Go captures): a calibration
 * file adds run-to-run drift between separate runs but not within one interleaved run; an
 * incomplete set gives no verdict; other hardware keeps cost per request out of the verdict.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { fixture } from './helpers/corpus.js';

const work = mkdtempSync(join(tmpdir(), 'pg-manifests-'));
function copyRun(run: string, as: string, edit?: (m: Record<string, unknown>) => void): string {
  const dir = join(work, as);
  cpSync(fixture('captures', run), dir, { recursive: true });
  if (edit) {
    const p = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(p, 'utf8'));
    edit(m);
    writeFileSync(p, JSON.stringify(m));
  }
  return dir;
}
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('compare reads what the manifests say', () => {
  it('calibrate --out, then compare --calibration: drift between runs, none within one run', async () => {
    const cal = join(work, 'cal.json');
    const runs = ['base-1', 'base-2', 'base-3', 'base-4'].map((r) => fixture('captures', r));
    const c = await cli(['calibrate', '--runs', ...runs, '--out', cal, '--bootstrap', '200']);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/Run-to-run drift \(4 runs\)/);
    expect(c.stdout).toMatch(/Captures needed to see self growth of 5pp/);
    const model = json(cal);
    expect(model).toMatchObject({ format: 'profile-gate-calibration', version: 1, runs: 4 });
    expect(model.functions['main.riskScore'].self.sigmaPp).toBeGreaterThan(0);

    const out = join(work, 'seq.json');
    const r = await cli([
      'compare',
      '--baseline',
      runs[0],
      '--canary',
      runs[1],
      '--calibration',
      cal,
      '--bootstrap',
      '500',
      '--json',
      out,
      '-q',
    ]);
    expect(r.code).toBe(0);
    const seq = json(out);
    expect(seq.drift).toMatchObject({ modelled: true, calibration: cal });
    const risk = seq.functions.find(
      (f: { function: string; metric: string }) =>
        f.function === 'main.riskScore' && f.metric === 'self',
    );
    expect(risk.driftPp).toBeGreaterThan(0);

    // the two sides of one interleaved run: the same calibration adds nothing
    const run = { id: 'abc123', interleaved: true };
    const b = copyRun('base-1', 'ab-base', (m) => (m.run = run));
    const k = copyRun('base-2', 'ab-canary', (m) => (m.run = run));
    const out2 = join(work, 'ab.json');
    await cli([
      'compare',
      '--baseline',
      b,
      '--canary',
      k,
      '--calibration',
      cal,
      '--bootstrap',
      '500',
      '--json',
      out2,
      '-q',
    ]);
    const ab = json(out2);
    expect(ab.drift.modelled).toBe(false);
    expect(ab.drift.reason).toMatch(/^same run \(interleaved A\/B\)/);
    expect(ab.functions.every((f: { driftPp: number }) => f.driftPp === 0)).toBe(true);

    // a calibration of another sample type is refused, naming the file
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...model, sampleType: 'alloc_space' }));
    const e = await cli([
      'compare',
      '--baseline',
      runs[0],
      '--canary',
      runs[1],
      '--calibration',
      bad,
    ]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/calibration file .*bad\.json was made for sample type alloc_space/);
  });

  it('an incomplete set gives no verdict (exit 3), with the reason', async () => {
    const k = copyRun('base-2', 'incomplete', (m) => {
      m.incomplete = { reason: 'interrupted', requestedCaptures: 20 };
    });
    const out = join(work, 'inc.json');
    const r = await cli([
      'compare',
      '--baseline',
      fixture('captures', 'base-1'),
      '--canary',
      k,
      '--bootstrap',
      '500',
      '--json',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^profile-gate: INCONCLUSIVE: no verdict could be reached/);
    expect(json(out).inconclusive).toEqual([
      'the canary set is incomplete (10 of 20 captures: interrupted)',
    ]);
  });

  it('other hardware: cost per request leaves the verdict by default; fail fails', async () => {
    const k = copyRun('base-2', 'other-hw', (m) => {
      (m.runner as Record<string, unknown>).cpuModel = 'Some Other CPU @ 2.0GHz';
    });
    const out = join(work, 'hw.json');
    const base = fixture('captures', 'base-1');
    const r = await cli([
      'compare',
      '--baseline',
      base,
      '--canary',
      k,
      '--bootstrap',
      '500',
      '--json',
      out,
      '-q',
    ]);
    expect(r.code).toBe(0);
    const j = json(out);
    expect(j.functions.some((f: { metric: string }) => f.metric === 'per-unit')).toBe(false);
    expect(j.warnings.join('\n')).toMatch(
      /ran on different hardware \(CPU .* vs Some Other CPU @ 2\.0GHz\): cost per request is not checked/,
    );
    // same hardware: the cost-per-request row is there
    const out2 = join(work, 'hw2.json');
    await cli([
      'compare',
      '--baseline',
      base,
      '--canary',
      fixture('captures', 'base-2'),
      '--bootstrap',
      '500',
      '--json',
      out2,
      '-q',
    ]);
    expect(json(out2).functions.some((f: { metric: string }) => f.metric === 'per-unit')).toBe(
      true,
    );
    const f = await cli([
      'compare',
      '--baseline',
      base,
      '--canary',
      k,
      '--bootstrap',
      '500',
      '--on-hardware-mismatch',
      'fail',
    ]);
    expect(f.code).toBe(1);
    expect(f.stdout).toMatch(/different hardware .*on-hardware-mismatch is fail/);
  });
});

describe('sets of another kind', () => {
  it('a block set against a mutex set is an error, not a verdict (their sample types share names)', async () => {
    const r = await cli([
      'compare',
      '--baseline',
      fixture('captures', 'blockmutex-block'),
      '--canary',
      fixture('captures', 'blockmutex-mutex'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /not comparable: the baseline is a block profile and the canary a mutex profile/,
    );
  });
});
