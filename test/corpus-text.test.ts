/**
 * The text part of the reference corpus (collapsed stacks, raw perf script) and the real
 * `perf record` fixture (fixtures/profiles/make.sh).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProfileError } from '../src/profile/errors.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { readProfile } from '../src/profile/read.js';
import { corpusBytes, corpusFiles, fixture, hasCorpus } from './helpers/corpus.js';
import { checkProfile } from '../scripts/fuzz/targets.js';
import { foldedStacks, referenceFolded, totals } from './helpers/readers.js';

const SIMPLE = { total: 14, fns: { a: [0, 14], b: [5, 14], c: [5, 5], d: [4, 4] } };

function readCollapsed(name: string) {
  return readProfile(corpusBytes('collapsed', name), name);
}

describe.skipIf(!hasCorpus)('collapsed corpus', () => {
  it('every file reads and agrees with an independent fold of its text', () => {
    const files = corpusFiles('collapsed');
    expect(files.length).toBeGreaterThanOrEqual(19);
    for (const name of files) {
      const p = readCollapsed(name);
      expect(p.format, name).toBe('folded');
      expect(p.sampleTypes, name).toEqual([{ type: 'samples', unit: 'count' }]);
      const bytes = corpusBytes('collapsed', name);
      const enc = bytes[0] === 0xff ? 'utf-16le' : bytes[0] === 0xfe ? 'utf-16be' : 'utf-8';
      const text = new TextDecoder(enc).decode(bytes);
      expect(totals(p), name).toEqual(referenceFolded(text));
      expect(() => checkProfile(p), name).not.toThrow();
    }
  });

  it('simple.txt: exact self and cum', () => {
    expect(totals(readCollapsed('speedscope_simple.txt'))).toEqual(SIMPLE);
  });

  it('CRLF, UTF-16 LE and UTF-16 BE copies give the same result as simple.txt', () => {
    for (const name of [
      'speedscope_simple-crlf.txt',
      'speedscope_simple-utf16-le.txt',
      'speedscope_simple-utf16-be.txt',
    ]) {
      const p = readCollapsed(name);
      expect(totals(p), name).toEqual(SIMPLE);
      expect(p.warnings, name).toEqual([]);
    }
  });

  it('simple-with-invalids: the valid lines, and a warning about the two comments and the bad line', () => {
    const p = readCollapsed('speedscope_simple-with-invalids.txt');
    expect(totals(p)).toEqual(SIMPLE);
    expect(p.warnings).toEqual([
      'skipped 2 comment lines and 1 line not of the form "stack count" (first: line 8)',
    ]);
  });

  it('recursion.txt: a recursive function is counted once per line in cum', () => {
    // a;a 1 | b;b 1 | a;b 1 | a;b;a;b 1 | a;b;a;c 1 | a;b;a;b;a;b 1 | a;b;a;b;c 1 | a;b;a;b 1 |
    // a;b;a;c 1 | a;b;a;b;c 1: a is on 9 lines, b on 9, c on 4; leaves: a 1, b 5, c 4.
    expect(totals(readCollapsed('speedscope_recursion.txt'))).toEqual({
      total: 10,
      fns: { a: [1, 9], b: [5, 9], c: [4, 4] },
    });
  });

  it('tall.txt and alternating.txt', () => {
    const tall = totals(readCollapsed('speedscope_tall.txt'));
    expect(tall.total).toBe(1);
    expect(Object.keys(tall.fns)).toHaveLength(26);
    expect(tall.fns.z).toEqual([1, 1]);
    expect(tall.fns.a).toEqual([0, 1]);
    // 182 lines alternating `a;b 1` / `c;d 1` (the last one without a newline).
    expect(totals(readCollapsed('speedscope_alternating.txt'))).toEqual({
      total: 182,
      fns: { a: [0, 91], b: [91, 91], c: [0, 91], d: [91, 91] },
    });
  });

  it('async-profiler files keep `_[j]`/`_[i]` in raw names; makeNormalizer("on") removes them', () => {
    for (const name of ['async-profiler_sample1.collapsed', 'async-profiler_sample2.collapsed']) {
      const p = readCollapsed(name);
      expect(p.functions).toContain('BusyClient.run_[j]');
      expect(p.functions.some((f) => f.endsWith('_[i]'))).toBe(true);
      const raw = totals(p);
      const norm = totals(p, 0, 'on');
      expect(norm.total).toBe(raw.total);
      expect(Object.keys(norm.fns).some((f) => /_\[[jik01]\]$/.test(f))).toBe(false);
      expect(norm.fns['BusyClient.run']).toEqual([raw.fns['BusyClient.run_[j]'][0], raw.total]);
      const normalize = makeNormalizer('on');
      expect(normalize('NioSocketImpl.beginRead_[i]')).toBe('NioSocketImpl.beginRead');
    }
    expect(totals(readCollapsed('async-profiler_sample1.collapsed')).total).toBe(185);
    expect(totals(readCollapsed('async-profiler_sample2.collapsed')).total).toBe(188);
  });

  it('stackcollapse --tid roots carry pid/tid raw and lose them normalized', () => {
    const p = readCollapsed('flamegraph_perf-funcab-cmd-01-collapsed-tid.txt');
    expect(totals(p)).toEqual({
      total: 169,
      fns: {
        'func_ab-?/15285': [0, 169],
        __libc_start_main: [0, 169],
        main: [0, 169],
        func_a: [81, 81],
        func_b: [88, 88],
      },
    });
    expect(totals(p, 0, 'on').fns.func_ab).toEqual([0, 169]);
  });
});

/**
 * Our perf script folding against stackcollapse-perf.pl's output for the same input, as
 * `root;...;leaf count` lines. The `-collapsed-all` / `-collapsed-jit` references were made
 * with --all / --jit, which append `_[k]` to kernel frames and `_[j]` to JIT frames; our reader
 * folds like stackcollapse's defaults (no annotations), so the suffixes are removed from the
 * reference before comparing. Everything else must match line for line, except as noted.
 */
function refLines(name: string): Map<string, number> {
  const out = new Map<string, number>();
  const text = new TextDecoder().decode(corpusBytes('collapsed', name));
  for (const line of text.split('\n')) {
    const m = /^(.*) (\d+)$/.exec(line);
    if (!m) continue;
    const key = m[1].replace(/_\[[kj]\](?=;|$)/g, '');
    out.set(key, (out.get(key) ?? 0) + Number(m[2]));
  }
  return out;
}

describe.skipIf(!hasCorpus)('perf script corpus', () => {
  it('every file reads as perf script', () => {
    const files = corpusFiles('perf-script');
    expect(files).toHaveLength(3);
    for (const name of files) {
      const p = readProfile(corpusBytes('perf-script', name), name);
      expect(p.format, name).toBe('perf-script');
      expect(() => checkProfile(p), name).not.toThrow();
    }
  });

  it('perf-dd-stacks-01 folds like stackcollapse-perf.pl (periods as counts)', () => {
    const name = 'flamegraph_perf-dd-stacks-01.txt';
    const p = readProfile(corpusBytes('perf-script', name), name);
    expect(p.sampleTypes).toEqual([
      { type: 'samples', unit: 'count' },
      { type: 'cpu-clock', unit: 'count' },
    ]);
    expect(totals(p, 0).total).toBe(11);
    const mine = foldedStacks(p, 1);
    const ref = refLines('flamegraph_perf-dd-stacks-01-collapsed-all.txt');
    // The one difference: the file ends without the blank line that closes its 11th sample
    // (system_call <- [unknown]); stackcollapse-perf.pl only emits a sample at a blank line and
    // so drops it, while this reader keeps it.
    expect(mine.get('dd;[unknown];system_call')).toBe(10101010);
    mine.delete('dd;[unknown];system_call');
    expect(mine).toEqual(ref);
    expect(p.period).toBe(10101010);
    expect(p.periodType).toEqual({ type: 'cpu-clock', unit: 'count' });
  });

  it('perf-java-stacks-02 (unindented frames, java name tidying) matches exactly', () => {
    const name = 'flamegraph_perf-java-stacks-02.txt';
    const p = readProfile(corpusBytes('perf-script', name), name);
    // The headers (`java 19983 cycles:`) carry no period: one sample type, 1 per sample.
    expect(p.sampleTypes).toEqual([{ type: 'samples', unit: 'count' }]);
    expect(foldedStacks(p, 0)).toEqual(
      refLines('flamegraph_perf-java-stacks-02-collapsed-all.txt'),
    );
    expect(p.functions).toContain('java/io/PrintStream:::print');
    expect(p.functions).toContain('LBusy:::main');
  });

  it('perf-js-stacks-01 (V8 JIT frames, regexps with quotes and parentheses) matches exactly', () => {
    const name = 'flamegraph_perf-js-stacks-01.txt';
    const p = readProfile(corpusBytes('perf-script', name), name);
    expect(foldedStacks(p, 0)).toEqual(refLines('flamegraph_perf-js-stacks-01-collapsed-jit.txt'));
    expect(p.functions).toContain('RegExp:\\bFoo ?Bar');
    expect(p.functions).toContain('RegExp:[&<>\\\\]');
  });
});

describe('real perf record fixture', () => {
  const raw = readFileSync(fixture('profiles', 'perf-busy.perf-script.txt'), 'utf8');
  // An independent split of the raw text into samples: header line + frame lines, blank-separated.
  const blocks = raw
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
  const sym = (line: string) =>
    line
      .trim()
      .split(/\s+/)[1]
      .replace(/\+0x[0-9a-f]+$/, '');

  it('reads: comm root, samples and cpu-clock periods', () => {
    const p = readProfile(new TextEncoder().encode(raw), 'perf-busy.perf-script.txt');
    expect(p.format).toBe('perf-script');
    expect(p.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu-clock']);
    const t = totals(p, 0);
    expect(t.total).toBe(blocks.length);
    const comms = new Set(blocks.map((b) => b[0].trim().split(/\s+/)[0]));
    for (const c of comms)
      expect(t.fns[c][1]).toBe(blocks.filter((b) => b[0].startsWith(`${c} `)).length);
    const periods = blocks.map((b) => Number(/:\s+(\d+)\s+cpu-clock/.exec(b[0])![1]));
    expect(totals(p, 1).total).toBe(periods.reduce((s, x) => s + x, 0));
    expect(p.durationNanos).toBeGreaterThan(0);
  });

  it('counts the recursive fib once per sample', () => {
    const p = readProfile(new TextEncoder().encode(raw), 'perf-busy.perf-script.txt');
    const withFib = blocks.filter((b) => b.slice(1).some((l) => sym(l) === 'fib'));
    const fibLeaf = blocks.filter((b) => b.length > 1 && sym(b[1]) === 'fib');
    expect(withFib.some((b) => b.slice(1).filter((l) => sym(l) === 'fib').length > 1)).toBe(true);
    expect(totals(p, 0).fns.fib).toEqual([fibLeaf.length, withFib.length]);
  });

  it('the gzipped copy reads to the same profile', () => {
    const plain = readProfile(new TextEncoder().encode(raw), 'a.txt');
    const gz = readProfile(
      new Uint8Array(readFileSync(fixture('profiles', 'perf-busy.perf-script.txt.gz'))),
      'a.txt.gz',
    );
    expect(totals(gz, 1)).toEqual(totals(plain, 1));
    expect(foldedStacks(gz, 0)).toEqual(foldedStacks(plain, 0));
  });

  it('a copy cut in the middle of a sample keeps that last, unterminated sample', () => {
    const cut = raw.slice(0, raw.indexOf('\n', Math.floor(raw.length / 2)) + 1);
    const whole = cut.split(/\n\s*\n/).filter((b) => b.trim() !== '').length;
    const p = readProfile(new TextEncoder().encode(cut), 'cut.txt');
    expect(totals(p, 0).total).toBe(whole);
    // Cut inside the first header, what is left is no profile at all.
    expect(() => readProfile(new TextEncoder().encode(raw.slice(0, 3)), 'tiny.txt')).toThrow(
      ProfileError,
    );
  });
});
