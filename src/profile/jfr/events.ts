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
  type Value,
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

/** How the event loop treats each field up to the last one it needs. */
const OP_VARINT = 0; // skip a compressed integer or key
const OP_BYTE = 1; // skip a byte
const OP_STACK = 2; // the stack trace key
const OP_VALUE = 3; // the event's value (a number)
const OP_OTHER = 4; // skip anything else by its plan

interface Handler {
  spec: number;
  col: number;
  /** Field plans up to the last one needed, in order, and what to do with each. */
  steps: Plan[];
  ops: Int8Array;
  stackAt: number;
  valueAt: number;
  /** Ticks per nanosecond for durations (as the JDK converts: ns = trunc(ticks / this)); 1 otherwise. */
  scale: number;
}

const NUMERIC = new Set([K_BYTE, K_SHORT, K_CHAR, K_INT, K_LONG]);
const VARINTS = new Set([K_SHORT, K_CHAR, K_INT, K_LONG, K_REF]);

/** Where the last varint() ended; -1 when it needs the general reader (5+ bytes or past). */
let after = 0;

/** A varint of up to 4 bytes (sizes, type ids, most keys) without the general reader. */
function varint(b: Uint8Array, p: number): number {
  let x = b[p];
  if (x < 0x80) {
    after = p + 1;
    return x;
  }
  let v = x & 0x7f;
  x = b[p + 1];
  if (x < 0x80) {
    after = p + 2;
    return v | (x << 7);
  }
  v |= (x & 0x7f) << 7;
  x = b[p + 2];
  if (x < 0x80) {
    after = p + 3;
    return v | (x << 14);
  }
  v |= (x & 0x7f) << 14;
  x = b[p + 3];
  if (x < 0x80) {
    after = p + 4;
    return v | (x << 21);
  }
  after = -1;
  return 0;
}

/** Per stack key: the summed value of each column and the number of events. */
/** Stack keys below this are looked up in a table (JVMs number stacks from 1 up). */
const DENSE_KEYS = 1 << 22;

export class ChunkSamples {
  /** row by key, for keys not in the table. */
  private readonly rowOf = new Map<number, number>();
  /** row + 1 by key, for keys below DENSE_KEYS. */
  private dense = new Int32Array(1024);
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
    if (key >= 0 && key < DENSE_KEYS && Number.isInteger(key)) {
      let t = this.dense;
      if (key >= t.length) {
        const n = Math.min(DENSE_KEYS, Math.max(key + 1, t.length * 2));
        const bigger = new Int32Array(n);
        bigger.set(t);
        this.dense = t = bigger;
      }
      const r = t[key] - 1;
      if (r >= 0) return r;
      t[key] = this.add(key) + 1;
      return t[key] - 1;
    }
    let r = this.rowOf.get(key);
    if (r === undefined) {
      r = this.add(key);
      this.rowOf.set(key, r);
    }
    return r;
  }

  private add(key: number): number {
    const r = this.keys.length;
    if (r === this.cap) this.grow();
    this.keys.push(key);
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
    const steps = fields.slice(0, last + 1);
    const ops = Int8Array.from(steps, (f, k) =>
      k === stackAt
        ? OP_STACK
        : k === valueAt
          ? OP_VALUE
          : f.array
            ? OP_OTHER
            : f.kind === K_BYTE
              ? OP_BYTE
              : h.compressed && VARINTS.has(f.kind)
                ? OP_VARINT
                : OP_OTHER,
    );
    out[cls.id] = {
      spec: i,
      col: spec.col,
      steps,
      ops,
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
  const settingFields = setting ? plans.fields(setting.id) : [];
  const settingId = setting?.id ?? -1;
  const inp = new Input(bytes, h.end, h.compressed, keys);
  const b = bytes;
  const end = h.end;
  const compressed = h.compressed;
  let pos = h.start + JFR_HEADER_SIZE;
  while (pos < end) {
    let size = compressed ? varint(b, pos) : 0;
    let p = after;
    if (!compressed || p < 0 || p > end) {
      inp.pos = pos;
      inp.end = end;
      size = inp.int();
      p = inp.pos;
    }
    if (size <= 0 || size > end - pos) {
      throw new JfrError(
        `the event at byte ${pos} says it is ${size} bytes; its chunk has ${end - pos} left`,
      );
    }
    const next = pos + size;
    let type = compressed ? varint(b, p) : 0;
    if (!compressed || after < 0 || after > next) {
      inp.pos = p;
      inp.end = next;
      type = inp.long();
      p = inp.pos;
    } else p = after;
    const hd = byType[type];
    if (hd !== undefined) {
      let stack = NO_STACK;
      let value = 1;
      const ops = hd.ops;
      for (let i = 0; i < ops.length; i++) {
        switch (ops[i]) {
          case OP_VARINT:
            // Up to 9 bytes; the ninth ends the value whatever its top bit.
            for (let c = 0; c < 8 && b[p] >= 0x80; c++) p++;
            p++;
            break;
          case OP_BYTE:
            p++;
            break;
          case OP_STACK:
            stack = compressed ? varint(b, p) : 0;
            if (!compressed || after < 0 || after > next) {
              inp.pos = p;
              inp.end = next;
              stack = inp.key();
              p = inp.pos;
            } else p = after;
            break;
          default:
            inp.pos = p;
            inp.end = next;
            if (ops[i] === OP_VALUE) value = readNumber(inp, hd.steps[i]);
            else skipValue(inp, hd.steps[i]);
            p = inp.pos;
        }
      }
      if (p > next) {
        throw new JfrError(
          `the ${SAMPLE_EVENTS[hd.spec].name} event at byte ${pos} runs past byte ${next}, where it ends`,
        );
      }
      const r = out.row(stack);
      out.values[hd.col][r] += hd.scale === 1 ? value : Math.trunc(value / hd.scale);
      out.events[hd.col][r]++;
      out.perSpec[hd.spec]++;
    } else if (type === settingId) {
      inp.pos = p;
      inp.end = next;
      let id: Value = null;
      let name: Value = null;
      let value: Value = null;
      for (const f of settingFields) {
        if (f.name === 'id') id = readValue(inp, f, strings);
        else if (f.name === 'name') name = readValue(inp, f, strings);
        else if (f.name === 'value') value = readValue(inp, f, strings);
        else skipValue(inp, f);
        if (id !== null && name !== null && value !== null) break;
      }
      if (typeof id === 'number' && typeof name === 'string') {
        out.settings.push({ id, name, value: typeof value === 'string' ? value : '' });
      }
    }
    pos = next;
  }
  return out;
}
