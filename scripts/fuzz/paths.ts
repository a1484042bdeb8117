/** Where the repository, its fixtures and the shared reference corpus are (for fuzzing and tests). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared reference corpus: ../shared/corpus beside the repository (or $PROFILE_GATE_CORPUS). */
export const corpusDir =
  process.env.PROFILE_GATE_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(corpusDir);

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'fixtures', ...parts);
}
