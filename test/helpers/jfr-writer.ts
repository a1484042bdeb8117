/**
 * A small JFR writer for tests: builds chunks from declared types, constant pools and events,
 * with compressed (varint) or fixed-width integers, so that tests can make exact recordings
 * (values known by construction) and hostile ones (shapes no JVM writes).
 */

export interface WField {
  name: string;
  /** Type name (a class declared in the same chunk). */
  type: string;
  cp?: boolean;
  array?: boolean;
}

export interface WClass {
  name: string;
  superType?: string;
  fields?: WField[];
}

/** Byte encoder with the chunk's integer encoding. */
export class Enc {
  private readonly out: number[] = [];
  constructor(readonly compressed = true) {}

  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
  raw(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.out.push(b[i]);
    return this;
  }
  u8(v: number): this {
    this.out.push(v & 0xff);
    return this;
  }
  /** An unsigned varint of a 64-bit value (bigint for values beyond 2^53). */
  varint(v: number | bigint): this {
    let x = BigInt.asUintN(64, BigInt(v));
    for (let i = 0; i < 8; i++) {
      if (x < 0x80n) {
        this.out.push(Number(x));
        return this;
      }
      this.out.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.out.push(Number(x & 0xffn));
    return this;
  }
  fixed(v: number | bigint, n: number): this {
    let x = BigInt.asUintN(8 * n, BigInt(v));
    const b: number[] = [];
    for (let i = 0; i < n; i++) {
      b.unshift(Number(x & 0xffn));
      x >>= 8n;
    }
    return this.raw(b);
  }
  long(v: number | bigint): this {
    return this.compressed ? this.varint(v) : this.fixed(v, 8);
  }
  int(v: number): this {
    return this.compressed ? this.varint(v >>> 0) : this.fixed(v, 4);
  }
  bool(v: boolean): this {
    return this.u8(v ? 1 : 0);
  }
  /** A UTF-8 string (encoding 3), or null (0). */
  str(s: string | null): this {
    if (s === null) return this.u8(0);
    const b = new TextEncoder().encode(s);
    return this.u8(3).int(b.length).raw(b);
  }
}

export interface WPool {
  type: string;
  /** key and the encoded value */
  entries: [number | bigint, Uint8Array][];
}

export interface ChunkSpec {
  compressed?: boolean;
  classes: WClass[];
  /** Checkpoint events, each a list of pools (first written first). */
  checkpoints: WPool[][];
  /** Events: type name and encoded fields. */
  events: [string, Uint8Array][];
  ticksPerSecond?: number;
  /** The delta written in checkpoint i (default: to the previous one; 0 for the first). */
  delta?: (i: number, positions: number[]) => number;
  /** Absolute offsets to write in the header instead of the real ones. */
  constantPoolOffset?: number;
  startNanos?: number;
  durationNanos?: number;
  major?: number;
}

const PRIMITIVES = ['boolean', 'byte', 'char', 'short', 'int', 'long', 'float', 'double'];

/** Type ids: classes in declaration order from 100 (0 and 1 are metadata and checkpoints). */
export function typeIds(spec: ChunkSpec): Map<string, number> {
  return new Map(spec.classes.map((c, i) => [c.name, 100 + i]));
}

function event(compressed: boolean, body: Uint8Array): Uint8Array {
  // Size includes itself: use a fixed 4-byte varint (or 4-byte int) for the size.
  const size = body.length + 4;
  const e = new Enc(compressed);
  if (compressed) {
    e.u8((size & 0x7f) | 0x80)
      .u8(((size >> 7) & 0x7f) | 0x80)
      .u8(((size >> 14) & 0x7f) | 0x80)
      .u8((size >> 21) & 0x7f);
  } else e.fixed(size, 4);
  return e.raw(body).bytes();
}

function metadata(spec: ChunkSpec, ids: Map<string, number>, compressed: boolean): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (x: string) => {
    let i = index.get(x);
    if (i === undefined) {
      i = strings.length;
      strings.push(x);
      index.set(x, i);
    }
    return i;
  };
  const el = (name: string, attrs: [string, string][], children: Uint8Array[]): Uint8Array => {
    const e = new Enc(compressed).int(s(name)).int(attrs.length);
    for (const [k, v] of attrs) e.int(s(k)).int(s(v));
    e.int(children.length);
    for (const c of children) e.raw(c);
    return e.bytes();
  };
  const classes = spec.classes.map((c) => {
    const attrs: [string, string][] = [
      ['id', String(ids.get(c.name))],
      ['name', c.name],
    ];
    if (c.superType) attrs.push(['superType', c.superType]);
    if (PRIMITIVES.includes(c.name) || c.name === 'java.lang.String') {
      attrs.push(['simpleType', 'true']);
    }
    const fields = (c.fields ?? []).map((f) => {
      const fa: [string, string][] = [
        ['name', f.name],
        ['class', String(ids.get(f.type) ?? -1)],
      ];
      if (f.cp) fa.push(['constantPool', 'true']);
      if (f.array) fa.push(['dimension', '1']);
      return el('field', fa, []);
    });
    return el('class', attrs, fields);
  });
  const root = el('root', [], [el('metadata', [], classes), el('region', [], [])]);
  const body = new Enc(compressed).long(0).long(0).long(0).long(1).int(strings.length);
  for (const x of strings) body.str(x);
  body.raw(root);
  return event(compressed, body.bytes());
}

/** One chunk: header, events, checkpoints (chained by deltas), metadata. */
export function chunk(spec: ChunkSpec): Uint8Array {
  const compressed = spec.compressed ?? true;
  const ids = typeIds(spec);
  const parts: Uint8Array[] = [];
  let at = 68;
  for (const [type, body] of spec.events) {
    const id = ids.get(type);
    if (id === undefined) throw new Error(`no class ${type}`);
    const e = event(compressed, new Enc(compressed).long(id).raw(body).bytes());
    parts.push(e);
    at += e.length;
  }
  // Checkpoints: each points to the previous one (delta < 0); the first has delta 0. Deltas
  // take a fixed 9 bytes (8 uncompressed), so positions do not depend on them.
  const bodies = spec.checkpoints.map((pools) => {
    const body = new Enc(compressed);
    body.u8(0).int(pools.length);
    for (const p of pools) {
      body.long(ids.get(p.type) ?? -1).int(p.entries.length);
      for (const [k, v] of p.entries) body.long(k).raw(v);
    }
    return body.bytes();
  });
  const head = (delta: number) => {
    const e = new Enc(compressed).long(1).long(0).long(0);
    if (compressed) {
      let x = BigInt.asUintN(64, BigInt(delta));
      for (let i = 0; i < 8; i++) {
        e.u8(Number(x & 0x7fn) | 0x80);
        x >>= 7n;
      }
      e.u8(Number(x & 0xffn));
    } else e.fixed(delta, 8);
    return e.bytes();
  };
  const positions: number[] = [];
  let q = at;
  for (const b of bodies) {
    positions.push(q);
    q += 4 + head(0).length + b.length;
  }
  let prev = -1;
  bodies.forEach((b, i) => {
    const delta = spec.delta
      ? spec.delta(i, positions)
      : i === 0
        ? 0
        : positions[i - 1] - positions[i];
    const h = head(delta);
    const e = event(compressed, Uint8Array.from([...h, ...b]));
    parts.push(e);
    prev = positions[i];
    at += e.length;
  });
  const cpOffset = prev < 0 ? 68 : prev;
  const metaOffset = at;
  const meta = metadata(spec, ids, compressed);
  parts.push(meta);
  at += meta.length;
  const h = new Enc(false)
    .raw([0x46, 0x4c, 0x52, 0x00])
    .fixed(spec.major ?? 2, 2)
    .fixed(1, 2)
    .fixed(at, 8)
    .fixed(spec.constantPoolOffset ?? cpOffset, 8)
    .fixed(metaOffset, 8)
    .fixed(spec.startNanos ?? 1_700_000_000_000_000_000n, 8)
    .fixed(spec.durationNanos ?? 1_000_000_000, 8)
    .fixed(0, 8)
    .fixed(spec.ticksPerSecond ?? 1_000_000_000, 8)
    .fixed(compressed ? 1 : 0, 4);
  const out = new Uint8Array(at);
  out.set(h.bytes(), 0);
  let p = 68;
  for (const x of parts) {
    out.set(x, p);
    p += x.length;
  }
  return out;
}

/** The types a JDK recording declares for stack samples (a subset, same shapes). */
export function standardClasses(extra: WClass[] = []): WClass[] {
  return [
    { name: 'boolean' },
    { name: 'int' },
    { name: 'long' },
    { name: 'java.lang.String' },
    { name: 'jdk.types.Symbol', fields: [{ name: 'string', type: 'java.lang.String' }] },
    {
      name: 'java.lang.Class',
      fields: [{ name: 'name', type: 'jdk.types.Symbol', cp: true }],
    },
    {
      name: 'jdk.types.Method',
      fields: [
        { name: 'type', type: 'java.lang.Class', cp: true },
        { name: 'name', type: 'jdk.types.Symbol', cp: true },
      ],
    },
    { name: 'jdk.types.FrameType', fields: [{ name: 'description', type: 'java.lang.String' }] },
    {
      name: 'jdk.types.StackFrame',
      fields: [
        { name: 'method', type: 'jdk.types.Method', cp: true },
        { name: 'lineNumber', type: 'int' },
        { name: 'type', type: 'jdk.types.FrameType', cp: true },
      ],
    },
    {
      name: 'jdk.types.StackTrace',
      fields: [
        { name: 'truncated', type: 'boolean' },
        { name: 'frames', type: 'jdk.types.StackFrame', array: true },
      ],
    },
    {
      name: 'jdk.ExecutionSample',
      superType: 'jdk.jfr.Event',
      fields: [
        { name: 'startTime', type: 'long' },
        { name: 'stackTrace', type: 'jdk.types.StackTrace', cp: true },
      ],
    },
    {
      name: 'jdk.ThreadPark',
      superType: 'jdk.jfr.Event',
      fields: [
        { name: 'startTime', type: 'long' },
        { name: 'duration', type: 'long' },
        { name: 'stackTrace', type: 'jdk.types.StackTrace', cp: true },
      ],
    },
    {
      name: 'jdk.ActiveSetting',
      superType: 'jdk.jfr.Event',
      fields: [
        { name: 'startTime', type: 'long' },
        { name: 'id', type: 'long' },
        { name: 'name', type: 'java.lang.String' },
        { name: 'value', type: 'java.lang.String' },
      ],
    },
    ...extra,
  ];
}

export interface SimpleStack {
  /** Frames leaf first, as "pkg/Cls.method" or "symbol" (no class). */
  frames: string[];
  truncated?: boolean;
  /** Frame type of every frame (default "JIT compiled"). */
  frameType?: string;
}

/**
 * Pools for `stacks` (keys 1..n) with their methods, classes, symbols and frame types, in
 * the standard classes' layout.
 */
export function stackPools(stacks: SimpleStack[], compressed = true): WPool[] {
  const symbols = new Map<string, number>();
  const sym = (s: string) => {
    let k = symbols.get(s);
    if (k === undefined) symbols.set(s, (k = symbols.size + 1));
    return k;
  };
  const classes = new Map<string, number>();
  const methods = new Map<string, number>();
  const types = new Map<string, number>();
  const method = (f: string) => {
    let k = methods.get(f);
    if (k === undefined) {
      methods.set(f, (k = methods.size + 1));
      const dot = f.lastIndexOf('.');
      const cls = dot > 0 ? f.slice(0, dot) : '';
      if (!classes.has(cls)) classes.set(cls, classes.size + 1);
    }
    return k;
  };
  const frameType = (t: string) => {
    let k = types.get(t);
    if (k === undefined) types.set(t, (k = types.size + 1));
    return k;
  };
  const stackEntries: [number, Uint8Array][] = stacks.map((s, i) => {
    const e = new Enc(compressed).bool(!!s.truncated).int(s.frames.length);
    for (const f of s.frames) {
      e.long(method(f))
        .int(0)
        .long(frameType(s.frameType ?? 'JIT compiled'));
    }
    return [i + 1, e.bytes()];
  });
  const methodEntries: [number, Uint8Array][] = [...methods].map(([f, k]) => {
    const dot = f.lastIndexOf('.');
    const cls = dot > 0 ? f.slice(0, dot) : '';
    return [
      k,
      new Enc(compressed)
        .long(classes.get(cls)!)
        .long(sym(dot > 0 ? f.slice(dot + 1) : f))
        .bytes(),
    ];
  });
  const classEntries: [number, Uint8Array][] = [...classes].map(([c, k]) => [
    k,
    new Enc(compressed).long(sym(c)).bytes(),
  ]);
  return [
    { type: 'jdk.types.StackTrace', entries: stackEntries },
    { type: 'jdk.types.Method', entries: methodEntries },
    { type: 'java.lang.Class', entries: classEntries },
    {
      type: 'jdk.types.FrameType',
      entries: [...types].map(([t, k]) => [k, new Enc(compressed).str(t).bytes()]),
    },
    {
      type: 'jdk.types.Symbol',
      entries: [...symbols].map(([s, k]) => [k, new Enc(compressed).str(s).bytes()]),
    },
  ];
}
