/**
 * Raw `perf script` output, folded here the way stackcollapse-perf.pl does with its default
 * options (no pid/tid in the root, no `_[k]`/`_[j]` annotations):
 *
 *     comm pid[/tid] [cpu] time: [period] event:
 *     \t addr sym+off (dso)        <- leaf first
 *     \t addr sym+off (dso)
 *     <blank line>
 *
 * - The root frame is the `comm` (spaces become `_`). Where perf did not see a thread's comm it
 *   prints `:<tid>`; such a sample takes the comm of its process (same pid) seen elsewhere in the
 *   file, so the root is the same name in every capture (a different `:<tid>` in each would
 *   otherwise be a new "function" on every run).
 * - `sym+0x1f` loses the offset; `[unknown]` becomes `[dso basename]`, or `[unknown]`.
 * - Names are tidied: `;` becomes `:`, text from the first `(` on is cut (except in Go
 *   `pkg.(*T).M` names and for `(anonymous namespace)`), quotes are removed, and for
 *   `java` processes `Lpkg/Class;` loses its leading `L`.
 * - Frames whose symbol starts with `(` are skipped (stackcollapse treats them as process names).
 *
 * Differences from stackcollapse-perf.pl, on purpose: a sample is kept when the file ends
 * without the blank line that normally closes it (stackcollapse drops it); samples of every
 * event are kept, each event getting its own value column (stackcollapse keeps only the first
 * event type); `a->b` inline chains are not split (that would break C++ `operator->`).
 *
 * Sample types: `samples/count` (1 per sample, the default) and, for each event whose header
 * carries a period, `<event>/count` with the summed periods (what stackcollapse writes).
 */
import { ProfileError, readerGuard } from './errors.js';
import { activeBudget, FUNCTION_COST } from './limits.js';
import { forEachLine } from './lines.js';
import { ProfileBuilder, type Profile, type ValueType } from './model.js';

/** A pid or pid/tid token of an event header. */
const PID = /^-?\d+(?:\/-?\d+)?$/;
/** `...: [period] event:` at the end of a header. */
const PERIOD_EVENT = /:\s*(\d+)?\s+(\S+):\s*$/;
/** The timestamp `123456.789012:` in a header. */
const TIME = /\s(\d+\.\d+):/;
/** A call-chain line `addr sym (dso)` (indented or not). */
const FRAME = /^\s*([0-9a-fA-F]+)\s+(\S.*) \((\S*)\)\s*$/;
/** An indented call-chain line without a dso (`perf script -F ip,sym`). */
const FRAME_NO_DSO = /^\s+([0-9a-fA-F]+)\s+(\S(?:.*\S)?)\s*$/;

/**
 * The start of an event header, `comm pid[/tid] ...` (the comm may contain spaces): the comm
 * and the length of the text up to and including the pid token. A token scan rather than a
 * regular expression, which would backtrack quadratically on long runs of blanks.
 */
function parseHeader(line: string): { comm: string; pid: string; end: number } | undefined {
  if (line === '' || /\s/.test(line[0])) return undefined;
  const tokens = /\S+/g;
  let m = tokens.exec(line); // the first word of the comm
  while ((m = tokens.exec(line)) !== null) {
    const end = m.index + m[0].length;
    if (PID.test(m[0]) && end < line.length) {
      return { comm: line.slice(0, m.index).trimEnd(), pid: m[0].split('/')[0], end };
    }
  }
  return undefined;
}

/** perf's stand-in for a comm it never saw (`:1603`, the pid or tid after a colon). */
const UNKNOWN_COMM = /^:-?\d+$/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isHeader(line: string): boolean {
  return /:\s*$/.test(line) && parseHeader(line) !== undefined;
}

/** True when the text looks like raw `perf script` output (event headers + indented frames). */
export function looksLikePerfScript(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  const lines = head.split(/\r\n|\r|\n/);
  let first = true;
  for (let i = 0; i < lines.length && i < 2000; i++) {
    const line = lines[i];
    if (isBlank(line) || line.startsWith('#')) continue;
    if (first) {
      if (!isHeader(line)) return false;
      first = false;
    }
    if (isHeader(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j].startsWith('#')) j++;
      if (j < lines.length && FRAME.test(lines[j]) && !isHeader(lines[j])) return true;
    }
  }
  return false;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** The folded name of one call-chain entry, or undefined when stackcollapse would skip it. */
export function perfFrameName(rawSym: string, dso: string, comm: string): string | undefined {
  let func = rawSym.replace(/\+0x[\da-fA-F]+$/, '');
  if (func.startsWith('(')) return undefined;
  if (func === '[unknown]') {
    const mod = dso && dso !== '[unknown]' ? basename(dso) : 'unknown';
    func = `[${mod}]`;
  }
  func = func.replace(/;/g, ':');
  // Go names like `pkg.(*T).M` keep their parentheses (stackcollapse's /\.\(.*\)\./, written
  // with indexOf, which cannot backtrack quadratically).
  const dotParen = func.indexOf('.(');
  const goName = dotParen >= 0 && func.indexOf(').', dotParen + 2) >= 0;
  if (!goName) func = func.replace(/\((?!anonymous namespace\)).*$/, '');
  func = func.replace(/["']/g, '');
  if (comm === 'java' && func.includes('/')) func = func.replace(/^L/, '');
  func = func.trim();
  return func === '' ? undefined : func;
}

interface RawSample {
  frames: number[];
  event: number;
  period: number | undefined;
  /** the pid of a sample whose comm perf did not know; its root frame is added at the end */
  unknownCommPid?: string;
}

export function readPerfScript(text: string, file: string): Profile {
  return readerGuard(
    'folded',
    file,
    (m) => `could not read perf script output (${m})`,
    () => parse(text, file),
  );
}

function parse(text: string, file: string): Profile {
  // the samples are held until the model is built: charged to the decode budget as they come
  const budget = activeBudget();
  const names = new Map<string, number>();
  const fnNames: string[] = [];
  const fn = (name: string): number => {
    let id = names.get(name);
    if (id === undefined) {
      budget.charge(FUNCTION_COST, 'function names');
      id = fnNames.length;
      fnNames.push(name);
      names.set(name, id);
    }
    return id;
  };
  const events: string[] = [];
  const eventIndex = new Map<string, number>();
  const eventHasPeriod: boolean[] = [];
  const samples: RawSample[] = [];
  let unrecognized = 0;
  let firstUnrecognized = 0;
  let minTime = Infinity;
  let maxTime = -Infinity;

  let cur: RawSample | undefined;
  let comm = '';
  let pid = '';
  /** the comm of each pid seen with a known comm (the first one) */
  const commOfPid = new Map<string, string>();
  const flush = () => {
    if (!cur) return;
    if (UNKNOWN_COMM.test(comm)) cur.unknownCommPid = pid;
    else cur.frames.push(fn(comm.replace(/ /g, '_')));
    budget.depth(cur.frames.length + 1);
    samples.push(cur);
    cur = undefined;
  };

  forEachLine(text, (line, ln) => {
    if (isBlank(line)) {
      flush();
      return;
    }
    if (line.startsWith('#')) return;
    const indented = line[0] === ' ' || line[0] === '\t';
    if (cur && (indented || (FRAME.test(line) && !isHeader(line)))) {
      const m = FRAME.exec(line) ?? (indented ? FRAME_NO_DSO.exec(line) : null);
      if (!m) {
        unrecognized++;
        if (!firstUnrecognized) firstUnrecognized = ln + 1;
        return;
      }
      const name = perfFrameName(m[2], m[3] ?? '', comm);
      if (name !== undefined) {
        cur.frames.push(fn(name));
        budget.charge(2);
      }
      return;
    }
    const h = indented ? undefined : parseHeader(line);
    if (!h) {
      unrecognized++;
      if (!firstUnrecognized) firstUnrecognized = ln + 1;
      return;
    }
    budget.charge(8);
    flush();
    comm = h.comm;
    pid = h.pid;
    if (!UNKNOWN_COMM.test(comm) && !commOfPid.has(pid)) commOfPid.set(pid, comm);
    let event = '';
    let period: number | undefined;
    const pe = PERIOD_EVENT.exec(line);
    if (pe) {
      event = pe[2];
      if (pe[1] !== undefined) {
        period = Number(pe[1]);
        if (!Number.isFinite(period)) period = undefined;
      }
    }
    let ei = eventIndex.get(event);
    if (ei === undefined) {
      ei = events.length;
      events.push(event);
      eventIndex.set(event, ei);
      eventHasPeriod.push(false);
    }
    if (period !== undefined) eventHasPeriod[ei] = true;
    const tm = TIME.exec(line.slice(h.end));
    if (tm) {
      const t = Number(tm[1]);
      if (t < minTime) minTime = t;
      if (t > maxTime) maxTime = t;
    }
    cur = { frames: [], event: ei, period };
  });
  flush();
  for (const s of samples) {
    if (s.unknownCommPid === undefined) continue;
    const known = commOfPid.get(s.unknownCommPid);
    s.frames.push(fn(known !== undefined ? known.replace(/ /g, '_') : '[unknown comm]'));
  }

  if (samples.length === 0) {
    throw new ProfileError('folded', file, 'perf script output without any sample');
  }

  // Value columns: samples, then one per event that has periods.
  const sampleTypes: ValueType[] = [{ type: 'samples', unit: 'count' }];
  const column = new Int32Array(events.length).fill(-1);
  const shortName = (e: string) => e.replace(/(?::[a-zA-Z]+)+$/, '') || e;
  const withPeriod = events.filter((_, i) => eventHasPeriod[i]);
  events.forEach((e, i) => {
    if (!eventHasPeriod[i]) return;
    const s = shortName(e);
    const clash = withPeriod.some((o) => o !== e && shortName(o) === s) || s === 'samples';
    column[i] = sampleTypes.length;
    sampleTypes.push({ type: clash ? e : s, unit: 'count' });
  });

  const builder = new ProfileBuilder(sampleTypes);
  for (const name of fnNames) builder.fn(name);
  const values = new Float64Array(sampleTypes.length);
  let periodSum = 0;
  const periods = new Set<number>();
  for (const s of samples) {
    values.fill(0);
    values[0] = 1;
    const col = column[s.event];
    if (col >= 0) {
      // stackcollapse-perf.pl counts 1 for a sample whose header has no period.
      values[col] = s.period ?? 1;
      periodSum += values[col];
      periods.add(values[col]);
    }
    builder.add(s.frames, values);
  }
  if (!Number.isFinite(periodSum)) {
    throw new ProfileError(
      'folded',
      file,
      'the event periods add up to more than a double can hold',
    );
  }

  const warnings: string[] = [];
  const named = events.filter((e) => e !== '');
  if (named.length > 1) {
    warnings.push(
      `perf script output mixes ${named.length} events (${named.join(', ')}): "samples" counts all of them; ` +
        'each event with a period also has its own sample type',
    );
  }
  if (unrecognized > 0) {
    warnings.push(
      `skipped ${unrecognized} unrecognized line${unrecognized === 1 ? '' : 's'} (first: line ${firstUnrecognized})`,
    );
  }
  const onlyEvent = withPeriod.length === 1 ? events.indexOf(withPeriod[0]) : -1;
  const constantPeriod = onlyEvent >= 0 && periods.size === 1 ? [...periods][0] : 0;
  return builder.build({
    format: 'perf-script',
    defaultSampleType: 0,
    period: constantPeriod,
    periodType: constantPeriod ? sampleTypes[column[onlyEvent]] : undefined,
    durationNanos: maxTime > minTime ? Math.round((maxTime - minTime) * 1e9) : 0,
    timeNanos: 0,
    comments: [],
    warnings,
  });
}
