/**
 * Fuzzing readProfile (fast-check): random bytes, mutations of every corpus file and fixture
 * (JFR recordings also on their own),
 * and random speedscope / cpuprofile JSON, folded text and perf script text. Every input must
 * give a consistent Profile or a ProfileError (see scripts/fuzz/targets.ts).
 *
 * These runs are short (about 20 s in all); `npm run fuzz -- --runs 200000` runs the same
 * targets much longer. FUZZ_RUNS scales the runs here, FUZZ_SEED replays a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProfile } from '../src/profile/read.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readPprof, readPprofTotals, type ProfileTotals } from '../src/profile/pprof/read.js';
import { aggregate } from '../src/profile/aggregate.js';
import {
  checkProfile,
  fixtureCaptureSeeds,
  fuzzTargets,
  loadSeeds,
  pprofSeeds,
  readAndCheck,
} from '../scripts/fuzz/targets.js';
import { lfield, sfield, vfield } from '../scripts/fuzz/pprof-bytes.js';
import { reencodedPprof } from '../scripts/fuzz/pprof-reencode.js';
import { hasCorpus } from '../scripts/fuzz/paths.js';

const seeds = loadSeeds();
const base = Number(process.env.FUZZ_RUNS ?? 2000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe('fuzz: readProfile returns a consistent Profile or throws a ProfileError', () => {
  it('every seed itself reads or is rejected cleanly', () => {
    for (const s of seeds) expect(readAndCheck(s.bytes, s.name)).toMatch(/^(ok|rejected)$/);
  });

  for (const t of fuzzTargets(seeds)) {
    it(t.name, { timeout: 120_000 }, () => {
      fc.assert(
        fc.property(t.arbitrary, (bytes) => {
          readAndCheck(bytes);
        }),
        { numRuns: Math.max(1, Math.round(base * t.weight)), seed },
      );
    });
  }

  it('the checker itself catches an inconsistent profile', () => {
    // Guard against a property that can never fail: a sample without frames breaks Σself == total,
    // a frame index past the function table is out of range.
    const ok = readProfile(new TextEncoder().encode('a;b 1\n'), 'x.txt');
    expect(() => checkProfile(ok)).not.toThrow();
    const noFrames = {
      ...ok,
      stackOffsets: Uint32Array.from([0, 0]),
      stackFrames: new Uint32Array(0),
    };
    expect(() => checkProfile(noFrames)).toThrow(/Σself/);
    const badIndex = { ...ok, stackFrames: Uint32Array.from([0, 7]) };
    expect(() => checkProfile(badIndex)).toThrow(/frame 7/);
  });
});

describe('fuzz: pprof samples re-encoded in other valid ways read the same', () => {
  // Without the shared corpus, the real Go captures under fixtures/ are the pprof seeds.
  const profiles = pprofSeeds(hasCorpus ? seeds : [...seeds, ...fixtureCaptureSeeds()]);
  const norm = makeNormalizer('on');
  const key = (t: ProfileTotals) =>
    JSON.stringify(
      t.totals.map((x) => {
        const m: Record<string, [number, number]> = {};
        x.names.forEach((n, i) => {
          if (x.self[i] || x.cum[i]) m[n] = [x.self[i], x.cum[i]];
        });
        return [x.total, t.samples, m];
      }),
    );
  it('has pprof seeds to re-encode', () => {
    expect(profiles.length).toBeGreaterThan(hasCorpus ? 20 : 8);
  });
  it('gives the totals of the original, with and without WebAssembly, and in the full model', () => {
    const want = new Map<Uint8Array, string>();
    fc.assert(
      fc.property(reencodedPprof(profiles), ({ original, bytes }) => {
        let ref = want.get(original);
        if (ref === undefined) {
          ref = key(readPprofTotals(original, 'original.pb', norm, { wasm: false }));
          want.set(original, ref);
        }
        expect(key(readPprofTotals(bytes, 're.pb', norm, { wasm: true }))).toBe(ref);
        expect(key(readPprofTotals(bytes, 're.pb', norm, { wasm: false }))).toBe(ref);
        const full = readPprof(bytes, 're.pb');
        const slow = full.sampleTypes.map((_, k) => aggregate(full, k, norm));
        const fullKey = JSON.stringify(
          slow.map((x) => {
            const m: Record<string, [number, number]> = {};
            x.names.forEach((n, i) => {
              if (x.self[i] || x.cum[i]) m[n] = [x.self[i], x.cum[i]];
            });
            return [x.total, x.samples, m];
          }),
        );
        expect(fullKey).toBe(ref);
      }),
      { numRuns: Math.max(1, Math.round(base / 5)), seed },
    );
  });
});

describe('fuzz findings, kept as regression tests', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('pprof: a sample without any location is dropped with a warning (Σself stays == total)', () => {
    const profile = [
      ...lfield(1, [...vfield(1, 1), ...vfield(2, 2)]), // sample_type samples/count
      ...lfield(2, [...vfield(1, 1), ...vfield(2, 5)]), // sample at location 1, value 5
      ...lfield(2, [...vfield(2, 7)]), // sample without locations, value 7
      ...lfield(4, [...vfield(1, 1), ...lfield(4, vfield(1, 1))]), // location 1 -> function 1
      ...lfield(5, [...vfield(1, 1), ...vfield(2, 3)]), // function 1 "f"
      ...sfield(6, ''),
      ...sfield(6, 'samples'),
      ...sfield(6, 'count'),
      ...sfield(6, 'f'),
    ];
    const p = readProfile(new Uint8Array(profile), 'stackless.pb');
    expect(p.stackOffsets.length - 1).toBe(1);
    expect(p.warnings).toEqual(['dropped 1 sample without any location (no stack)']);
    expect(() => checkProfile(p)).not.toThrow();
  });

  it('cpuprofile: an endTime - startTime that overflows gives duration 0 and a warning', () => {
    const json = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2] },
        { id: 2, callFrame: { functionName: 'f', url: '' } },
      ],
      startTime: 0,
      endTime: 1e308,
      samples: [2],
      timeDeltas: [0],
    };
    const p = readProfile(utf8(JSON.stringify(json)), 'inf.cpuprofile');
    expect(p.durationNanos).toBe(0);
    expect(p.warnings.join('\n')).toMatch(/ignored the capture duration/);
    expect(() => checkProfile(p)).not.toThrow();
  });

  it('folded text starting with a [bracketed] frame is not taken for JSON', () => {
    expect(readProfile(utf8('[unknown];f 3\n'), 'x.txt').format).toBe('folded');
  });

  it('long runs of blanks, tabs and brackets are read in linear time', () => {
    // Each of these took seconds (quadratic backtracking or rescanning) before the fix; at
    // this size a quadratic reader would take minutes.
    const inputs = [
      `a${' '.repeat(200_000)}x:\n`, // perf script header scan
      `a 1 1.0: 1 cycles:\n\t1 ${'\t'.repeat(200_000)}x\n`, // perf script frame line
      `a;${'[x['.repeat(70_000)} 1\n`, // go-generics name normalization
      `a 1 1.0: 1 cycles:\n\t1 f${'.('.repeat(100_000)} (/x.so)\n`, // Go name tidy check
      `a;${'(x'.repeat(100_000)} 1\n`, // positions: parentheses that never close
      `a;/${'x/'.repeat(100_000)}f.js:${'1'.repeat(50_000)}:2 1\n`, // positions: path, position
      `a;${':L#1'.repeat(50_000)} 1\n`, // positions: almost @datadog/pprof positions
      `a;[${'['.repeat(100_000)}+0x1 1\n`, // addresses: brackets and an address
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      expect(readAndCheck(utf8(text))).toMatch(/^(ok|rejected)$/);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});
