/**
 * `compare` decides once which reader path it needs: without report flags it reads per-function
 * totals only (the fast path) and never builds a full profile; a flame graph or pprof output
 * needs the stacks.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { fixture } from './helpers/corpus.js';

const calls = vi.hoisted(() => ({ readProfile: 0, readTotals: 0 }));
vi.mock('../src/profile/read.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../src/profile/read.js')>();
  return {
    ...orig,
    readProfile: (...a: Parameters<typeof orig.readProfile>) => {
      calls.readProfile++;
      return orig.readProfile(...a);
    },
    readTotals: (...a: Parameters<typeof orig.readTotals>) => {
      calls.readTotals++;
      return orig.readTotals(...a);
    },
  };
});

async function compare(...extra: string[]) {
  const out: string[] = [];
  const code = await runCli(
    [
      'compare',
      '--baseline',
      fixture('captures', 'base-1'),
      '--canary',
      fixture('captures', 'cpu'),
      '--bootstrap',
      '200',
      '-q',
      ...extra,
    ],
    { stdout: (s) => out.push(s), stderr: (s) => out.push(s), cwd: process.cwd(), env: {} },
  );
  return { code, out: out.join('') };
}

describe('compare reads only what it needs', () => {
  beforeEach(() => {
    calls.readProfile = 0;
    calls.readTotals = 0;
  });
  it('without report flags: totals only, no full profile built', async () => {
    const r = await compare('--json', join(mkdtempSync(join(tmpdir(), 'pg-need-')), 'c.json'));
    expect(r.code).toBe(1);
    expect(calls.readTotals).toBe(20);
    expect(calls.readProfile).toBe(0);
  });
  it('with a flame graph: the stacks', async () => {
    const r = await compare('--svg', join(mkdtempSync(join(tmpdir(), 'pg-need-')), 'f.svg'));
    expect(r.code).toBe(1);
    expect(calls.readProfile).toBe(20);
    expect(calls.readTotals).toBe(0);
  });
});
