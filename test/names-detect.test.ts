/**
 * Names that match across builds (the `positions` and `addresses` normalization rules) and
 * honest format detection (folded stacks must dominate; formats the readers do not handle are
 * named with a way to convert them), on small inline inputs.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProfileError } from '../src/profile/errors.js';
import { readFolded } from '../src/profile/folded.js';
import { readHeapProfile } from '../src/profile/heapprofile.js';
import {
  collapseAddress,
  makeNormalizer,
  removePositions,
  ruleContext,
} from '../src/profile/normalize.js';
import { readProfile } from '../src/profile/read.js';
import { fixture } from './helpers/corpus.js';
import { totals, utf8 } from './helpers/readers.js';
import { readFileSync } from 'node:fs';

function rejection(bytes: Uint8Array | string, name = 'x'): ProfileError {
  try {
    readProfile(typeof bytes === 'string' ? utf8(bytes) : bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError');
}

describe('positions rule', () => {
  const ctx = ruleContext({ roots: ['/srv/build-17/app', '/home/runner/work/shop/shop'] });
  const cases: [string, string][] = [
    ['(anonymous:L#27:C#26)', '(anonymous)'],
    ['handler (/srv/build-17/app/server.js)', 'handler (server.js)'],
    ['(anonymous) (/srv/build-17/app/lib/routes.js:31:26)', '(anonymous) (lib/routes.js)'],
    ['(anonymous) (file:///srv/build-17/app/x.mjs:1:2)', '(anonymous) (x.mjs)'],
    ['serve (/Users/me/code/shop/src/serve.ts:63:5)', 'serve (src/serve.ts)'],
    [
      'next (/x/node_modules/.pnpm/express@4.18.2/node_modules/express/lib/router/index.js:280:10)',
      'next (node_modules/express/lib/router/index.js)',
    ],
    ['listOnTimeout (node:internal/timers:569:17)', 'listOnTimeout (node:internal/timers)'],
    ['JS:*handler /srv/build-17/app/server.js:63:20', 'JS:*handler server.js'],
    ['app.js:12', 'app.js'],
    ['handle (app.py:42)', 'handle (app.py)'],
    // left alone: no path, no position
    ['main.(*Server).handle', 'main.(*Server).handle'],
    ['github.com/acme/shop/cart.Total', 'github.com/acme/shop/cart.Total'],
    ['std::vector<int>::push_back(int const&)', 'std::vector<int>::push_back(int const&)'],
    [
      '<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop',
      '<alloc::vec::Vec<T> as core::ops::drop::Drop>::drop',
    ],
    ['api.example.com:8080', 'api.example.com:8080'],
    ['/usr/lib/libc.so.6', '/usr/lib/libc.so.6'],
  ];
  for (const [raw, want] of cases) {
    it(`${raw} -> ${want}`, () => expect(removePositions(raw, ctx)).toBe(want));
  }

  it('is on by default, and off with -positions', () => {
    expect(makeNormalizer('on').rules).toContain('positions');
    expect(makeNormalizer('on')('(anonymous:L#3:C#9)')).toBe('(anonymous)');
    expect(makeNormalizer('-positions')('(anonymous:L#3:C#9)')).toBe('(anonymous:L#3:C#9)');
  });

  it('stays linear on long names (no backtracking)', () => {
    const names = [
      '('.repeat(200_000),
      `${'a:1'.repeat(70_000)}`,
      `/${'x/'.repeat(100_000)}f.js:${'1'.repeat(50_000)}`,
      `${':L#1'.repeat(50_000)}`,
      `(${'/a b'.repeat(50_000)}`,
    ];
    const n = makeNormalizer('all', { roots: ['/x', '/a'] });
    for (const name of names) {
      const t0 = performance.now();
      n(name);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});

describe('addresses rule', () => {
  it('collapses module names that hold brackets, and only addresses', () => {
    expect(collapseAddress('[[vdso]]+0x8f0')).toBe('[[vdso]]');
    expect(collapseAddress('[libc.so.6]+0x1a2B')).toBe('[libc.so.6]');
    expect(collapseAddress('<unknown>+0x10')).toBe('<unknown>');
    expect(collapseAddress('[x]+0xzz')).toBe('[x]+0xzz');
    expect(collapseAddress('main.f+0x10')).toBe('main.f+0x10');
    expect(collapseAddress('[x]+0x')).toBe('[x]+0x');
  });
});

describe('honest folded detection', () => {
  it('rejects text whose lines merely end in a number, saying what it looks like', () => {
    const e = rejection('Build 1234 finished in 30\n', 'build.log');
    expect(e.code).toBe('folded');
    expect(e.message).toMatch(/^build\.log: not folded stacks: no line has a frame separator/);
    expect(e.message).toMatch(/plain text \(a log or a report\?\)/);
  });

  it('rejects a callgrind log, naming it and how to get a sampling profile', () => {
    const callgrind = [
      '# callgrind format',
      'version: 1',
      'creator: callgrind-3.19.0',
      'events: Ir',
      'fl=(1) prog.c',
      'fn=(1) main',
      '16 20',
      'cfn=(2) work',
      'calls=1 0',
      '17 400',
      '',
    ].join('\n');
    const e = rejection(callgrind, 'callgrind.out.123');
    expect(e.code).toBe('unsupported-format');
    expect(e.detail).toMatch(/callgrind or cachegrind output.*perf record/);
  });

  it('needs well-formed lines to dominate: more than one stray line in ten is a rejection', () => {
    const good = 'main;work 3\n'.repeat(17);
    expect(readFolded(`${good}oops\n`, 'ok.txt').warnings.join()).toMatch(/skipped 1 line/);
    const e = rejection(`${good}oops one\noops two\noops three\n`, 'half.txt');
    expect(e.detail).toMatch(/only 17 of 20 non-empty lines have the form/);
  });

  it('reads single-frame stacks when the frames look like function names', () => {
    const p = readFolded('main 3\n[unknown] 2\nhandle (app.py:4) 1\n', 'one.txt');
    expect(totals(p).total).toBe(6);
    expect(() => readFolded('16 20\n17 400\n', 'n.txt')).toThrow(/do not look like function names/);
  });
});

describe('formats the readers do not handle are named, with a conversion hint', () => {
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['perf.data', utf8('PERFILE2\x68\0\0\0\0\0\0\0'), /perf\.data file.*perf script -i perf\.data/],
    ['zip', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), /a zip archive.*unzip it/],
    ['zip, gzipped', gzipSync(new Uint8Array([0x50, 0x4b, 5, 6, 0, 0])), /a zip archive/],
    // ProfilesData { resource_profiles { resource { attributes {...} } } }
    [
      'OTLP protobuf',
      new Uint8Array([0x0a, 0x06, 0x0a, 0x04, 0x0a, 0x02, 0x0a, 0x00]),
      /OpenTelemetry \(OTLP\) profiles/,
    ],
    ['OTLP JSON', '{"resourceProfiles": [{"scopeProfiles": []}]}', /OpenTelemetry \(OTLP\)/],
    [
      'Firefox profile',
      '{"meta": {"version": 24}, "threads": [], "libs": []}',
      /Firefox Profiler .* speedscope/,
    ],
    [
      'Chrome trace',
      '[{"ph": "X", "ts": 1, "name": "a"}, {"ph": "B", "ts": 2}]',
      /Chrome trace-event file/,
    ],
    ['ELF', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), /an executable or library/],
    [
      'perf report',
      '# Overhead  Command  Shared Object  Symbol\n    45.12%  prog  prog  [.] main\n',
      /`perf report` text/,
    ],
    [
      'thread dump',
      'Full thread dump OpenJDK 64-Bit Server VM:\n\n"main" #1 prio=5 tid=0x00007f nid=0x1 runnable\n',
      /Java thread dump .* --profiler jfr/,
    ],
  ];
  for (const [what, bytes, re] of cases) {
    it(what, () => {
      const e = rejection(bytes, `${what}.bin`);
      expect(e.code).toBe('unsupported-format');
      expect(e.message).toMatch(new RegExp(`^${what.replace(/[.()]/g, '\\$&')}\\.bin: this is `));
      expect(e.detail).toMatch(re);
    });
  }

  it('a real pprof file is still read (field 1 holds plain numbers)', () => {
    const bytes = readFileSync(fixture('captures', 'base-1', 'cpu-01.pb.gz'));
    expect(readProfile(bytes, 'cpu-01.pb.gz').format).toBe('pprof');
  });
});

describe('.heapprofile reader', () => {
  it('reads the fixture recorded through HeapProfiler.startSampling', () => {
    const bytes = readFileSync(fixture('profiles', 'node-alloc.heapprofile'));
    const p = readProfile(bytes, 'node-alloc.heapprofile');
    expect(p.format).toBe('heapprofile');
    expect(p.sampleTypes).toEqual([
      { type: 'alloc_space', unit: 'bytes' },
      { type: 'samples', unit: 'count' },
    ]);
    const json = JSON.parse(bytes.toString('utf8'));
    // an independent sum of selfSize over the tree, and of the samples list
    let bytesTotal = 0;
    const walk = (n: { selfSize: number; children: unknown[] }) => {
      bytesTotal += n.selfSize;
      for (const c of n.children) walk(c as typeof n);
    };
    walk(json.head);
    const t = totals(p, 0, 'on');
    expect(t.total).toBe(bytesTotal);
    expect(totals(p, 1).total).toBe(json.samples.length);
    const names = Object.keys(t.fns);
    expect(names.some((n) => /^makeStrings \(.*alloc\.js\)$/.test(n))).toBe(true);
    expect(names.some((n) => /^makeObjects \(.*alloc\.js\)$/.test(n))).toBe(true);
  });

  it('charges selfSize to the node, cum to its callers, and rejects broken trees', () => {
    const cf = (functionName: string) => ({
      functionName,
      url: '/app/a.js',
      lineNumber: 1,
      columnNumber: 1,
    });
    const head = {
      callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 },
      selfSize: 0,
      id: 1,
      children: [
        {
          callFrame: cf('outer'),
          selfSize: 100,
          id: 2,
          children: [{ callFrame: cf('inner'), selfSize: 300, id: 3, children: [] }],
        },
      ],
    };
    const p = readHeapProfile(
      { head, samples: [{ size: 64, nodeId: 3, ordinal: 1 }] },
      'h.heapprofile',
    );
    expect(totals(p).fns).toEqual({
      'outer (/app/a.js)': [100, 400],
      'inner (/app/a.js)': [300, 300],
    });
    expect(totals(p, 1).fns).toEqual({ 'outer (/app/a.js)': [0, 1], 'inner (/app/a.js)': [1, 1] });
    // V8 sometimes lists samples of nodes it left out of the tree: dropped, with a warning
    const orphan = readHeapProfile({ head, samples: [{ nodeId: 9 }, { nodeId: 3 }] }, 'h');
    expect(totals(orphan, 1).total).toBe(1);
    expect(orphan.warnings).toEqual(['dropped 1 sample of nodes that are not in the tree']);
    expect(() => readHeapProfile({ head, samples: [{ size: 1 }] }, 'h')).toThrow(
      /samples\[0\] has no nodeId/,
    );
    expect(() =>
      readHeapProfile(
        { head: { ...head, children: [{ ...head.children[0], selfSize: -1 }] } },
        'h',
      ),
    ).toThrow(/selfSize -1 is not a size/);
  });
});
