/**
 * Untrusted text in markdown (job summary, PR comment, `--markdown`), as GitHub renders it
 * (cmark-gfm with the table and autolink extensions, then mentions and references):
 *
 * - names go only inside code spans, with a delimiter longer than any run of backticks in them
 *   (padded with a space when they start or end with a backtick or a space), `|` escaped in
 *   table cells (cmark-gfm splits rows before it parses code spans), control characters and
 *   line breaks replaced, long names shortened;
 * - every other piece of untrusted text is escaped: each ASCII punctuation character gets a
 *   backslash (so no emphasis, link, image, HTML, entity, heading, list, quote, table cell or
 *   autolink can start), `@` and `#` get a zero-width space after them (no @mention, no #123
 *   reference; `GH-1` too), line breaks and control characters are replaced, and leading
 *   spaces (an indented code block) are dropped.
 *
 * test/hostile.test.ts renders reports with hostile names through cmark-gfm and checks that
 * the document has the same structure as with harmless names of the same length.
 */
import {
  mapNames,
  replaceControlsOneLine,
  shortenLongRuns,
  shortenName,
  ZWSP,
} from './safe-text.js';
import { maskSecrets } from './secrets.js';

/**
 * Untrusted text for markdown prose or a table cell: escaped so it stays text (see above).
 * Backslash-escaped: the characters that open inline markup or HTML, or split a table cell
 * (\\ ` * _ [ ] < > ! & | ~ #); a zero-width space after @ and # and inside `://` and
 * `www.` (no mention, reference or autolink). Other punctuation is harmless inside a line.
 */
export function mdText(text: string): string {
  return replaceControlsOneLine(maskSecrets(shortenLongRuns(text)))
    .replace(/[@#]/g, `$&${ZWSP}`)
    .replace(/\bGH-/gi, (m) => `${m[0]}${ZWSP}${m.slice(1)}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
    .replace(/[\\`*_[\]<>!&|~#]/g, '\\$&');
}

/**
 * Like mdText, for text that starts a block (a list item, a paragraph): no leading spaces (an
 * indented code block), and a first character that would open a block (a heading, quote,
 * list, thematic break, setext underline) escaped.
 */
export function mdBlock(text: string): string {
  return escapeBlockStart(mdText(text.replace(/^\s+/, '')));
}

/** Escapes a first character that would open a block: - + = > (mdText does # and the rest), 1. 1) */
function escapeBlockStart(md: string): string {
  return md.replace(/^(?:[-+=>]|\d{1,9}(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** A name as an inline code span (see above); `table`: it goes into a table cell. */
export function mdCode(name: string, opts: { table?: boolean } = {}): string {
  let s = replaceControlsOneLine(maskSecrets(shortenName(name)));
  let longest = 0;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  if (opts.table) s = s.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longest + 1);
  const pad = s === '' || /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * A sentence that embeds names (a regression's reason): the names as code spans, the prose
 * around them escaped.
 */
export function mdSentence(
  text: string,
  names: readonly (string | undefined)[],
  opts: { table?: boolean } = {},
): string {
  const known = names.filter((n): n is string => typeof n === 'string' && n !== '');
  const out = mapNames(text, known, (n) => mdCode(n, opts), mdText);
  // a sentence that starts with prose starts a block: no leading spaces, no block marker
  return out.startsWith('`') ? out : escapeBlockStart(out.replace(/^\s+/, ''));
}

/** A fenced code block holding `text`: the fence is longer than any backtick run inside. */
export function mdFence(text: string, info = ''): string {
  let longest = 2;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const body = maskSecrets(text)
    .split('\n')
    .map((l) => replaceControlsOneLine(l))
    .join('\n');
  return `${fence}${info}\n${body}\n${fence}`;
}
