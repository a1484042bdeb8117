/**
 * The output-safety layer: every writer (CLI stdout/stderr, the Action's log, text, markdown,
 * annotations, error messages) passes untrusted text through here. Profiles are untrusted (a
 * pull request controls the canary's function names; a backend controls its replies), and
 * what prints them is read by a terminal and, in CI, by the GitHub runner, which executes
 * workflow commands found in a step's output.
 *
 * The runner's rules (actions/runner ActionCommandManager): the output is split into lines on
 * \r\n, \r or \n; a line whose start, after trimming white space (.NET Char.IsWhiteSpace), is
 * `::name` (a registered command) is a command (`::set-output`, `::add-mask::`, `::error
 * file=...::`, `::stop-commands::`); `##[name]` anywhere in a line is one too (the old syntax).
 *
 * What this layer does:
 * - control characters (C0 but tab and line feed, DEL, C1 with NEL and CSI, Unicode line and
 *   paragraph separators, direction overrides, the byte-order mark) become U+FFFD, so a name
 *   can neither start a new line for the runner (a lone \r) nor reach the terminal as an escape
 *   sequence (ANSI colours, OSC 8 links: ESC becomes U+FFFD, the rest is plain text);
 * - a line whose trimmed start is `::` gets a zero-width space between the colons, and every
 *   `##[` becomes `#`, zero-width space, `#[`: the text reads the same, the runner sees no
 *   command;
 * - names longer than a bound (500 characters) are shortened in the middle with a marker
 *   saying how much was cut (text, markdown, annotations; JSON and pprof keep full names);
 * - registered secrets (and their base64 and URL-encoded forms, util/secrets.ts) are masked.
 */
import { maskSecrets } from './secrets.js';

/** The longest name printed whole in text, markdown and annotations. */
export const MAX_NAME_CHARS = 500;

/** Zero-width space: invisible, not white space for .NET or JavaScript trimming. */
export const ZWSP = '\u200b';

export const REPLACEMENT = '\ufffd';

// Built from code points: a literal control-character class trips the linter.
const cp = (from: number, to = from) =>
  from === to
    ? `\\u${from.toString(16).padStart(4, '0')}`
    : `\\u${from.toString(16).padStart(4, '0')}-\\u${to.toString(16).padStart(4, '0')}`;

/** Invisible or line-breaking characters that are never printed as they are (but \t and \n). */
const UNSAFE_CLASS = [
  cp(0x00, 0x08),
  cp(0x0b, 0x1f), // VT, FF, CR, ... ESC ...
  cp(0x7f, 0x9f), // DEL, C1 (NEL, CSI, OSC, ST)
  cp(0x061c), // Arabic letter mark
  cp(0x200e, 0x200f), // LRM, RLM
  cp(0x2028, 0x202e), // line / paragraph separators, embeddings and overrides
  cp(0x2066, 0x2069), // isolates
  cp(0xfeff), // byte-order mark (JavaScript trims it, .NET does not)
  cp(0xfff9, 0xfffb), // interlinear annotations
].join('');
/** Half of a surrogate pair without its other half (not printable, not valid UTF-8). */
const LONE_SURROGATE =
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]|${LONE_SURROGATE}`, 'g');
const UNSAFE_OR_BREAK = new RegExp(`[${UNSAFE_CLASS}\\t\\n]|${LONE_SURROGATE}`, 'g');

/**
 * Leading white space as the runner trims it (.NET Char.IsWhiteSpace) and as JavaScript's
 * trimStart() does (the two differ on U+FEFF and U+0085): a line is tested after removing any
 * of these.
 */
const LEADING_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u180e]*/;

/** Control and invisible characters replaced by U+FFFD; tab and line feed kept. */
export function replaceControls(s: string): string {
  return s.replace(UNSAFE, REPLACEMENT);
}

/** Like replaceControls, and tab and line feed too (one-line contexts: names, cells). */
export function replaceControlsOneLine(s: string): string {
  return s.replace(UNSAFE_OR_BREAK, REPLACEMENT);
}

/** Defuses workflow commands in text whose only line breaks are \n (run replaceControls first). */
export function defuseCommands(text: string): string {
  let out = text.includes('##[') ? text.split('##[').join(`#${ZWSP}#[`) : text;
  if (!out.includes('::')) return out;
  out = out
    .split('\n')
    .map((line) => {
      const lead = LEADING_SPACE.exec(line)![0].length;
      return line.startsWith('::', lead)
        ? `${line.slice(0, lead)}:${ZWSP}${line.slice(lead + 1)}`
        : line;
    })
    .join('\n');
  return out;
}

/**
 * Text for a terminal or a CI log: secrets masked, control characters replaced, workflow
 * commands defused. Line feeds and tabs stay.
 */
export function safeText(text: string): string {
  return defuseCommands(replaceControls(maskSecrets(text)));
}

/** One line of text for a log or a message: like safeText, and line breaks replaced too. */
export function safeLine(text: string): string {
  return defuseCommands(replaceControlsOneLine(maskSecrets(text)));
}

/**
 * A name shortened to at most `max` characters: its head and tail with a marker in the middle
 * saying how many characters were cut (never splitting a surrogate pair).
 */
export function shortenName(name: string, max = MAX_NAME_CHARS): string {
  if (name.length <= max) return name;
  const marker = (cut: number) => `…[${cut} chars cut]…`;
  const room = max - marker(name.length).length;
  let head = Math.ceil(room * 0.6);
  let tail = room - head;
  // do not cut between the halves of a surrogate pair
  if (isHigh(name.charCodeAt(head - 1))) head--;
  if (isLow(name.charCodeAt(name.length - tail))) tail--;
  return name.slice(0, head) + marker(name.length - head - tail) + name.slice(name.length - tail);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A function (or other untrusted) name for text and annotations: shortened, one line, safe. */
export function safeName(name: string): string {
  return safeLine(shortenName(name));
}

/** Whether text[from, to) is a word of its own: white space, an opening paren or the edge before it, white space, punctuation or the edge after it. */
function standsAlone(text: string, from: number, to: number): boolean {
  const before = from === 0 ? ' ' : text[from - 1];
  const after = to === text.length ? ' ' : text[to];
  return /[\s(]/.test(before) && /[\s),;:]/.test(after);
}

/**
 * Replaces every occurrence of the given (untrusted) names in `text` by what `render` makes of
 * them, and the text between them by what `other` makes of it. Longest names first, so a name
 * that contains another is replaced whole. For sentences that embed names (a regression's
 * reason): the names shortened or put in code spans, the prose around them escaped.
 */
export function mapNames(
  text: string,
  names: readonly string[],
  render: (name: string) => string,
  other: (text: string) => string = (t) => t,
): string {
  const list = [...new Set(names.filter((n) => n !== '' && text.includes(n)))].sort(
    (a, b) => b.length - a.length,
  );
  if (list.length === 0) return other(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    let best = -1;
    let bestName = '';
    for (const n of list) {
      let at = text.indexOf(n, i);
      while (at >= 0 && !standsAlone(text, at, at + n.length)) at = text.indexOf(n, at + 1);
      if (at >= 0 && (best < 0 || at < best || (at === best && n.length > bestName.length))) {
        best = at;
        bestName = n;
      }
    }
    if (best < 0) break;
    out += other(text.slice(i, best)) + render(bestName);
    i = best + bestName.length;
  }
  return out + other(text.slice(i));
}

/** Runs of non-space characters longer than a name may be. */
const LONG_RUN = new RegExp(`\\S{${MAX_NAME_CHARS + 1},}`, 'g');

/** Shortens every run of non-space characters longer than MAX_NAME_CHARS (a name in prose). */
export function shortenLongRuns(text: string): string {
  return text.length > MAX_NAME_CHARS ? text.replace(LONG_RUN, (m) => shortenName(m)) : text;
}

/**
 * A sentence that embeds names, for text and annotations: the given names shortened (and any
 * other run of non-space characters longer than a name may be), one line, safe.
 */
export function safeSentence(text: string, names: readonly (string | undefined)[] = []): string {
  const long = names.filter((n): n is string => !!n && n.length > MAX_NAME_CHARS);
  return safeLine(shortenLongRuns(long.length ? mapNames(text, long, shortenName) : text));
}

/**
 * JSON text for a terminal or log: the same data, with the characters JSON.stringify leaves
 * raw but a terminal or the runner would act on (C1 controls, separators, direction
 * overrides, `##[`) written as \u escapes. Valid only for JSON.stringify output (where these
 * characters can only be inside strings).
 */
export function safeJsonText(json: string): string {
  return json
    .replace(
      new RegExp(
        `[${cp(0x7f, 0x9f)}${cp(0x061c)}${cp(0x200e, 0x200f)}${cp(0x2028, 0x202e)}${cp(0x2066, 0x2069)}${cp(0xfeff)}${cp(0xfff9, 0xfffb)}]`,
        'g',
      ),
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    )
    .split('##[')
    .join('#\\u0023[');
}

/**
 * A guard for one output stream written in pieces: each piece is made safe (safeText), and a
 * piece that continues a line another piece began cannot complete a command the two make
 * together (`:` then `:set-output`, `##` then `[error]`, `#` then `#[error]`).
 */
export function streamGuard(): (piece: string) => string {
  // the line so far: only white space ('ws'), white space and one ':' ('colon'), or more
  let lead: 'ws' | 'colon' | 'other' = 'ws';
  let tail = '';
  return (piece: string): string => {
    if (piece === '') return piece;
    let out = safeText(piece);
    const c = out[0];
    if (
      (c === ':' && lead === 'colon') ||
      (c === '#' && tail.endsWith('#') && out[1] === '[') ||
      (c === '[' && tail.endsWith('##'))
    ) {
      out = ZWSP + out;
    }
    const nl = out.lastIndexOf('\n');
    const rest = nl >= 0 ? out.slice(nl + 1) : out;
    if (nl >= 0) {
      lead = 'ws';
      tail = '';
    }
    for (const ch of rest) {
      if (lead === 'other') break;
      if (lead === 'ws' && LEADING_SPACE.exec(ch)![0] === ch) continue;
      lead = lead === 'ws' && ch === ':' ? 'colon' : 'other';
    }
    tail = (tail + rest).slice(-2);
    return out;
  };
}
