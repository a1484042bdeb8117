import { ProfileError } from './errors.js';
import type { Profile } from './model.js';

export function readPerfScript(text: string, file: string): Profile {
  void text;
  throw new ProfileError('unknown-format', file, 'perfscript reader not written yet');
}

/** True when the text looks like raw `perf script` output (event headers + indented frames). */
export function looksLikePerfScript(text: string): boolean {
  void text;
  return false;
}
