/**
 * speedscope and .cpuprofile readers: small inline files, the JSON part of the reference corpus,
 * and the real `node --cpu-prof` fixture (fixtures/profiles/make.sh).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuprofileFrameName, readCpuprofile } from '../src/profile/cpuprofile.js';
import { ProfileError } from '../src/profile/errors.js';
import { readProfile } from '../src/profile/read.js';
import { readSpeedscope } from '../src/profile/speedscope.js';
import { corpusBytes, corpusFiles, fixture, hasCorpus } from './helpers/corpus.js';
import { checkProfile } from '../scripts/fuzz/targets.js';
import { rounded, totals } from './helpers/readers.js';

const SCHEMA = 'https://www.speedscope.app/file-format-schema.json';

function catchError(f: () => unknown): ProfileError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError');
}

function corpusJson(sub: string, name: string): unknown {
  return JSON.parse(new TextDecoder().decode(corpusBytes(sub, name)));
}

/** The hand-computed result of speedscope's `simple` sample: a;b;c 1, a;b;c 1, a;b;d 4, a;b;c 3, a;b 5. */
const SIMPLE = { total: 14, fns: { a: [0, 14], b: [5, 14], c: [5, 5], d: [4, 4] } };

describe('speedscope', () => {
  const frames = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];

  it('reads a sampled profile: root -> leaf indices, weights, unit seconds, duration', () => {
    const p = readSpeedscope(
      {
        $schema: SCHEMA,
        shared: { frames },
        profiles: [
          {
            type: 'sampled',
            name: 'p',
            unit: 'milliseconds',
            startValue: 10,
            endValue: 30,
            samples: [[0, 1], [0, 1, 2], [0]],
            weights: [2, 3, 0.5],
          },
        ],
      },
      's.json',
    );
    expect(p.format).toBe('speedscope');
    expect(p.sampleTypes).toEqual([{ type: 'time', unit: 'milliseconds' }]);
    expect(p.durationNanos).toBe(20e6);
    expect(
      Array.from(p.stackFrames.subarray(p.stackOffsets[1], p.stackOffsets[2])).map(
        (i) => p.functions[i],
      ),
    ).toEqual(['c', 'b', 'a']);
    expect(totals(p)).toEqual({ total: 5.5, fns: { a: [0.5, 5.5], b: [2, 5], c: [3, 3] } });
  });

  it('keys frames by name and file: same name in two files stays apart, lines merge', () => {
    const p = readSpeedscope(
      {
        shared: {
          frames: [
            { name: 'run', file: 'a.py', line: 1 },
            { name: 'run', file: 'b.py', line: 1 },
            { name: 'run', file: 'a.py', line: 9 },
            { name: 'main', file: null, line: null },
          ],
        },
        profiles: [
          {
            type: 'sampled',
            unit: 'none',
            startValue: 0,
            endValue: 3,
            samples: [
              [3, 0],
              [3, 1],
              [3, 2],
            ],
            weights: [1, 1, 1],
          },
        ],
      },
      'py.json',
    );
    expect(p.sampleTypes).toEqual([{ type: 'samples', unit: 'count' }]);
    expect(p.durationNanos).toBe(0);
    expect(totals(p).fns).toEqual({ main: [0, 3], 'run (a.py)': [2, 2], 'run (b.py)': [1, 1] });
  });

  it('charges evented time to the open stack, counting a recursive frame once', () => {
    // a [0..10] > b [1..9] > a [2..6]: self a = 1 + 4 + 1 = 6, self b = 1 + 3 = 4; cum a = 10.
    const ev = (type: string, frame: number, at: number) => ({ type, frame, at });
    const p = readSpeedscope(
      {
        shared: { frames },
        profiles: [
          {
            type: 'evented',
            unit: 'microseconds',
            startValue: 0,
            endValue: 12,
            events: [
              ev('O', 0, 0),
              ev('O', 1, 1),
              ev('O', 0, 2),
              ev('C', 0, 6),
              ev('C', 1, 9),
              ev('C', 0, 10),
              ev('O', 2, 11),
              ev('C', 2, 11),
            ],
          },
        ],
      },
      'e.json',
    );
    expect(totals(p)).toEqual({ total: 10, fns: { a: [6, 10], b: [4, 8] } });
    expect(p.durationNanos).toBe(12_000);
  });

  it('sums profiles of one unit and keeps other units in their own column', () => {
    const p = readSpeedscope(
      {
        shared: { frames },
        activeProfileIndex: 2,
        profiles: [
          {
            type: 'sampled',
            unit: 'seconds',
            startValue: 0,
            endValue: 1,
            samples: [[0, 1]],
            weights: [0.25],
          },
          {
            type: 'sampled',
            unit: 'bytes',
            startValue: 0,
            endValue: 100,
            samples: [[0, 2]],
            weights: [64],
          },
          {
            type: 'sampled',
            unit: 'seconds',
            startValue: 0.5,
            endValue: 2,
            samples: [[0, 1], [2]],
            weights: [0.5, 1],
          },
        ],
      },
      'multi.json',
    );
    expect(p.sampleTypes).toEqual([
      { type: 'time', unit: 'seconds' },
      { type: 'space', unit: 'bytes' },
    ]);
    expect(p.defaultSampleType).toBe(0);
    expect(p.durationNanos).toBe(2e9);
    expect(totals(p, 0)).toEqual({
      total: 1.75,
      fns: { a: [0, 0.75], b: [0.75, 0.75], c: [1, 1] },
    });
    expect(totals(p, 1)).toEqual({ total: 64, fns: { a: [0, 64], c: [64, 64] } });
    // The bytes sample is 0 in the time column and the other way round.
    const s = p.stackOffsets.length - 1;
    expect(s).toBe(4);
    expect(Array.from({ length: s }, (_, i) => p.values[0][i] * p.values[1][i])).toEqual([
      0, 0, 0, 0,
    ]);
    // activeProfileIndex picks the default type.
    const q = readSpeedscope(
      {
        shared: { frames },
        activeProfileIndex: 1,
        profiles: [
          { type: 'sampled', unit: 'seconds', samples: [[0]], weights: [1] },
          { type: 'sampled', unit: 'bytes', samples: [[0]], weights: [1] },
        ],
      },
      'a.json',
    );
    expect(q.sampleTypes[q.defaultSampleType]).toEqual({ type: 'space', unit: 'bytes' });
  });

  it('rejects malformed files with a ProfileError naming the file and the problem', () => {
    const sampled = (extra: object) => ({
      shared: { frames },
      profiles: [{ type: 'sampled', unit: 'none', samples: [[0, 1]], weights: [1], ...extra }],
    });
    const cases: [unknown, RegExp][] = [
      [{ shared: { frames } }, /missing "profiles"/],
      [{ profiles: [] }, /missing shared\.frames/],
      [sampled({ weights: [1, 2] }), /weights\.length \(2\) != samples\.length \(1\)/],
      [sampled({ weights: [-1] }), /weights\[0\] is negative/],
      [
        sampled({ samples: [[0, 3]] }),
        /samples\[0\]\[1\] = 3 is not a frame index \(there are 3 frames\)/,
      ],
      [sampled({ samples: [[0, 1.5]] }), /is not a frame index/],
      [sampled({ unit: 'parsecs' }), /unit "parsecs"/],
      [sampled({ type: 'flat' }), /type is "flat"/],
      [
        {
          shared: { frames },
          profiles: [
            {
              type: 'evented',
              unit: 'none',
              events: [
                { type: 'O', frame: 0, at: 5 },
                { type: 'C', frame: 0, at: 4 },
              ],
            },
          ],
        },
        /events\[1\]\.at \(4\) is before/,
      ],
      [
        {
          shared: { frames },
          profiles: [{ type: 'evented', unit: 'none', events: [{ type: 'C', frame: 0, at: 4 }] }],
        },
        /events\[0\] closes frame 0 \("a"\) but no frame is open/,
      ],
    ];
    for (const [json, re] of cases) {
      const e = catchError(() => readSpeedscope(json, 'bad.speedscope.json'));
      expect(e.code).toBe('speedscope');
      expect(e.message).toMatch(/^bad\.speedscope\.json: /);
      expect(e.detail).toMatch(re);
    }
  });
});

describe.skipIf(!hasCorpus)('every JSON corpus file', () => {
  it('reads to a consistent profile, except the invalid speedscope files, which are rejected', () => {
    const files = [
      ...corpusFiles('speedscope').map((f) => ['speedscope', f]),
      ...corpusFiles('cpuprofile').map((f) => ['cpuprofile', f]),
    ];
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const [sub, name] of files) {
      const bytes = corpusBytes(sub, name);
      if (name.startsWith('speedscope_invalid_')) {
        expect(catchError(() => readProfile(bytes, name)).code, name).toBe('speedscope');
        continue;
      }
      const p = readProfile(bytes, name);
      expect(p.format, name).toBe(sub);
      expect(() => checkProfile(p), name).not.toThrow();
    }
  });
});

describe.skipIf(!hasCorpus)('speedscope corpus', () => {
  it('evented simple files give the hand-computed simple values', () => {
    for (const name of [
      'speedscope_0.0.1_simple.speedscope.json',
      'speedscope_0.0.1_simple-no-pretty-print.speedscope.json',
    ]) {
      const p = readProfile(corpusBytes('speedscope', name), name);
      expect(p.sampleTypes).toEqual([{ type: 'samples', unit: 'count' }]);
      expect(totals(p)).toEqual(SIMPLE);
    }
  });

  it('sampled simple file: seconds, duration from endValue - startValue', () => {
    const name = 'speedscope_0.1.2_simple-sampled.speedscope.json';
    const p = readProfile(corpusBytes('speedscope', name), name);
    expect(p.sampleTypes).toEqual([{ type: 'time', unit: 'seconds' }]);
    expect(p.durationNanos).toBe(14e9);
    expect(totals(p)).toEqual(SIMPLE);
  });

  it('two sampled profiles of one unit are summed', () => {
    const name = 'speedscope_0.6.0_two-sampled.speedscope.json';
    const p = readProfile(corpusBytes('speedscope', name), name);
    expect(p.sampleTypes).toHaveLength(1);
    expect(totals(p)).toEqual({
      total: 28,
      fns: { a: [0, 28], b: [10, 28], c: [10, 10], d: [8, 8] },
    });
    expect(p.durationNanos).toBe(14e9);
  });

  it('rejects the two invalid files with the event that breaks them', () => {
    const out = catchError(() =>
      readProfile(
        corpusBytes('speedscope', 'speedscope_invalid_out-of-order-events.json'),
        'ooo.json',
      ),
    );
    expect(out.code).toBe('speedscope');
    expect(out.detail).toMatch(
      /events\[6\] closes frame 1 \("B"\) but the innermost open frame is 0 \("A"\)/,
    );
    const inc = catchError(() =>
      readProfile(
        corpusBytes('speedscope', 'speedscope_invalid_incomplete-trace.json'),
        'inc.json',
      ),
    );
    expect(inc.code).toBe('speedscope');
    expect(inc.detail).toMatch(/1 frame is still open after the last event/);
  });
});

describe('cpuprofile', () => {
  const cf = (functionName: string, url = '', lineNumber = -1, columnNumber = -1) => ({
    functionName,
    scriptId: '1',
    url,
    lineNumber,
    columnNumber,
  });
  /** (root) > main(app.js) > [fib > fib, (anonymous)] ; (root) > (idle), (program) */
  const base = () => ({
    nodes: [
      { id: 1, callFrame: cf('(root)'), hitCount: 0, children: [2, 6, 7] },
      { id: 2, callFrame: cf('main', 'file:///srv/app.js', 0, 0), hitCount: 0, children: [3, 5] },
      { id: 3, callFrame: cf('fib', 'file:///srv/app.js', 4, 2), hitCount: 0, children: [4] },
      { id: 4, callFrame: cf('fib', 'file:///srv/app.js', 4, 2), hitCount: 0 },
      { id: 5, callFrame: cf('', 'file:///srv/app.js', 9, 14), hitCount: 0 },
      { id: 6, callFrame: cf('(idle)'), hitCount: 0 },
      { id: 7, callFrame: cf('(program)'), hitCount: 0 },
    ],
    startTime: 1000,
    endTime: 1100,
    samples: [4, 3, 6, 5, 7, 4],
    timeDeltas: [5, 10, 20, 15, 10, 25],
  });

  it('names frames: fn (url), anonymous with 1-based line:col, file:// stripped, natives bare', () => {
    expect(cpuprofileFrameName(cf('fib', 'file:///srv/app.js', 4, 2))).toBe('fib (/srv/app.js)');
    expect(cpuprofileFrameName(cf('', 'file:///srv/app.js', 9, 14))).toBe(
      '(anonymous) (/srv/app.js:10:15)',
    );
    expect(cpuprofileFrameName(cf('readFile', 'node:fs', 300, 1))).toBe('readFile (node:fs)');
    expect(cpuprofileFrameName(cf('push'))).toBe('push');
    expect(cpuprofileFrameName(cf('(garbage collector)'))).toBe('(garbage collector)');
  });

  it('charges each sample the interval to the next, drops (idle), counts recursion once', () => {
    const p = readCpuprofile(base(), 'a.cpuprofile');
    expect(p.format).toBe('cpuprofile');
    expect(p.sampleTypes).toEqual([
      { type: 'samples', unit: 'count' },
      { type: 'wall', unit: 'microseconds' },
    ]);
    expect(p.defaultSampleType).toBe(1);
    expect(p.durationNanos).toBe(100_000);
    // times: 1005 1015 1035 1050 1060 1085, end 1100 -> intervals 10 20 15 10 25 15
    expect(totals(p, 1)).toEqual({
      total: 10 + 20 + 10 + 25 + 15,
      fns: {
        'main (/srv/app.js)': [0, 10 + 20 + 10 + 15],
        'fib (/srv/app.js)': [10 + 20 + 15, 10 + 20 + 15],
        '(anonymous) (/srv/app.js:10:15)': [10, 10],
        '(program)': [25, 25],
      },
    });
    expect(totals(p, 0).fns['fib (/srv/app.js)']).toEqual([3, 3]);
    expect(totals(p, 0).total).toBe(5);
    expect(p.comments.join('\n')).toMatch(/dropped 1 \(idle\) sample \(15 µs of wall time\)/);
    expect(p.warnings.join('\n')).not.toMatch(/idle/);
  });

  it('clamps negative intervals to 0 and uses endTime for the last sample', () => {
    const j = { ...base(), timeDeltas: [5, 10, -20, 15, 10, 25], endTime: 1010 };
    const p = readCpuprofile(j, 'neg.cpuprofile');
    // times: 1005 1015 995 1010 1020 1045; intervals 10, 0 (clamped), 15 (idle), 10, 25, 0 (end < last)
    const w = totals(p, 1);
    expect(w.total).toBe(10 + 10 + 25);
    expect(w.fns['fib (/srv/app.js)']).toEqual([10, 10]);
  });

  it('uses hitCount only when samples are absent', () => {
    const j: Record<string, unknown> = base();
    const nodes = j.nodes as { hitCount: number }[];
    nodes[3].hitCount = 6;
    nodes[4].hitCount = 2;
    // With samples: hitCount is ignored.
    expect(totals(readCpuprofile(j, 'x'), 0).total).toBe(5);
    delete j.samples;
    delete j.timeDeltas;
    const p = readCpuprofile(j, 'hits.cpuprofile');
    expect(totals(p, 0)).toEqual({
      total: 8,
      fns: {
        'main (/srv/app.js)': [0, 8],
        'fib (/srv/app.js)': [6, 6],
        '(anonymous) (/srv/app.js:10:15)': [2, 2],
      },
    });
    // Wall time: the 100 µs spread over the 8 hits.
    expect(totals(p, 1).total).toBeCloseTo(100, 9);
    expect(p.warnings.join('\n')).toMatch(/hitCount/);
  });

  it('rejects trace-event files and broken node graphs with a clear cpuprofile error', () => {
    const cases: [unknown, RegExp][] = [
      [[{ name: 'ProfileChunk', args: {} }], /a Chrome trace-event file .*speedscope/],
      [{ traceEvents: [] }, /a Chrome trace-event file .*--cpu-prof/],
      [
        { ...base(), timeDeltas: [1, 2] },
        /timeDeltas\.length \(2\) does not match samples\.length \(6\)/,
      ],
      [{ ...base(), samples: [4, 99], timeDeltas: [1, 1] }, /samples\[1\] = 99 is not a node id/],
      [{ ...base(), startTime: 'x' }, /"startTime" and "endTime" must be numbers/],
      [
        {
          ...base(),
          nodes: [...base().nodes.slice(0, 6), { id: 7, callFrame: cf('x'), children: [1] }],
        },
        /cycle|two parents/,
      ],
      [
        { ...base(), nodes: [{ id: 1, callFrame: cf('(root)'), children: [42] }] },
        /child 42, which does not exist/,
      ],
      [{ ...base(), nodes: [{ id: 1, children: [] }] }, /node 1 has no callFrame/],
    ];
    for (const [json, re] of cases) {
      const e = catchError(() => readCpuprofile(json, 'bad.cpuprofile'));
      expect(e.code).toBe('cpuprofile');
      expect(e.message).toMatch(/^bad\.cpuprofile: /);
      expect(e.detail).toMatch(re);
    }
  });
});

describe.skipIf(!hasCorpus)('cpuprofile corpus', () => {
  const chrome = 'speedscope_chrome65_simple.cpuprofile';

  it('Chrome 65 simple.cpuprofile: 29 samples (not the 28 hitCounts), exact counts and wall time', () => {
    const j = corpusJson('cpuprofile', chrome) as {
      samples: number[];
      timeDeltas: number[];
      startTime: number;
      endTime: number;
      nodes: { hitCount: number }[];
    };
    expect(j.nodes.reduce((s, n) => s + n.hitCount, 0)).toBe(28);
    const p = readProfile(corpusBytes('cpuprofile', chrome), chrome);
    // Nodes: 2 = anonymous top level > 3 = a > {4 = b > 5 = d, 6 = c > 7 = d}; samples [2, 5 x14, 7 x14].
    expect(totals(p, 0)).toEqual({
      total: 29,
      fns: { '(anonymous) (:1:1)': [1, 29], a: [0, 28], b: [0, 14], c: [0, 14], d: [28, 28] },
    });
    // Wall: sample i gets t[i+1] - t[i] = timeDeltas[i+1]; the last one endTime - t[28].
    const d = j.timeDeltas;
    const sum = (from: number, to: number) => d.slice(from, to).reduce((s, x) => s + x, 0);
    const tLast = j.startTime + sum(0, 29);
    const last = j.endTime - tLast;
    const total = sum(1, 29) + last;
    expect(total).toBe(j.endTime - j.startTime - d[0]);
    const b = sum(2, 16); // samples 1..14 (node 5, under b)
    expect(totals(p, 1)).toEqual({
      total,
      fns: {
        '(anonymous) (:1:1)': [d[1], total],
        a: [0, total - d[1]],
        b: [0, b],
        c: [0, total - d[1] - b],
        d: [total - d[1], total - d[1]],
      },
    });
    expect(p.durationNanos).toBe((j.endTime - j.startTime) * 1000);
  });

  it('legacy node 10 example (head tree + timestamps) reads like its Chrome 65 twin', () => {
    const name = 'speedscope_node10_example.cpuprofile';
    const j = corpusJson('cpuprofile', name) as { timestamps: number[]; samples: number[] };
    const p = readProfile(corpusBytes('cpuprofile', name), name);
    expect(p.format).toBe('cpuprofile');
    // Legacy nodes have no column: the anonymous frame is (:1), not (:1:1).
    expect(totals(p, 0)).toEqual({
      total: 29,
      fns: { '(anonymous) (:1)': [1, 29], a: [0, 28], b: [0, 14], c: [0, 14], d: [28, 28] },
    });
    // 30 timestamps for 29 samples: the first is the start; sample i is at timestamps[i + 1].
    // The legacy endTime (163140 s, whole seconds) is before the last sample, so it gets 0.
    const ts = j.timestamps;
    expect(ts).toHaveLength(j.samples.length + 1);
    expect(totals(p, 1).total).toBe(ts[29] - ts[1]);
    expect(totals(p, 1).fns['(anonymous) (:1)'][0]).toBe(ts[2] - ts[1]);
    expect(p.durationNanos).toBe((ts[29] - ts[0]) * 1000);
  });
});

describe('real node --cpu-prof fixture', () => {
  const raw = readFileSync(fixture('profiles', 'node-busy.cpuprofile'), 'utf8');
  const j = JSON.parse(raw) as {
    nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
  };
  // An independent walk of the raw JSON: parent map, per-sample ancestor names.
  const parent = new Map<number, number>();
  for (const n of j.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(j.nodes.map((n) => [n.id, n]));
  const chain = (id: number): string[] => {
    const out: string[] = [];
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k))
      out.push(byId.get(k)!.callFrame.functionName);
    return out;
  };
  const idle = j.samples.filter((s) => byId.get(s)!.callFrame.functionName === '(idle)').length;

  it('reads with idle samples dropped and reported', () => {
    const p = readProfile(new TextEncoder().encode(raw), 'node-busy.cpuprofile');
    expect(idle).toBeGreaterThan(0);
    expect(totals(p, 0).total).toBe(j.samples.length - idle);
    expect(p.comments.join('\n')).toMatch(new RegExp(`dropped ${idle} \\(idle\\) samples`));
    expect(p.durationNanos).toBe((j.endTime - j.startTime) * 1000);
    expect(p.functions).toContain('(garbage collector)');
    expect(p.functions).toContain('(program)');
    expect(
      p.functions.some((f) => f.startsWith('(anonymous) (') && /busy\.js:\d+:\d+\)$/.test(f)),
    ).toBe(true);
    expect(p.functions.every((f) => !f.includes('file://'))).toBe(true);
  });

  it('counts the recursive fib once per sample in cum', () => {
    const p = readProfile(new TextEncoder().encode(raw), 'node-busy.cpuprofile');
    const t = totals(p, 0);
    const fib = Object.keys(t.fns).filter((f) => f.startsWith('fib ('));
    expect(fib).toHaveLength(1);
    expect(fib[0]).toMatch(/^fib \(\/.*prog\/busy\.js\)$/);
    const withFib = j.samples.filter((s) => chain(s).includes('fib')).length;
    const fibLeaf = j.samples.filter((s) => byId.get(s)!.callFrame.functionName === 'fib').length;
    const deep = j.samples.filter((s) => chain(s).filter((n) => n === 'fib').length > 1).length;
    expect(deep).toBeGreaterThan(0); // there really is recursion in the file
    expect(t.fns[fib[0]]).toEqual([fibLeaf, withFib]);
  });

  it('the gzipped copy reads to the same profile', () => {
    const plain = readProfile(new TextEncoder().encode(raw), 'a.cpuprofile');
    const gz = readProfile(
      new Uint8Array(readFileSync(fixture('profiles', 'node-busy.cpuprofile.gz'))),
      'a.cpuprofile.gz',
    );
    expect(rounded(totals(gz, 1))).toEqual(rounded(totals(plain, 1)));
    expect(totals(gz, 0)).toEqual(totals(plain, 0));
  });
});
