import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPath, expandPaths } from '../src/captureset/files.js';

describe('expandPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pg-files-'));
  mkdirSync(join(dir, 'run', 'deep'), { recursive: true });
  for (const f of [
    'cpu-01.pb.gz',
    'cpu-02.pb.gz',
    'cpu-13.pb.gz',
    'manifest.json',
    '.cpu-03.pb.gz.tmp',
    'x[1].pb.gz',
  ]) {
    writeFileSync(join(dir, 'run', f), 'x');
  }
  writeFileSync(join(dir, 'run', 'deep', 'cpu-09.pb.gz'), 'x');
  const names = (l: string[]) => l.map((f) => f.slice(dir.length + 1));

  it('a folder gives its profile files, sorted, without manifest.json or hidden temp files', () => {
    expect(names(expandPath('run', dir))).toEqual([
      'run/cpu-01.pb.gz',
      'run/cpu-02.pb.gz',
      'run/cpu-13.pb.gz',
      'run/x[1].pb.gz',
    ]);
  });
  it('globs: *, ?, [..] classes and ** across folders', () => {
    expect(names(expandPath('run/cpu-0?.pb.gz', dir))).toEqual([
      'run/cpu-01.pb.gz',
      'run/cpu-02.pb.gz',
    ]);
    expect(names(expandPath('run/cpu-[01][1-2].pb.gz', dir))).toEqual([
      'run/cpu-01.pb.gz',
      'run/cpu-02.pb.gz',
    ]);
    expect(names(expandPath('run/cpu-[!0]*.pb.gz', dir))).toEqual(['run/cpu-13.pb.gz']);
    expect(names(expandPath('run/**/cpu-*.pb.gz', dir))).toEqual([
      'run/cpu-01.pb.gz',
      'run/cpu-02.pb.gz',
      'run/cpu-13.pb.gz',
      'run/deep/cpu-09.pb.gz',
    ]);
  });
  it('an existing file whose name looks like a glob is taken literally', () => {
    expect(names(expandPath('run/x[1].pb.gz', dir))).toEqual(['run/x[1].pb.gz']);
  });
  it('a path matching nothing is a clear usage error', () => {
    expect(() => expandPaths(['run/none-*.pb.gz'], dir, 'baseline')).toThrow(
      /baseline: run\/none-\*\.pb\.gz matches no profile files/,
    );
    expect(() => expandPaths(['missing'], dir, 'canary')).toThrow(
      /missing: no such file or directory/,
    );
  });
});
