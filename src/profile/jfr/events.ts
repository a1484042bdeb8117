/**
 * The events of one chunk that carry samples, summed per stack trace key.
 *
 * Events follow the chunk header back to back: size, type id, then the type's fields in
 * metadata order. Each sample event is read only up to the last field it needs (its stack
 * trace key and, for weighted events, the weight); the rest is skipped by its size. Settings
 * (jdk.ActiveSetting: sampling periods, async-profiler's options) are kept whole.
 */
import { Input, JfrError, JFR_HEADER_SIZE, type ChunkHeader } from './chunk.js';
import type { Types } from './metadata.js';
import {
  K_BYTE,
  K_CHAR,
  K_INT,
  K_LONG,
  K_REF,
  K_SHORT,
  readValue,
  skipValue,
  type Plan,
  type Plans,
  type StringPool,
} from './values.js';

/** Raw value columns, before sampling periods turn counts into time. */
export const COL_EXEC = 0; // jdk.ExecutionSample events
export const COL_NATIVE = 1; // jdk.NativeMethodSample events
export const COL_WALLCLOCK = 2; // profiler.WallClockSample: its `samples`
export const COL_ALLOC_SAMPLE = 3; // jdk.ObjectAllocationSample: `weight` bytes
export const COL_TLAB = 4; // TLAB events: `tlabSize` / `allocationSize` bytes
export const COL_LOCK = 5; // monitor enter and park: `duration` in nanoseconds
export const N_COLS = 6;

export interface EventSpec {
  name: string;
  col: number;
  /** The field whose value the event adds (absent: the event counts 1). */
  value?: string;
  /** The value is in ticks (a duration): converted to nanoseconds. */
  ticks?: boolean;
}

export const SAMPLE_EVENTS: EventSpec[] = [
  { name: 'jdk.ExecutionSample', col: COL_EXEC },
  { name: 'jdk.NativeMethodSample', col: COL_NATIVE },
  { name: 'profiler.WallClockSample', col: COL_WALLCLOCK, value: 'samples' },
  { name: 'jdk.ObjectAllocationSample', col: COL_ALLOC_SAMPLE, value: 'weight' },
  { name: 'jdk.ObjectAllocationInNewTLAB', col: COL_TLAB, value: 'tlabSize' },
  { name: 'jdk.ObjectAllocationOutsideTLAB', col: COL_TLAB, value: 'allocationSize' },
  { name: 'jdk.JavaMonitorEnter', col: COL_LOCK, value: 'duration', ticks: true },
  { name: 'jdk.ThreadPark', col: COL_LOCK, value: 'duration', ticks: true },
];

/** The stack key of events without a stack (key 0 is JFR's null reference). */
export const NO_STACK = 0;

export interface Setting {
  /** The event type the setting belongs to. */
  id: number;
  name: string;
  value: string;
}

interface Handler {
  spec: number;
  col: number;
  /** Field plans up to the last one needed, in order. */
  steps: Plan[];
  stackAt: number;
  valueAt: number;
  /** Ticks per nanosecond for durations (as the JDK converts: ns = trunc(ticks / this)); 1 otherwise. */
  scale: number;
}

const NUMERIC = new Set([K_BYTE, K_SHORT, K_CHAR, K_INT, K_LONG]);

/** Per stack key: the summed value of each column and the number of events. */
export class ChunkSamples {
  readonly rowOf = new Map<number, number>();
  keys: number[] = [];
  values: Float64Array[] = [];
  events: Float64Array[] = [];
  /** Events of each SAMPLE_EVENTS entry in this chunk. */
  readonly perSpec = new Float64Array(SAMPLE_EVENTS.length);
  readonly settings: Setting[] = [];
  private cap = 0;

  get rows(): number {
    return this.keys.length;
  }

  row(key: number): number {
    let r = this.rowOf.get(key);
    if (r === undefined) {
      r = this.keys.length;
      if (r === this.cap) this.grow();
      this.keys.push(key);
      this.rowOf.set(key, r);
    }
    return r;
  }

  private grow(): void {
    const n = Math.max(64, this.cap * 2);
    const g = (a: Float64Array | undefined) => {
      const b = new Float64Array(n);
      if (a) b.set(a);
      return b;
    };
    for (let c = 0; c < N_COLS; c++) {
      this.values[c] = g(this.values[c]);
      this.events[c] = g(this.events[c]);
    }
    this.cap = n;
  }
}

function handlers(types: Types, plans: Plans, h: ChunkHeader, warnings: Set<string>): Handler[] {
  const out: Handler[] = [];
  SAMPLE_EVENTS.forEach((spec, i) => {
    const cls = types.byName.get(spec.name);
    if (!cls) return;
    const fields = plans.fields(cls.id);
    const stackAt = fields.findIndex((f) => f.name === 'stackTrace');
    if (stackAt >= 0 && (fields[stackAt].kind !== K_REF || fields[stackAt].array)) {
      throw new JfrError(`${spec.name}.stackTrace is not a constant-pool reference`);
    }
    let valueAt = -1;
    if (spec.value) {
      valueAt = fields.findIndex((f) => f.name === spec.value);
      const f = fields[valueAt];
      if (!f || f.array || !NUMERIC.has(f.kind)) {
        warnings.add(`${spec.name} has no numeric "${spec.value}" field: its events are ignored`);
        return;
      }
    }
    const last = Math.max(stackAt, valueAt);
    out[cls.id] = {
      spec: i,
      col: spec.col,
      steps: fields.slice(0, last + 1),
      stackAt,
      valueAt,
      scale: spec.ticks ? h.ticksPerSecond / 1e9 : 1,
    };
  });
  return out;
}

function readNumber(inp: Input, p: Plan): number {
  switch (p.kind) {
    case K_BYTE:
      return inp.u8();
    case K_LONG:
      return inp.compressed ? inp.long() : inp.fixed(8);
    case K_INT:
      return inp.int();
    default:
      return inp.compressed ? inp.int() : inp.fixed(2);
  }
}

/** Reads the sample events and settings of chunk `h`. */
export function readEvents(
  bytes: Uint8Array,
  h: ChunkHeader,
  types: Types,
  plans: Plans,
  keys: Map<bigint, number>,
  strings: StringPool,
  warnings: Set<string>,
): ChunkSamples {
  const out = new ChunkSamples();
  const byType = handlers(types, plans, h, warnings);
  const setting = types.byName.get('jdk.ActiveSetting');
  const settingPlan = setting ? plans.value(setting.id) : undefined;
  const settingId = setting?.id ?? -1;
  const inp = new Input(bytes, h.end, h.compressed, keys);
  const end = h.end;
  let pos = h.start + JFR_HEADER_SIZE;
  while (pos < end) {
    inp.pos = pos;
    inp.end = end;
    const size = inp.int();
    if (size <= 0 || size > end - pos) {
      throw new JfrError(
        `the event at byte ${pos} says it is ${size} bytes; its chunk has ${end - pos} left`,
      );
    }
    const next = pos + size;
    inp.end = next;
    const type = inp.long();
    const hd = byType[type];
    if (hd !== undefined) {
      let stack = NO_STACK;
      let value = 1;
      const steps = hd.steps;
      for (let i = 0; i < steps.length; i++) {
        if (i === hd.stackAt) stack = inp.key();
        else if (i === hd.valueAt) value = readNumber(inp, steps[i]);
        else skipValue(inp, steps[i]);
      }
      const r = out.row(stack);
      out.values[hd.col][r] += hd.scale === 1 ? value : Math.trunc(value / hd.scale);
      out.events[hd.col][r]++;
      out.perSpec[hd.spec]++;
    } else if (type === settingId && settingPlan) {
      const v = readValue(inp, settingPlan, strings);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const { id, name, value } = v;
        if (typeof id === 'number' && typeof name === 'string') {
          out.settings.push({ id, name, value: typeof value === 'string' ? value : '' });
        }
      }
    }
    pos = next;
  }
  return out;
}
