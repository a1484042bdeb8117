/** Folded stacks and perf script readers on small inline inputs. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProfileError } from '../src/profile/errors.js';
import { readFolded } from '../src/profile/folded.js';
import { looksLikePerfScript, perfFrameName, readPerfScript } from '../src/profile/perfscript.js';
import { readProfile } from '../src/profile/read.js';
import { foldedStacks, totals, utf8 } from './helpers/readers.js';

function catchError(f: () => unknown): ProfileError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error('expected a ProfileError');
}

describe('folded stacks', () => {
  it('stores stacks leaf first and gives self to the last frame', () => {
    const p = readFolded('main;work;leaf 3\n', 'f.txt');
    expect(p.format).toBe('folded');
    expect(p.sampleTypes).toEqual([{ type: 'samples', unit: 'count' }]);
    expect(p.period).toBe(0);
    expect(p.durationNanos).toBe(0);
    expect(Array.from(p.stackFrames).map((i) => p.functions[i])).toEqual(['leaf', 'work', 'main']);
    expect(totals(p).fns).toEqual({ main: [0, 3], work: [0, 3], leaf: [3, 3] });
  });

  it('sums identical lines into one sample', () => {
    const p = readFolded('a;b 1\na;c 2\na;b 4\n', 'f.txt');
    expect(p.stackOffsets.length - 1).toBe(2);
    expect(foldedStacks(p)).toEqual(
      new Map([
        ['a;b', 5],
        ['a;c', 2],
      ]),
    );
  });

  it('takes the count from the last token only (py-spy names have spaces and parentheses)', () => {
    const text =
      'process 12:"python app.py";<module> (app.py:10);handle (app.py:42) 7\n' +
      'thread (0x7f00) worker;run (lib/x.py:3) 2\n';
    const t = totals(readFolded(text, 'py.txt'));
    expect(t.total).toBe(9);
    expect(t.fns['handle (app.py:42)']).toEqual([7, 7]);
    expect(t.fns['process 12:"python app.py"']).toEqual([0, 7]);
    expect(t.fns['thread (0x7f00) worker']).toEqual([0, 2]);
  });

  it('accepts decimal and negative counts', () => {
    const t = totals(readFolded('a;b 1.25\na;c 0.5\na;b -0.25\n', 'd.txt'));
    expect(t.total).toBeCloseTo(1.5, 12);
    expect(t.fns.b[0]).toBeCloseTo(1, 12);
    expect(t.fns.c).toEqual([0.5, 0.5]);
  });

  it('handles CRLF and drops empty frames', () => {
    const t = totals(readFolded('a;;b 2\r\n;a;b; 3\r\n', 'crlf.txt'));
    expect(t).toEqual({ total: 5, fns: { a: [0, 5], b: [5, 5] } });
  });

  it('skips comments and invalid lines, and says how many', () => {
    const p = readFolded(
      `# header\n\na;b 1\nnot a stack\n// note\nc x\na;b 2\n${'a;b 0\n'.repeat(16)}`,
      'w.txt',
    );
    expect(totals(p)).toEqual({ total: 3, fns: { a: [0, 3], b: [3, 3] } });
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/2 comment lines/);
    expect(p.warnings[0]).toMatch(/2 lines not of the form "stack count" \(first: line 4\)/);
  });

  it('rejects a file without any valid line, naming the first bad line', () => {
    const e = catchError(() => readFolded('\n\nhello world\nfoo\n', 'bad.txt'));
    expect(e.code).toBe('folded');
    expect(e.message).toMatch(/^bad\.txt: /);
    expect(e.detail).toMatch(/line 3: "hello world"/);
    expect(catchError(() => readFolded('', 'empty.txt')).code).toBe('folded');
    expect(catchError(() => readFolded(';;; 4\n', 'semi.txt')).detail).toMatch(/line 1/);
  });

  it('reads a differential file (stack before after) from its first count column, with a warning', () => {
    const p = readFolded('a;b 3 5\na;c 0 2\n', 'diff.txt');
    expect(totals(p)).toEqual({ total: 3, fns: { a: [0, 3], b: [3, 3] } });
    expect(p.warnings.join('\n')).toMatch(/differential/);
    // One line with two numbers among ordinary ones is not a differential file.
    const q = readFolded('a;b 3 5\na;c 2\n', 'mixed.txt');
    expect(totals(q).fns).toEqual({ a: [0, 7], 'b 3': [5, 5], c: [2, 2] });
  });

  it('counts a recursive function once per line in cum', () => {
    const t = totals(readFolded('a;b;a;b;a 2\nb;b 1\n', 'rec.txt'));
    expect(t).toEqual({ total: 3, fns: { a: [2, 2], b: [1, 3] } });
  });

  it('rejects counts that overflow a double', () => {
    expect(catchError(() => readFolded(`a 1e308\nb 1e308\n`, 'big.txt')).code).toBe('folded');
  });

  it('is reached through readProfile from bytes, also gzipped and with a [bracketed] root frame', () => {
    const text = '[main tid=7];run 2\n[unknown];read 1\n';
    for (const bytes of [utf8(text), new Uint8Array(gzipSync(utf8(text)))]) {
      const p = readProfile(bytes, 'x.collapsed');
      expect(p.format).toBe('folded');
      expect(totals(p).fns['[main tid=7]']).toEqual([0, 2]);
    }
    // JSON that starts with `[` is still JSON.
    expect(() => readProfile(utf8('[{"ts": 1\n}]'), 'x.json')).toThrowError(/cpuprofile|JSON/);
  });
});

const PERF = `dd 29776 [001] 666709.771979:   1000 cpu-clock:
	          414b3b fsnotify+0x1b (/lib/modules/4.1.0/build/vmlinux)
	           e5f70 read (/lib/x86_64-linux-gnu/libc-2.15.so)
	               0 [unknown] ([unknown])

dd 29776 [001] 666709.772979:   1000 cpu-clock:
	            31ef [unknown] (/bin/dd)
	    7f2eb2b31c2c [unknown] ([unknown])

dd 29776 [001] 666709.773979:   3000 cpu-clock:
	           e5f70 read (/lib/x86_64-linux-gnu/libc-2.15.so)
`;

describe('perf script', () => {
  it('is recognised, and folded text is not', () => {
    expect(looksLikePerfScript(PERF)).toBe(true);
    expect(looksLikePerfScript('dd;read 3\n')).toBe(false);
    expect(looksLikePerfScript('java 123 4\n')).toBe(false);
    expect(looksLikePerfScript('')).toBe(false);
  });

  it('folds samples like stackcollapse-perf.pl: comm root, offsets cut, [dso] for unknown symbols', () => {
    const p = readPerfScript(PERF, 'perf.txt');
    expect(p.format).toBe('perf-script');
    expect(p.sampleTypes).toEqual([
      { type: 'samples', unit: 'count' },
      { type: 'cpu-clock', unit: 'count' },
    ]);
    expect(p.defaultSampleType).toBe(0);
    expect(foldedStacks(p, 0)).toEqual(
      new Map([
        ['dd;[unknown];read;fsnotify', 1],
        ['dd;[unknown];[dd]', 1],
        ['dd;read', 1],
      ]),
    );
    // The event column sums the periods, and the last sample counts although no blank line ends it.
    expect(foldedStacks(p, 1).get('dd;read')).toBe(3000);
    expect(totals(p, 1).total).toBe(5000);
    expect(p.period).toBe(0); // periods differ
    expect(p.durationNanos).toBe(2_000_000);
  });

  it('tidies names the stackcollapse way', () => {
    expect(perfFrameName('foo(int, char*)', '/a.so', 'x')).toBe('foo');
    expect(perfFrameName('main.(*Server).Serve', '/bin/x', 'x')).toBe('main.(*Server).Serve');
    expect(perfFrameName('ns::(anonymous namespace)::f(int)+0x12', '/a', 'x')).toBe(
      'ns::(anonymous namespace)::f',
    );
    expect(perfFrameName('RegExp:[&<>\\"\\\']', '/tmp/perf-1.map', 'x')).toBe('RegExp:[&<>\\\\]');
    expect(perfFrameName('Ljava/io/PrintStream;::print', '/tmp/perf-1.map', 'java')).toBe(
      'java/io/PrintStream:::print',
    );
    expect(perfFrameName('LBusy;::main', '/tmp/perf-1.map', 'java')).toBe('LBusy:::main');
    expect(perfFrameName('Ljava/io/X;::y', '/tmp/perf-1.map', 'node')).toBe('Ljava/io/X:::y');
    expect(perfFrameName('[unknown]', '/usr/lib/libc.so.6', 'x')).toBe('[libc.so.6]');
    expect(perfFrameName('[unknown]', '[unknown]', 'x')).toBe('[unknown]');
    expect(perfFrameName('(foo)', '/a', 'x')).toBeUndefined();
  });

  it('reads headers with pid/tid, without cpu or time, and unindented frames', () => {
    const text =
      'V8 WorkerThread 24636/25607 [000] 94564.109216: 100 cycles:\n' +
      '\t7f1 f (/a)\n\n' +
      'java 19983 cycles:\n' +
      '7f7241fbe6d8 arrayOopDesc::base(BasicType) const (/jvm/libjvm.so)\n' +
      '7f72432b4e9a start_thread (/lib/libpthread.so)\n\n';
    const p = readPerfScript(text, 'p.txt');
    expect(foldedStacks(p, 0)).toEqual(
      new Map([
        ['V8_WorkerThread;f', 1],
        ['java;start_thread;arrayOopDesc::base', 1],
      ]),
    );
  });

  it("a thread perf printed as ':<tid>' takes its process's comm; one never named is [unknown comm]", () => {
    const text =
      ':1603 1600/1603 [000] 1.0: 1 cpu-clock:\n\t1 main.f (/bin/svc)\n\n' +
      'go-base 1600/1601 [001] 2.0: 1 cpu-clock:\n\t1 main.g (/bin/svc)\n\n' +
      ':1700 1700/1700 [000] 3.0: 1 cpu-clock:\n\t1 h (/bin/other)\n\n';
    const p = readPerfScript(text, 'p.txt');
    expect(foldedStacks(p, 0)).toEqual(
      new Map([
        ['go-base;main.f', 1],
        ['go-base;main.g', 1],
        ['[unknown comm];h', 1],
      ]),
    );
  });

  it('keeps samples of several events in separate columns and warns', () => {
    const text =
      'a 1 1.0: 10 cycles:\n\tf1 f (/a)\n\n' +
      'a 1 2.0: 7 instructions:\n\tf1 g (/a)\n\n' +
      'a 1 3.0: 5 cycles:\n\tf1 g (/a)\n\n';
    const p = readPerfScript(text, 'p.txt');
    expect(p.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cycles', 'instructions']);
    expect(totals(p, 0).total).toBe(3);
    expect(totals(p, 1).fns).toEqual({ a: [0, 15], f: [10, 10], g: [5, 5] });
    expect(totals(p, 2).fns).toEqual({ a: [0, 7], g: [7, 7] });
    expect(p.warnings.join('\n')).toMatch(/mixes 2 events \(cycles, instructions\)/);
  });

  it('counts unrecognized lines in warnings', () => {
    const p = readPerfScript(`${PERF}\n\tjunk without address\n`, 'p.txt');
    expect(p.warnings.join('\n')).toMatch(/skipped 1 unrecognized line/);
  });

  it('is reached through readProfile even when the first byte looks like protobuf', () => {
    // "j" (0x6a) is a protobuf key byte, and no line of this file ends in a number.
    const text = 'java 19983 cycles:\n7f72 start_thread (/lib/libpthread.so)\n\n';
    const p = readProfile(utf8(text), 'perf.txt');
    expect(p.format).toBe('perf-script');
    expect(totals(p).fns).toEqual({ java: [0, 1], start_thread: [1, 1] });
  });
});
