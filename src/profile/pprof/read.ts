/**
 * pprof (perftools.profiles.Profile) reader. Reads the protobuf wire format straight into the
 * normalized model (no intermediate message objects), in two passes: the first (scan.ts)
 * records where samples are and decodes the small tables (strings, functions, locations,
 * mappings: messages.ts), which then resolve into frames (locations.ts); the second walks the
 * samples (samples.ts) into a sink: the full model, or per-function totals (totals-sink.ts,
 * with a WebAssembly pass in wasm/).
 */
import { ProfileError, readerGuard } from '../errors.js';
import type { FunctionTotals } from '../aggregate.js';
import { normalizedIds } from '../aggregate.js';
import { ProfileBuilder, type Profile, type ValueType } from '../model.js';
import type { Normalizer } from '../normalize.js';
import { buildLocations } from './locations.js';
import { IdTable, type RawFunction, type StringLookup } from './messages.js';
import { compileFrameRegex, pprofDisplayName, simplifyFunc } from './names.js';
import { activeBudget } from '../limits.js';
import { decodeSamples, StackSink, type SampleRuns, type SampleSink } from './samples.js';
import { scanProfile, type ProfileFields } from './scan.js';
import { TotalsSink } from './totals-sink.js';
import { createReader, type Reader } from './varint.js';
import protobuf from 'protobufjs/minimal.js';

const utf8 = protobuf.util.utf8;

export interface PprofOptions {
  /** Keep every frame even when the profile asks to drop some (pprof -all_frames). */
  allFrames?: boolean;
  /** The totals path's WebAssembly sample pass (default on; off: JavaScript only, for tests). */
  wasm?: boolean;
  /** Functions folded into their caller, like drop_frames (name-normalization rules). */
  fold?: (name: string) => boolean;
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
      const checked = !framesBoundedBySize(t.runs, t.maxSampleBytes, t.locStart);
      const sink = new TotalsSink(
        map,
        names.length,
        t.sampleTypes.length,
        t.locStart,
        t.locFrames,
        opts.wasm !== false && !checked,
        checked ? activeBudget() : undefined,
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

/**
 * Whether the profile's size alone keeps the totals pass within the decode budget: a sample
 * has at most one location per byte and a location expands to at most maxLines frames, so
 * bytes x maxLines bounds each stack and all of them. When it does not (long inlined chains
 * repeated: a few hundred gzipped bytes can describe billions of frames), the pass runs in
 * JavaScript and counts every sample's frames.
 */
function framesBoundedBySize(
  runs: SampleRuns,
  maxSampleBytes: number,
  locStart: Uint32Array,
): boolean {
  let maxLines = 0;
  for (let i = 0; i + 1 < locStart.length; i++) {
    const n = locStart[i + 1] - locStart[i];
    if (n > maxLines) maxLines = n;
  }
  // every byte of the runs (tags and lengths included) bounds the samples' locations
  let total = 0;
  for (let i = 0; i < runs.length; i += 3) total += runs[i + 2] - runs[i + 1];
  const max = maxSampleBytes;
  const b = activeBudget();
  return (
    max * maxLines <= b.limits.maxStackDepth && b.frames + total * maxLines <= b.limits.maxFrames
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
  runs: SampleRuns;
  maxSampleBytes: number;
  builder: ProfileBuilder;
  sampleTypes: ValueType[];
  locStart: Uint32Array;
  locFrames: Uint32Array;
  str: StringLookup;
}

type SinkUse<T> = (t: DecodedTables) => {
  sink: SampleSink;
  finish: (meta: Omit<ProfileMeta, 'sampleTypes'>) => T;
};

/** Both passes, step by step; `use` picks the sink once the tables are read. */
function decode<T>(bytes: Uint8Array, file: string, opts: PprofOptions, use: SinkUse<T>): T {
  const r = createReader(bytes);
  const fields = scanProfile(r);
  const str = stringTable(r, fields.strPos, file);
  if (fields.timeSeen > 1) {
    throw new ProfileError(
      'protobuf',
      file,
      'time_nanos appears twice: this looks like two profiles concatenated',
    );
  }
  const sampleTypes = resolveSampleTypes(fields.sampleTypeIdx, str, file);
  const defaultIndex = defaultTypeIndex(sampleTypes, fields.defaultSampleType, str);

  // Functions and mappings by id.
  const { functions, mappings } = fields;
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
  const fnName = functionNames(functions, str);
  const shouldDrop = frameFilter(fields, str, file, opts.allFrames, opts.fold);
  const locations = buildLocations(fields.locs, {
    file,
    r,
    str,
    builder,
    functions,
    fnIds,
    fnName,
    mappings,
    mapIds,
    shouldDrop,
  });

  const { sink, finish } = use({
    runs: fields.runs,
    maxSampleBytes: fields.maxSampleBytes,
    builder,
    sampleTypes,
    locStart: locations.start,
    locFrames: locations.frames,
    str,
  });
  const emptyStacks = decodeSamples({
    r,
    file,
    sink,
    runs: fields.runs,
    nTypes: sampleTypes.length,
    locIds: locations.ids,
    locPrune: locations.prune,
    anyPrune: locations.anyPrune,
  });
  return finish(profileMeta(fields, defaultIndex, emptyStacks, str));
}

/** The string table, each string decoded when first asked for. */
function stringTable(r: Reader, strPos: number[], file: string): StringLookup {
  const nStrings = strPos.length / 2;
  if (nStrings > 0 && strPos[1] - strPos[0] !== 0) {
    throw new ProfileError('protobuf', file, 'string_table[0] must be the empty string');
  }
  const strings: (string | undefined)[] = new Array(nStrings);
  return (i: number, what: string): string => {
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
}

/** The sample types by name; a profile must declare at least one. */
function resolveSampleTypes(
  sampleTypeIdx: [number, number][],
  str: StringLookup,
  file: string,
): ValueType[] {
  const sampleTypes: ValueType[] = sampleTypeIdx.map(([t, u], i) => ({
    type: str(t, `sample_type[${i}].type`),
    unit: str(u, `sample_type[${i}].unit`),
  }));
  if (sampleTypes.length === 0) {
    throw new ProfileError('protobuf', file, 'profile declares no sample types');
  }
  return sampleTypes;
}

/** default_sample_type's index in sampleTypes; the last one when it is unset or unknown. */
function defaultTypeIndex(
  sampleTypes: ValueType[],
  defaultSampleType: number,
  str: StringLookup,
): number {
  let defaultIndex = sampleTypes.length - 1;
  if (defaultSampleType !== 0) {
    const name = str(defaultSampleType, 'default_sample_type');
    const i = sampleTypes.findIndex((t) => t.type === name);
    if (i >= 0) defaultIndex = i;
  }
  return defaultIndex;
}

/** Display name of every function ('' when it has none). */
function functionNames(functions: RawFunction[], str: StringLookup): string[] {
  return functions.map((f) => {
    const name = str(f.name, `function ${f.id} name`);
    const sys = str(f.systemName, `function ${f.id} system_name`);
    const fileName = str(f.filename, `function ${f.id} filename`);
    return pprofDisplayName(name, sys) || fileName;
  });
}

/**
 * drop_frames / keep_frames (unless allFrames) and our own folded frames as a test of a
 * function name; undefined when nothing is dropped. The patterns are compiled (and checked)
 * either way.
 */
function frameFilter(
  fields: ProfileFields,
  str: StringLookup,
  file: string,
  allFrames: boolean | undefined,
  fold: ((name: string) => boolean) | undefined,
): ((name: string) => boolean) | undefined {
  const drop = fields.dropFrames
    ? compileFrameRegex(str(fields.dropFrames, 'drop_frames'), 'drop_frames', file)
    : undefined;
  const keep =
    drop && fields.keepFrames
      ? compileFrameRegex(str(fields.keepFrames, 'keep_frames'), 'keep_frames', file)
      : undefined;
  const profileDrop = drop && !allFrames ? drop : undefined;
  if (!profileDrop && !fold) return undefined;
  return (name: string): boolean => {
    if (name === '') return false;
    if (fold?.(name)) return true;
    if (!profileDrop) return false;
    const s = simplifyFunc(name);
    return profileDrop.test(s) && !(keep && keep.test(s));
  };
}

/** The profile's metadata (what finish() adds the samples to). */
function profileMeta(
  fields: ProfileFields,
  defaultIndex: number,
  emptyStacks: number,
  str: StringLookup,
): Omit<ProfileMeta, 'sampleTypes'> {
  const warnings: string[] = [];
  if (emptyStacks > 0) {
    warnings.push(
      `dropped ${emptyStacks} sample${emptyStacks === 1 ? '' : 's'} without any location (no stack)`,
    );
  }
  const { periodType } = fields;
  return {
    format: 'pprof',
    defaultSampleType: defaultIndex,
    period: fields.period,
    periodType: periodType
      ? {
          type: str(periodType[0], 'period_type.type'),
          unit: str(periodType[1], 'period_type.unit'),
        }
      : undefined,
    durationNanos: fields.durationNanos,
    timeNanos: fields.timeNanos,
    comments: fields.comments.map((c, i) => str(c, `comment[${i}]`)),
    warnings,
  };
}
