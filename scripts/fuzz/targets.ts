/**
 * Fuzz targets over readProfile, shared by test/fuzz.test.ts (short runs in CI) and
 * scripts/fuzz.mjs (long runs: `npm run fuzz -- --runs 200000`).
 *
 * Property: readProfile either returns a Profile that is internally consistent (Σself == total
 * within 1e-9 relative to Σ|value|, cum within the bounds the weights allow, indices in range,
 * finite values) or throws a ProfileError. Anything else (a TypeError from inside a decoder,
 * a RangeError, an inconsistent profile) is a finding.
 *
 * For pprof input also: the totals fast path with and without its WebAssembly sample pass
 * gives identical totals or the same rejection, and when readProfile succeeded, both equal
 * aggregate(readProfile) (the totals path may accept what the full read rejects: it does
 * not resolve label strings).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { aggregate } from '../../src/profile/aggregate.js';
import { ProfileError } from '../../src/profile/errors.js';
import type { Profile } from '../../src/profile/model.js';
import { makeNormalizer } from '../../src/profile/normalize.js';
import { readProfile } from '../../src/profile/read.js';
import { sniff } from '../../src/profile/detect.js';
import { readPprofTotals, type ProfileTotals } from '../../src/profile/pprof/read.js';
import { corpusDir, fixture, hasCorpus } from './paths.js';
import { canReencode, reencodedPprof } from './pprof-reencode.js';
import { checkOutputSafety, HOSTILE_TARGETS } from './hostile-targets.js';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

const SEED_DIRS = ['pprof', 'collapsed', 'perf-script', 'speedscope', 'cpuprofile'];
const FIXTURE_EXT = /\.(cpuprofile|heapprofile|txt|collapsed|folded|json|pb|pprof|gz|prof|jfr)$/;
/** Fixture folders whose files are all seeds (JFR recordings of other producers). */
const FIXTURE_DIRS = ['profiles', 'jfr-public'];

/** Every corpus file and fixture profile, plus the inflated content of gzipped ones. */
export function loadSeeds(): Seed[] {
  const out: Seed[] = [];
  const add = (name: string, bytes: Uint8Array) => {
    out.push({ name, bytes });
    if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        out.push({ name: `${name} (inflated)`, bytes: new Uint8Array(gunzipSync(bytes)) });
      } catch {
        // not really gzip: keep the raw seed only
      }
    }
  };
  if (hasCorpus) {
    for (const dir of SEED_DIRS) {
      const d = join(corpusDir, dir);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d).sort())
        add(`${dir}/${f}`, new Uint8Array(readFileSync(join(d, f))));
    }
  }
  for (const dir of FIXTURE_DIRS) {
    const fx = fixture(dir);
    if (!existsSync(fx)) continue;
    for (const f of readdirSync(fx).sort()) {
      const p = join(fx, f);
      if (statSync(p).isFile() && FIXTURE_EXT.test(f))
        add(
          dir === 'profiles' ? `fixtures/${f}` : `fixtures/${dir}/${f}`,
          new Uint8Array(readFileSync(p)),
        );
    }
  }
  return out;
}

/**
 * One real Go capture of each fixture set (CPU, allocations, block, mutex): pprof seeds that
 * exist without the shared corpus.
 */
export function fixtureCaptureSeeds(): Seed[] {
  const root = fixture('captures');
  if (!existsSync(root)) return [];
  const out: Seed[] = [];
  for (const d of readdirSync(root).sort()) {
    const dir = join(root, d);
    if (!statSync(dir).isDirectory()) continue;
    const f = readdirSync(dir)
      .sort()
      .find((x) => x.endsWith('.pb.gz'));
    if (f) {
      const bytes = new Uint8Array(gunzipSync(readFileSync(join(dir, f))));
      out.push({ name: `captures/${d}/${f} (inflated)`, bytes });
    }
  }
  return out;
}

/** Throws when the profile breaks an invariant. */
export function checkProfile(p: Profile): void {
  const fail = (what: string): never => {
    throw new Error(`invalid profile: ${what}`);
  };
  const n = p.stackOffsets.length - 1;
  if (n < 1) fail('no samples (readProfile must reject these)');
  if (p.values.length !== p.sampleTypes.length || p.values.length === 0)
    fail('value columns != sample types');
  if (
    !Number.isInteger(p.defaultSampleType) ||
    p.defaultSampleType < 0 ||
    p.defaultSampleType >= p.sampleTypes.length
  ) {
    fail(`defaultSampleType ${p.defaultSampleType} out of range`);
  }
  for (const t of p.sampleTypes) {
    if (typeof t.type !== 'string' || typeof t.unit !== 'string')
      fail('sample type without strings');
  }
  if (p.stackOffsets[0] !== 0 || p.stackOffsets[n] !== p.stackFrames.length)
    fail('stack offsets do not cover the frames');
  for (let i = 0; i < n; i++)
    if (p.stackOffsets[i] > p.stackOffsets[i + 1]) fail('stack offsets decrease');
  for (const f of p.stackFrames)
    if (f >= p.functions.length) fail(`frame ${f} >= ${p.functions.length} functions`);
  for (const name of p.functions)
    if (typeof name !== 'string') fail('function name is not a string');
  if (!Number.isFinite(p.durationNanos) || p.durationNanos < 0)
    fail(`durationNanos ${p.durationNanos}`);
  for (const w of p.warnings) if (typeof w !== 'string') fail('warning is not a string');

  const off = makeNormalizer('off');
  const on = makeNormalizer('on');
  for (let k = 0; k < p.sampleTypes.length; k++) {
    const vals = p.values[k];
    if (vals.length !== n) fail(`column ${k} has ${vals.length} values for ${n} samples`);
    let pos = 0;
    let neg = 0;
    for (let s = 0; s < n; s++) {
      const v = vals[s];
      if (!Number.isFinite(v)) fail(`sample ${s} value ${v} in column ${k}`);
      if (v > 0) pos += v;
      else neg += v;
    }
    if (!Number.isFinite(pos - neg)) fail(`column ${k}: Σ|value| overflows`);
    const tol = 1e-9 * Math.max(1, pos - neg);
    for (const norm of k === p.defaultSampleType ? [off, on] : [off]) {
      const t = aggregate(p, k, norm);
      let sumSelf = 0;
      for (const v of t.self) sumSelf += v;
      if (Math.abs(sumSelf - t.total) > tol) {
        fail(`column ${k} (${t.type.type}): Σself ${sumSelf} != total ${t.total}`);
      }
      for (let i = 0; i < t.names.length; i++) {
        const c = t.cum[i];
        if (!Number.isFinite(c)) fail(`cum of ${t.names[i]} is ${c}`);
        if (c > pos + tol || c < neg - tol)
          fail(`cum of ${t.names[i]} (${c}) outside [${neg}, ${pos}]`);
        if (neg === 0 && c > t.total + tol) fail(`cum of ${t.names[i]} (${c}) > total ${t.total}`);
      }
    }
  }
}

export type Outcome = 'ok' | 'rejected';

/** Reads `bytes`; returns 'ok' / 'rejected' (ProfileError), throws on a finding. */
export function readAndCheck(bytes: Uint8Array, name = 'fuzz-input'): Outcome {
  let p: Profile | undefined;
  try {
    p = readProfile(bytes, name, { maxInflatedBytes: 64 * 1024 * 1024 });
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    if (typeof e.detail !== 'string' || e.detail === '')
      throw new Error('ProfileError without detail');
  }
  if (p) {
    checkProfile(p);
    checkOutputSafety(p);
  }
  checkTotalsPaths(bytes, name, p);
  return p ? 'ok' : 'rejected';
}

const fuzzNorm = makeNormalizer('on');

/** The pprof totals paths agree with each other and with the full model (see the header). */
function checkTotalsPaths(bytes: Uint8Array, name: string, full: Profile | undefined): void {
  let inner: Uint8Array;
  try {
    const s = sniff(bytes, name, 64 * 1024 * 1024);
    if (s.kind !== 'pprof') return;
    inner = s.bytes;
  } catch {
    return;
  }
  const attempt = (wasm: boolean): ProfileTotals | string => {
    try {
      return readPprofTotals(inner, name, fuzzNorm, { wasm });
    } catch (e) {
      if (e instanceof ProfileError) return `rejected: ${e.message}`;
      throw e;
    }
  };
  const withWasm = attempt(true);
  const withoutWasm = attempt(false);
  const key = (t: ProfileTotals | string) =>
    typeof t === 'string'
      ? t
      : JSON.stringify(t.totals.map((x) => [x.total, x.samples, x.names, [...x.self], [...x.cum]]));
  if (key(withWasm) !== key(withoutWasm)) {
    throw new Error('the totals path gives different results with and without WebAssembly');
  }
  if (!full || typeof withWasm === 'string') {
    if (full) throw new Error(`the totals path rejects what readProfile reads: ${withWasm}`);
    return;
  }
  full.sampleTypes.forEach((_, k) => {
    const slow = aggregate(full, k, fuzzNorm);
    const fast = withWasm.totals[k];
    const asMap = (t: { names: string[]; self: Float64Array; cum: Float64Array }) => {
      const m = new Map<string, string>();
      t.names.forEach((n, i) => {
        if (t.self[i] || t.cum[i]) m.set(n, `${t.self[i]}/${t.cum[i]}`);
      });
      return JSON.stringify([...m].sort());
    };
    if (fast.total !== slow.total || asMap(fast) !== asMap(slow)) {
      throw new Error(`the totals path differs from aggregate(readProfile) for type ${k}`);
    }
  });
}

// ---------------------------------------------------------------------------------------
// Arbitraries

const enc = new TextEncoder();

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

/** Text to bytes: UTF-8 (mostly), UTF-8 with BOM, UTF-16 LE/BE with BOM, or gzipped. */
function encodeText(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(text, fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8', 'bom', 'le', 'be', 'gzip'))
    .map(([t, how]) => {
      switch (how) {
        case 'bom':
          return new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(t)]);
        case 'le':
          return utf16(t, false);
        case 'be':
          return utf16(t, true);
        case 'gzip':
          return new Uint8Array(gzipSync(enc.encode(t)));
        default:
          return enc.encode(t);
      }
    });
}

export const randomBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 2048 }),
  // A gzip header in front of random bytes, and valid gzip of random bytes.
  fc
    .uint8Array({ maxLength: 512 })
    .map((b) => new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, ...b])),
  fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array(gzipSync(b))),
  // Protobuf-looking starts: a Profile field key then random bytes.
  fc
    .tuple(
      fc.constantFrom(
        0x0a,
        0x12,
        0x1a,
        0x22,
        0x2a,
        0x32,
        0x38,
        0x40,
        0x48,
        0x50,
        0x5a,
        0x60,
        0x68,
        0x70,
        0x78,
      ),
      fc.uint8Array({ maxLength: 256 }),
    )
    .map(([k, b]) => new Uint8Array([k, ...b])),
);

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; xor: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({
    op: fc.constant('flip' as const),
    at: position,
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    op: fc.constant('flip' as const),
    at: position,
    xor: fc.constantFrom(1, 2, 4, 8, 16, 32, 64, 128),
  }),
  fc.record({
    op: fc.constant('set' as const),
    at: position,
    value: fc.constantFrom(0, 0x7f, 0x80, 0xff, 0x0a, 0x3b, 0x22, 0x2d, 0x30, 0x39),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: position,
    len: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: position,
    len: fc.integer({ min: 1, max: 64 }),
  }),
);

function applyMutations(src: Uint8Array, ops: Mutation[]): Uint8Array {
  let b = src;
  for (const m of ops) {
    const at = Math.floor(m.at * (b.length + 1));
    switch (m.op) {
      case 'truncate':
        b = b.slice(0, at);
        break;
      case 'flip':
      case 'set':
        if (at < b.length) {
          b = b.slice();
          b[at] = m.op === 'flip' ? b[at] ^ m.xor : m.value;
        }
        break;
      case 'insert': {
        const n = new Uint8Array(b.length + m.bytes.length);
        n.set(b.subarray(0, at));
        n.set(m.bytes, at);
        n.set(b.subarray(at), at + m.bytes.length);
        b = n;
        break;
      }
      case 'delete': {
        const n = new Uint8Array(Math.max(0, b.length - Math.min(m.len, b.length - at)));
        n.set(b.subarray(0, at));
        n.set(b.subarray(Math.min(b.length, at + m.len)), at);
        b = n;
        break;
      }
      case 'repeat': {
        const piece = b.subarray(at, Math.min(b.length, at + m.len));
        const n = new Uint8Array(b.length + piece.length);
        n.set(b.subarray(0, at + piece.length));
        n.set(piece, at + piece.length);
        n.set(b.subarray(at + piece.length), at + 2 * piece.length);
        b = n;
        break;
      }
    }
  }
  return b;
}

/** Truncations, byte flips, insertions and deletions of the seed files. */
export function mutatedSeeds(seeds: Seed[]): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      seed: fc.nat({ max: Math.max(0, seeds.length - 1) }),
      ops: fc.array(mutation, { minLength: 1, maxLength: 6 }),
      regzip: fc.boolean(),
    })
    .map(({ seed, ops, regzip }) => {
      const s = seeds[seed];
      const out = applyMutations(s.bytes, ops);
      // Mutating inside gzip mostly tests zlib; sometimes mutate the content then re-gzip.
      return regzip && s.name.endsWith('(inflated)') ? new Uint8Array(gzipSync(out)) : out;
    });
}

// Numbers that stress the readers: huge, tiny, negative, fractional, zero.
const weirdNumber = fc.oneof(
  fc.integer({ min: -3, max: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 0.1, 1e21),
);
const frameName = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    'c',
    'main',
    'fib',
    '(root)',
    '(idle)',
    '(program)',
    '(garbage collector)',
    '',
    ' ',
    'x;y',
    'f (a.py:3)',
    'toString',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const fileName = fc.option(
  fc.constantFrom('a.py', 'b.js', 'file:///x/app.js', 'node:internal/x', '', 'x (y)'),
  { nil: undefined },
);

/** Evented event lists: mostly well nested, sometimes corrupted. */
function eventList(n: number): fc.Arbitrary<Record<string, unknown>[]> {
  return fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.boolean(),
          fc.integer({ min: 0, max: Math.max(0, n - 1) }),
          fc.integer({ min: 0, max: 5 }),
        ),
        { maxLength: 30 },
      ),
      fc.constantFrom(true, true, true, true, false),
      fc.oneof(
        { arbitrary: fc.constant([] as [number, string][]), weight: 4 },
        {
          arbitrary: fc.array(
            fc.tuple(fc.nat(), fc.constantFrom('drop', 'swap', 'frame', 'at', 'type', 'junk')),
            { maxLength: 2 },
          ),
          weight: 1,
        },
      ),
    )
    .map(([steps, closeAll, corruptions]) => {
      const events: Record<string, unknown>[] = [];
      const open: number[] = [];
      let at = 0;
      for (const [close, frame, dt] of steps) {
        at += dt;
        if (close && open.length > 0) events.push({ type: 'C', frame: open.pop(), at });
        else {
          open.push(frame);
          events.push({ type: 'O', frame, at });
        }
      }
      if (closeAll) while (open.length > 0) events.push({ type: 'C', frame: open.pop(), at: ++at });
      for (const [i, how] of corruptions) {
        if (events.length === 0) break;
        const k = i % events.length;
        if (how === 'drop') events.splice(k, 1);
        else if (how === 'swap' && k + 1 < events.length)
          [events[k], events[k + 1]] = [events[k + 1], events[k]];
        else if (how === 'frame') events[k].frame = (events[k].frame as number) + 1;
        else if (how === 'at') events[k].at = -1;
        else if (how === 'type') events[k].type = 'X';
        else if (how === 'junk') events[k] = { at: 'x' } as Record<string, unknown>;
      }
      return events;
    });
}

/** A frame index: mostly in range for `n` frames, sometimes not. */
function frameIndex(n: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: Math.max(0, n - 1) }), weight: 400 },
    { arbitrary: fc.constantFrom(-1, n, 1.5, '0', null), weight: 1 },
  );
}

function speedscopeProfile(n: number): fc.Arbitrary<unknown> {
  const unit = fc.oneof(
    {
      arbitrary: fc.constantFrom(
        'none',
        'seconds',
        'milliseconds',
        'microseconds',
        'nanoseconds',
        'bytes',
      ),
      weight: 60,
    },
    { arbitrary: fc.constantFrom('weird', undefined), weight: 1 },
  );
  const sampled = fc
    .record({
      type: fc.constant('sampled'),
      name: fc.option(frameName, { nil: undefined }),
      unit,
      startValue: fc.oneof(fc.constant(0), weirdNumber),
      endValue: fc.oneof(fc.integer({ min: 0, max: 100 }), weirdNumber),
      samples: fc.array(fc.array(frameIndex(n), { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
    })
    .chain((p) =>
      fc
        .tuple(
          fc.array(
            fc.oneof(
              { arbitrary: fc.integer({ min: 0, max: 9 }), weight: 40 },
              { arbitrary: fc.double({ min: 0, max: 10, noNaN: true }), weight: 20 },
              { arbitrary: weirdNumber, weight: 1 },
            ),
            { minLength: p.samples.length, maxLength: p.samples.length },
          ),
          fc.constantFrom(...Array<number>(30).fill(0), 1, -1),
        )
        .map(([weights, skew]) => ({
          ...p,
          weights: skew === 0 ? weights : skew > 0 ? [...weights, 1] : weights.slice(1),
        })),
    );
  const evented = fc.record({
    type: fc.constant('evented'),
    name: frameName,
    unit,
    startValue: fc.constant(0),
    endValue: fc.integer({ min: 0, max: 200 }),
    events: eventList(n),
  });
  return fc.oneof(
    { arbitrary: sampled, weight: 20 },
    { arbitrary: evented, weight: 20 },
    {
      arbitrary: fc.constantFrom(
        { type: 'other', unit: 'none' },
        { type: 'sampled', unit: 'none' },
        null,
        3,
      ),
      weight: 1,
    },
  );
}

const speedscopeFrame = fc.oneof(
  {
    arbitrary: fc.record(
      {
        name: frameName,
        file: fc.oneof(fileName, fc.constant(null)),
        line: fc.option(fc.integer(), { nil: undefined }),
      },
      { requiredKeys: ['name'] },
    ),
    weight: 200,
  },
  { arbitrary: fc.anything({ maxDepth: 1 }), weight: 1 },
);

export const speedscopeJson: fc.Arbitrary<Uint8Array> = encodeText(
  fc
    .array(speedscopeFrame, { minLength: 1, maxLength: 7 })
    .chain((frames) =>
      fc.record({
        frames: fc.constant(frames),
        profiles: fc.array(speedscopeProfile(frames.length), { minLength: 1, maxLength: 3 }),
        activeProfileIndex: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
        name: fc.option(frameName, { nil: undefined }),
        breakage: fc.oneof(
          { arbitrary: fc.constant('none'), weight: 16 },
          {
            arbitrary: fc.constantFrom('no-shared', 'no-profiles', 'profiles-object', 'array'),
            weight: 1,
          },
        ),
      }),
    )
    .map((g) => {
      const o: Record<string, unknown> = {
        $schema: 'https://www.speedscope.app/file-format-schema.json',
        shared: { frames: g.frames },
        profiles: g.profiles,
        activeProfileIndex: g.activeProfileIndex,
        name: g.name,
        exporter: 'fuzz',
      };
      if (g.breakage === 'no-shared') delete o.shared;
      if (g.breakage === 'no-profiles') delete o.profiles;
      if (g.breakage === 'profiles-object') o.profiles = { 0: g.profiles[0] };
      return JSON.stringify(g.breakage === 'array' ? [o] : o);
    }),
);

const callFrame = fc.record({
  functionName: fc.oneof(frameName, fc.constant(undefined)),
  scriptId: fc.constantFrom('0', '12', 7),
  url: fc.oneof(fileName, fc.constant(null)),
  lineNumber: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.constant('x')),
  columnNumber: fc.integer({ min: -1, max: 40 }),
});

export const cpuprofileJson: fc.Arbitrary<Uint8Array> = encodeText(
  fc
    .record({
      n: fc.integer({ min: 1, max: 12 }),
      parents: fc.array(fc.nat(), { maxLength: 12 }),
      frames: fc.array(callFrame, { minLength: 12, maxLength: 12 }),
      hits: fc.array(fc.oneof(fc.nat({ max: 5 }), weirdNumber), { minLength: 12, maxLength: 12 }),
      samples: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 40 }),
      deltas: fc.array(fc.oneof(fc.integer({ min: -50, max: 2000 }), weirdNumber), {
        maxLength: 41,
      }),
      startTime: fc.oneof(fc.integer({ min: 0, max: 1e12 }), weirdNumber),
      duration: fc.oneof(fc.integer({ min: -10, max: 1e6 }), weirdNumber),
      shape: fc.constantFrom(
        'current',
        'current',
        'current',
        'no-samples',
        'no-deltas',
        'legacy',
        'legacy+1',
        'trace',
        'parent-links',
      ),
      corrupt: fc.oneof(
        { arbitrary: fc.constant('none'), weight: 12 },
        {
          arbitrary: fc.constantFrom(
            'cycle',
            'dup-id',
            'bad-child',
            'no-callframe',
            'root-sample',
            'bad-sample',
            'short-deltas',
          ),
          weight: 3,
        },
      ),
    })
    .map((g) => {
      const ids = Array.from({ length: g.n }, (_, i) => i + 1);
      const parent = ids.map((_, i) => (i === 0 ? -1 : (g.parents[i] ?? 0) % i));
      const nodes = ids.map((id, i) => ({
        id,
        callFrame:
          i === 0
            ? { functionName: '(root)', scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 }
            : g.frames[i],
        hitCount: g.hits[i],
        children: ids.filter((_, j) => parent[j] === i),
      })) as Record<string, unknown>[];
      if (g.corrupt === 'cycle' && g.n > 1) (nodes[g.n - 1].children as number[]).push(1);
      if (g.corrupt === 'dup-id' && g.n > 1) nodes[g.n - 1].id = 1;
      if (g.corrupt === 'bad-child') (nodes[0].children as number[]).push(99);
      if (g.corrupt === 'no-callframe') delete nodes[g.n - 1].callFrame;
      const samples: unknown[] = g.samples.map((s) =>
        g.corrupt === 'root-sample' ? 1 : (s % g.n) + 1,
      );
      if (g.corrupt === 'bad-sample') samples.push(g.n + 1, '1');
      let deltas = g.deltas.slice(0, samples.length);
      while (deltas.length < samples.length) deltas.push(100);
      if (g.corrupt === 'short-deltas') deltas = deltas.slice(1);
      const startTime = g.startTime;
      const endTime =
        typeof g.startTime === 'number' && typeof g.duration === 'number'
          ? g.startTime + g.duration
          : 0;
      switch (g.shape) {
        case 'no-samples':
          return JSON.stringify({ nodes, startTime, endTime });
        case 'no-deltas':
          return JSON.stringify({ nodes, startTime, endTime, samples });
        case 'parent-links':
          return JSON.stringify({
            nodes: nodes.map((nd, i) => ({
              ...nd,
              children: undefined,
              parent: parent[i] >= 0 ? parent[i] + 1 : undefined,
            })),
            startTime,
            endTime,
            samples,
            timeDeltas: deltas,
          });
        case 'legacy':
        case 'legacy+1': {
          const build = (i: number): Record<string, unknown> => ({
            ...(nodes[i].callFrame as Record<string, unknown>),
            id: nodes[i].id,
            hitCount: nodes[i].hitCount,
            children: ids.filter((_, j) => parent[j] === i).map((cid) => build(cid - 1)),
          });
          let t = typeof startTime === 'number' ? startTime : 0;
          const first = t;
          const timestamps = deltas.map((d) => (t += typeof d === 'number' ? d : 0));
          if (g.shape === 'legacy+1') timestamps.unshift(first);
          return JSON.stringify({
            head: build(0),
            startTime: t / 1e6,
            endTime: (t + 1000) / 1e6,
            samples,
            timestamps,
          });
        }
        case 'trace':
          return JSON.stringify([
            { name: 'ProfileChunk', args: { data: { cpuProfile: { nodes } } } },
          ]);
        default:
          return JSON.stringify({ nodes, startTime, endTime, samples, timeDeltas: deltas });
      }
    }),
);

const foldedFrame = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    'c',
    'main',
    'java',
    'start_thread',
    'handle (app.py:42)',
    'thread (0x7f00)',
    'Foo.run_[j]',
    '[unknown]',
    '',
    'x y',
    'a 1',
    '1',
    '-',
    '#x',
  ),
  fc.string({ maxLength: 8 }),
);
const count = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.constantFrom(
    '1.5',
    '-3',
    '0.',
    '.5',
    '1e3',
    '1e400',
    '9'.repeat(400),
    'x',
    '',
    '1 2',
    '-0',
    '+4',
    'NaN',
    'Infinity',
  ),
  fc.double({ noNaN: true }).map(String),
);
const foldedLine = fc.oneof(
  fc
    .tuple(
      fc.array(foldedFrame, { minLength: 1, maxLength: 6 }),
      fc.constantFrom(' ', '\t', '  '),
      count,
    )
    .map(([f, sp, c]) => `${f.join(';')}${sp}${c}`),
  fc
    .tuple(fc.array(foldedFrame, { minLength: 1, maxLength: 6 }), count, count)
    .map(([f, a, b]) => `${f.join(';')} ${a} ${b}`),
  fc.constantFrom('', '# comment', '// comment', 'invalid line', ';;; 3', ' 5', '\t', 'a;b'),
  fc.string({ maxLength: 20 }),
);
export const foldedText: fc.Arbitrary<Uint8Array> = encodeText(
  fc
    .tuple(fc.array(foldedLine, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([lines, eol]) => lines.join(eol)),
);

const perfHeader = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('dd', 'java', 'V8 WorkerThread', 'swapper', 'x'),
      fc.integer({ min: -1, max: 99999 }),
      fc.option(fc.nat({ max: 9999 })),
      fc.option(fc.nat({ max: 64 })),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      fc.option(fc.oneof(fc.nat(), fc.constant(1e30))),
      fc.constantFrom('cycles', 'cpu-clock', 'cpu-clock:ppp', 'instructions:u', 'samples', ''),
    )
    .map(([comm, pid, tid, cpu, time, period, event]) => {
      let h = `${comm} ${pid}${tid !== null ? `/${tid}` : ''}`;
      if (cpu !== null) h += ` [${String(cpu).padStart(3, '0')}]`;
      h += ` ${time.toFixed(6)}:`;
      if (period !== null) h += ` ${period}`;
      if (event) h += ` ${event}:`;
      return h;
    }),
  fc.constantFrom(
    'java 19983 cycles:',
    'node 1 cpu-clock: ',
    'a 1 2',
    'perf 5 [000] 1.0: 1 cycles: extra',
  ),
);
const perfFrameLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('\t', '    ', ''),
      fc.constantFrom('0', 'ffffffff8103d0ca', '7f72', 'zz'),
      fc.constantFrom(
        'foo',
        'foo+0x1f',
        'bar(int) const',
        '[unknown]',
        'main.(*T).M',
        'ns::(anonymous namespace)::f(int)',
        'Ljava/io/X;::y',
        '(foo)',
        'RegExp:["\']',
        'a;b',
        '',
      ),
      fc.constantFrom(
        '(/lib/libc.so)',
        '([kernel.kallsyms])',
        '([unknown])',
        '(/tmp/perf-1.map)',
        '',
        '(a b)',
      ),
    )
    .map(([ind, addr, sym, dso]) => `${ind}${addr} ${sym}${dso ? ` ${dso}` : ''}`),
  fc.string({ maxLength: 20 }).map((s) => `\t${s}`),
);
export const perfScriptText: fc.Arbitrary<Uint8Array> = encodeText(
  fc
    .array(
      fc.tuple(
        perfHeader,
        fc.array(perfFrameLine, { maxLength: 6 }),
        fc.constantFrom('\n\n', '\n', '\n\n\n'),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((samples) => samples.map(([h, frames, sep]) => [h, ...frames].join('\n') + sep).join('')),
);

/**
 * Long inputs made of one short pattern repeated thousands of times (after an optional
 * format-like prefix): catches parsers and regular expressions that go quadratic.
 */
export const longRepetitive: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(
      '',
      'a 1 1.0: 1 cycles:\n\t1 ',
      'a;',
      '[',
      '{"x":',
      'dd 1 ',
      'lambda$',
      'thread (0x1',
    ),
    fc.string({
      unit: fc.constantFrom(
        ' ',
        '\t',
        ':',
        ';',
        '(',
        ')',
        '[',
        ']',
        '-',
        '1',
        'a',
        '/',
        '.',
        '$',
        'x',
        '\n',
      ),
      minLength: 1,
      maxLength: 4,
    }),
    fc.integer({ min: 1000, max: 20000 }),
    fc.constantFrom('', ' 1', ':', ')', ' 1\n', 'x', ' (/lib/x.so)\n'),
  )
  .map(([prefix, unit, times, suffix]) => enc.encode(prefix + unit.repeat(times) + suffix));

export interface FuzzTarget {
  name: string;
  arbitrary: fc.Arbitrary<Uint8Array>;
  /** Relative share of the runs (the mutation target is the most productive). */
  weight: number;
}

export function fuzzTargets(seeds: Seed[]): FuzzTarget[] {
  const targets: FuzzTarget[] = [
    { name: 'random bytes', arbitrary: randomBytes, weight: 1 },
    { name: 'speedscope-shaped JSON', arbitrary: speedscopeJson, weight: 2 },
    { name: 'cpuprofile-shaped JSON', arbitrary: cpuprofileJson, weight: 2 },
    { name: 'folded text', arbitrary: foldedText, weight: 2 },
    { name: 'perf script text', arbitrary: perfScriptText, weight: 1 },
    { name: 'long repetitive text', arbitrary: longRepetitive, weight: 0.25 },
    ...HOSTILE_TARGETS,
  ];
  if (seeds.length > 0)
    targets.unshift({
      name: 'mutated corpus and fixtures',
      arbitrary: mutatedSeeds(seeds),
      weight: 4,
    });
  // JFR recordings (uncompressed, so that mutations hit the recording, not the gzip stream).
  const jfr = seeds.filter(
    (s) => s.bytes[0] === 0x46 && s.bytes[1] === 0x4c && s.bytes[2] === 0x52 && s.bytes[3] === 0,
  );
  if (jfr.length > 0)
    targets.push({ name: 'mutated JFR recordings', arbitrary: mutatedSeeds(jfr), weight: 0.5 });
  const profiles = pprofSeeds(seeds);
  if (profiles.length > 0)
    targets.push({
      name: 'pprof samples re-encoded',
      arbitrary: reencodedPprof(profiles).map((x) => x.bytes),
      weight: 0.25,
    });
  return targets;
}

/**
 * The seeds that are (inflated) pprof profiles of at most `maxBytes` (re-encoding is slow)
 * which read and can be re-encoded.
 */
export function pprofSeeds(seeds: Seed[], maxBytes = 128 * 1024): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const s of seeds) {
    if (isGzipBytes(s.bytes)) continue; // its inflated twin is a seed too
    try {
      const k = sniff(s.bytes, s.name);
      if (k.kind !== 'pprof' || k.bytes.length > maxBytes || !canReencode(k.bytes)) continue;
      readPprofTotals(k.bytes, s.name, fuzzNorm);
      out.push(k.bytes);
    } catch {
      // not a readable pprof
    }
  }
  return out;
}

const isGzipBytes = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
