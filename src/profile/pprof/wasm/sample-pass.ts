/**
 * The WebAssembly sample pass of the pprof totals fast path (source: wasm/samples.ts, an
 * AssemblyScript file; compiled into samples-wasm.ts). It parses samples and charges self
 * and cum per function, as TotalsSink.sample does, about twice as fast as the same loop in
 * JavaScript. This module lays out the memory for a decode: the profile bytes, the lookup
 * tables, then the accumulators, which the caller uses through views (so that samples the
 * pass does not take can be counted by the JavaScript path in place).
 */
import { SAMPLES_WASM_BASE64 } from './samples-wasm.js';
import { STATE_SLOTS } from './state-layout.js';

type SumRun = (
  buf: number,
  from: number,
  to: number,
  idFn: number,
  denseLen: number,
  locStart: number,
  locNorm: number,
  stamp: number,
  cum: number,
  self: number,
  total: number,
  vals: number,
  nTypes: number,
  state: number,
) => number;

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(SAMPLES_WASM_BASE64, 'base64'));
    } catch {
      compiled = null; // no WebAssembly here: the JavaScript path does all the work
    }
  }
  return compiled;
}

/**
 * One instance and memory are kept between decodes (up to KEEP_PAGES), grown as needed:
 * fresh memory costs a page fault per 4 KiB on first touch, which for a 5 MB profile took
 * longer than the pass itself. Decodes are synchronous, so one memory is never shared.
 */
const KEEP_PAGES = 1024; // 64 MiB
let kept: { memory: WebAssembly.Memory; sumRun: SumRun } | undefined;

function instanceWith(
  mod: WebAssembly.Module,
  pages: number,
): { memory: WebAssembly.Memory; sumRun: SumRun } | undefined {
  if (pages > 65536) return undefined;
  try {
    if (kept && pages <= KEEP_PAGES) {
      const have = kept.memory.buffer.byteLength / 65536;
      if (have < pages) kept.memory.grow(pages - have);
      return kept;
    }
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    const made = { memory, sumRun: instance.exports.sumRun as SumRun };
    if (pages <= KEEP_PAGES) kept = made;
    return made;
  } catch {
    return undefined; // out of memory for it: the JavaScript path does the work
  }
}

export interface SamplePassInput {
  buf: Uint8Array;
  /** location id -> function (>= 0), -2 - location index (several lines), -1 (no location) */
  idFn: Int32Array;
  locStart: Uint32Array;
  locNorm: Uint32Array;
  nNames: number;
  nTypes: number;
}

/** The accumulators, living in the pass's memory. */
export interface SamplePass {
  stamp: Int32Array;
  cum: Float64Array;
  self: Float64Array;
  total: Float64Array;
  /**
   * sample counter (stamps), samples counted, samples without location, number of the next
   * sample; after run() stopped at a sample it does not take: its [start, end) and 1, else
   * STATE_STOPPED is 0 (slots named in state-layout.ts)
   */
  state: Int32Array;
  /**
   * Walks the run of Sample fields buf[from, to); returns where it stopped: `to`, or the end
   * of a sample it did not take (STATE_STOP_START, STATE_STOP_END, STATE_STOPPED), which the
   * caller decodes before going on.
   */
  run(from: number, to: number): number;
}

/** Sets up a pass, or returns undefined where WebAssembly is missing or memory runs out. */
export function createSamplePass(input: SamplePassInput): SamplePass | undefined {
  const mod = wasmModule();
  if (!mod) return undefined;
  const { buf, idFn, locStart, locNorm, nNames, nTypes } = input;
  // byte offsets, 8-aligned; buf first (at 8, so that no position is 0) and followed by
  // other data, so that reading a few bytes past a truncated sample stays inside the memory
  let top = 8;
  const take = (bytes: number): number => {
    const at = top;
    top += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const pBuf = take(buf.length);
  const pId = take(idFn.length * 4);
  const pStart = take(locStart.length * 4);
  const pNorm = take(locNorm.length * 4);
  const pStamp = take(nNames * 4);
  const pCum = take(nNames * nTypes * 8);
  const pSelf = take(nNames * nTypes * 8);
  const pTotal = take(nTypes * 8);
  const pVals = take(nTypes * 8);
  const pState = take(STATE_SLOTS * 4);
  const pages = Math.ceil((top + 16) / 65536);
  const got = instanceWith(mod, pages);
  if (!got) return undefined;
  const { memory, sumRun } = got;
  const m = memory.buffer;
  new Uint8Array(m, pBuf, buf.length).set(buf);
  new Int32Array(m, pId, idFn.length).set(idFn);
  new Uint32Array(m, pStart, locStart.length).set(locStart);
  new Uint32Array(m, pNorm, locNorm.length).set(locNorm);
  return {
    stamp: new Int32Array(m, pStamp, nNames),
    cum: new Float64Array(m, pCum, nNames * nTypes),
    self: new Float64Array(m, pSelf, nNames * nTypes),
    total: new Float64Array(m, pTotal, nTypes),
    state: new Int32Array(m, pState, STATE_SLOTS),
    run: (from, to) =>
      sumRun(
        pBuf,
        from,
        to,
        pId,
        idFn.length,
        pStart,
        pNorm,
        pStamp,
        pCum,
        pSelf,
        pTotal,
        pVals,
        nTypes,
        pState,
      ),
  };
}
