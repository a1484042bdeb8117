/**
 * The pprof reader's first pass: one walk over the Profile message's fields that reads the
 * small tables (messages.ts), notes where the strings are (decoded when used) and where the
 * samples are (read in the second pass, samples.ts).
 */
import {
  expectWire,
  readFunction,
  readLocation,
  readMapping,
  readValueType,
  type LocationTable,
  type RawFunction,
  type RawMapping,
} from './messages.js';
import { ONE, RUN, type SampleRuns } from './samples.js';
import {
  readEnd,
  readInt64,
  readRepeatedInt64,
  readUint32,
  shortVarint,
  WireError,
  type Reader,
} from './varint.js';

/** The Profile message's fields as the first pass finds them (strings as indexes). */
export interface ProfileFields {
  /** [start, end) of every string_table entry in the buffer */
  strPos: number[];
  /** [type, unit] of every sample_type */
  sampleTypeIdx: [number, number][];
  functions: RawFunction[];
  mappings: RawMapping[];
  locs: LocationTable;
  comments: number[];
  runs: SampleRuns;
  /** The byte length of the largest Sample message (it bounds the locations of any sample). */
  maxSampleBytes: number;
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  /** how many time_nanos fields there were (two: concatenated profiles) */
  timeSeen: number;
  durationNanos: number;
  periodType: [number, number] | undefined;
  period: number;
  defaultSampleType: number;
}

/** Reads the Profile message from r.pos to its end (the second pass starts from `runs`). */
export function scanProfile(r: Reader): ProfileFields {
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
  const largest = { bytes: 0 };
  while (r.pos < r.len) {
    if (buf[r.pos] === 0x12) {
      const p = sampleRunEnd(buf, r.pos, r.len, largest);
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
        if (end - r.pos > largest.bytes) largest.bytes = end - r.pos;
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

  return {
    strPos,
    sampleTypeIdx,
    functions,
    mappings,
    locs,
    comments,
    runs,
    maxSampleBytes: largest.bytes,
    dropFrames,
    keepFrames,
    timeNanos,
    timeSeen,
    durationNanos,
    periodType,
    period,
    defaultSampleType,
  };
}

/**
 * A run of samples (Go writes them back to back) from `pos`, found in a tight loop so that
 * it is recorded as one entry: returns its end, or `pos` when the field there is not one of
 * them. Lengths of 2^27 (128 MiB) or more go the general way.
 */
function sampleRunEnd(
  buf: Uint8Array,
  pos: number,
  len: number,
  largest: { bytes: number },
): number {
  let p = pos;
  let max = largest.bytes;
  while (p < len && buf[p] === 0x12) {
    const x = shortVarint(buf, p + 1);
    if (x < 0) break;
    const q = p + 1 + (x & 7);
    const n = x >>> 3;
    if (q + n > len) throw new WireError('unexpected end of data');
    if (n > max) max = n;
    p = q + n;
  }
  largest.bytes = max;
  return p;
}
