/**
 * JDK Flight Recorder (JFR) reader: a recording's chunks, each with its own metadata
 * (metadata.ts), constant pools (constants.ts) and events (events.ts), into the profile model.
 *
 * Sample types (each offered only when the recording has such events; `cpu` is the default):
 *  - cpu:   jdk.ExecutionSample, one per sample x the sampling period in ns (the recording's
 *           jdk.ActiveSetting "period", or async-profiler's "interval" for its cpu/itimer/ctimer
 *           engines); a count when the period is not in the recording.
 *  - wall:  jdk.ExecutionSample + jdk.NativeMethodSample (each x its own period: threads
 *           running Java code and threads in native code), when native samples exist; or
 *           async-profiler's wall clock samples (profiler.WallClockSample `samples`, and
 *           jdk.ExecutionSample when its event is "wall") x its interval.
 *  - alloc: jdk.ObjectAllocationSample `weight` bytes; without those, the TLAB events
 *           (ObjectAllocationInNewTLAB `tlabSize`, ObjectAllocationOutsideTLAB
 *           `allocationSize`). Both estimate the same allocations, so they are never added.
 *  - lock:  jdk.JavaMonitorEnter + jdk.ThreadPark `duration`, ticks converted to ns.
 *
 * Events are summed per stack trace within a chunk: one model sample per distinct stack of
 * each chunk. Frames are leaf first, named `package.Class.method` (`$` kept for nested
 * classes); async-profiler's native and kernel frames keep their symbol alone.
 */
import { ProfileError, readerGuard } from '../errors.js';
import type { Profile, ValueType } from '../model.js';
import { isJfr, JfrError, readChunkHeader, type ChunkHeader } from './chunk.js';
import { ConstantPools, FunctionNames, Resolver } from './constants.js';
import {
  COL_ALLOC_SAMPLE,
  COL_EXEC,
  COL_LOCK,
  COL_NATIVE,
  COL_TLAB,
  COL_WALLCLOCK,
  N_COLS,
  NO_STACK,
  readEvents,
  SAMPLE_EVENTS,
  type ChunkSamples,
  type Setting,
} from './events.js';
import { metadataBytes, readMetadata, type Types } from './metadata.js';
import { Plans } from './values.js';

export { isJfr };

/** Distinct stacks' frames, summed over chunks, that one profile may hold (128 MB). */
export const MAX_TOTAL_FRAMES = 32 * 1024 * 1024;

export function readJfr(bytes: Uint8Array, file: string): Profile {
  return readerGuard(
    'jfr',
    file,
    (m) => `not a readable JFR recording: ${m}`,
    () => decode(bytes, file),
  );
}

/** Sampling periods in ns from one chunk's settings (undefined: not recorded). */
interface Periods {
  exec?: number;
  native?: number;
  wall?: number;
  /** async-profiler's "event" (cpu, itimer, wall, alloc, lock, a perf event ...). */
  event?: string;
}

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
};

/** "10 ms" (the JDK) or "10000000" (async-profiler, ns) as nanoseconds; undefined otherwise. */
export function parsePeriod(value: string): number | undefined {
  const m = /^\s*(\d+)\s*(ns|us|ms|s|m|h|d)?\s*$/.exec(value);
  if (!m) return undefined;
  const v = Number(m[1]) * UNITS[m[2] ?? 'ns'];
  return v > 0 && Number.isSafeInteger(v) ? v : undefined;
}

const TIME_ENGINES = new Set(['cpu', 'itimer', 'ctimer', 'wall']);

function periods(settings: Setting[], ids: Map<string, number>, previous: Periods): Periods {
  const minOf = (id: number | undefined, names: string[]): number | undefined => {
    let min: number | undefined;
    for (const s of settings) {
      if (s.id !== id || !names.includes(s.name)) continue;
      const v = parsePeriod(s.value);
      if (v !== undefined && (min === undefined || v < min)) min = v;
    }
    return min;
  };
  let event = previous.event;
  for (const s of settings) if (s.name === 'event' && s.value) event = s.value;
  const exec = ids.get('jdk.ExecutionSample');
  // async-profiler writes its interval for ExecutionSample; it is time only for time engines.
  const asyncInterval = event && TIME_ENGINES.has(event) ? minOf(exec, ['interval']) : undefined;
  let wall: number | undefined;
  for (const s of settings) {
    if (s.name === 'wall') wall = parsePeriod(s.value) ?? wall;
  }
  if (wall === undefined && event === 'wall') wall = asyncInterval;
  return {
    exec: minOf(exec, ['period']) ?? asyncInterval ?? previous.exec,
    native: minOf(ids.get('jdk.NativeMethodSample'), ['period']) ?? previous.native,
    wall: wall ?? previous.wall,
    event,
  };
}

interface Store {
  frames: Uint32Array;
  nFrames: number;
  offsets: Uint32Array;
  n: number;
  cols: Float64Array[];
  chunk: Int32Array;
}

function growStore(s: Store, samples: number, frames: number): void {
  if (s.nFrames + frames > s.frames.length) {
    let n = s.frames.length * 2;
    while (n < s.nFrames + frames) n *= 2;
    const f = new Uint32Array(n);
    f.set(s.frames.subarray(0, s.nFrames));
    s.frames = f;
  }
  if (s.n + samples + 1 > s.chunk.length) {
    let n = s.chunk.length * 2;
    while (n < s.n + samples + 1) n *= 2;
    const o = new Uint32Array(n);
    o.set(s.offsets.subarray(0, s.n + 1));
    s.offsets = o;
    const c = new Int32Array(n);
    c.set(s.chunk.subarray(0, s.n));
    s.chunk = c;
    s.cols = s.cols.map((col) => {
      const x = new Float64Array(n);
      x.set(col.subarray(0, s.n));
      return x;
    });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function fmtNs(ns: number): string {
  if (ns % 1e6 === 0) return `${ns / 1e6} ms`;
  if (ns % 1e3 === 0) return `${ns / 1e3} us`;
  return `${ns} ns`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function decode(bytes: Uint8Array, file: string): Profile {
  if (!isJfr(bytes)) throw new ProfileError('jfr', file, 'no JFR magic "FLR\\0" at the start');
  const headers: ChunkHeader[] = [];
  for (let pos = 0; pos < bytes.length;) {
    const h = readChunkHeader(bytes, pos, headers.length + 1);
    headers.push(h);
    pos = h.end;
  }

  const keys = new Map<bigint, number>();
  const names = new FunctionNames();
  const store: Store = {
    frames: new Uint32Array(4096),
    nFrames: 0,
    offsets: new Uint32Array(256),
    n: 0,
    cols: Array.from({ length: N_COLS }, () => new Float64Array(256)),
    chunk: new Int32Array(256),
  };
  const warnings = new Set<string>();
  const chunkPeriods: Periods[] = [];
  const chunkEvents: Float64Array[] = []; // per chunk: events per column
  const perSpec = new Float64Array(SAMPLE_EVENTS.length);
  const truncated = new Float64Array(N_COLS);
  const events = new Float64Array(N_COLS);
  const missingStacks = new Float64Array(N_COLS);
  const noStack = new Float64Array(N_COLS);
  let missingMethods = 0;
  let previous: Periods = {};

  // Chunks of one JVM usually repeat the same metadata: parsed once while it is unchanged.
  let previousMeta:
    { bytes: Uint8Array; compressed: boolean; types: Types; plans: Plans } | undefined;
  headers.forEach((h, ci) => {
    const metaBytes = metadataBytes(bytes, h);
    let types: Types;
    let plans: Plans;
    if (
      previousMeta &&
      previousMeta.compressed === h.compressed &&
      sameBytes(previousMeta.bytes, metaBytes)
    ) {
      ({ types, plans } = previousMeta);
    } else {
      types = readMetadata(bytes, h, keys);
      plans = new Plans(types, h.compressed);
      previousMeta = { bytes: metaBytes, compressed: h.compressed, types, plans };
    }
    const pools = new ConstantPools(bytes, h, plans, keys);
    const resolver = new Resolver(bytes, h, types, plans, pools, keys, names);
    const got: ChunkSamples = readEvents(
      bytes,
      h,
      types,
      plans,
      keys,
      resolver.stringPool,
      warnings,
    );
    const ids = new Map<string, number>();
    for (const [name, cls] of types.byName) ids.set(name, cls.id);
    previous = periods(got.settings, ids, previous);
    chunkPeriods.push(previous);
    const perCol = new Float64Array(N_COLS);
    for (let c = 0; c < N_COLS; c++) {
      for (let r = 0; r < got.rows; r++) perCol[c] += got.events[c][r];
      events[c] += perCol[c];
    }
    chunkEvents.push(perCol);
    for (let i = 0; i < perSpec.length; i++) perSpec[i] += got.perSpec[i];

    growStore(store, got.rows, 0);
    for (let r = 0; r < got.rows; r++) {
      const key = got.keys[r];
      let len = 0;
      if (key !== NO_STACK) {
        len = resolver.stack(
          key,
          (n) => {
            if (store.nFrames + n > MAX_TOTAL_FRAMES) {
              throw new JfrError(
                `the distinct stacks hold more than ${MAX_TOTAL_FRAMES} frames (the limit this reader holds)`,
              );
            }
            growStore(store, 0, n);
            return store.frames;
          },
          store.nFrames,
        );
        if (len < 0) {
          // Dropped: the model's samples have frames (as the other readers drop theirs).
          for (let c = 0; c < N_COLS; c++) missingStacks[c] += got.events[c][r];
          continue;
        }
        if (resolver.truncated) {
          for (let c = 0; c < N_COLS; c++) truncated[c] += got.events[c][r];
        }
      }
      if (len === 0) {
        for (let c = 0; c < N_COLS; c++) noStack[c] += got.events[c][r];
        continue;
      }
      const s = store.n;
      for (let c = 0; c < N_COLS; c++) store.cols[c][s] = got.values[c][r];
      store.chunk[s] = ci;
      store.nFrames += len;
      store.n = s + 1;
      store.offsets[s + 1] = store.nFrames;
    }
    missingMethods += resolver.stats.missingMethods;
  });

  return assemble(file, headers, store, names.names, {
    chunkPeriods,
    chunkEvents,
    events,
    perSpec,
    truncated,
    missingStacks,
    noStack,
    missingMethods,
    warnings,
  });
}

interface Tally {
  chunkPeriods: Periods[];
  chunkEvents: Float64Array[];
  events: Float64Array;
  perSpec: Float64Array;
  truncated: Float64Array;
  /** Events dropped per column: stack key not in the pool; no (or an empty) stack. */
  missingStacks: Float64Array;
  noStack: Float64Array;
  missingMethods: number;
  warnings: Set<string>;
}

/** One offered sample type: how each sample's value is made from the raw columns. */
interface Column {
  type: ValueType;
  value: (cols: Float64Array[], s: number, chunk: number) => number;
  /** Raw columns it draws on (for warnings). */
  from: number[];
}

function assemble(
  file: string,
  headers: ChunkHeader[],
  store: Store,
  names: string[],
  t: Tally,
): Profile {
  const warnings = [...t.warnings];
  const comments: string[] = [];
  const P = t.chunkPeriods;
  const wallMode = P.map((p) => p.event === 'wall');
  const has = (col: number) => t.events[col] > 0;
  // Whether every chunk with events of `col` (that count toward a type) knows `period`.
  const known = (
    col: number,
    period: (p: Periods) => number | undefined,
    use = (_c: number) => true,
  ) => t.chunkEvents.every((e, c) => e[col] === 0 || !use(c) || period(P[c]) !== undefined);
  const distinct = (period: (p: Periods) => number | undefined, col: number) => [
    ...new Set(
      t.chunkEvents
        .map((e, c) => (e[col] > 0 ? period(P[c]) : undefined))
        .filter((v): v is number => v !== undefined),
    ),
  ];

  const columns: Column[] = [];
  let period = 0;
  // cpu: execution samples of chunks not in async-profiler's wall mode.
  const cpuChunks = t.chunkEvents.some((e, c) => e[COL_EXEC] > 0 && !wallMode[c]);
  if (cpuChunks) {
    const ns = known(
      COL_EXEC,
      (p) => p.exec,
      (c) => !wallMode[c],
    );
    columns.push({
      type: { type: 'cpu', unit: ns ? 'nanoseconds' : 'count' },
      value: (cols, s, c) => (wallMode[c] ? 0 : cols[COL_EXEC][s] * (ns ? P[c].exec! : 1)),
      from: [COL_EXEC],
    });
    const ps = distinct((p) => p.exec, COL_EXEC);
    if (!ns) {
      warnings.push(
        'the sampling period of jdk.ExecutionSample is not in the recording (no jdk.ActiveSetting "period"): cpu values are sample counts',
      );
    } else if (ps.length > 1) {
      warnings.push(
        `jdk.ExecutionSample's sampling period changed between chunks (${ps.map(fmtNs).join(', ')}): each chunk's samples count its own period`,
      );
    } else period = ps[0];
  }
  // wall: the JDK's Java + native samples, or async-profiler's wall clock samples.
  const jdkWall = has(COL_NATIVE);
  const asyncWall =
    has(COL_WALLCLOCK) || wallMode.some((w, c) => w && t.chunkEvents[c][COL_EXEC] > 0);
  if (jdkWall || asyncWall) {
    const ns =
      (!jdkWall ||
        (known(
          COL_EXEC,
          (p) => p.exec,
          (c) => !wallMode[c],
        ) &&
          known(COL_NATIVE, (p) => p.native))) &&
      known(COL_WALLCLOCK, (p) => p.wall) &&
      known(
        COL_EXEC,
        (p) => p.wall,
        (c) => wallMode[c],
      );
    const k = (v: number | undefined) => (ns ? v! : 1);
    columns.push({
      type: { type: 'wall', unit: ns ? 'nanoseconds' : 'count' },
      value: (cols, s, c) => {
        let v = cols[COL_WALLCLOCK][s] > 0 ? cols[COL_WALLCLOCK][s] * k(P[c].wall) : 0;
        const exec = cols[COL_EXEC][s];
        if (wallMode[c]) v += exec * k(P[c].wall);
        else if (jdkWall) {
          if (exec > 0) v += exec * k(P[c].exec);
          if (cols[COL_NATIVE][s] > 0) v += cols[COL_NATIVE][s] * k(P[c].native);
        }
        return v;
      },
      from: jdkWall ? [COL_EXEC, COL_NATIVE, COL_WALLCLOCK] : [COL_WALLCLOCK, COL_EXEC],
    });
    if (!ns) {
      warnings.push(
        'a sampling period behind the wall type is not in the recording: wall values are sample counts',
      );
    }
  }
  if (has(COL_ALLOC_SAMPLE) || has(COL_TLAB)) {
    const col = has(COL_ALLOC_SAMPLE) ? COL_ALLOC_SAMPLE : COL_TLAB;
    columns.push({
      type: { type: 'alloc', unit: 'bytes' },
      value: (cols, s) => cols[col][s],
      from: [col],
    });
    if (has(COL_ALLOC_SAMPLE) && has(COL_TLAB)) {
      comments.push(
        'alloc is jdk.ObjectAllocationSample weights; the TLAB allocation events in the recording estimate the same allocations and are not added',
      );
    }
  }
  if (has(COL_LOCK)) {
    columns.push({
      type: { type: 'lock', unit: 'nanoseconds' },
      value: (cols, s) => cols[COL_LOCK][s],
      from: [COL_LOCK],
    });
  }
  if (columns.length === 0) {
    throw new ProfileError(
      'empty',
      file,
      'the JFR recording has no sample events (jdk.ExecutionSample, jdk.NativeMethodSample, allocation, monitor enter or park events)',
    );
  }

  // Values per offered type; samples whose values are all zero are dropped.
  const values = columns.map(() => new Float64Array(store.n));
  const offsets = new Uint32Array(store.n + 1);
  const keep: number[] = [];
  let n = 0;
  let nFrames = 0;
  for (let s = 0; s < store.n; s++) {
    let any = false;
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k].value(store.cols, s, store.chunk[s]);
      values[k][n] = v;
      if (v !== 0) any = true;
    }
    if (!any) continue;
    keep.push(s);
    nFrames += store.offsets[s + 1] - store.offsets[s];
    offsets[++n] = nFrames;
  }
  const frames = new Uint32Array(nFrames);
  let at = 0;
  for (const s of keep) {
    const a = store.offsets[s];
    const b = store.offsets[s + 1];
    frames.set(store.frames.subarray(a, b), at);
    at += b - a;
  }

  for (let i = 0; i < SAMPLE_EVENTS.length; i++) {
    if (t.perSpec[i] > 0)
      comments.push(`${SAMPLE_EVENTS[i].name}: ${plural(t.perSpec[i], 'event', 'events')}`);
  }
  const used = new Set(columns.flatMap((c) => c.from));
  let trunc = 0;
  let all = 0;
  for (const c of used) {
    trunc += t.truncated[c];
    all += t.events[c];
  }
  if (trunc > 0) {
    warnings.push(
      `${trunc} of ${all} events (${pct(trunc, all)}) have truncated stacks: the JVM records at most its stack depth (64 frames by default), so their outermost frames are missing and cum values of callers near the root are low; raise it with -XX:FlightRecorderOptions:stackdepth=2048`,
    );
  }
  let missing = 0;
  let none = 0;
  for (const c of used) {
    missing += t.missingStacks[c];
    none += t.noStack[c];
  }
  if (missing > 0) {
    warnings.push(
      `dropped ${plural(missing, 'event', 'events')} whose stack trace is missing from the constant pool`,
    );
  }
  if (none > 0) {
    warnings.push(`dropped ${plural(none, 'event', 'events')} recorded without a stack trace`);
  }
  if (t.missingMethods > 0) {
    warnings.push(
      `${plural(t.missingMethods, 'frame refers', 'frames refer')} to methods missing from the constant pool: named [unknown]`,
    );
  }
  const t0 = Math.min(...headers.map((h) => h.startNanos));
  const t1 = Math.max(...headers.map((h) => h.startNanos + h.durationNanos));
  return {
    format: 'jfr',
    sampleTypes: columns.map((c) => c.type),
    defaultSampleType: 0,
    values: values.map((v) => v.slice(0, n)),
    functions: names,
    stackOffsets: offsets.slice(0, n + 1),
    stackFrames: frames,
    labelSets: [],
    period,
    periodType: period > 0 ? { type: 'cpu', unit: 'nanoseconds' } : undefined,
    durationNanos: Number.isFinite(t1 - t0) && t1 > t0 ? t1 - t0 : 0,
    timeNanos: Number.isFinite(t0) ? t0 : 0,
    comments,
    warnings,
  };
}
