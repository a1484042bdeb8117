/**
 * Constant pools: the values events refer to by key (stack traces, frames' methods, classes,
 * symbols, frame types, threads, ...), spread over the chunk's checkpoint events (type id 1).
 *
 *   size, type id 1, start time, duration, delta (to the next checkpoint; 0 ends the chain),
 *   checkpoint flags (one byte), pool count,
 *   per pool: type id, entry count, entries (key, value encoded as the type's fields)
 *
 * The chunk header points at one checkpoint; the deltas chain the others. As in the JDK's
 * reader, a key that appears again later in the chain replaces the earlier value. Entries are
 * indexed by offset while walking (values are skipped, not decoded) and decoded on demand:
 * only the stacks that samples use, and their methods, classes and names, are ever read.
 */
import { Input, JfrError, type ChunkHeader } from './chunk.js';
import type { Types } from './metadata.js';
import {
  K_REF,
  K_STRING,
  K_STRUCT,
  readValue,
  skipValue,
  type Plan,
  type Plans,
  type Value,
} from './values.js';

const CHECKPOINT_TYPE = 1;

/** The JDK caps stack depth at 2048 frames; async-profiler's jstackdepth defaults to 2048. */
export const MAX_STACK_DEPTH = 65536;

export class ConstantPools {
  /** type id -> key -> absolute offset of the value in the file. */
  readonly index = new Map<number, Map<number, number>>();
  checkpoints = 0;

  constructor(bytes: Uint8Array, h: ChunkHeader, plans: Plans, keys: Map<bigint, number>) {
    const inp = new Input(bytes, h.end, h.compressed, keys);
    const seen = new Set<number>();
    const valuePlans = new Map<number, Plan>();
    let pos = h.constantPool;
    for (;;) {
      if (pos < h.start + 68 || pos >= h.end) {
        throw new JfrError(
          `a checkpoint (constant pool) event would be at byte ${pos}, outside its chunk [${h.start}, ${h.end})`,
        );
      }
      if (seen.has(pos)) {
        throw new JfrError(`the checkpoint events loop back to byte ${pos}`);
      }
      seen.add(pos);
      this.checkpoints++;
      inp.end = h.end;
      inp.pos = pos;
      const size = inp.int();
      if (size <= 0 || size > h.end - pos) {
        throw new JfrError(
          `the checkpoint event at byte ${pos} says it is ${size} bytes; its chunk has ${h.end - pos} left`,
        );
      }
      inp.end = pos + size;
      const type = inp.long();
      if (type !== CHECKPOINT_TYPE) {
        throw new JfrError(
          `expected a checkpoint event (type 1) at byte ${pos}, found an event of type ${type}`,
        );
      }
      inp.long(); // start time
      inp.long(); // duration
      const delta = inp.slong();
      inp.u8(); // flags: flush, chunk header, statics, threads
      const nPools = inp.count(`the checkpoint at byte ${pos}`);
      for (let i = 0; i < nPools; i++) {
        const typeId = inp.long();
        let plan = valuePlans.get(typeId);
        if (!plan) {
          if (!plans.types.byId.has(typeId)) {
            throw new JfrError(
              `the checkpoint at byte ${pos} has a constant pool of type id ${typeId}, which the metadata does not declare`,
            );
          }
          plan = plans.value(typeId);
          valuePlans.set(typeId, plan);
        }
        const n = inp.count(`the constant pool of ${plan.name}`);
        let entries = this.index.get(typeId);
        if (!entries) {
          entries = new Map();
          this.index.set(typeId, entries);
        }
        for (let j = 0; j < n; j++) {
          const key = inp.key();
          entries.set(key, inp.pos);
          skipValue(inp, plan);
        }
      }
      if (inp.pos !== pos + size) {
        throw new JfrError(
          `the checkpoint event at byte ${pos} is ${size} bytes but its pools end ${inp.pos - pos} bytes in`,
        );
      }
      if (delta === 0) break;
      pos += delta;
    }
  }

  entries(typeId: number | undefined): Map<number, number> | undefined {
    return typeId === undefined ? undefined : this.index.get(typeId);
  }
}

/**
 * A frame's function name as Java users read it: `package.Class.method`. Class names come in
 * the JVM's internal form (`com/example/Foo$Bar`) except hidden classes, which the JVM writes
 * already dotted with a `/suffix` (`com.example.Foo$$Lambda$14+0x0000000800c0b448/12345`):
 * those are kept as written.
 */
export function javaFrameName(
  className: string | null,
  method: string | null,
  nativeFrame: boolean,
): string {
  const m = method ?? '[unknown]';
  if (nativeFrame || !className) return m;
  const cls = className.includes('.') ? className : className.replace(/\//g, '.');
  return `${cls}.${m}`;
}

/** Frame types whose "class" is a library (async-profiler's native and kernel frames). */
const NATIVE_FRAME_TYPES = new Set(['C++', 'Kernel']);

export interface ResolveStats {
  missingStacks: number;
  missingMethods: number;
}

/**
 * Decodes what stacks need from the pools of one chunk: frames (function ids, leaf first) of a
 * stack trace, and the names behind them.
 */
export class Resolver {
  private readonly inp: Input;
  private readonly plans: Plans;
  private readonly stackType: number | undefined;
  private readonly stackPlan: Plan | undefined;
  private readonly framesField: number;
  private readonly truncatedField: number;
  private readonly frameMethod: number;
  private readonly frameTypeField: number;
  private readonly javaFn = new Map<number, number>();
  private readonly nativeFn = new Map<number, number>();
  private readonly frameTypes = new Map<number, string | null>();
  private readonly strings = new Map<number, string | null>();
  private nativeIsLibrary: boolean | undefined;
  readonly stats: ResolveStats = { missingStacks: 0, missingMethods: 0 };
  /** Set by stack(): whether the stack was cut at the JVM's stack depth. */
  truncated = false;

  constructor(
    bytes: Uint8Array,
    h: ChunkHeader,
    private readonly types: Types,
    plans: Plans,
    private readonly pools: ConstantPools,
    keys: Map<bigint, number>,
    private readonly fn: (name: string) => number,
  ) {
    this.inp = new Input(bytes, h.end, h.compressed, keys);
    this.plans = plans;
    const st = types.byName.get('jdk.types.StackTrace');
    this.stackType = st?.id;
    this.framesField = -1;
    this.truncatedField = -1;
    this.frameMethod = -1;
    this.frameTypeField = -1;
    if (st) {
      this.stackPlan = plans.value(st.id);
      const f = this.stackPlan.fields;
      this.framesField = f.findIndex((x) => x.name === 'frames');
      this.truncatedField = f.findIndex((x) => x.name === 'truncated');
      const frames = f[this.framesField];
      if (!frames || !frames.array || frames.kind !== K_STRUCT) {
        throw new JfrError(
          'jdk.types.StackTrace has no "frames" array of inline stack frames: not a layout this reader knows',
        );
      }
      this.frameMethod = frames.fields.findIndex((x) => x.name === 'method');
      this.frameTypeField = frames.fields.findIndex((x) => x.name === 'type');
      if (this.frameMethod < 0 || frames.fields[this.frameMethod].kind !== K_REF) {
        throw new JfrError(
          'jdk.types.StackFrame has no "method" constant-pool reference: not a layout this reader knows',
        );
      }
    }
  }

  /** The java.lang.String pool (strings written as references). */
  readonly stringPool = (key: number): string | null => {
    let s = this.strings.get(key);
    if (s === undefined) {
      const type = this.types.byName.get('java.lang.String');
      const off = this.pools.entries(type?.id)?.get(key);
      s = null;
      if (off !== undefined) {
        // Called in the middle of reading another value: keep its place.
        const back = this.inp.pos;
        this.inp.pos = off;
        // A pooled string that is itself a reference would loop: string() rejects it.
        s = this.inp.string();
        this.inp.pos = back;
      }
      this.strings.set(key, s);
    }
    return s;
  };

  /** Decodes the pool entry `key` of type `typeId` into plain JavaScript, or null. */
  private entry(typeId: number, key: number): Value {
    const off = this.pools.entries(typeId)?.get(key);
    if (off === undefined) return null;
    this.inp.pos = off;
    return readValue(this.inp, this.plans.value(typeId), this.stringPool);
  }

  /**
   * The text of a field that is a string, or a reference to a string-like pool (a symbol:
   * one string field; or java.lang.String itself).
   */
  private text(plan: Plan, v: Value, depth = 0): string | null {
    if (typeof v === 'string' || v === null) return v;
    if (plan.kind !== K_REF || typeof v !== 'number' || depth > 4) return null;
    const cls = this.types.get(plan.typeId);
    if (cls.name === 'java.lang.String') return this.stringPool(v);
    const e = this.entry(plan.typeId, v);
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return null;
    const fields = this.plans.fields(plan.typeId);
    const f = fields.find((x) => x.kind === K_STRING || x.kind === K_REF);
    return f ? this.text(f, e[f.name], depth + 1) : null;
  }

  private frameType(key: number, plan: Plan): string | null {
    let t = this.frameTypes.get(key);
    if (t === undefined) {
      t = this.text(plan, key);
      this.frameTypes.set(key, t);
    }
    return t;
  }

  /**
   * async-profiler declares "C++" and "Kernel" frame types: its "Native" frames are C
   * functions whose class is the library. In the JDK's recordings, "Native" is a Java native
   * method of a Java class.
   */
  private nativeMeansLibrary(typePlan: Plan | undefined): boolean {
    if (this.nativeIsLibrary === undefined) {
      this.nativeIsLibrary = false;
      const entries = typePlan?.kind === K_REF ? this.pools.entries(typePlan.typeId) : undefined;
      if (entries && typePlan) {
        for (const key of entries.keys()) {
          if (NATIVE_FRAME_TYPES.has(this.frameType(key, typePlan) ?? '')) {
            this.nativeIsLibrary = true;
            break;
          }
        }
      }
    }
    return this.nativeIsLibrary;
  }

  /** The function id of a frame: its method (a key), named by the frame's type. */
  private frameFn(methodKey: number, typePlan: Plan | undefined, typeValue: Value): number {
    let nativeFrame = false;
    if (typePlan) {
      const t =
        typePlan.kind === K_REF && typeof typeValue === 'number'
          ? this.frameType(typeValue, typePlan)
          : typeof typeValue === 'string'
            ? typeValue
            : null;
      if (t !== null) {
        nativeFrame =
          NATIVE_FRAME_TYPES.has(t) || (t === 'Native' && this.nativeMeansLibrary(typePlan));
      }
    }
    const cache = nativeFrame ? this.nativeFn : this.javaFn;
    let id = cache.get(methodKey);
    if (id === undefined) {
      id = this.fn(this.methodName(methodKey, nativeFrame));
      cache.set(methodKey, id);
    }
    return id;
  }

  private methodName(key: number, nativeFrame: boolean): string {
    const stackPlan = this.stackPlan!;
    const methodPlan = stackPlan.fields[this.framesField].fields[this.frameMethod];
    const m = this.entry(methodPlan.typeId, key);
    if (m === null || typeof m !== 'object' || Array.isArray(m)) {
      this.stats.missingMethods++;
      return '[unknown]';
    }
    const fields = this.plans.fields(methodPlan.typeId);
    const namePlan = fields.find((f) => f.name === 'name');
    const typePlan = fields.find((f) => f.name === 'type');
    const name = namePlan ? this.text(namePlan, m[namePlan.name]) : null;
    let className: string | null = null;
    if (typePlan && typePlan.kind === K_REF && typeof m.type === 'number') {
      const c = this.entry(typePlan.typeId, m.type);
      if (c !== null && typeof c === 'object' && !Array.isArray(c)) {
        const cNamePlan = this.plans.fields(typePlan.typeId).find((f) => f.name === 'name');
        className = cNamePlan ? this.text(cNamePlan, c.name) : null;
      }
    }
    return javaFrameName(className, name, nativeFrame);
  }

  /**
   * Writes the frames of stack trace `key` (function ids, leaf first) into `out` from
   * `at` on and returns how many; sets `truncated`. -1 when the pool has no such stack.
   * `room(n)` must return a buffer with space for n more frames from `at`.
   */
  stack(key: number, room: (n: number) => Uint32Array, at: number): number {
    this.truncated = false;
    const off = this.pools.entries(this.stackType)?.get(key);
    if (off === undefined || !this.stackPlan) {
      this.stats.missingStacks++;
      return -1;
    }
    const inp = this.inp;
    inp.pos = off;
    const fields = this.stackPlan.fields;
    let n = 0;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (i === this.truncatedField && !f.array && f.kind !== K_STRUCT) {
        this.truncated = readValue(inp, f, this.stringPool) !== 0;
      } else if (i === this.framesField) {
        const count = inp.count('the frames of a stack trace');
        if (count > MAX_STACK_DEPTH) {
          throw new JfrError(
            `a stack trace at byte ${off} has ${count} frames (more than ${MAX_STACK_DEPTH})`,
          );
        }
        const out = room(count);
        const frameFields = f.fields;
        const typePlan = this.frameTypeField >= 0 ? frameFields[this.frameTypeField] : undefined;
        for (let k = 0; k < count; k++) {
          let method = 0;
          let type: Value = null;
          for (let j = 0; j < frameFields.length; j++) {
            const ff = frameFields[j];
            if (j === this.frameMethod) method = inp.key();
            else if (j === this.frameTypeField) type = readValue(inp, ff, this.stringPool);
            else skipValue(inp, ff);
          }
          const pos = inp.pos;
          out[at + n++] = this.frameFn(method, typePlan, type);
          inp.pos = pos;
        }
      } else {
        skipValue(inp, f);
      }
    }
    return n;
  }
}
