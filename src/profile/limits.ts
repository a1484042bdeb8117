/**
 * The budget for decoded work. Profiles are untrusted: a 150-byte gzip can describe stacks a
 * billion frames deep, a small JSON file a chain of nodes whose stacks add up to gigabytes. The
 * size of the input bounds nothing of that, so every reader works within explicit limits, and
 * going over one is a ProfileError naming the file, the limit and the flag that raises it
 * (exit 2), never an out-of-memory abort or an hour of CPU.
 *
 * - maxInputBytes: one input's bytes: a file on disk, an inflated gzip stream, a server's
 *   response, a baseline artifact's unpacked files (`--max-input-mb`).
 * - maxStackDepth: frames in one stack (one sample); JSON nesting may be twice that plus a
 *   little (a node tree nests two levels per frame) (`--max-stack-depth`).
 * - maxFrames: stack frames decoded. Summed over a run's profiles when their stacks are kept
 *   (flame graphs, pprof outputs); per profile when only totals are needed (`--max-frames`).
 *   A distinct function name counts as FUNCTION_COST frames and a sample as one more frame
 *   per value column: they cost memory as frames do. A flame graph may have at most
 *   maxFrames / FLAME_NODE_COST nodes.
 * - maxJsonNodes: values (objects, arrays, strings, numbers, literals) in one JSON document,
 *   counted before it is parsed (`--max-json-nodes`).
 * - deadline: a time by which decoding must be done (fleet sources: the request timeout covers
 *   the parsing of the answer too).
 *
 * The budget in force is ambient while a reader runs (readers are synchronous): withBudget()
 * sets it, ProfileBuilder and the pprof totals path charge it. A reader called without one
 * gets a fresh budget with the default limits.
 */
import { ProfileError } from './errors.js';

export interface Limits {
  maxInputBytes: number;
  maxStackDepth: number;
  maxFrames: number;
  maxJsonNodes: number;
}

export const MIB = 1024 * 1024;

/**
 * The defaults: every real profile we know of fits far inside them (a 30 s Go CPU profile is
 * ~1 MB with stacks of at most 128 frames; the bench's 5 MB pprof has 1.5 M frames), and any
 * input within them is decoded in well under 1 GB of memory and 10 s (`npm run bench`,
 * the "hostile" row).
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxInputBytes: 128 * MIB,
  maxStackDepth: 8192,
  maxFrames: 64_000_000,
  maxJsonNodes: 16_000_000,
};

/** The command-line flag (and Action input, without the dashes) that raises each limit. */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxInputBytes: '--max-input-mb',
  maxStackDepth: '--max-stack-depth',
  maxFrames: '--max-frames',
  maxJsonNodes: '--max-json-nodes',
};

/**
 * A distinct function name costs as much as this many frames: its string, its map entries and
 * its normalized twin take ~200 bytes (50 frames), and normalizing it takes as long as
 * charging a few hundred frames.
 */
export const FUNCTION_COST = 64;
/** A flame-graph node costs as much memory as this many frames. */
export const FLAME_NODE_COST = 100;

/** How often (in units of work) the deadline is looked at. */
const CLOCK_EVERY = 1 << 16;

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The error of a limit that was reached: names the file, the limit and its flag. */
export function limitError(file: string, what: string, limit: keyof Limits): ProfileError {
  return new ProfileError(
    'too-large',
    file,
    `${what} (the limit; raise it with ${LIMIT_FLAGS[limit]}, in the Action ${LIMIT_FLAGS[limit].slice(2)}, if the input is genuine)`,
  );
}

export class Budget {
  readonly limits: Limits;
  /** Frames (and frame equivalents) charged so far. */
  frames = 0;
  private sinceClock = 0;

  /**
   * @param accumulate  charge frames across profiles (their stacks are kept); else each
   *   withBudget() call starts from zero
   * @param deadline  Date.now() value by which decoding must be done, and what sets it
   */
  constructor(
    limits: Partial<Limits> = {},
    readonly accumulate = false,
    readonly deadline?: { at: number; what: string },
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...definedOnly(limits) };
  }

  /** The file being decoded (for messages). */
  file = '(input)';

  /** Charges `n` frames (or frame equivalents); throws when the budget is used up. */
  charge(n: number, what = 'frames'): void {
    this.frames += n;
    if (this.frames > this.limits.maxFrames) {
      const counted = what === 'frames' ? '' : ` (counting ${what})`;
      throw limitError(
        this.file,
        this.accumulate
          ? `the profiles read so far need more than ${fmtCount(this.limits.maxFrames)} stack frames${counted}`
          : `decoding needs more than ${fmtCount(this.limits.maxFrames)} stack frames${counted}`,
        'maxFrames',
      );
    }
    this.sinceClock += n;
    if (this.sinceClock >= CLOCK_EVERY) this.tick();
  }

  /** Throws when one stack is deeper than the limit. */
  depth(n: number): void {
    if (n > this.limits.maxStackDepth) {
      throw limitError(
        this.file,
        `a stack has ${fmtCount(n)} frames, more than ${fmtCount(this.limits.maxStackDepth)}`,
        'maxStackDepth',
      );
    }
  }

  /** Throws when the deadline has passed (cheap enough to call every few thousand steps). */
  tick(): void {
    this.sinceClock = 0;
    if (this.deadline && Date.now() > this.deadline.at) {
      throw new ProfileError(
        'timeout',
        this.file,
        `decoding did not finish within ${this.deadline.what}`,
      );
    }
  }
}

function definedOnly(l: Partial<Limits>): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [k, v] of Object.entries(l) as [keyof Limits, number | undefined][]) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}

let active: Budget | undefined;

/** Runs a (synchronous) reader of `file` with `budget` in force. */
export function withBudget<T>(budget: Budget | undefined, file: string, read: () => T): T {
  const b = budget ?? new Budget();
  const outer = active;
  const outerFile = b.file;
  if (!b.accumulate && outer !== b) b.frames = 0;
  active = b;
  b.file = file;
  try {
    return read();
  } finally {
    active = outer;
    b.file = outerFile;
  }
}

/**
 * The budget in force; outside withBudget (a reader called directly), a fresh one with the
 * default limits for each caller, so that nothing adds up across unrelated reads.
 */
export function activeBudget(): Budget {
  return active ?? new Budget();
}

/**
 * Counts the values of a JSON text and its deepest nesting without parsing it (one pass over
 * the characters, strings skipped), so that a document too big or too deep for the limits is
 * refused before JSON.parse builds it.
 */
export function checkJsonShape(text: string, budget: Budget): void {
  const maxDepth = 2 * budget.limits.maxStackDepth + 64;
  const maxNodes = budget.limits.maxJsonNodes;
  let depth = 0;
  let nodes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) {
        throw limitError(
          budget.file,
          `JSON nested more than ${fmtCount(maxDepth)} levels deep`,
          'maxStackDepth',
        );
      }
      nodes++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      continue;
    } else if (c === 0x2c) {
      nodes++;
    } else continue;
    if (nodes > maxNodes) {
      throw limitError(
        budget.file,
        `JSON document with more than ${fmtCount(maxNodes)} values`,
        'maxJsonNodes',
      );
    }
    if ((nodes & 0xffff) === 0) budget.tick();
  }
}
