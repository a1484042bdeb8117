/**
 * The metadata event (type id 0): every type a chunk uses, with its fields in encoding order.
 *
 *   size, type id 0, start time, duration, metadata id,
 *   string count, strings (the element and attribute names and values below index them),
 *   root element: name, attribute count, (name, value) pairs, child count, children ...
 *
 * Under root, the "metadata" element holds one "class" element per type (attributes id, name,
 * superType, simpleType), each with "field" children (name, class = the field's type id,
 * constantPool = "true" when the value is a key into that type's constant pool, dimension =
 * "1" for arrays). Annotations and settings are skipped.
 */
import { Input, JfrError, type ChunkHeader } from './chunk.js';

export interface JfrField {
  name: string;
  typeId: number;
  /** The value is a constant-pool key rather than the value itself. */
  constantPool: boolean;
  array: boolean;
}

export interface JfrClass {
  id: number;
  name: string;
  superType: string | undefined;
  fields: JfrField[];
}

export class Types {
  readonly byId = new Map<number, JfrClass>();
  readonly byName = new Map<string, JfrClass>();

  get(id: number): JfrClass {
    const c = this.byId.get(id);
    if (!c) throw new JfrError(`type id ${id} is not declared in the chunk's metadata`);
    return c;
  }
}

/** Elements nest root > metadata > class > field > annotation: far less than this. */
const MAX_DEPTH = 32;

/** An element kept from the tree: its name, attributes and kept children. */
interface Element {
  name: string;
  attrs: Map<string, string>;
  children: Element[];
}

/** Elements whose subtrees matter: root > metadata > class > field. */
const KEEP = new Set(['root', 'metadata', 'class', 'field']);

/** The bytes of the metadata event of chunk `h` (checked to lie within the chunk). */
export function metadataBytes(bytes: Uint8Array, h: ChunkHeader): Uint8Array {
  const inp = new Input(bytes, h.end, h.compressed);
  inp.pos = h.metadata;
  const size = inp.int();
  if (size <= 0 || size > h.end - h.metadata) {
    throw new JfrError(
      `the metadata event at byte ${h.metadata} says it is ${size} bytes; the chunk has ${h.end - h.metadata} left`,
    );
  }
  return bytes.subarray(h.metadata, h.metadata + size);
}

export function readMetadata(bytes: Uint8Array, h: ChunkHeader, keys: Map<bigint, number>): Types {
  const inp = new Input(bytes, h.end, h.compressed, keys);
  inp.pos = h.metadata;
  const start = h.metadata;
  const size = inp.int();
  if (size <= 0 || size > h.end - start) {
    throw new JfrError(
      `the metadata event at byte ${start} says it is ${size} bytes; the chunk has ${h.end - start} left`,
    );
  }
  inp.end = start + size;
  const type = inp.long();
  if (type !== 0) {
    throw new JfrError(
      `the metadata offset points at byte ${start}, where an event of type ${type} (not 0, metadata) is`,
    );
  }
  inp.long(); // start time
  inp.long(); // duration
  inp.long(); // metadata id
  const n = inp.count('the metadata strings');
  const strings = new Array<string>(n);
  for (let i = 0; i < n; i++) strings[i] = inp.string() ?? '';
  const str = (): string => {
    const i = inp.int();
    if (i < 0 || i >= n) {
      throw new JfrError(`metadata string index ${i} at byte ${inp.pos} (there are ${n})`);
    }
    return strings[i];
  };
  // Elements other than root, metadata, class and field (annotations, settings, the region)
  // are walked (to find where the next one starts) but not kept.
  const element = (depth: number): Element | null => {
    if (depth > MAX_DEPTH) throw new JfrError(`metadata elements nest more than ${MAX_DEPTH} deep`);
    const name = str();
    const keep = KEEP.has(name);
    const nAttrs = inp.count('metadata attributes');
    const attrs = new Map<string, string>();
    for (let i = 0; i < nAttrs; i++) {
      if (keep) {
        const k = str();
        attrs.set(k, str());
      } else {
        str();
        str();
      }
    }
    const nChildren = inp.count('metadata elements');
    const children: Element[] = [];
    for (let i = 0; i < nChildren; i++) {
      const c = element(depth + 1);
      if (c) children.push(c);
    }
    return keep ? { name, attrs, children } : null;
  };
  const root = element(0);
  if (!root) throw new JfrError('the metadata does not start with its root element');
  if (inp.pos !== inp.end) {
    throw new JfrError(
      `the metadata event at byte ${start} has ${inp.end - inp.pos} bytes after its elements`,
    );
  }

  const types = new Types();
  const id = (e: Element, attr: string): number => {
    const s = e.attrs.get(attr);
    const v = s === undefined ? NaN : Number(s);
    if (!Number.isSafeInteger(v)) {
      throw new JfrError(
        `metadata: ${e.name} "${e.attrs.get('name') ?? '?'}" has ${attr}=${JSON.stringify(s)}, not an id`,
      );
    }
    return v;
  };
  for (const m of root.children) {
    if (m.name !== 'metadata') continue;
    for (const c of m.children) {
      if (c.name !== 'class') continue;
      const cls: JfrClass = {
        id: id(c, 'id'),
        name: c.attrs.get('name') ?? '',
        superType: c.attrs.get('superType'),
        fields: [],
      };
      for (const f of c.children) {
        if (f.name !== 'field') continue;
        const dim = f.attrs.get('dimension');
        if (dim !== undefined && dim !== '0' && dim !== '1') {
          throw new JfrError(
            `metadata: field ${cls.name}.${f.attrs.get('name')} has dimension ${dim} (only 0 and 1 exist)`,
          );
        }
        cls.fields.push({
          name: f.attrs.get('name') ?? '',
          typeId: id(f, 'class'),
          constantPool: f.attrs.get('constantPool') === 'true',
          array: dim === '1',
        });
      }
      types.byId.set(cls.id, cls);
      types.byName.set(cls.name, cls);
    }
  }
  if (types.byId.size === 0) throw new JfrError('the metadata declares no types');
  return types;
}
