import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared reference corpus: ../shared/corpus beside the repository (or $PROFILE_GATE_CORPUS). */
export const corpusDir =
  process.env.PROFILE_GATE_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) {
  console.warn(
    `[skip] reference corpus not found at ${corpusDir}: corpus conformance tests are skipped`,
  );
}

export function corpusFiles(sub: string): string[] {
  if (!hasCorpus) return [];
  return readdirSync(join(corpusDir, sub)).sort();
}

export function corpusBytes(sub: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(corpusDir, sub, name)));
}

export function fixture(...parts: string[]): string {
  return join(repoRoot, 'fixtures', ...parts);
}
