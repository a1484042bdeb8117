import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from '../src/profile/aggregate.js';
import type { Profile } from '../src/profile/model.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readProfile } from '../src/profile/read.js';
import { diffPprof, encodePprof, mergedPprof } from '../src/report/pprof-writer.js';
import { corpusDir, hasCorpus } from './helpers/corpus.js';
import { cpuScenario, loadProfile, type Scenario } from './helpers/report.js';

const norm = makeNormalizer('on');

function total(p: Profile, t: number): number {
  return p.values[t].reduce((a, b) => a + b, 0);
}

function selfOf(ps: Profile[], name: string): number {
  let s = 0;
  for (const p of ps) {
    const t = aggregate(p, p.defaultSampleType, norm);
    const i = t.names.indexOf(name);
    if (i >= 0) s += t.self[i];
  }
  return s;
}

/** Sum of values of the samples carrying label key=value (or not carrying it when value is null). */
function sumByLabel(p: Profile, key: string, value: string | null): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (let s = 0; s + 1 < p.stackOffsets.length; s++) {
    const set = p.sampleLabelSet ? p.sampleLabelSet[s] : -1;
    const l = set >= 0 ? p.labelSets[set].find((x) => x.key === key) : undefined;
    if (value === null ? !l : l?.str === value) {
      sum += p.values[0][s];
      n++;
    }
  }
  return { sum, n };
}

let sc: Scenario;
beforeAll(() => {
  sc = cpuScenario();
  console.log(`[report-pprof] scenario: ${sc.source}; planted ${sc.planted}`);
});

describe('encodePprof', () => {
  it.skipIf(!hasCorpus)('round-trips every sample type, stack and label through the reader', () => {
    for (const name of [
      'grafana_pyroscope_pkg_pprof_testdata_go.cpu.labels.pprof',
      'grafana_pyroscope_pkg_og_convert_pprof_testdata_heap.pb.gz',
      'grafana_pyroscope_pkg_pprof_testdata_profile_ruby',
    ]) {
      const p = loadProfile(join(corpusDir, 'pprof', name));
      const bytes = encodePprof(p);
      expect(bytes[0]).toBe(0x1f); // gzip
      const q = readProfile(bytes, `${name} (re-encoded)`);
      expect(q.sampleTypes).toEqual(p.sampleTypes);
      expect(q.period).toBe(p.period);
      expect(q.periodType).toEqual(p.periodType);
      expect(q.durationNanos).toBe(p.durationNanos);
      expect(q.defaultSampleType).toBe(p.defaultSampleType);
      for (let t = 0; t < p.sampleTypes.length; t++) {
        const a = aggregate(p, t, norm);
        const b = aggregate(q, t, norm);
        expect(b.total).toBe(a.total);
        const self = (x: typeof a) =>
          Object.fromEntries(
            x.names
              .map((n, i) => [n, [x.self[i], x.cum[i]]])
              .filter(([, v]) => (v as number[])[1] !== 0),
          );
        expect(self(b)).toEqual(self(a));
      }
      // Labels: per key=value, the same value sum.
      const labelSums = (x: Profile) => {
        const m: Record<string, number> = {};
        for (let s = 0; s + 1 < x.stackOffsets.length; s++) {
          const set = x.sampleLabelSet ? x.sampleLabelSet[s] : -1;
          if (set < 0) continue;
          for (const l of x.labelSets[set]) {
            const k = `${l.key}=${l.str ?? l.num}${l.unit ?? ''}`;
            m[k] = (m[k] ?? 0) + x.values[0][s];
          }
        }
        return m;
      };
      expect(labelSums(q)).toEqual(labelSums(p));
    }
  });

  it('writes uncompressed bytes when asked', () => {
    const p = sc.baseline[0];
    const raw = encodePprof(p, { gzip: false });
    expect(raw[0]).not.toBe(0x1f);
    expect(Buffer.from(gunzipSync(encodePprof(p))).equals(Buffer.from(raw))).toBe(true);
  });
});

describe('diffPprof (-diff_base semantics)', () => {
  it('sum of values = canary total - baseline total; baseline samples negated and labelled', () => {
    const bytes = diffPprof(sc.baseline, sc.canary, { type: 'cpu' });
    const d = readProfile(bytes, 'diff.pb.gz');
    const t = sc.baseline[0].defaultSampleType;
    const baseTotal = sc.baseline.reduce((a, p) => a + total(p, t), 0);
    const canTotal = sc.canary.reduce((a, p) => a + total(p, t), 0);
    expect(d.sampleTypes).toEqual([sc.canary[0].sampleTypes[t]]);
    expect(d.periodType).toEqual(sc.canary[0].periodType);
    expect(d.period).toBe(sc.canary[0].period);
    expect(total(d, 0)).toBe(canTotal - baseTotal);
    const based = sumByLabel(d, 'pprof::base', 'true');
    const plain = sumByLabel(d, 'pprof::base', null);
    expect(based.sum).toBe(-baseTotal);
    expect(plain.sum).toBe(canTotal);
    expect(based.n).toBeGreaterThan(0);
    // Every labelled sample is negative, every other positive.
    for (let s = 0; s + 1 < d.stackOffsets.length; s++) {
      const set = d.sampleLabelSet ? d.sampleLabelSet[s] : -1;
      const isBase = set >= 0 && d.labelSets[set].some((l) => l.key === 'pprof::base');
      expect(Math.sign(d.values[0][s])).toBe(isBase ? -1 : 1);
    }
    expect(d.comments.join('\n')).toMatch(/baseline samples negated/);
  });

  it("each function's flat value is its canary self minus its baseline self", () => {
    const d = readProfile(diffPprof(sc.baseline, sc.canary), 'diff.pb.gz');
    const agg = aggregate(d, 0, norm);
    const i = agg.names.indexOf(sc.planted);
    expect(i).toBeGreaterThanOrEqual(0);
    const want = selfOf(sc.canary, sc.planted) - selfOf(sc.baseline, sc.planted);
    expect(agg.self[i]).toBe(want);
    expect(want).toBeGreaterThan(0);
  });

  it('refuses to mix units', () => {
    const p = sc.baseline[0];
    const q: Profile = {
      ...p,
      sampleTypes: [{ type: 'cpu', unit: 'bytes' }, ...p.sampleTypes.slice(1)],
    };
    expect(() => diffPprof([p], [q], { type: 0 })).toThrow(/cannot combine/);
  });
});

describe('mergedPprof', () => {
  it('keeps both sides positive, labelled side= and capture=', () => {
    const names = {
      baseline: sc.baseline.map((_, i) => `b${i}`),
      canary: sc.canary.map((_, i) => `c${i}`),
    };
    const m = readProfile(mergedPprof(sc.baseline, sc.canary, { names }), 'merged.pb.gz');
    const t = sc.baseline[0].defaultSampleType;
    const baseTotal = sc.baseline.reduce((a, p) => a + total(p, t), 0);
    const canTotal = sc.canary.reduce((a, p) => a + total(p, t), 0);
    expect(sumByLabel(m, 'side', 'baseline').sum).toBe(baseTotal);
    expect(sumByLabel(m, 'side', 'canary').sum).toBe(canTotal);
    expect(sumByLabel(m, 'side', null).n).toBe(0);
    expect(sumByLabel(m, 'capture', 'c0').sum).toBe(total(sc.canary[0], t));
  });
});

// ---------------------------------------------------------------------------------------------
// Against the real pprof: `go tool pprof -top -diff_base=BASE CANARY` vs `-top` on our file.

const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasGo)
  console.warn('[skip] `go` not found: go tool pprof comparison of the diff pprof is skipped');

function pprofTop(args: string[], cwd: string): string {
  const r = spawnSync('go', ['tool', 'pprof', '-top', '-nodecount=100000', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`go tool pprof ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The flat and cum columns of the -top row of `fn`. */
function topRow(out: string, fn: string): { flat: string; cum: string } {
  for (const line of out.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length >= 6 && cols.slice(5).join(' ') === fn) return { flat: cols[0], cum: cols[3] };
  }
  throw new Error(`no -top row for ${fn} in:\n${out.slice(0, 2000)}`);
}

function seconds(s: string): number {
  const m = /^(-?[\d.]+)(ns|us|µs|ms|s|min|hrs)?$/.exec(s);
  if (!m) return NaN;
  const k = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, min: 60, hrs: 3600 }[m[2] ?? 's'] ?? 1;
  return Number(m[1]) * k;
}

describe.skipIf(!hasGo)('go tool pprof agrees on the diff', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-diff-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one baseline vs one canary capture: same flat and cum for the planted function', () => {
    const [b] = sc.baselineFiles;
    const [c] = sc.canaryFiles;
    const bp = sc.source.startsWith('fixtures/') ? [loadProfile(b)] : [sc.baseline[0]];
    const cp = sc.source.startsWith('fixtures/') ? [loadProfile(c)] : [sc.canary[0]];
    // Write the exact inputs go tool pprof reads (the corpus fallback's captures are in memory).
    const bf = join(dir, 'base.pb.gz');
    const cf = join(dir, 'canary.pb.gz');
    writeFileSync(bf, encodePprof(bp[0], { normalize: 'off' }));
    writeFileSync(cf, encodePprof(cp[0], { normalize: 'off' }));
    const ours = join(dir, 'diff1.pb.gz');
    writeFileSync(ours, diffPprof(bp, cp));
    const ref = pprofTop(
      [
        `-diff_base=${sc.source.startsWith('fixtures/') ? b : bf}`,
        sc.source.startsWith('fixtures/') ? c : cf,
      ],
      dir,
    );
    const mine = pprofTop([ours], dir);
    const r = topRow(ref, sc.planted);
    const m = topRow(mine, sc.planted);
    console.log(
      `[report-pprof] 1v1 ${sc.planted}: go -diff_base flat ${r.flat} cum ${r.cum}; ours flat ${m.flat} cum ${m.cum}`,
    );
    expect(m.flat).toBe(r.flat);
    expect(m.cum).toBe(r.cum);
    const want = (selfOf(cp, sc.planted) - selfOf(bp, sc.planted)) / 1e9;
    expect(seconds(m.flat)).toBeCloseTo(want, 2);
  });

  it('all captures (sides merged by go tool pprof -proto): same flat for the planted function', () => {
    const bf = join(dir, 'base-all.pb.gz');
    const cf = join(dir, 'canary-all.pb.gz');
    const inputs = (files: string[], ps: Profile[], tag: string) => {
      if (sc.source.startsWith('fixtures/')) return files;
      return ps.map((p, i) => {
        const f = join(dir, `${tag}-${i}.pb.gz`);
        writeFileSync(f, encodePprof(p, { normalize: 'off' }));
        return f;
      });
    };
    for (const [out, files] of [
      [bf, inputs(sc.baselineFiles, sc.baseline, 'b')],
      [cf, inputs(sc.canaryFiles, sc.canary, 'c')],
    ] as const) {
      const r = spawnSync('go', ['tool', 'pprof', '-proto', '-output', out, ...files], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
    }
    const ours = join(dir, 'diff-all.pb.gz');
    writeFileSync(ours, diffPprof(sc.baseline, sc.canary));
    const r = topRow(pprofTop([`-diff_base=${bf}`, cf], dir), sc.planted);
    const m = topRow(pprofTop([ours], dir), sc.planted);
    console.log(
      `[report-pprof] ${sc.baseline.length}v${sc.canary.length} ${sc.planted}: go -diff_base flat ${r.flat}; ours flat ${m.flat}`,
    );
    expect(m.flat).toBe(r.flat);
    expect(m.cum).toBe(r.cum);
    expect(seconds(m.flat)).toBeGreaterThan(0);
  });
});
