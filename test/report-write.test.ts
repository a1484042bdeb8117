import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProfile } from '../src/profile/read.js';
import { writeReports } from '../src/report/write-reports.js';
import { writeFileAtomic } from '../src/util/fs.js';
import { cpuScenarioRun, type ScenarioRun } from './helpers/report.js';

let dir = '';
let sc: ScenarioRun;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-reports-'));
  sc = await cpuScenarioRun();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReports', () => {
  it('writes every report asked for, atomically, and says what it wrote', () => {
    const paths = {
      html: join(dir, 'out', 'flame.html'),
      svg: join(dir, 'out', 'flame.svg'),
      diffPprof: join(dir, 'out', 'diff.pb.gz'),
      mergedPprof: join(dir, 'out', 'merged.pb.gz'),
    };
    const written = writeReports(sc.run, paths, { title: 'demo', subtitle: sc.source });
    expect(written.map((w) => w.kind)).toEqual(['html', 'svg', 'diffPprof', 'mergedPprof']);
    for (const w of written) {
      expect(w.path).toBe(paths[w.kind]);
      expect(statSync(w.path).size).toBe(w.bytes);
      expect(w.bytes).toBeGreaterThan(1000);
    }
    // No temporary files left behind.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'diff.pb.gz',
      'flame.html',
      'flame.svg',
      'merged.pb.gz',
    ]);
    const html = readFileSync(paths.html, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>demo: ');
    expect(readFileSync(paths.svg, 'utf8')).toContain(sc.planted);
    const diff = readProfile(new Uint8Array(readFileSync(paths.diffPprof)), 'diff');
    expect(diff.sampleTypes[0]).toEqual(sc.run.comparison.type);
    const merged = readProfile(new Uint8Array(readFileSync(paths.mergedPprof)), 'merged');
    const names = new Set(
      merged.labelSets
        .flat()
        .filter((l) => l.key === 'capture')
        .map((l) => l.str),
    );
    expect(names).toEqual(new Set([...sc.run.baseline, ...sc.run.canary].map((c) => c.name)));
  });

  it('writes only what is asked for', () => {
    const p = join(dir, 'only.svg');
    expect(writeReports(sc.run, { svg: p }).map((w) => w.kind)).toEqual(['svg']);
    expect(writeReports(sc.run, {})).toEqual([]);
  });

  it('leaves no temporary file when a write fails, and keeps the old file on failure', () => {
    const target = join(dir, 'is-a-dir');
    mkdirSync(join(target, 'child'), { recursive: true });
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('needs the decoded profiles', () => {
    const run = { ...sc.run, canary: sc.run.canary.map((c) => ({ ...c, profile: undefined })) };
    expect(() => writeReports(run, { html: join(dir, 'x.html') })).toThrow(/no decoded profile/);
  });
});
