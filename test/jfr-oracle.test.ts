/**
 * Oracle test: profile-gate's JFR reader + aggregation must give exactly the per-function self
 * and cum values of the JDK's own reader, `jfr print --json` folded independently
 * (test/helpers/jfr-oracle.ts), for every sample type the reader offers, on every committed
 * recording: the Java demo's (fixtures/java-demo/make-jfr.sh) and public ones from other
 * producers (fixtures/jfr-public: async-profiler, Datadog).
 *
 * The JDK's folds are committed (fixtures/jfr-expected, by scripts/jfr-expected.ts), so the
 * comparison runs without a JDK; where `jfr` and `java` are installed, the committed folds are
 * also checked against a fresh fold. Skipped with a visible message otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate, selectSampleType } from '../src/profile/aggregate.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readProfile, readTotals } from '../src/profile/read.js';
import {
  expectedPath,
  hasJfrTool,
  jdkFold,
  JFR_RECORDINGS,
  type FoldedType,
} from './helpers/jfr-oracle.js';

const jdk = hasJfrTool();
if (!jdk) {
  console.warn(
    '[skip] `jfr`/`java` (a JDK) not on PATH: test/jfr-oracle.test.ts compares with the committed JDK folds only, not fresh ones',
  );
}

interface Expected {
  recording: string;
  types: FoldedType[];
}

const off = makeNormalizer('off');
const compared = { recordings: 0, types: 0, rows: 0 };

function nonzero(fns: Record<string, [number, number]>): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [n, [s, c]] of Object.entries(fns)) if (s !== 0 || c !== 0) out[n] = [s, c];
  return out;
}

/** The reader's fold in the oracle's shape. */
function readerFold(bytes: Uint8Array, file: string): FoldedType[] {
  const p = readProfile(bytes, file);
  return p.sampleTypes.map((t, k) => {
    const a = aggregate(p, k, off);
    const functions: Record<string, [number, number]> = {};
    a.names.forEach((n, i) => (functions[n] = [a.self[i], a.cum[i]]));
    return { type: t.type, unit: t.unit, total: a.total, functions: nonzero(functions) };
  });
}

describe.each(JFR_RECORDINGS)('%s', (rec) => {
  const bytes = new Uint8Array(readFileSync(rec));
  const expected = JSON.parse(readFileSync(expectedPath(rec), 'utf8')) as Expected;

  it('the reader gives exactly the JDK fold: same sample types, totals, self and cum per function', () => {
    const got = readerFold(bytes, rec);
    expect(got.map((t) => `${t.type} (${t.unit})`)).toEqual(
      expected.types.map((t) => `${t.type} (${t.unit})`),
    );
    expect(got.length).toBeGreaterThan(0);
    for (const [k, want] of expected.types.entries()) {
      expect(got[k].total, `${want.type} total`).toBe(want.total);
      expect(want.total).toBeGreaterThan(0);
      expect(got[k].functions, `${want.type} functions`).toEqual(nonzero(want.functions));
      compared.types++;
      compared.rows += Object.keys(want.functions).length;
    }
    compared.recordings++;
  });

  it('readTotals (the compare path) gives the same totals', () => {
    const t = readTotals(bytes, rec, off);
    expect(t.format).toBe('jfr');
    for (const want of expected.types) {
      const k = selectSampleType(t, want.type, rec);
      const a = t.totals[k];
      const fns: Record<string, [number, number]> = {};
      a.names.forEach((n, i) => (fns[n] = [a.self[i], a.cum[i]]));
      expect(a.total).toBe(want.total);
      expect(nonzero(fns)).toEqual(nonzero(want.functions));
    }
  });

  it.skipIf(!jdk)(
    'the committed fold is what `jfr print --json` gives now',
    () => {
      expect(existsSync(expectedPath(rec))).toBe(true);
      const fresh = jdkFold(bytes);
      expect(fresh.map((t) => t.type)).toEqual(expected.types.map((t) => t.type));
      for (const [k, t] of fresh.entries()) {
        expect(t.unit).toBe(expected.types[k].unit);
        expect(t.total).toBe(expected.types[k].total);
        expect(nonzero(t.functions)).toEqual(nonzero(expected.types[k].functions));
      }
    },
    300_000,
  );
});

afterAll(() => {
  console.log(
    `jfr oracle: ${compared.recordings} recordings, ${compared.types} sample types, ${compared.rows} function rows equal to the JDK's fold`,
  );
});
