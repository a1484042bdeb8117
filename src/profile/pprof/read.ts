/**
 * pprof (perftools.profiles.Profile) reader. Reads the protobuf wire format straight into the
 * normalized model (no intermediate message objects), in two passes: the first records where
 * samples are and decodes the small tables (strings, functions, locations, mappings:
 * messages.ts); the second walks the samples (samples.ts) into a sink: the full model, or
 * per-function totals (totals-sink.ts, with a WebAssembly pass in wasm/).
 */
import { ProfileError, readerGuard } from '../errors.js';
import type { FunctionTotals } from '../aggregate.js';
import { normalizedIds } from '../aggregate.js';
import { ProfileBuilder, type Profile, type ValueType } from '../model.js';
import type { Normalizer } from '../normalize.js';
import {
  expectWire,
  IdTable,
  readFunction,
  readLocation,
  readMapping,
  readValueType,
  unsymbolizedName,
  type LocationTable,
  type RawFunction,
  type RawMapping,
} from './messages.js';
import { compileFrameRegex, pprofDisplayName, simplifyFunc } from './names.js';
import { decodeSamples, ONE, RUN, StackSink, type SampleRuns, type SampleSink } from './samples.js';
import { TotalsSink } from './totals-sink.js';
import {
  createReader,
  readEnd,
  readInt64,
  readRepeatedInt64,
  readUint32,
  shortVarint,
  WireError,
} from './varint.js';
import protobuf from 'protobufjs/minimal.js';

const utf8 = protobuf.util.utf8;

export interface PprofOptions {
  /** Keep every frame even when the profile asks to drop some (pprof -all_frames). */
  allFrames?: boolean;
  /** The totals path's WebAssembly sample pass (default on; off: JavaScript only, for tests). */
  wasm?: boolean;
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
      const sink = new TotalsSink(
        map,
        names.length,
        t.sampleTypes.length,
        t.locStart,
        t.locFrames,
        opts.wasm !== false,
      );
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
  // strings are decoded when first used: [start, end) of each in the buffer
  const strPos: number[] = [];
  const sampleTypeIdx: [number, number][] = [];
  const functions: RawFunction[] = [];
  const mappings: RawMapping[] = [];
  const locs: LocationTable = { id: [], mappingId: [], addressAt: [], lineStart: [], lineFn: [] };
  const comments: number[] = [];
  const runs: SampleRuns = [];
  let dropFrames = 0;
  let keepFrames = 0;
  let timeNanos = 0;
  let timeSeen = 0;
  let durationNanos = 0;
  let periodType: [number, number] | undefined;
  let period = 0;
  let defaultSampleType = 0;

  const buf = r.buf;
  while (r.pos < r.len) {
    if (buf[r.pos] === 0x12) {
      // A run of samples (Go writes them back to back): found in a tight loop and recorded
      // as one entry. Lengths of 2^27 (128 MiB) or more go the general way.
      let p = r.pos;
      const len = r.len;
      while (p < len && buf[p] === 0x12) {
        const x = shortVarint(buf, p + 1);
        if (x < 0) break;
        const q = p + 1 + (x & 7);
        const n = x >>> 3;
        if (q + n > len) throw new WireError('unexpected end of data');
        p = q + n;
      }
      if (p !== r.pos) {
        runs.push(RUN, r.pos, p);
        r.pos = p;
        continue;
      }
    }
    const tag = readUint32(r);
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
        runs.push(ONE, r.pos, end);
        r.pos = end;
        break;
      }
      case 3:
        expectWire(wire, 2);
        mappings.push(readMapping(r));
        break;
      case 4:
        expectWire(wire, 2);
        readLocation(r, locs);
        break;
      case 5:
        expectWire(wire, 2);
        functions.push(readFunction(r));
        break;
      case 6: {
        expectWire(wire, 2);
        const e = readEnd(r);
        strPos.push(r.pos, e);
        r.pos = e;
        break;
      }
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

  locs.lineStart.push(locs.lineFn.length);
  const nStrings = strPos.length / 2;
  if (nStrings > 0 && strPos[1] - strPos[0] !== 0) {
    throw new ProfileError('protobuf', file, 'string_table[0] must be the empty string');
  }
  const strings: (string | undefined)[] = new Array(nStrings);
  const str = (i: number, what: string): string => {
    if (i === 0) return '';
    if (i < 0 || i >= nStrings || !Number.isInteger(i)) {
      throw new ProfileError(
        'invalid-reference',
        file,
        `${what} refers to string ${i}, but the string table has ${nStrings} entries`,
      );
    }
    return (strings[i] ??= utf8.read(r.buf, strPos[2 * i], strPos[2 * i + 1]));
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
  const nLocs = locs.id.length;
  const locIds = new IdTable(locs.id, 'location', file);
  const locStart = new Uint32Array(nLocs + 1);
  // 0 = keep, 1 = prune beneath (inner lines were cut), 2 = prune the whole location
  const locPrune = new Uint8Array(nLocs);
  const locFramesList: number[] = [];
  let anyPrune = false;
  const fnBuilderId = new Int32Array(functions.length).fill(-1);
  const { lineStart, lineFn } = locs;
  const unsymbolized = (li: number, mapping: RawMapping | undefined) =>
    builder.fn(unsymbolizedName(locs.addressAt[li], mapping, str, r));
  for (let li = 0; li < nLocs; li++) {
    let mapping: RawMapping | undefined;
    const mappingId = locs.mappingId[li];
    if (mappingId !== 0) {
      const mi = mapIds.get(mappingId);
      if (mi < 0)
        throw new ProfileError(
          'invalid-reference',
          file,
          `location ${locs.id[li]} refers to mapping ${mappingId}, which does not exist`,
        );
      mapping = mappings[mi];
    }
    locStart[li] = locFramesList.length;
    const a = lineStart[li];
    const b = lineStart[li + 1];
    // lines leafward of a dropped one are cut (pprof's Prune)
    let first = a;
    if (drop) {
      let i = b - 1;
      for (; i >= a; i--) {
        const fid = lineFn[i];
        const fi = fid === 0 ? -1 : fnIds.get(fid);
        if (fi >= 0 && shouldDrop(str(functions[fi].name, 'function name'))) break;
      }
      if (i >= a) {
        anyPrune = true;
        if (i === b - 1) locPrune[li] = 2;
        else {
          locPrune[li] = 1;
          first = i + 1;
        }
      }
    }
    // builder ids of the location's lines; function ids are resolved once each
    for (let k = a; k < b; k++) {
      const fid = lineFn[k];
      let id: number;
      if (fid === 0) {
        id = unsymbolized(li, mapping);
      } else {
        const fi = fnIds.get(fid);
        if (fi < 0)
          throw new ProfileError(
            'invalid-reference',
            file,
            `location ${locs.id[li]} refers to function ${fid}, which does not exist`,
          );
        id = fnBuilderId[fi];
        if (id < 0) {
          if (fnName[fi]) id = fnBuilderId[fi] = builder.fn(fnName[fi]);
          else id = unsymbolized(li, mapping);
        }
      }
      if (k >= first) locFramesList.push(id);
    }
    if (a === b) locFramesList.push(unsymbolized(li, mapping));
  }
  locStart[nLocs] = locFramesList.length;
  const locFrames = Uint32Array.from(locFramesList);

  const { sink, finish } = use({ builder, sampleTypes, locStart, locFrames, str });
  const emptyStacks = decodeSamples({
    r,
    file,
    sink,
    runs,
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
