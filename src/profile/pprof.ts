/**
 * pprof (perftools.profiles.Profile) reader. Reads the protobuf wire format straight into the
 * normalized model (no intermediate message objects), in two passes: the first records where
 * samples are and decodes the small tables (strings, functions, locations, mappings); the
 * second walks the samples and appends their expanded stacks.
 */
import { ProfileError, readerGuard } from './errors.js';
import type { FunctionTotals } from './aggregate.js';
import { normalizedIds } from './aggregate.js';
import { ProfileBuilder, type Profile, type SampleLabel, type ValueType } from './model.js';
import type { Normalizer } from './normalize.js';
import {
  createReader,
  readEnd,
  readInt64,
  readRepeatedInt64,
  readUint64Big,
  WireError,
  type Reader,
} from './varint.js';

interface RawFunction {
  id: number;
  name: number;
  systemName: number;
  filename: number;
}
interface RawMapping {
  id: number;
  start: bigint;
  offset: bigint;
  filename: number;
}
interface RawLocation {
  id: number;
  mappingId: number;
  /** Byte offset of the address varint (0 = no address); decoded only when a name needs it. */
  addressAt: number;
  functionIds: number[];
}

/** Lookup from a table's (possibly sparse) ids to array positions. */
class IdTable {
  private map: Map<number, number> | undefined;
  private dense: Int32Array | undefined;

  /** Builds the lookup for `ids` (position i has id ids[i]); throws on id 0 or a duplicate. */
  constructor(ids: number[], what: string, file: string) {
    let max = 0;
    for (const id of ids) if (id > max) max = id;
    const fail = (i: number) => {
      throw new ProfileError(
        'protobuf',
        file,
        ids[i] === 0 ? `${what} ${i} has id 0 (reserved)` : `duplicate ${what} id ${ids[i]}`,
      );
    };
    if (max <= Math.max(1 << 16, ids.length * 4)) {
      // the usual case (ids 1..n): a dense array, no hashing
      const dense = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (id === 0 || dense[id] !== -1) fail(i);
        dense[id] = i;
      }
      this.dense = dense;
    } else {
      const map = new Map<number, number>();
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === 0 || map.has(ids[i])) fail(i);
        map.set(ids[i], i);
      }
      this.map = map;
    }
  }

  get(id: number): number {
    if (this.dense) return id < this.dense.length ? this.dense[id] : -1;
    return this.map!.get(id) ?? -1;
  }

  /** The dense lookup (empty when ids are sparse: callers then fall back to get()). */
  denseTable(): Int32Array {
    return this.dense ?? new Int32Array(0);
  }
}

function basename(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}

/** pprof's simplifyFunc: cut the argument list at the first '(' that is not reserved. */
function simplifyFunc(name: string): string {
  let s = name.startsWith('.') ? name.slice(1) : name;
  const re = /\(anonymous namespace\)|operator\(\)|\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === '(') {
      s = s.slice(0, m.index);
      break;
    }
  }
  return s;
}

/**
 * pprof's default demangling heuristic for names that are already demangled: when the
 * function has no separate display name (name empty or equal to system_name) and the name
 * looks like C++/Rust, argument lists and template parameters are removed.
 */
export function pprofDisplayName(name: string, systemName: string): string {
  if (name !== '' && name !== systemName) return name;
  let n = systemName;
  if (!n.includes('.<') && !n.includes(']).') && (/[<>[\]]/.test(n) || n.includes('::'))) {
    n = removeMatching(n, '(', ')');
    n = removeMatching(n, '<', '>');
  }
  return n;
}

/** Removes balanced open..close groups; leaves the name alone when they do not balance. */
function removeMatching(name: string, open: string, close: string): string {
  let out = name;
  let nesting = 0;
  let first = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === open) {
      if (++nesting === 1) first = i;
    } else if (c === close) {
      nesting--;
      if (nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}

function compileFrameRegex(src: string, what: string, file: string): RegExp {
  try {
    return new RegExp(`^(?:${src})$`);
  } catch {
    throw new ProfileError('protobuf', file, `${what} is not a valid regular expression: ${src}`);
  }
}

export interface PprofOptions {
  /** Keep every frame even when the profile asks to drop some (pprof -all_frames). */
  allFrames?: boolean;
}

/** Reads a pprof into the full model (stacks, labels, every value column). */
export function readPprof(bytes: Uint8Array, file: string, opts: PprofOptions = {}): Profile {
  return guarded(file, () =>
    decode(bytes, file, opts, (t) => {
      const sink = new StackSink(t.builder, t.locStart, t.locFrames, t.str);
      return { sink, finish: (meta) => t.builder.build(meta) };
    }),
  );
}

/** Profile metadata without stacks: what readPprofTotals returns next to the totals. */
export type ProfileMeta = Omit<
  Profile,
  'functions' | 'stackOffsets' | 'stackFrames' | 'values' | 'labelSets' | 'sampleLabelSet'
>;

export interface ProfileTotals extends ProfileMeta {
  /** Per-function totals, one entry per sample type (same order as sampleTypes). */
  totals: FunctionTotals[];
  samples: number;
}

/**
 * The fast path when only per-function totals are needed: aggregates self and cum for every
 * sample type while decoding, without building stacks. Same numbers as
 * aggregate(readPprof(...), t, normalize) for every t.
 */
export function readPprofTotals(
  bytes: Uint8Array,
  file: string,
  normalize: Normalizer,
  opts: PprofOptions = {},
): ProfileTotals {
  return guarded(file, () =>
    decode(bytes, file, opts, (t) => {
      const { map, names, rawNames } = normalizedIds(t.builder.functions, normalize);
      const sink = new TotalsSink(map, names.length, t.sampleTypes.length, t.locStart, t.locFrames);
      return {
        sink,
        finish: (meta) => ({
          ...meta,
          sampleTypes: t.sampleTypes,
          samples: sink.samples,
          totals: t.sampleTypes.map((type, k) => ({
            type,
            names,
            self: sink.column('self', k),
            cum: sink.column('cum', k),
            total: sink.total[k],
            rawNames,
            samples: sink.samples,
          })),
        }),
      };
    }),
  );
}

function guarded<T>(file: string, fn: () => T): T {
  return readerGuard(
    'protobuf',
    file,
    (m) => `not a valid pprof protobuf (truncated or corrupt: ${m})`,
    fn,
  );
}

interface DecodedTables {
  builder: ProfileBuilder;
  sampleTypes: ValueType[];
  locStart: Uint32Array;
  locFrames: Uint32Array;
  str: (i: number, what: string) => string;
}

type SinkUse<T> = (t: DecodedTables) => {
  sink: SampleSink;
  finish: (meta: Omit<ProfileMeta, 'sampleTypes'>) => T;
};

function decode<T>(bytes: Uint8Array, file: string, opts: PprofOptions, use: SinkUse<T>): T {
  const r = createReader(bytes);
  const strings: string[] = [];
  const sampleTypeIdx: [number, number][] = [];
  const functions: RawFunction[] = [];
  const mappings: RawMapping[] = [];
  const locations: RawLocation[] = [];
  const comments: number[] = [];
  let samplePos = new Uint32Array(1024);
  let nSamples = 0;
  let dropFrames = 0;
  let keepFrames = 0;
  let timeNanos = 0;
  let timeSeen = 0;
  let durationNanos = 0;
  let periodType: [number, number] | undefined;
  let period = 0;
  let defaultSampleType = 0;

  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) throw new WireError('field number 0');
    switch (field) {
      case 1:
        expectWire(wire, 2);
        sampleTypeIdx.push(readValueType(r));
        break;
      case 2: {
        expectWire(wire, 2);
        const end = readEnd(r);
        if (nSamples * 2 + 2 > samplePos.length) {
          const next = new Uint32Array(samplePos.length * 2);
          next.set(samplePos);
          samplePos = next;
        }
        samplePos[nSamples * 2] = r.pos;
        samplePos[nSamples * 2 + 1] = end;
        nSamples++;
        r.pos = end;
        break;
      }
      case 3:
        expectWire(wire, 2);
        mappings.push(readMapping(r));
        break;
      case 4:
        expectWire(wire, 2);
        locations.push(readLocation(r));
        break;
      case 5:
        expectWire(wire, 2);
        functions.push(readFunction(r));
        break;
      case 6:
        expectWire(wire, 2);
        strings.push(r.string());
        break;
      case 7:
        dropFrames = readInt64(r);
        break;
      case 8:
        keepFrames = readInt64(r);
        break;
      case 9:
        timeNanos = readInt64(r);
        timeSeen++;
        break;
      case 10:
        durationNanos = readInt64(r);
        break;
      case 11:
        expectWire(wire, 2);
        periodType = readValueType(r);
        break;
      case 12:
        period = readInt64(r);
        break;
      case 13:
        readRepeatedInt64(r, wire, comments);
        break;
      case 14:
        defaultSampleType = readInt64(r);
        break;
      default:
        r.skipType(wire);
    }
  }

  if (strings.length > 0 && strings[0] !== '') {
    throw new ProfileError('protobuf', file, 'string_table[0] must be the empty string');
  }
  const str = (i: number, what: string): string => {
    if (i === 0) return '';
    if (i < 0 || i >= strings.length || !Number.isInteger(i)) {
      throw new ProfileError(
        'invalid-reference',
        file,
        `${what} refers to string ${i}, but the string table has ${strings.length} entries`,
      );
    }
    return strings[i];
  };
  if (timeSeen > 1) {
    throw new ProfileError(
      'protobuf',
      file,
      'time_nanos appears twice: this looks like two profiles concatenated',
    );
  }

  const sampleTypes: ValueType[] = sampleTypeIdx.map(([t, u], i) => ({
    type: str(t, `sample_type[${i}].type`),
    unit: str(u, `sample_type[${i}].unit`),
  }));
  if (sampleTypes.length === 0) {
    throw new ProfileError('protobuf', file, 'profile declares no sample types');
  }
  let defaultIndex = sampleTypes.length - 1;
  if (defaultSampleType !== 0) {
    const name = str(defaultSampleType, 'default_sample_type');
    const i = sampleTypes.findIndex((t) => t.type === name);
    if (i >= 0) defaultIndex = i;
  }

  // Functions and mappings by id.
  const fnIds = new IdTable(
    functions.map((f) => f.id),
    'function',
    file,
  );
  const mapIds = new IdTable(
    mappings.map((m) => m.id),
    'mapping',
    file,
  );

  const builder = new ProfileBuilder(sampleTypes);
  const fnName = functions.map((f) => {
    const name = str(f.name, `function ${f.id} name`);
    const sys = str(f.systemName, `function ${f.id} system_name`);
    const fileName = str(f.filename, `function ${f.id} filename`);
    return pprofDisplayName(name, sys) || fileName;
  });

  const drop = dropFrames
    ? compileFrameRegex(str(dropFrames, 'drop_frames'), 'drop_frames', file)
    : undefined;
  const keep =
    drop && keepFrames
      ? compileFrameRegex(str(keepFrames, 'keep_frames'), 'keep_frames', file)
      : undefined;
  const shouldDrop = (name: string): boolean => {
    if (!drop || opts.allFrames || name === '') return false;
    const s = simplifyFunc(name);
    return drop.test(s) && !(keep && keep.test(s));
  };

  // Each location expands to a run of frames (leaf first) in locFrames.
  const locIds = new IdTable(
    locations.map((l) => l.id),
    'location',
    file,
  );
  const locStart = new Uint32Array(locations.length + 1);
  // 0 = keep, 1 = prune beneath (inner lines were cut), 2 = prune the whole location
  const locPrune = new Uint8Array(locations.length);
  const locFramesList: number[] = [];
  let anyPrune = false;
  const fnBuilderId = new Int32Array(functions.length).fill(-1);
  locations.forEach((loc, li) => {
    let mapping: RawMapping | undefined;
    if (loc.mappingId !== 0) {
      const mi = mapIds.get(loc.mappingId);
      if (mi < 0)
        throw new ProfileError(
          'invalid-reference',
          file,
          `location ${loc.id} refers to mapping ${loc.mappingId}, which does not exist`,
        );
      mapping = mappings[mi];
    }
    locStart[li] = locFramesList.length;
    // builder ids of the location's lines (leaf first); function ids are resolved once each
    const ids: number[] = [];
    for (const fid of loc.functionIds) {
      if (fid === 0) {
        ids.push(builder.fn(unsymbolizedName(loc, mapping, str, r)));
        continue;
      }
      const fi = fnIds.get(fid);
      if (fi < 0)
        throw new ProfileError(
          'invalid-reference',
          file,
          `location ${loc.id} refers to function ${fid}, which does not exist`,
        );
      let id = fnBuilderId[fi];
      if (id < 0) {
        if (fnName[fi]) id = fnBuilderId[fi] = builder.fn(fnName[fi]);
        else id = builder.fn(unsymbolizedName(loc, mapping, str, r));
      }
      ids.push(id);
    }
    let first = 0;
    if (drop) {
      let i = loc.functionIds.length - 1;
      for (; i >= 0; i--) {
        const fid = loc.functionIds[i];
        const fi = fid === 0 ? -1 : fnIds.get(fid);
        if (fi >= 0 && shouldDrop(str(functions[fi].name, 'function name'))) break;
      }
      if (i >= 0) {
        anyPrune = true;
        if (i === loc.functionIds.length - 1) locPrune[li] = 2;
        else {
          locPrune[li] = 1;
          first = i + 1;
        }
      }
    }
    if (ids.length === 0) ids.push(builder.fn(unsymbolizedName(loc, mapping, str, r)));
    for (let k = first; k < ids.length; k++) locFramesList.push(ids[k]);
  });
  locStart[locations.length] = locFramesList.length;
  const locFrames = Uint32Array.from(locFramesList);

  const { sink, finish } = use({ builder, sampleTypes, locStart, locFrames, str });
  const emptyStacks = decodeSamples({
    r,
    file,
    sink,
    samplePos,
    nSamples,
    nTypes: sampleTypes.length,
    locIds,
    locPrune,
    anyPrune,
  });
  const warnings: string[] = [];
  if (emptyStacks > 0) {
    warnings.push(
      `dropped ${emptyStacks} sample${emptyStacks === 1 ? '' : 's'} without any location (no stack)`,
    );
  }

  return finish({
    format: 'pprof',
    defaultSampleType: defaultIndex,
    period,
    periodType: periodType
      ? {
          type: str(periodType[0], 'period_type.type'),
          unit: str(periodType[1], 'period_type.unit'),
        }
      : undefined,
    durationNanos,
    timeNanos,
    comments: comments.map((c, i) => str(c, `comment[${i}]`)),
    warnings,
  });
}

function grow32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const n = new Int32Array(a.length * 2);
  n.set(a);
  return n;
}
function expectWire(wire: number, want: number): void {
  if (wire !== want) throw new WireError(`wire type ${wire} where ${want} was expected`);
}

function addressOf(loc: RawLocation, r: Reader): bigint {
  if (loc.addressAt === 0) return 0n;
  const saved = r.pos;
  r.pos = loc.addressAt;
  const a = readUint64Big(r);
  r.pos = saved;
  return a;
}

function unsymbolizedName(
  loc: RawLocation,
  mapping: RawMapping | undefined,
  str: (i: number, what: string) => string,
  r: Reader,
): string {
  const file = mapping ? basename(str(mapping.filename, `mapping ${mapping.id} filename`)) : '';
  const module = file ? `[${file}]` : '<unknown>';
  const address = addressOf(loc, r);
  if (address === 0n) return module;
  const addr = mapping && file ? address - mapping.start + mapping.offset : address;
  return `${module}+0x${BigInt.asUintN(64, addr).toString(16)}`;
}

function readValueType(r: Reader): [number, number] {
  const end = readEnd(r);
  let type = 0;
  let unit = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    const f = tag >>> 3;
    if (f === 1) type = readInt64(r);
    else if (f === 2) unit = readInt64(r);
    else r.skipType(tag & 7);
  }
  return [type, unit];
}

function readMapping(r: Reader): RawMapping {
  const end = readEnd(r);
  const m: RawMapping = { id: 0, start: 0n, offset: 0n, filename: 0 };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        m.id = readInt64(r);
        break;
      case 2:
        m.start = readUint64Big(r);
        break;
      case 4:
        m.offset = readUint64Big(r);
        break;
      case 5:
        m.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return m;
}

function readLocation(r: Reader): RawLocation {
  const end = readEnd(r);
  const loc: RawLocation = { id: 0, mappingId: 0, addressAt: 0, functionIds: [] };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        loc.id = readInt64(r);
        break;
      case 2:
        loc.mappingId = readInt64(r);
        break;
      case 3:
        loc.addressAt = r.pos;
        r.skip();
        break;
      case 4: {
        expectWire(tag & 7, 2);
        const e = readEnd(r);
        let fid = 0;
        while (r.pos < e) {
          const t = r.uint32();
          if (t >>> 3 === 1) fid = readInt64(r);
          else r.skipType(t & 7);
        }
        loc.functionIds.push(fid);
        break;
      }
      default:
        r.skipType(tag & 7);
    }
  }
  return loc;
}

function readFunction(r: Reader): RawFunction {
  const end = readEnd(r);
  const f: RawFunction = { id: 0, name: 0, systemName: 0, filename: 0 };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        f.id = readInt64(r);
        break;
      case 2:
        f.name = readInt64(r);
        break;
      case 3:
        f.systemName = readInt64(r);
        break;
      case 4:
        f.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return f;
}

/**
 * Reads one Label as four numbers pushed onto `out`: key index, str index, num, and
 * (num_unit index + 1, or 1 for a numeric label without unit, or 0 for no num at all).
 */
function readLabelKey(r: Reader, out: number[]): void {
  const end = readEnd(r);
  let key = 0;
  let s = 0;
  let num = 0;
  let hasNum = false;
  let unit = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        key = readInt64(r);
        break;
      case 2:
        s = readInt64(r);
        break;
      case 3:
        num = readInt64(r);
        hasNum = true;
        break;
      case 4:
        unit = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  out.push(key, s, num, hasNum ? unit + 1 : 0);
}

interface SampleTables {
  r: Reader;
  file: string;
  sink: SampleSink;
  samplePos: Uint32Array;
  nSamples: number;
  nTypes: number;
  locIds: IdTable;
  locPrune: Uint8Array;
  anyPrune: boolean;
}

/**
 * Second pass over the samples; returns how many had no location at all. A function of its
 * own (not a loop inside decode) so that the engine optimizes it as a unit.
 */
function decodeSamples(t: SampleTables): number {
  const { r, file, sink, samplePos, nSamples, nTypes, locIds, locPrune, anyPrune } = t;
  // Second pass: samples. This loop handles most of the bytes of a profile, so it decodes
  // the common one-byte tags and varints of up to four bytes inline, looks locations up in a
  // dense table, and writes frames straight into the builder; anything unusual (long
  // varints, unknown fields, labels) goes through the Reader.
  const values = new Float64Array(nTypes);
  let locBuf = new Int32Array(256);
  const labelKeys: number[] = [];
  const buf = r.buf;
  const dense = locIds.denseTable();
  const denseLen = dense.length;
  const locOf = (id: number, s: number): number => {
    const li = locIds.get(id);
    if (li < 0) {
      throw new ProfileError(
        'invalid-reference',
        file,
        `sample ${s} refers to location ${id}, which does not exist`,
      );
    }
    return li;
  };
  const slowVarint = (at: number): number => {
    r.pos = at;
    return readInt64(r);
  };
  let emptyStacks = 0;
  for (let s = 0; s < nSamples; s++) {
    let pos = samplePos[s * 2];
    const end = samplePos[s * 2 + 1];
    let nLoc = 0;
    let nVal = 0;
    if (labelKeys.length !== 0) labelKeys.length = 0;
    while (pos < end) {
      const tag = buf[pos++];
      if (tag === 0x0a || tag === 0x12) {
        // packed location ids (field 1) or packed values (field 2)
        let len = buf[pos++];
        if (len >= 128) {
          r.pos = pos - 1;
          len = r.uint32();
          pos = r.pos;
        }
        const e = pos + len;
        if (e > end) throw new WireError(`sample ${s}: packed field overruns the sample`);
        while (pos < e) {
          const start = pos;
          let b = buf[pos++];
          let v = b & 127;
          if (b >= 128) {
            b = buf[pos++];
            v |= (b & 127) << 7;
            if (b >= 128) {
              b = buf[pos++];
              v |= (b & 127) << 14;
              if (b >= 128) {
                b = buf[pos++];
                v |= (b & 127) << 21;
                if (b >= 128) {
                  v = slowVarint(start);
                  pos = r.pos;
                }
              }
            }
          }
          if (tag === 0x0a) {
            if (nLoc === locBuf.length) locBuf = grow32(locBuf);
            const li = v < denseLen ? dense[v] : -1;
            locBuf[nLoc++] = li >= 0 ? li : locOf(v, s);
          } else {
            if (nVal < nTypes) values[nVal] = v;
            nVal++;
          }
        }
        if (pos !== e) throw new WireError(`sample ${s}: varint crosses the end of a packed field`);
      } else if (tag === 0x08) {
        const v = slowVarint(pos);
        pos = r.pos;
        if (nLoc === locBuf.length) locBuf = grow32(locBuf);
        locBuf[nLoc++] = locOf(v, s);
      } else if (tag === 0x10) {
        const v = slowVarint(pos);
        pos = r.pos;
        if (nVal < nTypes) values[nVal] = v;
        nVal++;
      } else if (tag === 0x1a) {
        r.pos = pos;
        readLabelKey(r, labelKeys);
        pos = r.pos;
      } else {
        r.pos = pos - 1;
        const t = r.uint32();
        if (t >>> 3 === 0) throw new WireError(`sample ${s}: field number 0`);
        r.skipType(t & 7);
        pos = r.pos;
      }
    }
    if (pos !== end) throw new WireError(`sample ${s} overruns its length`);
    if (nVal !== nTypes) {
      throw new ProfileError(
        'protobuf',
        file,
        `sample ${s} has ${nVal} values but the profile declares ${nTypes} sample types`,
      );
    }
    // Prune (drop_frames): scan root to leaf; after the first frame that is not dropped,
    // cut the first dropped location and everything leafward of it.
    let firstLoc = 0;
    if (anyPrune) {
      let foundUser = false;
      for (let i = nLoc - 1; i >= 0; i--) {
        const p = locPrune[locBuf[i]];
        if (p === 0) {
          foundUser = true;
          continue;
        }
        if (!foundUser) continue;
        firstLoc = p === 2 ? i + 1 : i;
        break;
      }
    }
    // A sample without any location has no function to charge: pprof counts it in its
    // total but shows it nowhere. Dropped here (with a warning) so that self sums to total.
    if (nLoc === 0) {
      emptyStacks++;
      continue;
    }
    sink.sample(locBuf, firstLoc, nLoc, values, labelKeys);
  }
  return emptyStacks;
}

/** Receives each decoded sample: its locations leaf first in locs[first..end), its values. */
interface SampleSink {
  sample(
    locs: Int32Array,
    first: number,
    end: number,
    values: Float64Array,
    labelKeys: number[],
  ): void;
}

/** Writes every sample's expanded stack into the profile builder (the full model). */
class StackSink implements SampleSink {
  // label sets interned by a hash of their string-table indices (checked on a hit)
  private readonly labelIndex = new Map<number, { keys: number[]; id: number }[]>();
  constructor(
    private readonly builder: ProfileBuilder,
    private readonly locStart: Uint32Array,
    private readonly locFrames: Uint32Array,
    private readonly str: (i: number, what: string) => string,
  ) {}

  sample(
    locs: Int32Array,
    first: number,
    end: number,
    values: Float64Array,
    labelKeys: number[],
  ): void {
    let nFrames = 0;
    for (let i = first; i < end; i++)
      nFrames += this.locStart[locs[i] + 1] - this.locStart[locs[i]];
    const frames = this.builder.frameBuffer(nFrames);
    let n = this.builder.frameCount;
    for (let i = first; i < end; i++) {
      const li = locs[i];
      const b = this.locStart[li + 1];
      for (let k = this.locStart[li]; k < b; k++) frames[n++] = this.locFrames[k];
    }
    let labelSet = -1;
    if (labelKeys.length > 0) {
      let h = labelKeys.length;
      for (let i = 0; i < labelKeys.length; i++) h = (Math.imul(h, 31) + labelKeys[i]) | 0;
      const bucket = this.labelIndex.get(h);
      let id: number | undefined;
      if (bucket) {
        for (const e of bucket) {
          if (e.keys.length === labelKeys.length && e.keys.every((k, i) => k === labelKeys[i])) {
            id = e.id;
            break;
          }
        }
      }
      if (id === undefined) {
        const labels: SampleLabel[] = [];
        for (let i = 0; i < labelKeys.length; i += 4) {
          const l: SampleLabel = { key: this.str(labelKeys[i], 'label key') };
          if (labelKeys[i + 1]) l.str = this.str(labelKeys[i + 1], 'label value');
          else if (labelKeys[i + 3]) l.num = labelKeys[i + 2];
          if (labelKeys[i + 3] > 1) l.unit = this.str(labelKeys[i + 3] - 1, 'label unit');
          labels.push(l);
        }
        id = this.builder.labelSet(labels);
        const entry = { keys: labelKeys.slice(), id };
        if (bucket) bucket.push(entry);
        else this.labelIndex.set(h, [entry]);
      }
      labelSet = id;
    }
    this.builder.commit(nFrames, values, labelSet);
  }
}

/**
 * Aggregates self and cum per (normalized) function for every sample type while decoding,
 * without materializing stacks: the fast path when only totals are needed.
 */
class TotalsSink implements SampleSink {
  /** self and cum per function and type, interleaved: [f * nTypes + t] */
  private readonly selfAll: Float64Array;
  private readonly cumAll: Float64Array;
  readonly total: Float64Array;
  private readonly stamp: Int32Array;
  /** normalized function id of every location line (locFrames order) */
  private readonly locNorm: Uint32Array;
  /** per location: its normalized function id when it has exactly one line, else -1 */
  private readonly locSingle: Int32Array;
  private counter = 0;
  samples = 0;
  constructor(
    fnMap: Uint32Array,
    private readonly nNames: number,
    private readonly nTypes: number,
    private readonly locStart: Uint32Array,
    locFrames: Uint32Array,
  ) {
    this.selfAll = new Float64Array(nNames * nTypes);
    this.cumAll = new Float64Array(nNames * nTypes);
    this.total = new Float64Array(nTypes);
    this.stamp = new Int32Array(nNames).fill(-1);
    this.locNorm = locFrames.map((f) => fnMap[f]);
    const nLoc = locStart.length - 1;
    this.locSingle = new Int32Array(nLoc);
    for (let li = 0; li < nLoc; li++) {
      this.locSingle[li] = locStart[li + 1] - locStart[li] === 1 ? this.locNorm[locStart[li]] : -1;
    }
  }

  sample(locs: Int32Array, first: number, end: number, values: Float64Array): void {
    this.samples++;
    const s = this.counter++;
    const { locNorm, locSingle, locStart, stamp, selfAll, cumAll, total } = this;
    if (this.nTypes === 2) {
      // the common case (Go cpu: samples + cpu; block/mutex: contentions + delay)
      const v0 = values[0];
      const v1 = values[1];
      total[0] += v0;
      total[1] += v1;
      const leaf = locNorm[locStart[locs[first]]] * 2;
      selfAll[leaf] += v0;
      selfAll[leaf + 1] += v1;
      for (let i = first; i < end; i++) {
        const li = locs[i];
        const one = locSingle[li];
        if (one >= 0) {
          if (stamp[one] !== s) {
            stamp[one] = s;
            cumAll[one * 2] += v0;
            cumAll[one * 2 + 1] += v1;
          }
          continue;
        }
        const b = locStart[li + 1];
        for (let k = locStart[li]; k < b; k++) {
          const f = locNorm[k];
          if (stamp[f] !== s) {
            stamp[f] = s;
            cumAll[f * 2] += v0;
            cumAll[f * 2 + 1] += v1;
          }
        }
      }
      return;
    }
    const nTypes = this.nTypes;
    for (let t = 0; t < nTypes; t++) total[t] += values[t];
    const leaf = locNorm[locStart[locs[first]]] * nTypes;
    for (let t = 0; t < nTypes; t++) selfAll[leaf + t] += values[t];
    for (let i = first; i < end; i++) {
      const li = locs[i];
      const b = locStart[li + 1];
      for (let k = locStart[li]; k < b; k++) {
        const f = locNorm[k];
        if (stamp[f] !== s) {
          stamp[f] = s;
          const at = f * nTypes;
          for (let t = 0; t < nTypes; t++) cumAll[at + t] += values[t];
        }
      }
    }
  }

  /** The self / cum column of sample type `t`. */
  column(which: 'self' | 'cum', t: number): Float64Array {
    const src = which === 'self' ? this.selfAll : this.cumAll;
    const out = new Float64Array(this.nNames);
    for (let f = 0; f < this.nNames; f++) out[f] = src[f * this.nTypes + t];
    return out;
  }
}
