/**
 * The state block of the WebAssembly sample pass: i32 slots shared by wasm/samples.ts
 * (AssemblyScript, which imports this file too: keep it to plain `export const`s), the
 * memory layout in sample-pass.ts and TotalsSink.decodeAll, which reads and writes them
 * between calls.
 */

/** The sample counter: the stamp of the next sample counted (TotalsSink's `counter`). */
export const STATE_STAMP = 0;
/** Samples counted (TotalsSink's `samples`). */
export const STATE_COUNTED = 1;
/** Samples without any location (not counted). */
export const STATE_EMPTY = 2;
/** Index of the next sample (in file order). */
export const STATE_NEXT = 3;
/** When the pass stopped at a sample it does not take: that sample's start, relative to buf */
export const STATE_STOP_START = 4;
/** ... its end */
export const STATE_STOP_END = 5;
/** 1 when the pass stopped at a sample it does not take, else 0. */
export const STATE_STOPPED = 6;
/** The number of slots. */
export const STATE_SLOTS = 7;
