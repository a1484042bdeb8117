/**
 * pprof encoder (perftools.profiles.Profile, field numbers as in src/profile/pprof/read.ts)
 * from the normalized model, plus the two files a reviewer opens in `go tool pprof -http`:
 *
 * - `diffPprof`: what `go tool pprof -diff_base=BASE... CANARY...` builds in memory: the canary
 *   samples as they are, the baseline samples negated and labelled `pprof::base=true` (pprof
 *   uses that label to compute totals and percentages from the canary side only). So
 *   `go tool pprof -top diff.pb.gz` prints the same flat/cum deltas as -diff_base would.
 * - `mergedPprof`: both sides' samples, positive, labelled `side=baseline|canary` (and
 *   `capture=<name>` when names are given), for viewers that filter by label
 *   (`-tagfocus side=canary`, Pyroscope, Speedscope via conversion...).
 *
 * Frames are written by normalized function name (one function and one location per name), so
 * the same function of two builds lines up in the diff even when raw names differ (generic
 * shapes, addresses, hashes). Identical stacks with identical labels are merged into one sample.
 * Values are rounded to integers (pprof values are int64).
 */
import { gzipSync } from 'node:zlib';
import protobuf from 'protobufjs/minimal.js';
import type { Profile, SampleLabel, ValueType } from '../profile/model.js';
import { makeNormalizer, type Normalizer } from '../profile/normalize.js';
import { resolveTypeIndex, type TypeSelector } from './tree.js';

/** Builds one pprof message; strings, functions and locations are interned. */
export class PprofEncoder {
  private readonly strings: string[] = [''];
  private readonly stringIndex = new Map<string, number>([['', 0]]);
  private readonly fnIndex = new Map<string, number>();
  private readonly fnNames: number[] = [];
  private readonly sampleIndex = new Map<string, number>();
  private readonly sampleLocs: number[][] = [];
  private readonly sampleVals: number[][] = [];
  private readonly sampleLabels: SampleLabel[][] = [];
  private readonly comments: string[] = [];
  period = 0;
  periodType?: ValueType;
  timeNanos = 0;
  durationNanos = 0;
  defaultSampleType?: string;

  constructor(readonly sampleTypes: ValueType[]) {
    if (sampleTypes.length === 0) throw new Error('pprof needs at least one sample type');
  }

  str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  /** Location id (= function id) of a function name. */
  location(name: string): number {
    let id = this.fnIndex.get(name);
    if (id === undefined) {
      id = this.fnNames.length + 1;
      this.fnNames.push(this.str(name));
      this.fnIndex.set(name, id);
    }
    return id;
  }

  comment(text: string): void {
    this.comments.push(text);
  }

  /** Adds (or merges into an identical) sample; `locations` leaf first. */
  addSample(locations: number[], values: number[], labels: SampleLabel[] = []): void {
    if (values.length !== this.sampleTypes.length) {
      throw new Error(`sample has ${values.length} values for ${this.sampleTypes.length} types`);
    }
    const key = `${locations.join(',')}|${labels.length ? JSON.stringify(labels) : ''}`;
    const i = this.sampleIndex.get(key);
    if (i !== undefined) {
      const v = this.sampleVals[i];
      for (let k = 0; k < v.length; k++) v[k] += values[k];
      return;
    }
    this.sampleIndex.set(key, this.sampleLocs.length);
    this.sampleLocs.push(locations.slice());
    this.sampleVals.push(values.slice());
    this.sampleLabels.push(labels);
  }

  /** The uncompressed protobuf message. */
  encode(): Uint8Array {
    const w = protobuf.Writer.create();
    const valueType = (field: number, t: ValueType) => {
      const type = this.str(t.type);
      const unit = this.str(t.unit);
      w.uint32((field << 3) | 2).fork();
      if (type) w.uint32(8).int64(type);
      if (unit) w.uint32(16).int64(unit);
      w.ldelim();
    };
    // Intern every string first: the string table is written after the samples but indices
    // must be final before anything refers to them.
    for (const t of this.sampleTypes) {
      this.str(t.type);
      this.str(t.unit);
    }
    if (this.periodType) {
      this.str(this.periodType.type);
      this.str(this.periodType.unit);
    }
    const labelIdx = this.sampleLabels.map((ls) =>
      ls.map((l) => ({
        key: this.str(l.key),
        str: l.str !== undefined ? this.str(l.str) : 0,
        num: l.num,
        unit: l.unit ? this.str(l.unit) : 0,
      })),
    );
    const commentIdx = this.comments.map((c) => this.str(c));
    const defaultType = this.defaultSampleType ? this.str(this.defaultSampleType) : 0;

    for (const t of this.sampleTypes) valueType(1, t);
    for (let s = 0; s < this.sampleLocs.length; s++) {
      const vals = this.sampleVals[s];
      if (vals.every((v) => Math.round(v) === 0)) continue;
      w.uint32((2 << 3) | 2).fork();
      const locs = this.sampleLocs[s];
      if (locs.length > 0) {
        w.uint32((1 << 3) | 2).fork();
        for (const l of locs) w.uint64(l);
        w.ldelim();
      }
      w.uint32((2 << 3) | 2).fork();
      for (const v of vals) w.int64(Math.round(v));
      w.ldelim();
      for (const l of labelIdx[s]) {
        w.uint32((3 << 3) | 2).fork();
        w.uint32(8).int64(l.key);
        if (l.str) w.uint32(16).int64(l.str);
        else if (l.num !== undefined) w.uint32(24).int64(Math.round(l.num));
        if (l.unit) w.uint32(32).int64(l.unit);
        w.ldelim();
      }
      w.ldelim();
    }
    // One location per function: id = function id, a single line.
    for (let i = 0; i < this.fnNames.length; i++) {
      const id = i + 1;
      w.uint32((4 << 3) | 2).fork();
      w.uint32(8).uint64(id);
      w.uint32((4 << 3) | 2)
        .fork()
        .uint32(8)
        .uint64(id)
        .ldelim();
      w.ldelim();
    }
    for (let i = 0; i < this.fnNames.length; i++) {
      w.uint32((5 << 3) | 2).fork();
      w.uint32(8).uint64(i + 1);
      w.uint32(16).int64(this.fnNames[i]);
      w.ldelim();
    }
    for (const s of this.strings) w.uint32((6 << 3) | 2).string(s);
    if (this.timeNanos) w.uint32(9 << 3).int64(this.timeNanos);
    if (this.durationNanos) w.uint32(10 << 3).int64(this.durationNanos);
    if (this.periodType) valueType(11, this.periodType);
    if (this.period) w.uint32(12 << 3).int64(Math.round(this.period));
    if (commentIdx.length > 0) {
      w.uint32((13 << 3) | 2).fork();
      for (const c of commentIdx) w.int64(c);
      w.ldelim();
    }
    if (defaultType) w.uint32(14 << 3).int64(defaultType);
    return w.finish();
  }
}

export interface PprofWriteOptions {
  /** A normalizer or a `--normalize-names` spec; default "on" (use the comparison's). */
  normalize?: Normalizer | string;
  /** gzip the output (what pprof tools expect on disk); default true. */
  gzip?: boolean;
}

function normalizerOf(n: Normalizer | string | undefined): Normalizer {
  return typeof n === 'function' ? n : makeNormalizer(n ?? 'on');
}

function finish(enc: PprofEncoder, gzip: boolean | undefined): Uint8Array {
  const bytes = enc.encode();
  return gzip === false ? bytes : new Uint8Array(gzipSync(bytes));
}

/** Appends the samples of one value column of `p`, scaled by `sign`, with extra labels. */
function addProfile(
  enc: PprofEncoder,
  p: Profile,
  typeIndex: number,
  normalize: Normalizer,
  sign: number,
  extra: SampleLabel[],
): void {
  const locOf = p.functions.map((raw) => enc.location(normalize(raw)));
  const vals = p.values[typeIndex];
  const off = p.stackOffsets;
  const frames = p.stackFrames;
  const locs: number[] = [];
  for (let s = 0; s + 1 < off.length; s++) {
    const v = vals[s];
    if (v === 0) continue;
    locs.length = 0;
    for (let k = off[s]; k < off[s + 1]; k++) locs.push(locOf[frames[k]]);
    const set = p.sampleLabelSet ? p.sampleLabelSet[s] : -1;
    const own = set >= 0 ? p.labelSets[set] : [];
    const labels = extra.length
      ? [...own.filter((l) => !extra.some((e) => e.key === l.key)), ...extra]
      : own;
    enc.addSample(locs, [v * sign], labels);
  }
}

function sideEncoder(
  baseline: Profile[],
  canary: Profile[],
  type: TypeSelector | undefined,
): { enc: PprofEncoder; baseIdx: number[]; canIdx: number[] } {
  const sel = (p: Profile) =>
    type === undefined ? p.defaultSampleType : resolveTypeIndex(p, type);
  const baseIdx = baseline.map(sel);
  const canIdx = canary.map(sel);
  const all: [Profile, number][] = [
    ...canary.map((p, i): [Profile, number] => [p, canIdx[i]]),
    ...baseline.map((p, i): [Profile, number] => [p, baseIdx[i]]),
  ];
  if (all.length === 0) throw new Error('no profiles to write');
  const [first, t0] = all[0];
  const vt = first.sampleTypes[t0];
  for (const [p, t] of all) {
    const u = p.sampleTypes[t];
    if (u.unit !== vt.unit) {
      throw new Error(
        `cannot combine sample types ${vt.type} (${vt.unit}) and ${u.type} (${u.unit}) in one pprof`,
      );
    }
  }
  const enc = new PprofEncoder([{ type: vt.type, unit: vt.unit }]);
  const withPeriod = all.find(([p]) => p.period) ?? all[0];
  enc.period = withPeriod[0].period;
  enc.periodType = withPeriod[0].periodType;
  const times = all.map(([p]) => p.timeNanos).filter((t) => t > 0);
  enc.timeNanos = times.length ? Math.min(...times) : 0;
  enc.durationNanos = canary.reduce((a, p) => a + (p.durationNanos || 0), 0);
  return { enc, baseIdx, canIdx };
}

export interface DiffPprofOptions extends PprofWriteOptions {
  /** Sample type of every profile; default: each profile's default. */
  type?: TypeSelector;
}

/**
 * `-diff_base` semantics: canary samples as they are, baseline samples negated and labelled
 * `pprof::base=true`. Values are raw sums (no normalization, like pprof without -normalize):
 * the sum of all values is canary total - baseline total.
 */
export function diffPprof(
  baseline: Profile[],
  canary: Profile[],
  opts: DiffPprofOptions = {},
): Uint8Array {
  const normalize = normalizerOf(opts.normalize);
  const { enc, baseIdx, canIdx } = sideEncoder(baseline, canary, opts.type);
  canary.forEach((p, i) => addProfile(enc, p, canIdx[i], normalize, 1, []));
  const base: SampleLabel[] = [{ key: 'pprof::base', str: 'true' }];
  baseline.forEach((p, i) => addProfile(enc, p, baseIdx[i], normalize, -1, base));
  enc.comment(
    `profile-gate diff: ${canary.length} canary capture(s) minus ${baseline.length} baseline capture(s) (baseline samples negated, labelled pprof::base=true)`,
  );
  return finish(enc, opts.gzip);
}

export interface MergedPprofOptions extends DiffPprofOptions {
  /** Capture names; when given each sample also carries `capture=<name>`. */
  names?: { baseline?: string[]; canary?: string[] };
}

/** Both sides' samples, positive, labelled `side=baseline` / `side=canary`. */
export function mergedPprof(
  baseline: Profile[],
  canary: Profile[],
  opts: MergedPprofOptions = {},
): Uint8Array {
  const normalize = normalizerOf(opts.normalize);
  const { enc, baseIdx, canIdx } = sideEncoder(baseline, canary, opts.type);
  enc.durationNanos += baseline.reduce((a, p) => a + (p.durationNanos || 0), 0);
  const labels = (side: string, name: string | undefined): SampleLabel[] =>
    name !== undefined
      ? [
          { key: 'side', str: side },
          { key: 'capture', str: name },
        ]
      : [{ key: 'side', str: side }];
  canary.forEach((p, i) =>
    addProfile(enc, p, canIdx[i], normalize, 1, labels('canary', opts.names?.canary?.[i])),
  );
  baseline.forEach((p, i) =>
    addProfile(enc, p, baseIdx[i], normalize, 1, labels('baseline', opts.names?.baseline?.[i])),
  );
  enc.comment(
    `profile-gate merged: ${canary.length} canary and ${baseline.length} baseline capture(s), labelled side=canary|baseline`,
  );
  return finish(enc, opts.gzip);
}

/** Encodes a whole profile (every sample type, labels kept), frames by normalized name. */
export function encodePprof(p: Profile, opts: PprofWriteOptions = {}): Uint8Array {
  const normalize = normalizerOf(opts.normalize);
  const enc = new PprofEncoder(p.sampleTypes);
  enc.period = p.period;
  enc.periodType = p.periodType;
  enc.timeNanos = p.timeNanos;
  enc.durationNanos = p.durationNanos;
  enc.defaultSampleType = p.sampleTypes[p.defaultSampleType]?.type;
  for (const c of p.comments) enc.comment(c);
  const locOf = p.functions.map((raw) => enc.location(normalize(raw)));
  const off = p.stackOffsets;
  const locs: number[] = [];
  const vals: number[] = new Array<number>(p.sampleTypes.length);
  for (let s = 0; s + 1 < off.length; s++) {
    locs.length = 0;
    for (let k = off[s]; k < off[s + 1]; k++) locs.push(locOf[p.stackFrames[k]]);
    for (let t = 0; t < vals.length; t++) vals[t] = p.values[t][s];
    const set = p.sampleLabelSet ? p.sampleLabelSet[s] : -1;
    enc.addSample(locs, vals, set >= 0 ? p.labelSets[set] : []);
  }
  return finish(enc, opts.gzip);
}
