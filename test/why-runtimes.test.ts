/**
 * Regression tests for the problems listed under "Why" in issue 13 (every major runtime attached
 * by PID), one describe per problem, each on the smallest real-shaped input that showed it.
 * The end-to-end ones with real processes are in capture-runtimes-e2e.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureEntry } from '../src/captureset/write.js';
import type { Manifest } from '../src/captureset/manifest.js';
import { runCapture } from '../src/capture/runner.js';
import { checkComparable } from '../src/stats/comparability.js';
import { Rng } from '../src/stats/random.js';
import { cli } from './helpers/cli.js';
import { encodePprof, startServer, type FakeSample } from './helpers/capture.js';
import { fixture } from './helpers/corpus.js';
import { syntheticCaptures } from './helpers/synthetic.js';

const tmp = mkdtempSync(join(tmpdir(), 'pg-why-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Draws `samples` stacks from weighted stacks (multinomial), with a per-capture wobble. */
function drawn(stacks: [string[], number][], samples: number, rng: Rng): FakeSample[] {
  const w = stacks.map(([, x]) => x * (0.9 + 0.2 * (rng.next() / 4294967296)));
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = new Array<number>(stacks.length).fill(0);
  for (let s = 0; s < samples; s++) {
    let u = (rng.next() / 4294967296) * sum;
    let i = 0;
    while (i < w.length - 1 && u > w[i]) u -= w[i++];
    counts[i]++;
  }
  return stacks
    .map(([stack], i) => ({ stack, values: [counts[i], counts[i] * 1_000_000] }))
    .filter((s) => s.values[0] > 0);
}

/** A folder of `n` pprof captures (types sample/count and wall/nanoseconds, as @datadog/pprof writes). */
function pprofSet(
  dir: string,
  stacks: [string[], number][],
  opts: { n?: number; seed: number; types?: [string, string][] },
): string {
  const path = join(tmp, dir);
  mkdirSync(path, { recursive: true });
  const rng = new Rng(opts.seed);
  const types = opts.types ?? [
    ['sample', 'count'],
    ['wall', 'nanoseconds'],
  ];
  for (let i = 0; i < (opts.n ?? 5); i++) {
    writeFileSync(join(path, `wall-${i}.pb.gz`), encodePprof(types, drawn(stacks, 2000, rng)));
  }
  return path;
}

describe('why: a @datadog/pprof capture recorded "wall" but wrote sampleType "cpu"', () => {
  it('the manifest records the sample type that was recorded, and compare reads the sets (exit 0)', async () => {
    const stacks: [string[], number][] = [
      [['handler', 'processTicksAndRejections'], 5],
      [['(anonymous:L#27:C#26)', 'handler'], 3],
      [['(garbage collector)'], 1],
    ];
    const rng = new Rng(7);
    const s = await startServer((_req, res) => {
      res.end(
        encodePprof(
          [
            ['sample', 'count'],
            ['wall', 'nanoseconds'],
          ],
          drawn(stacks, 2000, rng),
        ),
      );
    });
    try {
      const warnings: string[] = [];
      const dirs: string[] = [];
      for (const name of ['dd-a', 'dd-b']) {
        const out = join(tmp, name);
        const res = await runCapture(
          {
            outDir: out,
            type: 'cpu',
            captures: 3,
            seconds: 0.1,
            url: `${s.url}/profile?seconds={seconds}`,
          },
          { progress: (e) => e.kind === 'warning' && warnings.push(e.message) },
        );
        expect(res.manifest.sampleType).toBe('wall');
        const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
        expect(m.sampleType).toBe('wall');
        dirs.push(out);
      }
      expect(warnings[0]).toMatch(
        /has no sample type "cpu" \(it has sample, wall\); recording "wall"/,
      );
      const r = await cli(['compare', '--baseline', dirs[0], '--canary', dirs[1], '--json', '-']);
      expect(r.stderr).not.toMatch(/has no sample type/);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).verdict).toBe('pass');
    } finally {
      await s.close();
    }
  });
});

describe('why: JavaScript names carry positions, and paths differ between checkouts', () => {
  const base: [string[], number][] = [
    [['(anonymous:L#27:C#26)', 'handler', 'emit'], 50],
    [['checkout', 'handler', 'emit'], 30],
    [['JSON.stringify', 'handler', 'emit'], 20],
  ];
  // the same build with four comment lines added above: every anonymous function moved
  const moved = base.map(([s, w]): [string[], number] => [
    s.map((f) => f.replace('L#27', 'L#31')),
    w,
  ]);
  const hot = [...base, [['(anonymous:L#44:C#10)', 'plantedHotLoop', 'handler', 'emit'], 60]] as [
    string[],
    number,
  ][];

  it('a build that only adds comment lines passes', async () => {
    const a = pprofSet('pos-base', base, { seed: 1 });
    const b = pprofSet('pos-moved', moved, { seed: 2 });
    const r = await cli(['compare', '--baseline', a, '--canary', b, '--json', '-']);
    expect(r.code, r.stdout).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.regressions).toEqual([]);
    // the raw names stay visible where normalization changed them
    const anon = j.functions.find((f: { function: string }) => f.function === '(anonymous)');
    expect(anon.rawNames).toEqual(
      expect.arrayContaining(['(anonymous:L#27:C#26)', '(anonymous:L#31:C#26)']),
    );
    // without the rule the two builds' names do not match: one vanished, one new
    const off = await cli([
      'compare',
      '--baseline',
      a,
      '--canary',
      b,
      '--normalize-names=-positions',
      '--json',
      '-',
    ]);
    const offRows = JSON.parse(off.stdout).functions as {
      function: string;
      inBaseline: boolean;
      inCanary: boolean;
    }[];
    const row = (n: string) => offRows.find((f) => f.function === n && f.inBaseline !== f.inCanary);
    expect(row('(anonymous:L#27:C#26)')).toMatchObject({ inBaseline: true, inCanary: false });
    expect(row('(anonymous:L#31:C#26)')).toMatchObject({ inBaseline: false, inCanary: true });
  });

  it('a planted hot function still fails, named', async () => {
    const a = pprofSet('pos-base2', base, { seed: 3 });
    const b = pprofSet('pos-hot', hot, { seed: 4 });
    const r = await cli(['compare', '--baseline', a, '--canary', b]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/plantedHotLoop cum-wall time grew/);
  });

  it('.cpuprofile names from two checkouts in different folders match (project roots from the manifests)', async () => {
    const mk = (dir: string, root: string, line: number, seed: number) => {
      const path = join(tmp, dir);
      mkdirSync(path, { recursive: true });
      const rng = new Rng(seed);
      const files: Manifest['captures'] = [];
      for (let i = 0; i < 4; i++) {
        const fn = (name: string, ln: number) => ({
          functionName: name,
          url: `file://${root}/src/server.js`,
          lineNumber: ln,
          columnNumber: 4,
          scriptId: '1',
        });
        const nodes = [
          {
            id: 1,
            callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 },
            children: [2],
          },
          { id: 2, callFrame: fn('handler', line), children: [3, 4] },
          { id: 3, callFrame: fn('', line + 2), children: [] },
          { id: 4, callFrame: fn('render', line + 9), children: [] },
        ];
        const samples: number[] = [];
        for (let k = 0; k < 600; k++)
          samples.push(rng.next() % 10 < 6 ? 3 : rng.next() % 2 ? 4 : 2);
        const json = {
          nodes,
          startTime: 0,
          endTime: 600_000,
          samples,
          timeDeltas: samples.map(() => 1000),
        };
        const bytes = Buffer.from(JSON.stringify(json));
        writeFileSync(join(path, `cpu-${i}.cpuprofile`), bytes);
        files.push(
          captureEntry(`cpu-${i}.cpuprofile`, bytes, {
            start: '2026-11-30T00:00:00.000Z',
            end: '2026-11-30T00:00:00.600Z',
            durationSeconds: 0.6,
          }),
        );
      }
      const m: Partial<Manifest> = {
        formatVersion: 1,
        profileType: 'cpu',
        sampleType: 'wall',
        projectRoot: root,
        labels: {},
        captures: files,
      };
      writeFileSync(join(path, 'manifest.json'), JSON.stringify(m));
      return path;
    };
    // the request handler moved from line 63 to 67, and the checkout lives elsewhere
    const a = mk('cp-a', '/home/runner/work/shop/shop', 62, 5);
    const b = mk('cp-b', '/Users/dev/code/shop-feature', 66, 6);
    const r = await cli(['compare', '--baseline', a, '--canary', b, '--json', '-']);
    expect(r.code, r.stdout).toBe(0);
    const names = JSON.parse(r.stdout).functions.map((f: { function: string }) => f.function);
    expect(names).toContain('handler (src/server.js)');
    expect(names).toContain('(anonymous) (src/server.js)');
    expect(names.join()).not.toMatch(/home|Users|:\d/);
  });
});

describe('why: any text whose lines end in a number was read as folded stacks', () => {
  it('a callgrind log and a build log are exit 2, naming what they are', async () => {
    const cg = join(tmp, 'callgrind.out.4242');
    writeFileSync(
      cg,
      '# callgrind format\nevents: Ir\nfl=(1) a.c\nfn=(1) main\n16 20\ncalls=1 0\n17 400\n',
    );
    const log = join(tmp, 'build.log');
    writeFileSync(log, 'Build 1234 finished in 30\n');
    for (const [f, re] of [
      [cg, /callgrind\.out\.4242: this is callgrind or cachegrind output/],
      [log, /build\.log: not folded stacks: .*plain text/],
    ] as const) {
      const r = await cli(['compare', '--baseline', f, '--canary', f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('skipped lines reach the warnings of compare (text, --json, markdown summary)', async () => {
    const dir = join(tmp, 'folded-bad');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 3; i++) {
      writeFileSync(
        join(dir, `f${i}.folded`),
        `main;work ${100 + i}\nmain;idle ${50 - i}\nthis line is junk\n`,
      );
    }
    const r = await cli(['compare', '--baseline', dir, '--canary', dir, '--json', '-']);
    expect(r.code).toBe(0);
    const w: string[] = JSON.parse(r.stdout).warnings;
    expect(w).toContainEqual(
      expect.stringMatching(
        /f0\.folded \(and 5 more captures\): skipped 1 line not of the form "stack count" \(first: line 3\)$/,
      ),
    );
    // the markdown report (the job summary and the PR comment are made of it)
    const md = join(tmp, 'folded-bad.md');
    await cli(['compare', '--baseline', dir, '--canary', dir, '--markdown', md]);
    expect(readFileSync(md, 'utf8')).toMatch(
      /> \[!WARNING\]\n> .*f0\.folded \(and 5 more captures\): skipped 1 line/,
    );
    const text = await cli(['compare', '--baseline', dir, '--canary', dir]);
    expect(text.stdout).toMatch(/warning: .*f0\.folded \(and 5 more captures\): skipped 1 line/);
  });
});

describe('why: [[vdso]]+0x... (module names with brackets) was not collapsed', () => {
  it('top shows one [[vdso]] row where pprof shows one', async () => {
    const f = join(tmp, 'vdso.pb.gz');
    writeFileSync(
      f,
      encodePprof(
        [
          ['samples', 'count'],
          ['cpu', 'nanoseconds'],
        ],
        [0x8f0, 0x900, 0x9a4, 0xa10].map((off, i) => ({
          stack: [`[[vdso]]+0x${off.toString(16)}`, 'time.now'],
          values: [i + 1, (i + 1) * 10_000_000],
        })),
      ),
    );
    const r = await cli(['top', f, '--json']);
    expect(r.code).toBe(0);
    const fns = JSON.parse(r.stdout).functions as { function: string; self: number }[];
    expect(fns.filter((x) => x.function.includes('vdso'))).toEqual([
      { function: '[[vdso]]', self: 100_000_000, cum: 100_000_000 },
    ]);
  });
});

describe('why: perf.data, zip and OTLP files were "not a valid pprof protobuf"', () => {
  it('each is named with a conversion hint, exit 2', async () => {
    const files: [string, Uint8Array, RegExp][] = [
      [
        'perf.data',
        new TextEncoder().encode('PERFILE2\x68\0\0\0\0\0\0\0'),
        /perf script -i perf\.data/,
      ],
      ['profiles.zip', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), /zip archive.*unzip/],
      ['otlp.pb', new Uint8Array([0x0a, 0x06, 0x0a, 0x04, 0x0a, 0x02, 0x0a, 0x00]), /OTLP.*pprof/],
    ];
    for (const [name, bytes, re] of files) {
      const f = join(tmp, name);
      writeFileSync(f, bytes);
      const r = await cli(['top', f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}: this is `));
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/not a valid pprof protobuf/);
    }
  });
});

describe('why: top said "N samples" but counted distinct stacks', () => {
  it('a Go capture: 2210 samples (the samples/count column), not its 1335 stack records', async () => {
    const r = await cli(['top', fixture('captures', 'base-1', 'cpu-01.pb.gz'), '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Total: 4\.42s in 2210 samples from 1 file\(s\)/);
    const j = JSON.parse(
      (await cli(['top', fixture('captures', 'base-1', 'cpu-01.pb.gz'), '--json'])).stdout,
    );
    expect(j.samples).toBe(2210);
  });
});

describe('why: @datadog/pprof sets warned "different sampling periods" (a measured average)', () => {
  it('periods within 5% do not warn; twice the period does', () => {
    const shares = { a: 50, b: 30, c: 20 };
    const mk = (period: number, seed: number) =>
      syntheticCaptures(shares, { n: 5, samples: 1000, jitter: 0.05, seed, period });
    const near = checkComparable(mk(10_004_113, 1), mk(10_391_877, 2));
    expect(near.warnings.filter((w) => /sampling periods/.test(w))).toEqual([]);
    const far = checkComparable(mk(10_000_000, 1), mk(20_000_000, 2));
    expect(far.warnings.some((w) => /different sampling periods/.test(w))).toBe(true);
  });
});

describe('why: a .NET pprof showed Total: 0ns for lock_time with no hint that cpu exists', () => {
  const dotnet = (seed: number) => {
    const rng = new Rng(seed);
    const stacks: [string[], number][] = [
      [['Shop.Cart.Total', 'Shop.Api.Handle'], 6],
      [['System.Text.Json.Serialize', 'Shop.Api.Handle'], 4],
    ];
    // dd-trace-dotnet's types; the last (the default) holds no data in a CPU-bound run
    return encodePprof(
      [
        ['cpu', 'nanoseconds'],
        ['wall', 'nanoseconds'],
        ['lock_time', 'nanoseconds'],
      ],
      drawn(stacks, 500, rng).map((s) => ({
        stack: s.stack,
        values: [s.values[1], s.values[1], 0],
      })),
    );
  };

  it('top says which types have data', async () => {
    const f = join(tmp, 'dotnet.pprof');
    writeFileSync(f, dotnet(1));
    const r = await cli(['top', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Type: lock_time \(nanoseconds\)\s+Total: 0/);
    expect(r.stderr).toMatch(
      /note: lock_time is 0 in every file; types with data: cpu \(nanoseconds\), wall \(nanoseconds\) \(pick one with --sample-type\)/,
    );
  });

  it('compare says it next to the inconclusive verdict', async () => {
    const dirs = ['dn-a', 'dn-b'].map((d, k) => {
      const p = join(tmp, d);
      mkdirSync(p, { recursive: true });
      for (let i = 0; i < 3; i++) writeFileSync(join(p, `c${i}.pprof`), dotnet(10 * k + i));
      return p;
    });
    const r = await cli(['compare', '--baseline', dirs[0], '--canary', dirs[1], '--json', '-']);
    const j = JSON.parse(r.stdout);
    expect(j.warnings).toContain(
      'sample type lock_time is 0 in every capture; types with data: cpu (nanoseconds), wall (nanoseconds): pick one with --sample-type',
    );
  });
});
