/**
 * The untrusted names a report's sentences embed (function names come from the profiles, and
 * a pull request controls the canary's), so that the writers can put them in code spans
 * (markdown) or shorten them (text, annotations) through the output-safety layer
 * (util/safe-text.ts, util/safe-markdown.ts).
 */
import type { Cause, FunctionDelta } from '../stats/types.js';

/** The names a row's sentence may hold: its function, what it moved from or to, its twins. */
export function rowNames(f: FunctionDelta): string[] {
  const out = [f.function];
  if (f.movedFrom) out.push(f.movedFrom);
  if (f.movedTo) out.push(f.movedTo);
  if (f.sameAs) out.push(...f.sameAs);
  return out;
}

/** The names a cause's sentence may hold: its function and those of its rows. */
export function causeNames(k: Cause): string[] {
  return [k.function, ...k.rows.flatMap(rowNames)];
}
