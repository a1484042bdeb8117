import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/profile/aggregate.js';
import { ProfileError } from '../src/profile/errors.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readProfile } from '../src/profile/read.js';
import { corpusBytes, corpusDir, corpusFiles, hasCorpus } from './helpers/corpus.js';

interface Expected {
  type: string;
  unit: string;
  total: number;
  functions: Record<string, [number, number]>;
}

/** Factor from the profile's own unit to the unit pprof printed the reference in. */
function factor(unit: string, refUnit: string): number {
  if (refUnit === 'ns') {
    return { nanoseconds: 1, microseconds: 1e3, milliseconds: 1e6, seconds: 1e9 }[unit] ?? NaN;
  }
  return 1;
}

const LEGACY = /google_pprof_profile_testdata_/;

describe.skipIf(!hasCorpus)('pprof corpus matches go tool pprof', () => {
  for (const name of corpusFiles('pprof')) {
    it(name, () => {
      const bytes = corpusBytes('pprof', name);
      if (LEGACY.test(name)) {
        // SOURCES.md allows rejecting the pre-protobuf formats with a clear error.
        expect(() => readProfile(bytes, name)).toThrowError(/legacy .*pprof format/);
        return;
      }
      const exp = JSON.parse(
        readFileSync(join(corpusDir, 'expected', `${name}.json`), 'utf8'),
      ) as Expected;
      const p = readProfile(bytes, name);
      const t = p.defaultSampleType;
      expect(p.sampleTypes[t].type).toBe(exp.type);
      const tot = aggregate(p, t, makeNormalizer('addresses'));
      const f = factor(tot.type.unit, exp.unit);
      expect(tot.total * f).toBeCloseTo(exp.total, 0);
      const got: Record<string, [number, number]> = {};
      tot.names.forEach((n, i) => {
        if (tot.self[i] !== 0 || tot.cum[i] !== 0)
          got[n] = [Math.round(tot.self[i] * f), Math.round(tot.cum[i] * f)];
      });
      const want: Record<string, [number, number]> = {};
      for (const [n, v] of Object.entries(exp.functions)) if (v[0] !== 0 || v[1] !== 0) want[n] = v;
      expect(got).toEqual(want);
    });
  }
});

describe('bad pprof input is a typed error', () => {
  it('errors are ProfileErrors', () => {
    expect(() => readProfile(new Uint8Array([0x0a, 0x05, 0x08]), 'x.pb')).toThrow(ProfileError);
  });
});
