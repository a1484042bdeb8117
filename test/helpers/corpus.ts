import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, fixture, hasCorpus, repoRoot } from '../../scripts/fuzz/paths.js';

export { corpusDir, fixture, hasCorpus, repoRoot };
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
