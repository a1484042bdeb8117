/**
 * The normalized profile model every reader produces.
 *
 * One profile = a function table, a list of samples, and one value column per sample type.
 * Stacks are stored flat: sample i owns frames[stackOffsets[i] .. stackOffsets[i+1]),
 * leaf first, each entry an index into `functions`.
 */
import { activeBudget, FUNCTION_COST } from './limits.js';

export interface ValueType {
  type: string;
  unit: string;
}

export type ProfileFormat =
  'pprof' | 'folded' | 'perf-script' | 'speedscope' | 'cpuprofile' | 'jfr' | 'heapprofile';

/** A label attached to a sample: string labels have `str`, numeric ones `num` (and maybe a unit). */
export interface SampleLabel {
  key: string;
  str?: string;
  num?: number;
  unit?: string;
}

export interface Profile {
  format: ProfileFormat;
  /** Value columns; `values[k]` holds one number per sample for `sampleTypes[k]`. */
  sampleTypes: ValueType[];
  /** Index into sampleTypes used when the caller does not ask for a type. */
  defaultSampleType: number;
  values: Float64Array[];
  /** Raw function names (as the producer wrote them); indices are function ids. */
  functions: string[];
  stackOffsets: Uint32Array;
  stackFrames: Uint32Array;
  /** Per-sample index into labelSets, or -1; undefined when no sample has labels. */
  sampleLabelSet?: Int32Array;
  labelSets: SampleLabel[][];
  /** Sampling period and what it measures; 0 / undefined when the format does not say. */
  period: number;
  periodType?: ValueType;
  /** Wall-clock duration of the capture in nanoseconds; 0 when unknown. */
  durationNanos: number;
  /** Capture start time in nanoseconds since the epoch; 0 when unknown. */
  timeNanos: number;
  comments: string[];
  /** Non-fatal oddities noticed while reading (shown to the user, never hidden). */
  warnings: string[];
}

/**
 * Grows typed arrays while a reader appends samples. Every frame, sample and function name it
 * takes is charged to the decode budget in force (limits.ts): a stack deeper than the limit,
 * or more frames than the budget allows, is a ProfileError naming the limit.
 */
export class ProfileBuilder {
  private readonly budget = activeBudget();
  /** Frame equivalents a sample's offset and values cost. */
  private readonly sampleCost: number;
  private readonly names = new Map<string, number>();
  readonly functions: string[] = [];
  private frames = new Uint32Array(1024);
  private nFrames = 0;
  private offsets = new Uint32Array(256);
  private nSamples = 0;
  private vals: Float64Array[];
  private labelIds: Int32Array | undefined;
  private readonly labelSetIndex = new Map<string, number>();
  readonly labelSets: SampleLabel[][] = [];

  constructor(readonly sampleTypes: ValueType[]) {
    this.vals = sampleTypes.map(() => new Float64Array(256));
    this.sampleCost = 1 + 2 * sampleTypes.length;
  }

  /** Returns the id of a function name, adding it on first sight. */
  fn(name: string): number {
    let id = this.names.get(name);
    if (id === undefined) {
      this.budget.charge(FUNCTION_COST, 'function names');
      id = this.functions.length;
      this.functions.push(name);
      this.names.set(name, id);
    }
    return id;
  }

  /** Interns a label set; returns its index. */
  labelSet(labels: SampleLabel[]): number {
    const key = JSON.stringify(labels);
    let id = this.labelSetIndex.get(key);
    if (id === undefined) {
      id = this.labelSets.length;
      this.labelSets.push(labels);
      this.labelSetIndex.set(key, id);
    }
    return id;
  }

  private ensureFrames(extra: number): void {
    if (this.nFrames + extra > this.frames.length) {
      let n = this.frames.length * 2;
      while (n < this.nFrames + extra) n *= 2;
      const next = new Uint32Array(n);
      next.set(this.frames.subarray(0, this.nFrames));
      this.frames = next;
    }
  }

  private ensureSamples(): void {
    if (this.nSamples + 2 > this.offsets.length) {
      const n = this.offsets.length * 2;
      const off = new Uint32Array(n);
      off.set(this.offsets);
      this.offsets = off;
      this.vals = this.vals.map((v) => {
        const next = new Float64Array(n);
        next.set(v);
        return next;
      });
      if (this.labelIds) {
        const next = new Int32Array(n).fill(-1);
        next.set(this.labelIds);
        this.labelIds = next;
      }
    }
  }

  /** Number of frames appended so far (where the next sample's frames start). */
  get frameCount(): number {
    return this.nFrames;
  }

  /**
   * Room for `extra` more frames: returns the frame buffer, valid until the next call that
   * adds frames. Write the next sample's frames at frameCount.., then call commit().
   */
  frameBuffer(extra: number): Uint32Array {
    this.budget.depth(extra);
    this.budget.charge(extra + this.sampleCost);
    this.ensureFrames(extra);
    return this.frames;
  }

  /** Ends a sample whose `nFrames` frames were written through frameBuffer(). */
  commit(nFrames: number, values: ArrayLike<number>, labelSet = -1): void {
    this.ensureSamples();
    const n = this.nFrames + nFrames;
    this.nFrames = n;
    const s = this.nSamples;
    for (let k = 0; k < this.vals.length; k++) this.vals[k][s] = values[k];
    if (labelSet >= 0 || this.labelIds) {
      if (!this.labelIds) this.labelIds = new Int32Array(this.offsets.length).fill(-1);
      this.labelIds[s] = labelSet;
    }
    this.nSamples = s + 1;
    this.offsets[s + 1] = n;
  }

  /** Adds one sample; `stack` is leaf first. */
  add(stack: ArrayLike<number>, values: ArrayLike<number>, labelSet = -1): void {
    this.addFrom(stack, 0, stack.length, values, labelSet);
  }

  /** Adds one sample from stack[start..end) (leaf first). */
  addFrom(
    stack: ArrayLike<number>,
    start: number,
    end: number,
    values: ArrayLike<number>,
    labelSet = -1,
  ): void {
    const len = end - start;
    const frames = this.frameBuffer(len);
    let n = this.nFrames;
    for (let i = start; i < end; i++) frames[n++] = stack[i];
    this.commit(len, values, labelSet);
  }

  build(
    meta: Omit<
      Profile,
      | 'functions'
      | 'stackOffsets'
      | 'stackFrames'
      | 'values'
      | 'sampleTypes'
      | 'labelSets'
      | 'sampleLabelSet'
    >,
  ): Profile {
    const n = this.nSamples;
    return {
      ...meta,
      sampleTypes: this.sampleTypes,
      functions: this.functions,
      stackOffsets: this.offsets.slice(0, n + 1),
      stackFrames: this.frames.slice(0, this.nFrames),
      values: this.vals.map((v) => v.slice(0, n)),
      labelSets: this.labelSets,
      sampleLabelSet: this.labelIds ? this.labelIds.slice(0, n) : undefined,
    };
  }
}
