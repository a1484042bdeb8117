/**
 * The totals fast path (readTotals: pprof aggregated while decoding, no stacks) gives exactly
 * what the full model gives through aggregate(), for every sample type of every real profile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/profile/aggregate.js';
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
        const p = readProfile(bytes(), name);
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
