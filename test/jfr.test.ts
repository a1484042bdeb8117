/**
 * The JFR reader beyond the oracle (test/jfr-oracle.test.ts): names, frame order, sample types
 * and units, settings, gzip, multi-chunk files, exact values of hand-built recordings in both
 * integer encodings, and corrupt, truncated and hostile input (always a ProfileError that
 * names the file and the problem).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aggregate, selectSampleType, type FunctionTotals } from '../src/profile/aggregate.js';
import { ProfileError } from '../src/profile/errors.js';
import type { Profile } from '../src/profile/model.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readProfile, readTotals } from '../src/profile/read.js';
import { parsePeriod } from '../src/profile/jfr/read.js';
import {
  chunk,
  Enc,
  standardClasses,
  stackPools,
  typeIds,
  type ChunkSpec,
} from './helpers/jfr-writer.js';

const off = makeNormalizer('off');
const bytesOf = (p: string) => new Uint8Array(readFileSync(p));
const PROFILE = 'fixtures/profiles/java-profile.jfr.gz';
const ATTACH = 'fixtures/profiles/java-attach.jfr';
const MULTI = 'fixtures/profiles/java-multichunk.jfr.gz';

function totals(p: Profile, type: string): FunctionTotals {
  return aggregate(p, selectSampleType(p, type, 'x'), off);
}
function byName(t: FunctionTotals): Map<string, [number, number]> {
  return new Map(t.names.map((n, i) => [n, [t.self[i], t.cum[i]]]));
}
function stacks(p: Profile): string[][] {
  const out: string[][] = [];
  for (let s = 0; s + 1 < p.stackOffsets.length; s++) {
    const f: string[] = [];
    for (let i = p.stackOffsets[s]; i < p.stackOffsets[s + 1]; i++) {
      f.push(p.functions[p.stackFrames[i]]);
    }
    out.push(f);
  }
  return out;
}
function rejects(bytes: Uint8Array, file: string): ProfileError {
  try {
    readProfile(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    const pe = e as ProfileError;
    expect(pe.message.startsWith(`${file}: `)).toBe(true);
    return pe;
  }
  throw new Error(`${file} was read`);
}

describe('JDK recordings (fixtures/java-demo)', () => {
  const p = readProfile(bytesOf(PROFILE), PROFILE);

  it('offers cpu, wall, alloc and lock with their units; cpu is the default; period 10 ms', () => {
    expect(p.format).toBe('jfr');
    expect(p.sampleTypes).toEqual([
      { type: 'cpu', unit: 'nanoseconds' },
      { type: 'wall', unit: 'nanoseconds' },
      { type: 'alloc', unit: 'bytes' },
      { type: 'lock', unit: 'nanoseconds' },
    ]);
    expect(p.defaultSampleType).toBe(0);
    expect(p.period).toBe(10_000_000);
    expect(p.periodType).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    expect(p.durationNanos).toBeGreaterThan(2e9);
    expect(p.timeNanos).toBeGreaterThan(1.6e18);
    expect(p.warnings).toEqual([]);
  });

  it('names functions package.Class.method with $ for nested classes, never in the internal / form', () => {
    for (const f of [
      'com.example.demo.Demo$Hot.spin',
      'com.example.demo.Demo$Hot.trig',
      'com.example.demo.Demo$Crunch.run',
      'com.example.demo.Demo$Alloc.churn',
      'com.example.demo.Demo.lockedWork',
      'com.example.demo.Demo.parkedWork',
      'com.example.demo.Demo.waitForClients',
      'java.lang.Thread.run',
    ]) {
      expect(p.functions).toContain(f);
    }
    expect(p.functions.filter((f) => /^[a-z]+\/[a-z]/.test(f))).toEqual([]);
    // Hidden (lambda) classes as the JVM writes them; the default rules make them stable.
    const lambda = p.functions.find((f) => f.startsWith('com.example.demo.Demo$$Lambda$'));
    expect(lambda).toMatch(/^com\.example\.demo\.Demo\$\$Lambda\$\d+\+0x[0-9a-f]+\/\d+\.run$/);
    expect(makeNormalizer('on')(lambda!)).toBe('com.example.demo.Demo$$Lambda.run');
  });

  it('stores frames leaf first, down to the thread root', () => {
    const spin = stacks(p).find((s) => s[0] === 'com.example.demo.Demo$Hot.spin');
    expect(spin).toBeDefined();
    expect(spin!.at(-1)).toBe('java.lang.Thread.run');
    expect(spin!.indexOf('com.example.demo.Demo$Crunch.run')).toBeGreaterThan(0);
    const cpu = byName(totals(p, 'cpu'));
    expect(cpu.get('com.example.demo.Demo$Hot.spin')![0]).toBeGreaterThan(0);
    expect(cpu.get('java.lang.Thread.run')![0]).toBe(0);
  });

  it('cpu values are samples x 10 ms; wall adds the native samples (20 ms) of the socket wait', () => {
    const cpu = totals(p, 'cpu');
    const wall = totals(p, 'wall');
    const execEvents = Number(/jdk\.ExecutionSample: (\d+) events/.exec(p.comments.join('\n'))![1]);
    const nativeEvents = Number(
      /jdk\.NativeMethodSample: (\d+) events/.exec(p.comments.join('\n'))![1],
    );
    expect(cpu.total).toBe(execEvents * 10_000_000);
    expect(wall.total).toBe(execEvents * 10_000_000 + nativeEvents * 20_000_000);
    expect(byName(cpu).get('sun.nio.ch.Net.poll')?.[1] ?? 0).toBe(0);
    expect(byName(wall).get('sun.nio.ch.Net.poll')![0]).toBeGreaterThan(0);
  });

  it('lock holds monitor enter (lockedWork) and park (Unsafe.park) durations', () => {
    const lock = byName(totals(p, 'lock'));
    expect(lock.get('com.example.demo.Demo.lockedWork')![0]).toBeGreaterThan(10_000_000);
    expect(lock.get('jdk.internal.misc.Unsafe.park')![0]).toBeGreaterThan(10_000_000);
    expect(lock.get('com.example.demo.Demo.parkedWork')![1]).toBeGreaterThan(10_000_000);
  });

  it('alloc comes from the TLAB events when the recording has no jdk.ObjectAllocationSample', () => {
    const a = readProfile(bytesOf(ATTACH), ATTACH);
    expect(a.comments.join('\n')).toMatch(/jdk\.ObjectAllocationInNewTLAB: \d+ events/);
    expect(a.comments.join('\n')).not.toMatch(/ObjectAllocationSample/);
    const alloc = byName(totals(a, 'alloc'));
    // Alloc.big allocates 2 MB arrays outside TLABs.
    expect(alloc.get('com.example.demo.Demo$Alloc.big')![0]).toBeGreaterThan(2_000_000);
  });

  it('two chunks with different periods: each chunk counts its own; truncated stacks warn', () => {
    const m = readProfile(bytesOf(MULTI), MULTI);
    expect(m.period).toBe(0);
    expect(m.warnings.join('\n')).toContain(
      "jdk.ExecutionSample's sampling period changed between chunks (20 ms, 10 ms)",
    );
    expect(m.warnings.join('\n')).toMatch(/\d+ of \d+ events \(\d+\.\d%\) have truncated stacks/);
    expect(Math.max(...stacks(m).map((s) => s.length))).toBe(16);
  });

  it('a gzipped recording reads the same as the raw one', () => {
    const raw = bytesOf(ATTACH);
    const a = readProfile(raw, ATTACH);
    const b = readProfile(gzipSync(raw), `${ATTACH}.gz`);
    expect(b.format).toBe('jfr');
    expect(b.functions).toEqual(a.functions);
    expect([...b.stackFrames]).toEqual([...a.stackFrames]);
    expect(b.values.map((v) => [...v])).toEqual(a.values.map((v) => [...v]));
  });

  it('reads each chunk on its own: two recordings laid end to end sum up (alloc: the sampled kind wins)', () => {
    const a = bytesOf(ATTACH);
    const b = readProfile(bytesOf(PROFILE), PROFILE);
    const pa = readProfile(a, ATTACH);
    const raw = new Uint8Array(Buffer.concat([a, gunzipSync(readFileSync(PROFILE))]));
    const both = readProfile(raw, 'both.jfr');
    for (const type of ['cpu', 'wall', 'lock']) {
      const x = byName(totals(pa, type));
      const y = byName(totals(b, type));
      const want = new Map<string, [number, number]>();
      for (const m of [x, y]) {
        for (const [n, [s, c]] of m) {
          const w = want.get(n) ?? [0, 0];
          want.set(n, [w[0] + s, w[1] + c]);
        }
      }
      const got = byName(totals(both, type));
      for (const [n, v] of want) expect(got.get(n), `${type} ${n}`).toEqual(v);
    }
    // The attach recording's allocations are TLAB events, the other's sampled: not added.
    expect(totals(both, 'alloc').total).toBe(totals(b, 'alloc').total);
    expect(both.comments.join('\n')).toContain('TLAB allocation events');
  });

  it('readTotals equals aggregate(readProfile) for every type', () => {
    const t = readTotals(bytesOf(PROFILE), PROFILE, off);
    expect(t.samples).toBe(p.stackOffsets.length - 1);
    p.sampleTypes.forEach((_, k) => {
      const a = aggregate(p, k, off);
      expect(t.totals[k].total).toBe(a.total);
      expect([...t.totals[k].self]).toEqual([...a.self]);
    });
  });
});

describe('recordings of other producers (fixtures/jfr-public)', () => {
  it('async-profiler: C++ and native frames by symbol, Java frames by class', () => {
    const f = 'fixtures/jfr-public/example.jfr.gz';
    const p = readProfile(bytesOf(f), f);
    expect(p.sampleTypes.map((t) => t.type)).toEqual(['cpu', 'alloc', 'lock']);
    expect(p.functions).toContain('Matcher::match');
    expect(p.functions).toContain('__psynch_cvwait');
    expect(p.functions).toContain('java.util.concurrent.atomic.AtomicLong.compareAndSet');
    expect(p.functions.filter((n) => n.includes('.dylib'))).toEqual([]);
    expect(p.period).toBe(10_000_000);
    // Its hidden classes end in .0x<address>: the default rules remove the number and address.
    expect(p.functions).toContain('App$$Lambda$72.0x0000000800c3a5d0.run');
    expect(makeNormalizer('on')('App$$Lambda$72.0x0000000800c3a5d0.run')).toBe('App$$Lambda.run');
  });

  it('async-profiler wall clock: one wall type, values samples x 10 ms', () => {
    const f = 'fixtures/jfr-public/wall.jfr.gz';
    const p = readProfile(bytesOf(f), f);
    expect(p.sampleTypes).toEqual([{ type: 'wall', unit: 'nanoseconds' }]);
    expect(p.comments).toContain('profiler.WallClockSample: 1780 events');
    expect(totals(p, 'wall').total % 10_000_000).toBe(0);
  });

  it('without the sampling period in the recording, cpu is a count, with a warning', () => {
    const f = 'fixtures/jfr-public/cortex-dev-01__kafka-0__cpu__0.jfr.gz';
    const p = readProfile(bytesOf(f), f);
    expect(p.sampleTypes).toEqual([{ type: 'cpu', unit: 'count' }]);
    expect(totals(p, 'cpu').total).toBe(478);
    expect(p.warnings.join('\n')).toContain('cpu values are sample counts');
  });

  it("the JDK's other hidden classes (method-handle forms) lose their addresses by default", () => {
    const on = makeNormalizer('on');
    const f = 'fixtures/jfr-public/cpool-uint64-constant-index.jfr.gz';
    const p = readProfile(bytesOf(f), f);
    const forms = p.functions.filter((n) => n.startsWith('java.lang.invoke.LambdaForm$MH+0x'));
    expect(forms.length).toBeGreaterThan(1);
    expect(new Set(forms.map(on))).toEqual(
      new Set([
        'java.lang.invoke.LambdaForm$MH.invoke',
        'java.lang.invoke.LambdaForm$MH.invokeExact_MT',
      ]),
    );
    expect(on('java.lang.invoke.LambdaForm$DMH+0x0000000800fd2000/323359681.invokeInterface')).toBe(
      'java.lang.invoke.LambdaForm$DMH.invokeInterface',
    );
    // async-profiler's spelling, and the JVM's own
    expect(on('java/lang/invoke/LambdaForm$MH.0x000000080157a000.linkToTargetMethod')).toBe(
      'java/lang/invoke/LambdaForm$MH.linkToTargetMethod',
    );
    expect(on('java.lang.invoke.LambdaForm$DMH/0x0000000800c0c400.invokeStatic')).toBe(
      'java.lang.invoke.LambdaForm$DMH.invokeStatic',
    );
    // not an address of a hidden class: kept
    expect(on('com.x.Codes.0x1f')).toBe('com.x.Codes.0x1f');
    for (const g of ['fixtures/jfr-public/cortex-dev-01__kafka-0__cpu__0.jfr.gz', f]) {
      const q = readProfile(bytesOf(g), g);
      expect(q.functions.map(on).filter((n) => /0x[0-9a-f]{8}/.test(n))).toEqual([]);
    }
  });
});

/** A recording with two stacks, three execution samples, one park, a 10 ms period. */
function simple(compressed: boolean, extra: Partial<ChunkSpec> = {}): ChunkSpec {
  const classes = standardClasses();
  const ids = typeIds({ classes, checkpoints: [], events: [] });
  const e = () => new Enc(compressed);
  return {
    compressed,
    classes,
    checkpoints: [
      stackPools(
        [
          { frames: ['com/x/A.leaf', 'com/x/A.mid', 'java/lang/Thread.run'] },
          { frames: ['com/x/B$Inner.f', 'com/x/B$Inner.f', 'java/lang/Thread.run'] },
        ],
        compressed,
      ),
    ],
    events: [
      [
        'jdk.ActiveSetting',
        e().long(0).long(ids.get('jdk.ExecutionSample')!).str('period').str('10 ms').bytes(),
      ],
      ['jdk.ExecutionSample', e().long(5).long(1).bytes()],
      ['jdk.ExecutionSample', e().long(6).long(1).bytes()],
      ['jdk.ExecutionSample', e().long(7).long(2).bytes()],
      ['jdk.ThreadPark', e().long(8).long(3_000_000).long(2).bytes()],
    ],
    ...extra,
  };
}

describe('hand-built recordings: exact values', () => {
  for (const compressed of [true, false]) {
    it(`${compressed ? 'compressed (varint)' : 'fixed-width'} integers`, () => {
      const p = readProfile(chunk(simple(compressed)), 'simple.jfr');
      expect(p.sampleTypes.map((t) => t.type)).toEqual(['cpu', 'lock']);
      expect([...byName(totals(p, 'cpu'))]).toEqual([
        ['com.x.A.leaf', [20_000_000, 20_000_000]],
        ['com.x.A.mid', [0, 20_000_000]],
        ['java.lang.Thread.run', [0, 30_000_000]],
        ['com.x.B$Inner.f', [10_000_000, 10_000_000]],
      ]);
      const lock = byName(totals(p, 'lock'));
      expect(lock.get('com.x.B$Inner.f')).toEqual([3_000_000, 3_000_000]);
      expect(totals(p, 'lock').total).toBe(3_000_000);
    });
  }

  it('durations convert ticks to ns as the JDK does (ticks / (ticks per ns), truncated)', () => {
    const p = readProfile(chunk(simple(true, { ticksPerSecond: 2_303_974_730 })), 't.jfr');
    expect(totals(p, 'lock').total).toBe(Math.trunc(3_000_000 / 2.30397473));
  });

  it('truncated stacks are counted in a warning', () => {
    const spec = simple(true);
    spec.checkpoints = [
      stackPools([{ frames: ['a/B.c'] }, { frames: ['a/B.d', 'a/B.e'], truncated: true }], true),
    ];
    const p = readProfile(chunk(spec), 'tr.jfr');
    expect(p.warnings[0]).toMatch(/^2 of 4 events \(50\.0%\) have truncated stacks/);
  });

  it('events without a stack (key 0) or with a missing one are dropped, with warnings', () => {
    const spec = simple(true);
    spec.events.push(['jdk.ExecutionSample', new Enc().long(9).long(0).bytes()]);
    spec.events.push(['jdk.ExecutionSample', new Enc().long(9).long(77).bytes()]);
    const p = readProfile(chunk(spec), 'ns.jfr');
    expect(totals(p, 'cpu').total).toBe(30_000_000);
    expect(p.warnings).toEqual([
      'dropped 1 event whose stack trace is missing from the constant pool',
      'dropped 1 event recorded without a stack trace',
    ]);
  });

  it('constant-pool keys beyond 2^53 and negative keys stay exact', () => {
    const spec = simple(true);
    const pools = stackPools([{ frames: ['k/Big.one'] }, { frames: ['k/Big.two'] }], true);
    pools[0].entries[0][0] = 2n ** 60n + 1n;
    pools[0].entries[1][0] = 2n ** 60n + 2n; // same double as 2^60 + 1
    spec.checkpoints = [pools];
    spec.events = [
      [
        'jdk.ExecutionSample',
        new Enc()
          .long(1)
          .long(2n ** 60n + 1n)
          .bytes(),
      ],
      [
        'jdk.ExecutionSample',
        new Enc()
          .long(1)
          .long(2n ** 60n + 2n)
          .bytes(),
      ],
      [
        'jdk.ExecutionSample',
        new Enc()
          .long(1)
          .long(2n ** 60n + 2n)
          .bytes(),
      ],
    ];
    const cpu = byName(totals(readProfile(chunk(spec), 'big.jfr'), 'cpu'));
    expect(cpu.get('k.Big.one')).toEqual([1, 1]);
    expect(cpu.get('k.Big.two')).toEqual([2, 2]);
  });

  it('parses the periods the JDK and async-profiler write', () => {
    expect(parsePeriod('10 ms')).toBe(10_000_000);
    expect(parsePeriod('20 ms')).toBe(20_000_000);
    expect(parsePeriod('1 s')).toBe(1_000_000_000);
    expect(parsePeriod('10000000')).toBe(10_000_000);
    expect(parsePeriod('everyChunk')).toBeUndefined();
    expect(parsePeriod('0 ms')).toBeUndefined();
  });
});

describe('corrupt, truncated and hostile input: a ProfileError naming the file', () => {
  const good = bytesOf(ATTACH);

  it('a truncated file', () => {
    const e = rejects(good.subarray(0, good.length >> 1), 'half.jfr');
    expect(e.code).toBe('jfr');
    expect(e.detail).toMatch(
      /^not a readable JFR recording: chunk 1 \(at byte 0\): the chunk says it is \d+ bytes but only \d+ are left in the file \(truncated\?\)$/,
    );
    expect(rejects(good.subarray(0, 40), 'head.jfr').detail).toContain(
      'the file ends 40 bytes into a 68-byte chunk header',
    );
    const gz = gzipSync(good).subarray(0, 5000);
    expect(rejects(gz, 'cut.jfr.gz').code).toBe('gzip');
  });

  it('garbage after the last chunk', () => {
    const bytes = new Uint8Array([...good, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rejects(bytes, 'tail.jfr').detail).toContain(
      `chunk 2 (at byte ${good.length}): the file ends 9 bytes into`,
    );
    const bytes2 = new Uint8Array([...good, ...new Uint8Array(100)]);
    expect(rejects(bytes2, 'tail2.jfr').detail).toContain('no chunk magic "FLR\\0"');
  });

  it('a constant pool offset that points at something else', () => {
    const spec = simple(true, { constantPoolOffset: 68 });
    expect(rejects(chunk(spec), 'cp.jfr').detail).toContain(
      'expected a checkpoint event (type 1) at byte 68, found an event of type',
    );
    expect(rejects(chunk(simple(true, { constantPoolOffset: 9999 })), 'cp2.jfr').detail).toContain(
      'constant pool offset 9999 is outside the chunk',
    );
  });

  it('a constant pool of an undeclared type, or with more entries than bytes', () => {
    const spec = simple(true);
    spec.checkpoints[0][0].type = 'nope';
    expect(rejects(chunk(spec), 'type.jfr').detail).toMatch(
      /the checkpoint at byte \d+ has a constant pool of type id \d+, which the metadata does not declare/,
    );
    // A real recording's first pool type id, overwritten in place with an undeclared one.
    const bad = Uint8Array.from(good);
    const at = firstPoolTypeId(bad);
    bad.set(padded(16383, at.len), at.pos);
    expect(rejects(bad, 'cp3.jfr').detail).toContain(
      'has a constant pool of type id 16383, which the metadata does not declare',
    );
    const huge = simple(true);
    huge.checkpoints[0][0].entries = [[1, new Enc().bool(false).int(1_000_000_000).bytes()]];
    expect(rejects(chunk(huge), 'frames.jfr').detail).toMatch(
      /count 1000000000 at byte \d+ is more than the \d+ bytes left/,
    );
  });

  it('checkpoints that loop', () => {
    const spec = simple(true);
    spec.checkpoints = [spec.checkpoints[0], [], []];
    spec.delta = (i, pos) => (i === 2 ? pos[1] - pos[2] : i === 1 ? pos[2] - pos[1] : 0);
    expect(rejects(chunk(spec), 'loop.jfr').detail).toMatch(
      /the checkpoint events loop back to byte \d+/,
    );
  });

  it('types that contain themselves, fields of undeclared types, unsupported versions', () => {
    const self = simple(true);
    self.classes.push({ name: 'x.Loop', fields: [{ name: 'next', type: 'x.Loop' }] });
    self.checkpoints[0].push({ type: 'x.Loop', entries: [[1, new Uint8Array()]] });
    expect(rejects(chunk(self), 'self.jfr').detail).toContain('type x.Loop contains itself');
    const undeclared = simple(true);
    undeclared.classes.push({ name: 'x.Odd', fields: [{ name: 'f', type: 'x.Missing' }] });
    undeclared.checkpoints[0].push({ type: 'x.Odd', entries: [[1, new Uint8Array([0])]] });
    expect(rejects(chunk(undeclared), 'undeclared.jfr').detail).toContain(
      'type id -1 is not declared',
    );
    expect(rejects(chunk(simple(true, { major: 1 })), 'v1.jfr').detail).toContain(
      'JFR format version 1.1 is not supported',
    );
  });

  it('an event whose size or values run past its end', () => {
    const spec = simple(true);
    spec.events.push(['jdk.ExecutionSample', new Enc().raw([0xff, 0xff]).bytes()]);
    expect(rejects(chunk(spec), 'ev.jfr').detail).toMatch(
      /a compressed integer at byte \d+ runs past byte \d+, where its event ends/,
    );
  });

  it('no sample events at all', () => {
    const spec = simple(true);
    spec.events = spec.events.slice(0, 1);
    const e = rejects(chunk(spec), 'none.jfr');
    expect(e.code).toBe('empty');
    expect(e.detail).toContain('has no sample events');
  });

  it('not JFR: other bytes are not taken for it', () => {
    const e = rejects(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'x.png');
    expect(e.code).toBe('unknown-format');
    expect(e.detail).toContain('JFR');
    const flr = rejects(new Uint8Array([0x46, 0x4c, 0x52, 0, 1, 2, 3]), 'flr.jfr');
    expect(flr.code).toBe('jfr');
    expect(flr.detail).toContain('the file ends 7 bytes into a 68-byte chunk header');
  });
});

/** Position and length of the first pool's type id in the first checkpoint of a chunk. */
function firstPoolTypeId(b: Uint8Array): { pos: number; len: number } {
  const dv = new DataView(b.buffer, b.byteOffset);
  let p = Number(dv.getBigUint64(16));
  const varint = () => {
    // Up to 9 bytes: the ninth carries 8 bits and ends the value whatever its top bit.
    const start = p;
    while (b[p++] & 0x80 && p - start < 9);
    return p - start;
  };
  for (let i = 0; i < 5; i++) varint(); // size, type, start, duration, delta
  p++; // flags
  varint(); // pool count
  const pos = p;
  return { pos, len: varint() };
}

/** `v` as a varint of exactly `len` bytes. */
function padded(v: number, len: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < len; i++) out.push(((v >> (7 * i)) & 0x7f) | (i < len - 1 ? 0x80 : 0));
  return out;
}
