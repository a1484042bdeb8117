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
  K_CHAR,
  K_INT,
  K_LONG,
  K_REF,
  K_SHORT,
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

/** What the frame loop does with each field of a stack frame. */
const FOP_VARINT = 0;
const FOP_METHOD = 1;
const FOP_TYPE = 2;
const FOP_OTHER = 3;
const VARINT_KINDS = new Set([K_SHORT, K_CHAR, K_INT, K_LONG, K_REF]);

/** Frame types whose "class" is a library (async-profiler's native and kernel frames). */
const NATIVE_FRAME_TYPES = new Set(['C++', 'Kernel']);

/**
 * Function ids by (class, method, native naming), shared by the chunks of one file: looked up
 * without building the full name (most lookups are hits from earlier chunks).
 */
export class FunctionNames {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byClass = new Map<string, Map<string, number>>();

  id(className: string | null, method: string | null, nativeFrame: boolean): number {
    const ck = nativeFrame ? '\0' : (className ?? '');
    let methods = this.byClass.get(ck);
    if (!methods) this.byClass.set(ck, (methods = new Map()));
    const mk = method ?? '\0';
    let id = methods.get(mk);
    if (id === undefined) {
      const name = javaFrameName(className, method, nativeFrame);
      id = this.ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.names.push(name);
        this.ids.set(name, id);
      }
      methods.set(mk, id);
    }
    return id;
  }
}

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
  private readonly strings = new Map<number, string | null>();
  /** Text of string-like pool entries (symbols, frame types) by pool type id and key. */
  private readonly texts = new Map<number, Map<number, string | null>>();
  private readonly classNames = new Map<number, string | null>();
  private readonly nativeTypes = new Map<number, boolean>();
  private readonly methodType: number;
  private readonly frameOps: Int8Array;
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
    private readonly names: FunctionNames,
  ) {
    this.inp = new Input(bytes, h.end, h.compressed, keys);
    this.plans = plans;
    const st = types.byName.get('jdk.types.StackTrace');
    this.stackType = st?.id;
    this.framesField = -1;
    this.truncatedField = -1;
    this.frameMethod = -1;
    this.frameTypeField = -1;
    this.methodType = -1;
    this.frameOps = new Int8Array(0);
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
      this.methodType = frames.fields[this.frameMethod].typeId;
      this.frameOps = Int8Array.from(frames.fields, (x, j) =>
        j === this.frameMethod
          ? FOP_METHOD
          : j === this.frameTypeField
            ? FOP_TYPE
            : h.compressed && !x.array && VARINT_KINDS.has(x.kind)
              ? FOP_VARINT
              : FOP_OTHER,
      );
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

  /**
   * One field of pool entry `key` of type `typeId` (the fields before it skipped, nothing
   * decoded into objects); undefined when the pool has no such entry or type no such field.
   */
  private field(typeId: number, key: number, name: string): Value | undefined {
    const off = this.pools.entries(typeId)?.get(key);
    if (off === undefined) return undefined;
    const inp = this.inp;
    const back = inp.pos;
    inp.pos = off;
    let v: Value | undefined;
    for (const f of this.plans.fields(typeId)) {
      if (f.name === name) {
        v = readValue(inp, f, this.stringPool);
        break;
      }
      skipValue(inp, f);
    }
    inp.pos = back;
    return v;
  }

  /**
   * The text of a value of field `plan`: a string, or a key into a string-like pool (a
   * symbol: one string field; or java.lang.String itself). Cached per pool and key.
   */
  private text(plan: Plan, v: Value | undefined, depth = 0): string | null {
    if (typeof v === 'string' || v === null) return v;
    if (plan.kind !== K_REF || typeof v !== 'number' || depth > 4) return null;
    let cache = this.texts.get(plan.typeId);
    if (!cache) this.texts.set(plan.typeId, (cache = new Map()));
    let t = cache.get(v);
    if (t === undefined) {
      t = null;
      if (this.types.get(plan.typeId).name === 'java.lang.String') t = this.stringPool(v);
      else {
        const f = this.plans
          .fields(plan.typeId)
          .find((x) => x.kind === K_STRING || x.kind === K_REF);
        if (f) t = this.text(f, this.field(plan.typeId, v, f.name), depth + 1);
      }
      cache.set(v, t);
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
          if (NATIVE_FRAME_TYPES.has(this.text(typePlan, key) ?? '')) {
            this.nativeIsLibrary = true;
            break;
          }
        }
      }
    }
    return this.nativeIsLibrary;
  }

  /** Whether frames of this type (a key or an inline string) are named by symbol alone. */
  private nativeFrame(typePlan: Plan, typeValue: Value): boolean {
    if (typeof typeValue === 'number') {
      let n = this.nativeTypes.get(typeValue);
      if (n === undefined) {
        const t = this.text(typePlan, typeValue);
        n =
          t !== null &&
          (NATIVE_FRAME_TYPES.has(t) || (t === 'Native' && this.nativeMeansLibrary(typePlan)));
        this.nativeTypes.set(typeValue, n);
      }
      return n;
    }
    return (
      typeof typeValue === 'string' &&
      (NATIVE_FRAME_TYPES.has(typeValue) ||
        (typeValue === 'Native' && this.nativeMeansLibrary(typePlan)))
    );
  }

  /** The function id of a frame: its method (a key), named by the frame's type. */
  private frameFn(methodKey: number, nativeFrame: boolean): number {
    const cache = nativeFrame ? this.nativeFn : this.javaFn;
    let id = cache.get(methodKey);
    if (id === undefined) {
      id = this.methodFn(methodKey, nativeFrame);
      cache.set(methodKey, id);
    }
    return id;
  }

  private methodFn(key: number, nativeFrame: boolean): number {
    const methodType = this.methodType;
    const fields = this.plans.fields(methodType);
    const namePlan = fields.find((f) => f.name === 'name');
    const classPlan = fields.find((f) => f.name === 'type');
    if (!this.pools.entries(methodType)?.has(key)) {
      this.stats.missingMethods++;
      return this.names.id(null, null, nativeFrame);
    }
    const name = namePlan ? this.text(namePlan, this.field(methodType, key, 'name')) : null;
    let className: string | null = null;
    if (classPlan && classPlan.kind === K_REF) {
      const classKey = this.field(methodType, key, 'type');
      if (typeof classKey === 'number') {
        className = this.classNames.get(classKey) ?? null;
        if (!this.classNames.has(classKey)) {
          const namePlanOfClass = this.plans
            .fields(classPlan.typeId)
            .find((f) => f.name === 'name');
          className = namePlanOfClass
            ? this.text(namePlanOfClass, this.field(classPlan.typeId, classKey, 'name'))
            : null;
          this.classNames.set(classKey, className);
        }
      }
    }
    return this.names.id(className, name, nativeFrame);
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
        const ops = this.frameOps;
        const typePlan = this.frameTypeField >= 0 ? frameFields[this.frameTypeField] : undefined;
        const b = inp.b;
        const typeIsKey = typePlan !== undefined && typePlan.kind === K_REF && !typePlan.array;
        const compressed = inp.compressed;
        let lastType: Value = -1;
        let lastNative = false;
        for (let k = 0; k < count; k++) {
          let method = 0;
          let type: Value = null;
          for (let j = 0; j < ops.length; j++) {
            const op = ops[j];
            if (op === FOP_VARINT) {
              // Up to 9 bytes; the ninth ends the value whatever its top bit.
              let p = inp.pos;
              for (let c = 0; c < 8 && b[p] >= 0x80; c++) p++;
              inp.pos = p + 1;
            } else if (op === FOP_OTHER) skipValue(inp, frameFields[j]);
            else if (op === FOP_TYPE && !typeIsKey) {
              type = readValue(inp, frameFields[j], this.stringPool);
            } else {
              // A key: one or two bytes inline, else the general reader.
              const p = inp.pos;
              let v: number;
              const x = b[p];
              if (compressed && x < 0x80) {
                v = x;
                inp.pos = p + 1;
              } else if (compressed && b[p + 1] < 0x80) {
                v = (x & 0x7f) | (b[p + 1] << 7);
                inp.pos = p + 2;
              } else v = inp.key();
              if (op === FOP_METHOD) method = v;
              else type = v;
            }
          }
          if (inp.pos > inp.end) inp.eof('a stack frame');
          // Consecutive frames mostly share their type.
          if (type !== lastType) {
            lastType = type;
            lastNative = typePlan !== undefined && this.nativeFrame(typePlan, type);
          }
          out[at + n++] = this.frameFn(method, lastNative);
        }
      } else {
        skipValue(inp, f);
      }
    }
    return n;
  }
}
