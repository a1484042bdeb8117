/**
 * The totals path's WebAssembly sample pass (wasm/samples.ts) against the JavaScript one and
 * the full model, on hand-made profiles that reach each of its branches: the shapes it
 * takes, and every shape it must hand back (taking back what it charged) to the general
 * decoder. Each case asserts concrete totals too, so a bug shared by both paths fails.
 */
import { describe, expect, it } from 'vitest';
import { aggregate } from '../src/profile/aggregate.js';
import { ProfileError } from '../src/profile/errors.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readPprof, readPprofTotals, type ProfileTotals } from '../src/profile/pprof/read.js';
import { createSamplePass, type SamplePass } from '../src/profile/pprof/wasm/sample-pass.js';
import {
  STATE_COUNTED,
  STATE_EMPTY,
  STATE_NEXT,
  STATE_SLOTS,
  STATE_STAMP,
  STATE_STOP_END,
  STATE_STOP_START,
  STATE_STOPPED,
} from '../src/profile/pprof/wasm/state-layout.js';
import {
  lfield,
  locs,
  pprofBytes,
  varint,
  vals,
  vfield,
  type PprofSpec,
} from '../scripts/fuzz/pprof-bytes.js';

const norm = makeNormalizer('off');

/** name -> [self, cum] of sample type k, for functions with any value. */
function table(t: ProfileTotals, k: number): Record<string, [number, number]> {
  const f = t.totals[k];
  const out: Record<string, [number, number]> = {};
  f.names.forEach((n, i) => {
    if (f.self[i] || f.cum[i]) out[n] = [f.self[i], f.cum[i]];
  });
  return out;
}

/** Reads `spec` three ways, asserts they agree, returns the wasm result. */
function readAllWays(spec: PprofSpec): ProfileTotals {
  const { bytes } = pprofBytes(spec);
  const withWasm = readPprofTotals(bytes, 'case.pb', norm, { wasm: true });
  const withoutWasm = readPprofTotals(bytes, 'case.pb', norm, { wasm: false });
  const full = readPprof(bytes, 'case.pb');
  for (let k = 0; k < spec.types.length; k++) {
    expect(table(withWasm, k)).toEqual(table(withoutWasm, k));
    expect(withWasm.totals[k].total).toBe(withoutWasm.totals[k].total);
    const slow = aggregate(full, k, norm);
    const asTable: Record<string, [number, number]> = {};
    slow.names.forEach((n, i) => {
      if (slow.self[i] || slow.cum[i]) asTable[n] = [slow.self[i], slow.cum[i]];
    });
    expect(table(withWasm, k)).toEqual(asTable);
    expect(withWasm.totals[k].total).toBe(slow.total);
  }
  expect(withWasm.samples).toBe(withoutWasm.samples);
  expect(withWasm.warnings).toEqual(withoutWasm.warnings);
  return withWasm;
}

const cpu: [string, string][] = [
  ['samples', 'count'],
  ['cpu', 'nanoseconds'],
];
// main -> work -> leaf; location 4 has two lines (inlined: inner leaf first), 5 recurses
const functions: [number, string][] = [
  [1, 'main'],
  [2, 'work'],
  [3, 'leaf'],
  [4, 'inlined'],
];
const locations: [number, number[]][] = [
  [1, [1]],
  [2, [2]],
  [3, [3]],
  [4, [4, 2]],
  [5, [1]],
];

/** The pass's state block, slot by slot. */
function stateOf(p: SamplePass) {
  const s = p.state;
  expect(s.length).toBe(STATE_SLOTS);
  return {
    stamp: s[STATE_STAMP],
    counted: s[STATE_COUNTED],
    empty: s[STATE_EMPTY],
    next: s[STATE_NEXT],
    stopStart: s[STATE_STOP_START],
    stopEnd: s[STATE_STOP_END],
    stopped: s[STATE_STOPPED],
  };
}

describe('WebAssembly sample pass', () => {
  it('is available, takes the common shape and stops after a sample it does not take', () => {
    const taken = [...locs([3, 2, 1]), ...vals([1, 10])];
    const odd = [...lfield(1, [...varint(3), ...varint(1, 5)]), ...vals([2, 20])];
    // a run of three Sample fields, as the reader's first pass finds it
    const run = [...lfield(2, taken), ...lfield(2, odd), ...lfield(2, taken)];
    const buf = new Uint8Array([0, 0, ...run]);
    const pass = createSamplePass({
      buf,
      idFn: Int32Array.from([-1, 0, 1, 2]),
      locStart: Uint32Array.from([0, 1, 2, 3]),
      locNorm: Uint32Array.from([0, 1, 2]),
      nNames: 3,
      nTypes: 2,
    });
    expect(pass).toBeDefined();
    const p = pass!;
    p.stamp.fill(-1);
    p.state.fill(0);
    // the first sample is taken; it stops after the second (a padded id), nothing charged
    const oddStart = 2 + 2 + taken.length + 2;
    expect(p.run(2, buf.length)).toBe(oddStart + odd.length);
    const stop = { stopStart: oddStart, stopEnd: oddStart + odd.length };
    expect(stateOf(p)).toEqual({ stamp: 1, counted: 1, empty: 0, next: 1, ...stop, stopped: 1 });
    expect([...p.cum]).toEqual([1, 10, 1, 10, 1, 10]);
    // the caller decodes that one; the pass goes on with the third
    p.state[STATE_NEXT] = 2;
    expect(p.run(oddStart + odd.length, buf.length)).toBe(buf.length);
    expect(stateOf(p)).toEqual({ stamp: 2, counted: 2, empty: 0, next: 3, ...stop, stopped: 0 });
    expect([...p.cum]).toEqual([2, 20, 2, 20, 2, 20]);
    expect([...p.self]).toEqual([0, 0, 0, 0, 2, 20]);
    expect([...p.total]).toEqual([2, 20]);
  });

  it('counts self at the leaf and cum once per sample under recursion and inlining', () => {
    const t = readAllWays({
      types: cpu,
      samples: [
        [...locs([3, 2, 1]), ...vals([2, 20])],
        [...locs([4, 1]), ...vals([1, 10])], // inlined: leaf "inlined", then "work"
        [...locs([3, 2, 5, 2, 1]), ...vals([3, 30])], // main and work twice
        [...vals([5, 50]), ...locs([2, 1])], // values before ids
      ],
      functions,
      locations,
    });
    expect(table(t, 1)).toEqual({
      main: [0, 110],
      work: [50, 110],
      leaf: [50, 50],
      inlined: [10, 10],
    });
    expect(t.totals[1].total).toBe(110);
    expect(t.samples).toBe(4);
  });

  it('takes back what it charged when an id is a padded varint (the JavaScript path reads it)', () => {
    const padded = lfield(1, [...varint(3), ...varint(2), ...varint(1, 5)]);
    const t = readAllWays({
      types: cpu,
      samples: [
        [...locs([3, 2, 1]), ...vals([1, 10])],
        [...padded, ...vals([2, 20])],
        [...locs([2, 1]), ...vals([4, 40])],
      ],
      functions,
      locations,
    });
    expect(table(t, 1)).toEqual({ main: [0, 70], work: [40, 70], leaf: [30, 30] });
  });

  it('hands over unpacked ids and values, split packed fields and unknown fields', () => {
    const t = readAllWays({
      types: cpu,
      samples: [
        [...vfield(1, 3), ...vfield(1, 2), ...vfield(1, 1), ...vfield(2, 1), ...vfield(2, 10)],
        [...locs([3]), ...locs([2, 1]), ...vals([1, 10])],
        [...locs([2, 1]), ...vals([1, 10]), ...vfield(9, 7)],
        [...locs([3, 1]), ...vals([1, 10])],
      ],
      functions,
      locations,
    });
    expect(table(t, 1)).toEqual({ main: [0, 40], work: [10, 30], leaf: [30, 30] });
  });

  it('reads values of five bytes itself and longer ones through the general path', () => {
    const big = 2 ** 34 + 5; // five varint bytes
    const bigger = 2 ** 40 + 7; // six
    const t = readAllWays({
      types: cpu,
      samples: [
        [...locs([3, 1]), ...vals([1, big])],
        [...locs([2, 1]), ...vals([1, bigger])],
      ],
      functions,
      locations,
    });
    expect(table(t, 1)).toEqual({
      main: [0, big + bigger],
      work: [bigger, bigger],
      leaf: [big, big],
    });
  });

  it('handles one, three and four sample types', () => {
    for (const n of [1, 3, 4]) {
      const types = Array.from({ length: n }, (_, i): [string, string] => [`t${i}`, 'count']);
      const v = (x: number) => Array.from({ length: n }, (_, i) => x * (i + 1));
      const t = readAllWays({
        types,
        samples: [
          [...locs([3, 2, 1]), ...vals(v(1))],
          [...locs([4, 5, 2, 1]), ...vals(v(2))],
        ],
        functions,
        locations,
      });
      expect(table(t, n - 1)).toEqual({
        main: [0, 3 * n],
        work: [0, 3 * n],
        leaf: [n, n],
        inlined: [2 * n, 2 * n],
      });
    }
  });

  it('skips labels of numbers and strings, and hands over labels it does not know', () => {
    const { str } = pprofBytes({
      types: cpu,
      samples: [],
      functions,
      locations,
      strings: ['k', 'v'],
    });
    const label = lfield(3, [...vfield(1, str('k')), ...vfield(2, str('v'))]);
    const numLabel = lfield(3, [...vfield(1, str('k')), ...vfield(3, 123456789), ...vfield(4, 0)]);
    const oddLabel = lfield(3, [...vfield(1, str('k')), ...vfield(6, 1)]);
    const t = readAllWays({
      types: cpu,
      samples: [
        [...locs([3, 2, 1]), ...vals([1, 10]), ...label],
        [...locs([3, 2, 1]), ...vals([1, 10]), ...numLabel, ...label],
        [...locs([2, 1]), ...vals([1, 10]), ...oddLabel],
      ],
      functions,
      locations,
      strings: ['k', 'v'],
    });
    expect(table(t, 1)).toEqual({ main: [0, 30], work: [10, 30], leaf: [20, 20] });
  });

  it('drops samples without a location with the same warning', () => {
    const t = readAllWays({
      types: cpu,
      samples: [
        [...locs([3, 2, 1]), ...vals([1, 10])],
        [...vals([4, 40])],
        [...locs([]), ...vals([2, 20])],
      ],
      functions,
      locations,
    });
    expect(t.totals[1].total).toBe(10);
    expect(t.warnings).toEqual(['dropped 2 samples without any location (no stack)']);
  });

  it('works with sparse location ids (no dense table: the JavaScript path)', () => {
    const sparse: [number, number[]][] = [
      [1_000_000_007, [1]],
      [2_000_000_011, [3]],
    ];
    const t = readAllWays({
      types: cpu,
      samples: [[...locs([2_000_000_011, 1_000_000_007]), ...vals([1, 10])]],
      functions,
      locations: sparse,
    });
    expect(table(t, 1)).toEqual({ main: [0, 10], leaf: [10, 10] });
  });

  it('reports an unknown location the same way with and without WebAssembly', () => {
    const { bytes } = pprofBytes({
      types: cpu,
      samples: [
        [...locs([3, 2, 1]), ...vals([1, 10])],
        [...locs([2, 9, 1]), ...vals([1, 10])],
      ],
      functions,
      locations,
    });
    const message = (wasm: boolean) => {
      try {
        readPprofTotals(bytes, 'bad.pb', norm, { wasm });
      } catch (e) {
        expect(e).toBeInstanceOf(ProfileError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(message(true)).toBe('bad.pb: sample 1 refers to location 9, which does not exist');
    expect(message(false)).toBe(message(true));
  });

  it('keeps stamps apart across many samples that alternate between the two paths', () => {
    const samples: number[][] = [];
    for (let i = 0; i < 200; i++) {
      samples.push(
        i % 3 === 0
          ? [...lfield(1, [...varint(3), ...varint(2, 3), ...varint(1)]), ...vals([1, 10])]
          : [...locs(i % 2 ? [3, 2, 5, 1] : [4, 1]), ...vals([1, 10])],
      );
    }
    const t = readAllWays({ types: cpu, samples, functions, locations });
    expect(t.samples).toBe(200);
    expect(table(t, 0).main).toEqual([0, 200]);
  });
});

describe('Location messages', () => {
  it('reads unusual encodings (unknown fields, negative lines, padded ids) like the usual ones', () => {
    const line = (fid: number, ln: number) => lfield(4, [...vfield(1, fid), ...vfield(2, ln)]);
    const t = readAllWays({
      types: cpu,
      samples: [[...locs([13, 12, 11]), ...vals([1, 10])]],
      functions,
      locations: [],
      rawLocations: [
        // the usual shape, with address and is_folded
        [...vfield(1, 11), ...vfield(3, 0x401000), ...line(1, 7), ...vfield(5, 1)],
        // a negative line number (a ten-byte varint) and an unknown field
        [...vfield(1, 12), ...line(2, -1), ...vfield(9, 3)],
        // a padded id and two lines (inlined)
        [...vfield(1, 13, 3), ...line(4, 5), ...line(3, 6)],
      ],
    });
    expect(table(t, 1)).toEqual({
      main: [0, 10],
      work: [0, 10],
      leaf: [0, 10],
      inlined: [10, 10],
    });
  });
});
