/**
 * The layering of src/ (docs/architecture.md): every import runs downwards.
 *
 *   entries (cli.ts, action.ts) -> shells (cli/, github/) -> pipeline/ -> capture/, sources/
 *   -> captureset/, report/ -> stats/ -> profile/ -> util/, errors.ts, version.ts
 *
 * A folder may import itself and the layers below it; the two shells never import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/corpus.js';

const src = join(repoRoot, 'src');

/** What each unit may import besides itself. */
const BASE = ['util', 'errors', 'version'];
const ALLOWED: Record<string, string[]> = {
  errors: [],
  version: [],
  util: ['errors', 'version'],
  profile: BASE,
  stats: ['profile', ...BASE],
  report: ['stats', 'profile', ...BASE],
  captureset: ['stats', 'profile', ...BASE],
  sources: ['captureset', 'stats', 'profile', ...BASE],
  capture: ['captureset', 'stats', 'profile', ...BASE],
  pipeline: ['capture', 'sources', 'captureset', 'report', 'stats', 'profile', ...BASE],
  cli: ['pipeline', 'capture', 'sources', 'captureset', 'report', 'stats', 'profile', ...BASE],
  github: ['pipeline', 'capture', 'sources', 'captureset', 'report', 'stats', 'profile', ...BASE],
  'cli.ts': ['cli', ...BASE],
  'action.ts': ['github', ...BASE],
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The unit a file belongs to: its top folder under src/, or the root file's name. */
function unitOf(file: string): string {
  const rel = relative(src, file).split(sep);
  if (rel.length > 1) return rel[0];
  return ['errors.ts', 'version.ts'].includes(rel[0]) ? rel[0].replace(/\.ts$/, '') : rel[0];
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    out.push(resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'));
  }
  return out;
}

describe('architecture: imports run down the layers', () => {
  const files = tsFiles(src);
  it('knows every unit of src/', () => {
    const units = new Set(files.map(unitOf));
    expect([...units].filter((u) => !(u in ALLOWED))).toEqual([]);
  });
  it('no import runs against the layering', () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = unitOf(f);
      for (const target of importsOf(f)) {
        const to = unitOf(target);
        if (to !== from && !ALLOWED[from]?.includes(to)) {
          bad.push(
            `${relative(repoRoot, f)} (${from}) imports ${relative(repoRoot, target)} (${to})`,
          );
        }
      }
    }
    expect(bad).toEqual([]);
  });
  it('the check can fail: a shell importing the other shell is caught', () => {
    expect(ALLOWED.github.includes('cli')).toBe(false);
    expect(ALLOWED.cli.includes('github')).toBe(false);
    expect(ALLOWED.stats.includes('captureset')).toBe(false);
    const probe = importsOf(join(src, 'action.ts')).map(unitOf);
    expect(probe).toContain('github');
  });
});
