import type { Budget } from '../limits.js';
import {
  forEachSample,
  ONE,
  type SampleDecoder,
  type SampleRuns,
  type SampleSink,
} from './samples.js';
import { createSamplePass } from './wasm/sample-pass.js';
import {
  STATE_COUNTED,
  STATE_EMPTY,
  STATE_NEXT,
  STATE_STAMP,
  STATE_STOP_END,
  STATE_STOP_START,
  STATE_STOPPED,
} from './wasm/state-layout.js';

/**
 * Aggregates self and cum per (normalized) function for every sample type while decoding,
 * without materializing stacks: the fast path when only totals are needed.
 */
export class TotalsSink implements SampleSink {
  /** self and cum per function and type, interleaved: [f * nTypes + t] */
  private selfAll: Float64Array;
  private cumAll: Float64Array;
  total: Float64Array;
  /** per function: the number of the last sample that charged it to cum (once per sample) */
  private stamp: Int32Array;
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
    private readonly useWasm: boolean,
    /**
     * When set, every sample's frames are counted against it (depth and total); the caller
     * sets it when the profile's size does not bound them already (then useWasm is off).
     */
    private readonly budget?: Budget,
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

  /** Counts one decoded sample: self to the leaf, cum once to each function of the stack. */
  sample(locs: Int32Array, first: number, end: number, values: Float64Array): void {
    this.samples++;
    const s = this.counter++;
    const { locNorm, locStart, stamp, selfAll, cumAll, total, nTypes } = this;
    if (this.budget) {
      let n = 0;
      for (let i = first; i < end; i++) n += locStart[locs[i] + 1] - locStart[locs[i]];
      this.budget.depth(n);
      this.budget.charge(n);
    }
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

  /**
   * The whole sample pass, through the WebAssembly pass (wasm/samples.ts: the same counting
   * as sample(), fused with parsing, for the shape nearly every profile has). The
   * accumulators move into its memory for the duration; a sample it does not take is decoded
   * by `general` and counted by sample() in place; then the pass goes on after it. Without
   * WebAssembly (or memory for it), `general` decodes every sample.
   */
  decodeAll(buf: Uint8Array, runs: SampleRuns, dense: Int32Array, general: SampleDecoder): number {
    // (sparse location ids have no dense table: every sample would miss; skip the pass)
    const pass =
      this.useWasm && dense.length > 0
        ? createSamplePass({
            buf,
            idFn: this.idFunctions(dense),
            locStart: this.locStart,
            locNorm: this.locNorm,
            nNames: this.nNames,
            nTypes: this.nTypes,
          })
        : undefined;
    let empty = 0;
    if (!pass) {
      forEachSample(buf, runs, (s, start, end) => {
        if (!general(s, start, end)) empty++;
      });
      return empty;
    }
    pass.stamp.set(this.stamp);
    pass.cum.set(this.cumAll);
    pass.self.set(this.selfAll);
    pass.total.set(this.total);
    this.stamp = pass.stamp;
    this.cumAll = pass.cum;
    this.selfAll = pass.self;
    this.total = pass.total;
    const state = pass.state;
    state[STATE_STAMP] = this.counter;
    state[STATE_COUNTED] = this.samples;
    state[STATE_EMPTY] = 0;
    state[STATE_NEXT] = 0;
    // hands the sample numbered state[STATE_NEXT], at [start, end), to the general decoder
    const handOver = (start: number, end: number) => {
      this.counter = state[STATE_STAMP];
      this.samples = state[STATE_COUNTED];
      if (!general(state[STATE_NEXT], start, end)) state[STATE_EMPTY]++;
      state[STATE_STAMP] = this.counter;
      state[STATE_COUNTED] = this.samples;
      state[STATE_NEXT]++;
    };
    for (let i = 0; i < runs.length; i += 3) {
      if (runs[i] === ONE) {
        handOver(runs[i + 1], runs[i + 2]);
        continue;
      }
      const to = runs[i + 2];
      for (let from = runs[i + 1]; from < to;) {
        from = pass.run(from, to);
        if (state[STATE_STOPPED] === 1) handOver(state[STATE_STOP_START], state[STATE_STOP_END]);
      }
    }
    this.counter = state[STATE_STAMP];
    this.samples = state[STATE_COUNTED];
    empty = state[STATE_EMPTY];
    // copies: the next decode reuses the pass's memory
    this.stamp = this.stamp.slice();
    this.cumAll = this.cumAll.slice();
    this.selfAll = this.selfAll.slice();
    this.total = this.total.slice();
    return empty;
  }

  /** location id -> its function when it has one line (>= 0), -2 - its index when it has
   * several, -1 when there is no such location */
  private idFunctions(dense: Int32Array): Int32Array {
    const idFn = new Int32Array(dense.length);
    for (let v = 0; v < dense.length; v++) {
      const li = dense[v];
      idFn[v] = li < 0 ? -1 : this.locSingle[li] >= 0 ? this.locSingle[li] : -2 - li;
    }
    return idFn;
  }

  /** The self / cum column of sample type `t`. */
  column(which: 'self' | 'cum', t: number): Float64Array {
    const out = new Float64Array(this.nNames);
    if (which === 'self') {
      for (let f = 0; f < this.nNames; f++) out[f] = this.selfAll[f * this.nTypes + t];
    } else {
      for (let f = 0; f < this.nNames; f++) out[f] = this.cumAll[f * this.nTypes + t];
    }
    return out;
  }
}
