/**
 * Folded ("collapsed") stacks: one `root;...;leaf count` per line, as written by
 * stackcollapse-perf.pl, py-spy `--format raw`, async-profiler `-o collapsed` and others.
 *
 * - The count is the LAST whitespace-separated token (py-spy frame names contain spaces and
 *   parentheses, so nothing else can be trusted); decimal and negative counts are accepted.
 * - A file whose every line ends in two numbers is a differential file (flamegraph.pl's
 *   difffolded.pl: `stack before after`): the first number column is used and a warning says so.
 * - Identical stacks are summed; empty frames (`a;;b`) are dropped; blank lines are ignored;
 *   comment (`#`, `//`) and malformed lines are skipped like speedscope does, and counted in
 *   `warnings`. A file with no valid line at all is an error naming the first bad line.
 * - The model stores stacks leaf first, so each line's frames are reversed.
 */
import { ProfileError, readerGuard } from './errors.js';
import { unsupportedDetail, unsupportedText } from './formats.js';
import { activeBudget } from './limits.js';
import { forEachLine } from './lines.js';
import { ProfileBuilder, type Profile } from './model.js';

/** A distinct stack's text, held until the model is built, costs memory as this many frames. */
const STACK_COST = 32;

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

interface Parsed {
  stack: string;
  value: number;
  /** Set when the line ends in two numbers: the stack and value under the diff reading. */
  diffStack?: string;
  diffValue?: number;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0xa0;
}

/** Splits `text` at its last whitespace run: [before, lastToken], or undefined. */
function splitLast(t: string): [string, string] | undefined {
  let i = t.length - 1;
  while (i >= 0 && !isSpace(t.charCodeAt(i))) i--;
  if (i < 0) return undefined;
  const token = t.slice(i + 1);
  let j = i;
  while (j >= 0 && isSpace(t.charCodeAt(j))) j--;
  return [t.slice(0, j + 1), token];
}

function parseCount(token: string): number | undefined {
  if (!NUMBER.test(token)) return undefined;
  const v = Number(token);
  return Number.isFinite(v) ? v : undefined;
}

function parseLine(t: string): Parsed | undefined {
  const last = splitLast(t);
  if (!last || last[0] === '') return undefined;
  const value = parseCount(last[1]);
  if (value === undefined) return undefined;
  const out: Parsed = { stack: last[0], value };
  const prev = splitLast(last[0]);
  if (prev && prev[0] !== '') {
    const before = parseCount(prev[1]);
    if (before !== undefined) {
      out.diffStack = prev[0];
      out.diffValue = before;
    }
  }
  return out;
}

function preview(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}...` : line);
}

/**
 * Well-formed lines must be at least this share of the non-empty, non-comment lines (one stray
 * line, e.g. a last line cut short, is tolerated whatever the size).
 */
export const MIN_WELL_FORMED = 0.9;

/**
 * A frame as producers write them when a stack has one frame only: a symbol without blanks
 * (`main`, `pkg.Func`, `Class::method`), optionally followed by `(file:line)` as py-spy writes,
 * or a bracketed pseudo-frame (`[unknown]`). Not a number, not `key=value`.
 */
const FRAME_SHAPE = /^(?:\[[^\]]*\]|[^\s=;]+(?: \([^()]*\))?)$/;
const NUMERIC = /^[-+\d.,:]+$/;

/** What the one pass over the lines saw, for checkDominant. */
interface LineStats {
  parsed: number;
  invalid: number;
  firstInvalid: number;
  firstInvalidText: string;
  firstStack: string;
  /** Some stack has a frame separator. */
  hasSeparator: boolean;
  /** Every stack is one frame shaped like a producer's frame. */
  allShaped: boolean;
}

/**
 * Text whose lines merely end in a number is not a profile: well-formed lines must dominate,
 * and some stack must have a frame separator, or every frame look like a producer's.
 */
function checkDominant(text: string, file: string, st: LineStats): void {
  const considered = st.parsed + st.invalid;
  const shapesOk = st.hasSeparator || st.allShaped;
  const dominant = st.invalid <= 1 || st.parsed >= MIN_WELL_FORMED * considered;
  if (dominant && shapesOk) return;
  const looks = unsupportedText(text);
  const why = !shapesOk
    ? `no line has a frame separator ";" and its "frames" do not look like function names (first: ${preview(st.firstStack)})`
    : `only ${st.parsed} of ${considered} non-empty lines have the form "frame;frame;... count" (at least ${MIN_WELL_FORMED * 100}% must; first other line: line ${st.firstInvalid}: ${preview(st.firstInvalidText)})`;
  throw new ProfileError(
    'folded',
    file,
    `not folded stacks: ${why}; ${looks ? unsupportedDetail(looks) : 'it looks like plain text (a log or a report?), not a profile'}`,
  );
}

export function readFolded(text: string, file: string): Profile {
  return readerGuard(
    'folded',
    file,
    (m) => `could not read folded stacks (${m})`,
    () => parse(text, file),
  );
}

function parse(text: string, file: string): Profile {
  // One pass over the lines (no array of them), summing identical stacks as they come, under
  // both readings while every line so far also reads as "stack before after" (a differential
  // file); each distinct stack is charged to the decode budget when it is first seen.
  const budget = activeBudget();
  const sums = new Map<string, number>();
  let diffSums: Map<string, number> | undefined = new Map();
  const add = (map: Map<string, number>, stack: string, value: number) => {
    // empty frames (`a;;b`, a leading or trailing `;`) are dropped; most stacks have none
    const key =
      stack.startsWith(';') || stack.endsWith(';') || stack.includes(';;')
        ? stack
            .split(';')
            .filter((f) => f !== '')
            .join(';')
        : stack;
    const had = map.get(key);
    if (had === undefined) {
      let frames = 1;
      for (let i = key.indexOf(';'); i >= 0; i = key.indexOf(';', i + 1)) frames++;
      budget.depth(frames);
      budget.charge(frames + STACK_COST, 'distinct stacks');
    }
    map.set(key, (had ?? 0) + value);
  };
  const st: LineStats = {
    parsed: 0,
    invalid: 0,
    firstInvalid: 0,
    firstInvalidText: '',
    firstStack: '',
    hasSeparator: false,
    allShaped: true,
  };
  let comments = 0;
  let firstBad = 0;
  let firstBadText = '';
  forEachLine(text, (line, ln) => {
    const t = line.trim();
    if (t === '') return;
    if (t.startsWith('#') || t.startsWith('//')) {
      comments++;
      if (!firstBad) {
        firstBad = ln + 1;
        firstBadText = t;
      }
      return;
    }
    const p = parseLine(t);
    // A stack made only of separators has no frame: it cannot carry a value.
    if (!p || !/[^;]/.test(p.stack)) {
      st.invalid++;
      if (!st.firstInvalid) {
        st.firstInvalid = ln + 1;
        st.firstInvalidText = t;
      }
      if (!firstBad) {
        firstBad = ln + 1;
        firstBadText = t;
      }
      return;
    }
    if (st.parsed++ === 0) st.firstStack = p.stack;
    if (!st.hasSeparator && /[^;];+[^;]/.test(p.stack)) st.hasSeparator = true;
    if (st.allShaped && !(FRAME_SHAPE.test(p.stack) && !NUMERIC.test(p.stack))) {
      st.allShaped = false;
    }
    add(sums, p.stack, p.value);
    if (diffSums) {
      if (p.diffStack !== undefined && /[^;]/.test(p.diffStack)) {
        add(diffSums, p.diffStack, p.diffValue!);
      } else diffSums = undefined;
    }
  });
  if (st.parsed === 0) {
    throw new ProfileError(
      'folded',
      file,
      firstBad
        ? `no line of the form "frame;frame;... count" (first bad line: line ${firstBad}: ${preview(firstBadText)})`
        : 'no stack lines (the text is blank)',
    );
  }

  checkDominant(text, file, st);

  const warnings: string[] = [];
  const differential = diffSums !== undefined;
  if (differential) {
    warnings.push(
      'differential folded file (every line is "stack before after", as written by difffolded.pl): ' +
        'using the first count column ("before") and ignoring the second',
    );
  }
  if (comments + st.invalid > 0) {
    const parts: string[] = [];
    if (comments) parts.push(`${comments} comment line${comments === 1 ? '' : 's'}`);
    if (st.invalid) {
      parts.push(
        `${st.invalid} line${st.invalid === 1 ? '' : 's'} not of the form "stack count" (first: line ${st.firstInvalid})`,
      );
    }
    warnings.push(`skipped ${parts.join(' and ')}`);
  }

  const stacks = diffSums ?? sums;
  let total = 0;
  for (const v of stacks.values()) total += Math.abs(v);
  if (!Number.isFinite(total)) {
    throw new ProfileError('folded', file, 'the counts add up to more than a double can hold');
  }

  const builder = new ProfileBuilder([{ type: 'samples', unit: 'count' }]);
  const ids: number[] = [];
  const val = [0];
  for (const [key, value] of stacks) {
    const frames = key.split(';');
    ids.length = 0;
    for (let i = frames.length - 1; i >= 0; i--) ids.push(builder.fn(frames[i]));
    val[0] = value;
    builder.add(ids, val);
  }
  return builder.build({
    format: 'folded',
    defaultSampleType: 0,
    period: 0,
    durationNanos: 0,
    timeNanos: 0,
    comments: [],
    warnings,
  });
}
