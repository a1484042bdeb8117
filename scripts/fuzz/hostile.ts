/**
 * Hostile inputs (issue 16): small files that cost a lot to decode, names that try to inject
 * workflow commands, markup or terminal escapes, and shapes that make loops quadratic. Shared by
 * the fuzz targets (scripts/fuzz/targets.ts), the hostile-input tests (test/hostile.test.ts)
 * and the "hostile" row of `npm run bench`, so that every probe stays fixed.
 */
import { gzipSync } from 'node:zlib';
import { lfield, sfield, varint, vfield } from './pprof-bytes.js';

const enc = new TextEncoder();

/** Bytes of a pprof built from parts, with a fast path for long runs of equal varints. */
class PprofWriter {
  private readonly parts: Uint8Array[] = [];
  private readonly strings: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);

  str(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  raw(bytes: number[] | Uint8Array): void {
    this.parts.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  }

  sampleType(type: string, unit: string): void {
    this.raw(lfield(1, [...vfield(1, this.str(type)), ...vfield(2, this.str(unit))]));
  }

  /** A sample: location ids (leaf first, `repeat` copies of the list) and its values. */
  sample(locs: number[], values: number[], repeat = 1): void {
    const one = locs.flatMap((l) => varint(l));
    const ids = new Uint8Array(one.length * repeat);
    for (let r = 0; r < repeat; r++) ids.set(one, r * one.length);
    const vals = values.flatMap((v) => varint(v));
    const body = [
      ...[0x0a, ...varint(ids.length)],
      ...ids,
      ...[0x12, ...varint(vals.length)],
      ...vals,
    ];
    this.raw(lfield(2, body));
  }

  /** A location whose lines call the given functions (leaf first); mapping 0 = none. */
  location(id: number, fns: number[], opts: { mapping?: number; address?: number } = {}): void {
    const body = [...vfield(1, id)];
    if (opts.mapping) body.push(...vfield(2, opts.mapping));
    if (opts.address !== undefined) body.push(...vfield(3, opts.address));
    for (const f of fns) body.push(...lfield(4, vfield(1, f)));
    this.raw(lfield(4, body));
  }

  fn(id: number, name: string): void {
    this.raw(lfield(5, [...vfield(1, id), ...vfield(2, this.str(name))]));
  }

  mapping(id: number, file: string, start = 0x400000, limit = 0x8000000): void {
    this.raw(
      lfield(3, [
        ...vfield(1, id),
        ...vfield(2, start),
        ...vfield(3, limit),
        ...vfield(5, this.str(file)),
      ]),
    );
  }

  bytes(): Uint8Array {
    for (const s of this.strings) this.raw(sfield(6, s));
    const n = this.parts.reduce((a, p) => a + p.length, 0);
    const out = new Uint8Array(n);
    let off = 0;
    for (const p of this.parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }
}

/**
 * The inlining bomb: one location with `lines` inlined lines (all one function), samples whose
 * stack is that location `repeat` times. Gzipped it is a few hundred bytes; decoded, each
 * sample is lines x repeat frames deep.
 */
export function pprofInlineBomb(opts: {
  lines: number;
  repeat: number;
  samples: number;
}): Uint8Array {
  const w = new PprofWriter();
  w.sampleType('samples', 'count');
  w.sampleType('cpu', 'nanoseconds');
  w.location(1, new Array<number>(opts.lines).fill(1));
  w.location(2, [2]);
  w.fn(1, 'main.inlined');
  w.fn(2, 'main.root');
  for (let s = 0; s < opts.samples; s++) {
    // location 1 repeated, then the root: leaf first
    w.sample([...new Array<number>(opts.repeat).fill(1), 2], [1, 10_000_000]);
  }
  return new Uint8Array(gzipSync(w.bytes(), { level: 9 }));
}

/**
 * Many distinct deep stacks from few bytes: `roots` root locations, each sample the
 * inlined location `repeat` times on top of its own root, so every sample is its own branch
 * of the flame graph (lines x repeat nodes each).
 */
export function pprofWideBomb(opts: { lines: number; repeat: number; roots: number }): Uint8Array {
  const w = new PprofWriter();
  w.sampleType('cpu', 'nanoseconds');
  w.location(1, new Array<number>(opts.lines).fill(1));
  w.fn(1, 'main.inlined');
  for (let r = 0; r < opts.roots; r++) {
    w.location(r + 2, [r + 2]);
    w.fn(r + 2, `main.root${r}`);
  }
  for (let r = 0; r < opts.roots; r++) {
    w.sample([...new Array<number>(opts.repeat).fill(1), r + 2], [10_000_000]);
  }
  return new Uint8Array(gzipSync(w.bytes(), { level: 9 }));
}

/**
 * A stripped binary: `n` unsymbolized locations in one mapping (their names are addresses that
 * normalization collapses to one module name), one sample each under a common root.
 */
export function pprofManyAddresses(n: number): Uint8Array {
  const w = new PprofWriter();
  w.sampleType('cpu', 'nanoseconds');
  w.mapping(1, '/usr/lib/libstripped.so', 0x400000, 0x400000 + 16 * n + 4096);
  w.location(1, [1]);
  w.fn(1, 'main.main');
  for (let i = 0; i < n; i++) w.location(i + 2, [], { mapping: 1, address: 0x400000 + 16 * i });
  for (let i = 0; i < n; i++) w.sample([i + 2, 1], [10_000_000]);
  return new Uint8Array(gzipSync(w.bytes()));
}

/** A pprof whose function names (and sample type) are given: for output-safety probes. */
export function pprofWithNames(
  names: string[],
  opts: { sampleType?: [string, string]; weights?: number[] } = {},
): Uint8Array {
  const w = new PprofWriter();
  const [type, unit] = opts.sampleType ?? ['cpu', 'nanoseconds'];
  w.sampleType(type, unit);
  w.location(1, [1]);
  w.fn(1, 'main.main');
  names.forEach((name, i) => {
    w.location(i + 2, [i + 2]);
    w.fn(i + 2, name);
  });
  names.forEach((_, i) => {
    const v = opts.weights?.[i] ?? 10;
    w.sample([i + 2, 1], [v * 10_000_000]);
  });
  return new Uint8Array(gzipSync(w.bytes()));
}

/** speedscope, sampled: `samples` stacks of `depth` frames (frame 0 repeated, i.e. recursion). */
export function speedscopeDeep(opts: { depth: number; samples: number }): Uint8Array {
  const stack = new Array<number>(opts.depth).fill(0).join(',');
  const samples = new Array<string>(opts.samples).fill(`[${stack}]`).join(',');
  const weights = new Array<number>(opts.samples).fill(1).join(',');
  return enc.encode(
    `{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"f"}]},` +
      `"profiles":[{"type":"sampled","name":"p","unit":"milliseconds","startValue":0,"endValue":${opts.samples},` +
      `"samples":[${samples}],"weights":[${weights}]}]}`,
  );
}

/**
 * speedscope, evented: `depth` nested opens of one frame with time passing at every level, so
 * every prefix of the recursion is a stack of its own (depth^2 / 2 frames in the model).
 */
export function speedscopeNested(depth: number): Uint8Array {
  const ev: string[] = [];
  for (let i = 0; i < depth; i++) ev.push(`{"type":"O","frame":0,"at":${i}}`);
  for (let i = depth - 1; i >= 0; i--) ev.push(`{"type":"C","frame":0,"at":${2 * depth - i}}`);
  return enc.encode(
    `{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[{"name":"f"}]},` +
      `"profiles":[{"type":"evented","name":"p","unit":"milliseconds","startValue":0,"endValue":${2 * depth},` +
      `"events":[${ev.join(',')}]}]}`,
  );
}

/** .cpuprofile: a chain of `n` nodes (parent links), every node sampled once: n^2 / 2 frames. */
export function cpuprofileChain(n: number): Uint8Array {
  const nodes: string[] = ['{"id":1,"callFrame":{"functionName":"(root)","url":""}}'];
  for (let i = 2; i <= n + 1; i++) {
    nodes.push(`{"id":${i},"callFrame":{"functionName":"f","url":""},"parent":${i - 1}}`);
  }
  const samples: number[] = [];
  for (let i = 2; i <= n + 1; i++) samples.push(i);
  return enc.encode(
    `{"nodes":[${nodes.join(',')}],"startTime":0,"endTime":${n * 1000},` +
      `"samples":[${samples.join(',')}],"timeDeltas":[${new Array<number>(n).fill(1000).join(',')}]}`,
  );
}

/** A JSON document nested `depth` arrays deep inside a speedscope-looking object. */
export function jsonDeepNesting(depth: number): Uint8Array {
  return enc.encode(
    `{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[]},"profiles":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
  );
}

/** A speedscope file with `n` (tiny) frames: many JSON nodes from few bytes per node. */
export function speedscopeManyNodes(n: number): Uint8Array {
  const frames = new Array<string>(n).fill('{"name":"f"}').join(',');
  return enc.encode(
    `{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":[${frames}]},` +
      `"profiles":[{"type":"sampled","name":"p","unit":"none","startValue":0,"endValue":1,"samples":[[0]],"weights":[1]}]}`,
  );
}

/** Folded stacks with one frame name per line, for output-safety probes. */
export function foldedWithNames(names: string[], weights?: number[]): Uint8Array {
  return enc.encode(
    names
      .map((n, i) => `main.main;${n.replace(/[;\r\n]/g, '_')} ${weights?.[i] ?? 10}`)
      .join('\n') + '\n',
  );
}

/**
 * Function names that try to take over what prints them: workflow commands after the runner's
 * own line splitting (\n, \r, \r\n) and trimming, `##[` anywhere, markdown structure (headings,
 * HTML, comments, tables, mentions, references), terminal escapes (ANSI colours, OSC 8 links),
 * Unicode direction overrides, a name far longer than any real one.
 */
export const HOSTILE_NAMES: readonly string[] = [
  '::set-output name=verdict::pass',
  '  ::add-mask::FAIL',
  'x\r::error file=.github/workflows/ci.yml,line=1::pwned',
  'y\n::warning::injected',
  'z\r\n  ::notice title=t::n',
  'w ##[error]v1 command',
  '##[group]grouped',
  '::stop-commands::tok',
  '\t::debug::d',
  '\u0085::error::nel',
  '\u00a0::error::nbsp',
  '\u2028::error::ls',
  '\ufeff::error::bom',
  'h\n## ✅ profile-gate: PASS',
  '<div><img src=https://attacker.example/x.png></div>',
  'c <!-- hidden',
  'table | injected | row',
  'mention @org/team and #123 and GH-1 and owner/repo#4',
  'back`ticks``and```more',
  '`',
  ' lead and trail ',
  '*emph* _em_ [link](https://attacker.example) ![img](https://attacker.example/i.png)',
  'www.attacker.example and https://attacker.example/x',
  '\u001b[31mred\u001b[0m and \u001b]8;;https://attacker.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31mc1 csi',
  'bidi \u202egnp.exe\u202c',
  'cr only\rhere',
  'nul\u0000byte',
  '\\|backslash pipe',
  'a\\',
  '&lt;entity&gt; &#64; &amp;',
  '</summary></details># heading',
  '```\nfenced',
  '~~~',
  '> quote',
  '- list item',
  '1. ordered',
  '---',
  '[^1]: footnote',
  '| --- |',
  'x'.repeat(600_000),
];

/**
 * Harmless names of the same lengths as HOSTILE_NAMES (letters and dots only): rendering both
 * must give documents of the same structure.
 */
export function harmlessTwins(names: readonly string[]): string[] {
  return names.map((n, i) => {
    const len = Math.max(1, [...n].length);
    const base = `main.f${i}.`;
    return (base + 'a'.repeat(len)).slice(0, Math.max(len, base.length));
  });
}

/** The commands the GitHub runner accepts (actions/runner: ActionCommandManager and its extensions). */
const RUNNER_COMMANDS = new Set([
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
]);

/** White space the runner trims before looking for `::` (.NET Char.IsWhiteSpace). */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/**
 * The lines of `text` the GitHub runner would execute as workflow commands, by its own rules:
 * lines split on \r\n, \r or \n; after trimming leading white space, `::name ...::` with a
 * registered name (any case); else `##[name ...]` anywhere in the line.
 */
export function workflowCommandLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const s = line.slice(DOTNET_SPACE.exec(line)![0].length);
    if (s.startsWith('::')) {
      const end = s.indexOf('::', 2);
      if (end > 0 && RUNNER_COMMANDS.has(s.slice(2, end).split(' ')[0].toLowerCase())) {
        out.push(line);
        continue;
      }
    }
    const v1 = line.indexOf('##[');
    if (v1 >= 0) {
      const rb = line.indexOf(']', v1);
      if (
        rb > 0 &&
        RUNNER_COMMANDS.has(
          line
            .slice(v1 + 3, rb)
            .split(' ')[0]
            .toLowerCase(),
        )
      ) {
        out.push(line);
      }
    }
  }
  return out;
}
