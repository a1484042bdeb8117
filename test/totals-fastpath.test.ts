/**
 * The totals fast path (readTotals: pprof aggregated while decoding, no stacks) gives exactly
 * what the full model gives through aggregate(), for every sample type of every real profile,
 * with the frames the normalizer folds folded on both paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate, type FunctionTotals } from '../src/profile/aggregate.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readProfile, readTotals } from '../src/profile/read.js';
import { corpusBytes, corpusFiles, fixture } from './helpers/corpus.js';

const LEGACY = /google_pprof_profile_testdata_/;
const files: [string, () => Uint8Array][] = [
  ...corpusFiles('pprof')
    .filter((f) => !LEGACY.test(f))
    .map((f): [string, () => Uint8Array] => [f, () => corpusBytes('pprof', f)]),
  ...['base-1', 'alloc-base-1', 'blockmutex-block'].map((run): [string, () => Uint8Array] => {
    const dir = fixture('captures', run);
    const f = readdirSync(dir).find((x) => x.endsWith('.pb.gz'))!;
    return [`${run}/${f}`, () => new Uint8Array(readFileSync(join(dir, f)))];
  }),
  [
    'node-busy.cpuprofile',
    () => new Uint8Array(readFileSync(fixture('profiles', 'node-busy.cpuprofile'))),
  ],
];

describe('readTotals equals aggregate(readProfile)', () => {
  for (const [name, bytes] of files) {
    it(name, () => {
      for (const spec of ['on', 'off']) {
        const norm = makeNormalizer(spec);
        const fast = readTotals(bytes(), name, norm);
        // the full model folds what the normalizer folds (go-preempt), as the loader asks it to
        const p = readProfile(bytes(), name, { fold: norm.fold });
        expect(fast.sampleTypes).toEqual(p.sampleTypes);
        expect(fast.defaultSampleType).toBe(p.defaultSampleType);
        p.sampleTypes.forEach((_, k) => {
          const slow = aggregate(p, k, norm);
          const f = fast.totals[k];
          expect(f.total).toBe(slow.total);
          const asMap = (t: typeof f) => {
            const m: Record<string, [number, number]> = {};
            t.names.forEach((n, i) => {
              if (t.self[i] || t.cum[i]) m[n] = [t.self[i], t.cum[i]];
            });
            return m;
          };
          expect(asMap(f)).toEqual(asMap(slow));
        });
      }
    });
  }
});

describe('go-preempt: runtime.asyncPreempt folded into the interrupted function', () => {
  const file = fixture('captures', 'base-1', 'cpu-01.pb.gz');
  const bytes = new Uint8Array(readFileSync(file));
  const read = (rules: string) => {
    const norm = makeNormalizer(rules);
    const t = readTotals(bytes, 'cpu-01.pb.gz', norm);
    const full = aggregate(readProfile(bytes, 'cpu-01.pb.gz', { fold: norm.fold }), 1, norm);
    return { fast: t.totals[1], full };
  };
  it('moves its cost to the caller, the same on the fast and the full path, total unchanged', () => {
    const on = read('on');
    const off = read('-go-preempt');
    const self = (t: FunctionTotals, n: string) => {
      const i = t.names.indexOf(n);
      return i < 0 ? 0 : t.self[i];
    };
    const preempt = self(off.fast, 'runtime.asyncPreempt');
    expect(preempt).toBeGreaterThan(0);
    expect(self(on.fast, 'runtime.asyncPreempt')).toBe(0);
    expect(on.fast.total).toBe(off.fast.total);
    // every sample keeps its value: the self values still sum to the total
    expect(on.fast.self.reduce((a, b) => a + b, 0)).toBe(on.fast.total);
    // the callers it interrupted gained exactly what it lost
    const gained = on.fast.names.reduce(
      (s, n, i) => s + Math.max(0, on.fast.self[i] - self(off.fast, n)),
      0,
    );
    expect(gained).toBe(preempt);
    for (const [i, n] of on.fast.names.entries()) {
      expect(self(on.full, n)).toBe(on.fast.self[i]);
    }
  });
});
