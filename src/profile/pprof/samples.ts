/**
 * The second pass of the pprof reader: the samples. A general decoder of one sample (any
 * valid encoding; drop_frames pruning) hands each to a sink: StackSink builds the full model;
 * TotalsSink (totals-sink.ts) aggregates and can take the whole pass itself.
 */
import { ProfileError } from '../errors.js';
import { readLabelKey, type IdTable } from './messages.js';
import type { ProfileBuilder, SampleLabel } from '../model.js';
import { readInt64, readUint32, shortVarint, WireError, type Reader } from './varint.js';

/**
 * Where a profile's samples are, in file order, as triples: [RUN, from, to) is a run of
 * consecutive Sample fields with one-byte tags and lengths that shortVarint reads (how
 * every writer we know writes them); [ONE, start, end) is one Sample message found the
 * general way (its tag and length already read).
 */
export type SampleRuns = number[];
export const RUN = 0;
export const ONE = 1;

/** Calls fn(index, start, end) for the message of every sample in `runs`, in order. */
export function forEachSample(
  buf: Uint8Array,
  runs: SampleRuns,
  fn: (s: number, start: number, end: number) => void,
): void {
  let s = 0;
  for (let i = 0; i < runs.length; i += 3) {
    if (runs[i] === ONE) {
      fn(s++, runs[i + 1], runs[i + 2]);
      continue;
    }
    const to = runs[i + 2];
    for (let p = runs[i + 1]; p < to;) {
      // tag 0x12, then a length that shortVarint read when the run was found
      const x = shortVarint(buf, p + 1);
      const q = p + 1 + (x & 7);
      fn(s++, q, q + (x >>> 3));
      p = q + (x >>> 3);
    }
  }
}

export interface SampleTables {
  r: Reader;
  file: string;
  sink: SampleSink;
  runs: SampleRuns;
  nTypes: number;
  locIds: IdTable;
  locPrune: Uint8Array;
  anyPrune: boolean;
}

/**
 * Second pass over the samples; returns how many had no location at all. A sink that can
 * aggregate while it parses (the totals fast path) takes the whole pass when nothing is pruned.
 */
export function decodeSamples(t: SampleTables): number {
  const one = sampleDecoder(t);
  if (t.sink.decodeAll && !t.anyPrune) {
    return t.sink.decodeAll(t.r.buf, t.runs, t.locIds.denseTable(), one);
  }
  let emptyStacks = 0;
  forEachSample(t.r.buf, t.runs, (s, start, end) => {
    if (!one(s, start, end)) emptyStacks++;
  });
  return emptyStacks;
}

/**
 * The general decoder of one sample (number s, its message at [start, end)): parses it,
 * prunes it and hands it to the sink. Returns false for a sample without any location (not
 * handed on).
 */
export type SampleDecoder = (s: number, start: number, end: number) => boolean;

/** Makes the SampleDecoder of a profile's tables. */

function sampleDecoder(t: SampleTables): SampleDecoder {
  const { r, file, sink, nTypes, locIds, locPrune, anyPrune } = t;
  // This handles most of the bytes of a profile when the full model is built, so it decodes
  // the common one-byte tags and varints of up to four bytes written out (shortVarint here
  // cost 6% of the full read), looks locations up in a dense table, and writes frames
  // straight into the sink; anything unusual (long varints, unknown fields, labels) goes
  // through the Reader.
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
  return (s: number, start: number, end: number): boolean => {
    let pos = start;
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
        const t = readUint32(r);
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
    if (nLoc === 0) return false;
    sink.sample(locBuf, firstLoc, nLoc, values, labelKeys);
    return true;
  };
}

/** Receives each decoded sample: its locations leaf first in locs[first..end), its values. */
export interface SampleSink {
  sample(
    locs: Int32Array,
    first: number,
    end: number,
    values: Float64Array,
    labelKeys: number[],
  ): void;
  /**
   * Optionally takes the whole sample pass (only offered when nothing is pruned): parses the
   * samples in `runs` itself, hands any sample it cannot handle to `general`, and returns
   * how many samples had no location.
   */
  decodeAll?(buf: Uint8Array, runs: SampleRuns, dense: Int32Array, general: SampleDecoder): number;
}

/** Writes every sample's expanded stack into the profile builder (the full model). */
export class StackSink implements SampleSink {
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

function grow32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const n = new Int32Array(a.length * 2);
  n.set(a);
  return n;
}
