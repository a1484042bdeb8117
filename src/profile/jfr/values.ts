/**
 * How to read or skip a value of any declared type: each field's encoding, compiled once per
 * chunk from the metadata ("plans"), so that events and constant pools are walked without
 * looking types up by name.
 *
 * A field is a primitive (boolean and byte: one byte; short, char, int, long: varints; float
 * and double: 4 and 8 raw bytes), a string, a constant-pool key (constantPool="true"), or an
 * inline struct of another type's fields; with dimension 1, a count and that many values.
 */
import { Input, JfrError } from './chunk.js';
import type { JfrField, Types } from './metadata.js';

export const K_BYTE = 0;
export const K_SHORT = 1;
export const K_CHAR = 2;
export const K_INT = 3;
export const K_LONG = 4;
export const K_FLOAT = 5;
export const K_DOUBLE = 6;
export const K_STRING = 7;
export const K_REF = 8;
export const K_STRUCT = 9;

const PRIMITIVES: Record<string, number> = {
  boolean: K_BYTE,
  byte: K_BYTE,
  short: K_SHORT,
  char: K_CHAR,
  int: K_INT,
  long: K_LONG,
  float: K_FLOAT,
  double: K_DOUBLE,
  'java.lang.String': K_STRING,
};

export interface Plan {
  name: string;
  kind: number;
  array: boolean;
  /** The field's type: the pool a K_REF key points into, or the struct's type. */
  typeId: number;
  fields: Plan[];
  /** Fewest bytes one (non-array) value can take: 0 means arrays of it cost no bytes. */
  minBytes: number;
  /**
   * For structs of scalars only (stack frames): one op per scalar, 0 a varint, n > 0 n bytes,
   * so that they are skipped without a call per field. Null otherwise.
   */
  flat: Int8Array | null;
}

/** Inline structs nest this deep at most (the JDK's deepest is 3: StackTrace > StackFrame). */
const MAX_NESTING = 32;

export class Plans {
  private readonly structs = new Map<number, Plan[]>();
  private readonly building = new Set<number>();

  constructor(
    readonly types: Types,
    private readonly compressed: boolean,
  ) {}

  private readonly values = new Map<number, Plan>();

  /** The plan of one whole value of type `typeId` (a constant-pool entry's value). */
  value(typeId: number): Plan {
    let p = this.values.get(typeId);
    if (!p) {
      const cls = this.types.get(typeId);
      p = this.plan({ name: cls.name, typeId, constantPool: false, array: false }, 0);
      this.values.set(typeId, p);
    }
    return p;
  }

  /** The plans of the fields of type `typeId`, in encoding order. */
  fields(typeId: number, depth = 0): Plan[] {
    const done = this.structs.get(typeId);
    if (done) return done;
    const cls = this.types.get(typeId);
    if (this.building.has(typeId)) {
      throw new JfrError(
        `metadata: type ${cls.name} contains itself (not through a constant pool)`,
      );
    }
    if (depth > MAX_NESTING) {
      throw new JfrError(
        `metadata: inline types nest more than ${MAX_NESTING} deep at ${cls.name}`,
      );
    }
    this.building.add(typeId);
    const out = cls.fields.map((f) => this.plan(f, depth + 1));
    this.building.delete(typeId);
    this.structs.set(typeId, out);
    return out;
  }

  private plan(f: JfrField, depth: number): Plan {
    const cls = this.types.get(f.typeId);
    const intBytes = (w: number) => (this.compressed ? 1 : w);
    let kind: number;
    let fields: Plan[] = [];
    let minBytes: number;
    let flat: Int8Array | null = null;
    if (f.constantPool) {
      kind = K_REF;
      minBytes = intBytes(8);
    } else if (cls.name in PRIMITIVES) {
      kind = PRIMITIVES[cls.name];
      minBytes = [1, intBytes(2), intBytes(2), intBytes(4), intBytes(8), 4, 8, 1][kind];
    } else {
      kind = K_STRUCT;
      fields = this.fields(f.typeId, depth);
      minBytes = 0;
      for (const p of fields) minBytes += p.array ? 1 : p.minBytes;
      const scalars = fields.every(
        (p) => !p.array && p.kind !== K_STRING && (p.kind !== K_STRUCT || p.flat !== null),
      );
      if (scalars) {
        const ops: number[] = [];
        for (const p of fields) {
          if (p.kind === K_STRUCT) ops.push(...p.flat!);
          else if (p.kind === K_BYTE) ops.push(1);
          else if (p.kind === K_FLOAT) ops.push(4);
          else if (p.kind === K_DOUBLE) ops.push(8);
          else ops.push(this.compressed ? 0 : p.minBytes);
        }
        flat = Int8Array.from(ops);
      }
    }
    return { name: f.name, kind, array: f.array, typeId: f.typeId, fields, minBytes, flat };
  }
}

/** Skips one struct of scalars by its ops (see Plan.flat). */
function skipFlat(inp: Input, ops: Int8Array): void {
  const b = inp.b;
  let p = inp.pos;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === 0) {
      // Up to 9 bytes; the ninth ends the value whatever its top bit.
      for (let c = 0; c < 8 && b[p] >= 0x80; c++) p++;
      p++;
    } else p += op;
  }
  if (p > inp.end) inp.eof('a value');
  inp.pos = p;
}

function skipOne(inp: Input, p: Plan): void {
  switch (p.kind) {
    case K_BYTE:
      inp.skip(1);
      return;
    case K_SHORT:
    case K_CHAR:
      inp.skipInt(2);
      return;
    case K_INT:
      inp.skipInt(4);
      return;
    case K_LONG:
    case K_REF:
      inp.skipInt(8);
      return;
    case K_FLOAT:
      inp.skip(4);
      return;
    case K_DOUBLE:
      inp.skip(8);
      return;
    case K_STRING:
      inp.skipString();
      return;
    default:
      if (p.flat) skipFlat(inp, p.flat);
      else for (const f of p.fields) skipValue(inp, f);
  }
}

/** Skips one value of field `p` (an array: its count and elements). */
export function skipValue(inp: Input, p: Plan): void {
  if (!p.array) {
    skipOne(inp, p);
    return;
  }
  const n = inp.count(`the array ${p.name}`);
  // Elements that take no bytes (structs of empty structs) need no walk, and must not cost a
  // loop per count: nested, that would be quadratic in the bytes.
  if (p.minBytes === 0) return;
  const ops = p.flat;
  if (ops) {
    // Arrays of scalar structs (stack frames): one loop, no call per element.
    const b = inp.b;
    let q = inp.pos;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        if (op === 0) {
          for (let c = 0; c < 8 && b[q] >= 0x80; c++) q++;
          q++;
        } else q += op;
      }
    }
    if (q > inp.end) inp.eof(`the array ${p.name}`);
    inp.pos = q;
  } else for (let i = 0; i < n; i++) skipOne(inp, p);
}

export type Value = number | string | null | Value[] | { [field: string]: Value };

/** Resolves a key into the java.lang.String pool (strings encoded as references). */
export type StringPool = (key: number) => string | null;

function readOne(inp: Input, p: Plan, strings: StringPool): Value {
  switch (p.kind) {
    case K_BYTE:
      return inp.u8();
    case K_SHORT:
      return inp.compressed ? inp.int() : inp.fixed(2);
    case K_CHAR:
      return inp.compressed ? inp.int() & 0xffff : inp.fixed(2) & 0xffff;
    case K_INT:
      return inp.int();
    case K_LONG:
      return inp.compressed ? inp.long() : inp.fixed(8);
    case K_REF:
      return inp.key();
    case K_FLOAT:
      return inp.f32();
    case K_DOUBLE:
      return inp.f64();
    case K_STRING:
      return inp.string(strings);
    default: {
      const o: { [field: string]: Value } = {};
      for (const f of p.fields) o[f.name] = readValue(inp, f, strings);
      return o;
    }
  }
}

/** Reads one value of field `p` into plain JavaScript (keys of references stay numbers). */
export function readValue(inp: Input, p: Plan, strings: StringPool): Value {
  if (!p.array) return readOne(inp, p, strings);
  const n = inp.count(`the array ${p.name}`);
  const out: Value[] = [];
  if (p.minBytes === 0) return out;
  for (let i = 0; i < n; i++) out.push(readOne(inp, p, strings));
  return out;
}
