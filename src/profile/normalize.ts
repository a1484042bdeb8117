/**
 * Function-name normalization so that the same function matches across two builds.
 * Each rule can be switched on or off; the raw names stay available for display.
 */
import { UsageError } from '../errors.js';

export interface NormalizeRule {
  name: string;
  description: string;
  defaultOn: boolean;
  apply(name: string, ctx: RuleContext): string;
  /**
   * Frames this rule folds into their caller: the frame and everything it calls are cut from
   * the stack (pprof's drop_frames), so their cost is charged to the interrupted function.
   */
  fold?(name: string): boolean;
}

/** What a normalizer knows beyond the names: where the profiled projects live. */
export interface NormalizeContext {
  /**
   * Project roots (absolute folders): the working folder of `compare`, and the folders of the
   * profiled processes that capture manifests record. File paths under one of them become
   * relative to it; a path under none loses everything up to the last folder named like one
   * of them (the repository name: `/home/runner/work/app/app/src/x.js` and
   * `/Users/me/code/app/src/x.js` both become `src/x.js` when a root is called `app`).
   */
  roots?: string[];
}

/** NormalizeContext prepared once: roots without trailing slashes, longest first. */
export interface RuleContext {
  roots: string[];
  /** `/<name>/` of each root's last folder name (names of 2+ characters). */
  rootNames: string[];
}

export function ruleContext(ctx: NormalizeContext = {}): RuleContext {
  const roots = [
    ...new Set(
      (ctx.roots ?? [])
        .map((r) => r.replace(/\\/g, '/').replace(/\/+$/, ''))
        .filter((r) => r.startsWith('/') && r.length > 1),
    ),
  ].sort((a, b) => b.length - a.length);
  const rootNames = [
    ...new Set(roots.map((r) => r.slice(r.lastIndexOf('/') + 1)).filter((n) => n.length >= 2)),
  ].map((n) => `/${n}/`);
  return { roots, rootNames };
}

/**
 * For each `[` in `name`, the index of its matching `]` (quote-aware: brackets inside "..." or
 * `...` do not count, backslash escapes inside quotes), or -1. One pass, so that a name full of
 * unmatched `[` costs O(n), not O(n^2) as a scan from every `[` would.
 */
function matchBrackets(name: string): Int32Array {
  const match = new Int32Array(name.length).fill(-1);
  const open: number[] = [];
  let quote = '';
  for (let k = 0; k < name.length; k++) {
    const d = name[k];
    if (quote) {
      if (d === '\\') k++;
      else if (d === quote) quote = '';
      continue;
    }
    if (open.length > 0 && (d === '"' || d === '`')) quote = d;
    else if (d === '[') open.push(k);
    else if (d === ']' && open.length > 0) match[open.pop()!] = k;
  }
  return match;
}

/** Rewrites `F[go.shape.int64, ...]` to `F[...]` with a quote-aware depth-counting scan. */
export function collapseGoTypeParams(name: string): string {
  if (!name.includes('[')) return name;
  const match = matchBrackets(name);
  let out = '';
  let i = 0;
  while (i < name.length) {
    const c = name[i];
    const prev = i > 0 ? name[i - 1] : '';
    if (c === '[' && /[\w)*]/.test(prev)) {
      const j = match[i];
      if (j > i + 1) {
        out += '[...]';
        i = j + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * `[lib.so]+0x1a2b` -> `[lib.so]`, `[[vdso]]+0x8f0` -> `[[vdso]]`, `<unknown>+0x10` ->
 * `<unknown>`: the module is everything before the last `+0x` (module names may hold brackets).
 */
export function collapseAddress(n: string): string {
  const k = n.lastIndexOf('+0x');
  if (k < 2 || k + 3 >= n.length) return n;
  for (let i = k + 3; i < n.length; i++) {
    const c = n.charCodeAt(i);
    const hex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
    if (!hex) return n;
  }
  const mod = n.slice(0, k);
  return mod === '<unknown>' || (mod[0] === '[' && mod[mod.length - 1] === ']') ? mod : n;
}

/** File extensions of source files whose `:line[:col]` suffix is a position, not a name. */
const SOURCE_EXT =
  /\.(?:[cm]?[jt]sx?|py[xi]?|rb|go|java|kt|kts|scala|clj|groovy|php|rs|c|cc|cpp|cxx|h|hh|hpp|cs|fs|swift|m|mm|lua|ex|exs|erl|dart|vue|svelte|coffee|pl|pm)$/i;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Index where a trailing `:line` or `:line:col` starts, or -1 (a scan from the end). */
function positionStart(t: string): number {
  let i = t.length;
  let groups = 0;
  let start = -1;
  while (groups < 2) {
    let j = i;
    while (j > 0 && isDigit(t.charCodeAt(j - 1))) j--;
    if (j === i || j === 0 || t[j - 1] !== ':') break;
    start = j - 1;
    i = start;
    groups++;
  }
  return start;
}

/**
 * One path-like piece of a name (a whole parenthesized group, or a blank-separated word):
 * without its `file://` scheme and `:line:col`, relative to its project root.
 */
function rewritePath(t: string, ctx: RuleContext): string {
  let p = t;
  if (p.startsWith('file://')) p = p.slice('file://'.length);
  const pos = positionStart(p);
  if (pos > 0) {
    const file = p.slice(0, pos);
    if (file.includes('/') || SOURCE_EXT.test(file)) p = file;
  }
  if (p[0] !== '/') return p;
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) return p.slice(nm + 1);
  for (const r of ctx.roots) {
    if (p.length > r.length && p.startsWith(r) && p[r.length] === '/') return p.slice(r.length + 1);
  }
  let cut = -1;
  for (const n of ctx.rootNames) {
    const k = p.lastIndexOf(n);
    if (k >= 0 && k + n.length > cut) cut = k + n.length;
  }
  return cut > 0 && cut < p.length ? p.slice(cut) : p;
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

/**
 * The `positions` rule: JavaScript names lose line and column (`(anonymous:L#27:C#26)` of
 * @datadog/pprof, `fn (/app/x.js:12:5)` of .cpuprofile, `file.js:12`), and file paths become
 * relative to their project root (or start at `node_modules/`), so that code that only moved,
 * or a checkout in another folder, keeps its names. One left-to-right pass: each character is
 * looked at a bounded number of times, whatever the name.
 */
export function removePositions(name: string, ctx: RuleContext): string {
  if (!name.includes(':') && !name.includes('/')) return name;
  const s = name.includes(':L#') ? name.replace(/:L#\d+:C#\d+/g, '') : name;
  let out = '';
  let i = 0;
  let noClose = false;
  while (i < s.length) {
    const c = s[i];
    if (c === '(' && !noClose) {
      const j = s.indexOf(')', i + 1);
      if (j < 0) noClose = true;
      else {
        out += '(' + rewritePath(s.slice(i + 1, j), ctx) + ')';
        i = j + 1;
        continue;
      }
    }
    if (c === '(' || c === ')' || isBlank(c)) {
      out += c;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && s[j] !== '(' && s[j] !== ')' && !isBlank(s[j])) j++;
    out += rewritePath(s.slice(i, j), ctx);
    i = j;
  }
  return out;
}

export const RULES: NormalizeRule[] = [
  {
    // Go's asynchronous preemption (1.14+) injects runtime.asyncPreempt as if the interrupted
    // function had called it; under CPU contention it takes a sizable, fluctuating share
    // (0.2-2.4% between runs, 8.5% in one contended capture, a third of it on top of one hot
    // function) that belongs to the function it interrupted.
    name: 'go-preempt',
    description:
      'Go preemption frames (`runtime.asyncPreempt` and what it calls) are folded into the interrupted function (pprof profiles)',
    defaultOn: true,
    apply: (n) => n,
    fold: (n) => n === 'runtime.asyncPreempt',
  },
  {
    name: 'addresses',
    description:
      'unsymbolized frames `[lib.so]+0x1a2b` become `[lib.so]` (addresses move between builds), `[[vdso]]+0x8f0` `[[vdso]]`',
    defaultOn: true,
    apply: collapseAddress,
  },
  {
    name: 'positions',
    description:
      'line and column leave JavaScript names (`(anonymous:L#27:C#26)`, `fn (/app/x.js:12:5)`, `x.js:12`) and file paths become relative to the project root (or start at `node_modules/`)',
    defaultOn: true,
    apply: removePositions,
  },
  {
    // Before go-generics, which would otherwise read `run_[j]` as a type parameter list.
    name: 'frame-suffix',
    description:
      'async-profiler / stackcollapse annotations `_[j]` `_[i]` `_[k]` `_[0]` `_[1]` are removed',
    defaultOn: true,
    apply: (n) => n.replace(/_\[[jik01]\]$/, ''),
  },
  {
    name: 'go-generics',
    description: 'Go generic instantiations `F[go.shape.int]` become `F[...]`',
    defaultOn: true,
    apply: collapseGoTypeParams,
  },
  {
    name: 'rust-hash',
    description: 'Rust legacy symbol hashes `::h0123456789abcdef` are removed',
    defaultOn: true,
    apply: (n) => n.replace(/::h[0-9a-f]{16}(?=$|[\s)])/g, ''),
  },
  {
    name: 'java-generated',
    description:
      'Java lambda numbering (`lambda$run$3`), hidden classes (`$$Lambda$12/0x..`, `LambdaForm$MH+0x../123`), CGLIB and accessor numbers',
    defaultOn: true,
    apply: (n) =>
      n
        .replace(/lambda\$(\w+)\$\d+/g, 'lambda$$$1')
        .replace(/\$\$Lambda(?:\$\d+)?(?:[/+.]0x[0-9a-f]+)?(?:\/\d+)?/g, '$$$$Lambda')
        // other hidden classes (the JDK's method-handle forms behind string concatenation and
        // invokedynamic): the address the JVM gave them, and JFR's number after it
        .replace(/[/+.]0x[0-9a-f]{8,}(?:\/\d+)?(?=\.[^.]+$)/g, '')
        .replace(/\$\$EnhancerBySpringCGLIB\$\$[0-9a-f]+/g, '')
        .replace(/GeneratedMethodAccessor\d+/g, 'GeneratedMethodAccessor'),
  },
  {
    name: 'process-roots',
    description:
      'process and thread root frames lose their ids: `java-123/456` -> `java`, `[main tid=7]` -> `[main]`, `thread (0x7f..)` -> `thread`',
    defaultOn: true,
    apply: (n) =>
      n
        .replace(/^(.+?)-(?:\d+|\?)\/\d+$/, '$1')
        .replace(/^\[([^\]]*) tid=\d+\]$|^\[tid=\d+\]$/, (_m, t?: string) =>
          t?.trim() ? `[${t.trim()}]` : '[thread]',
        )
        .replace(/^thread \(0x[0-9a-fA-F]+\)(.*)$/, 'thread$1')
        .replace(/^process \d+:/, 'process:'),
  },
  {
    name: 'python-lines',
    description: 'py-spy line numbers `handle (app.py:42)` become `handle (app.py)`',
    defaultOn: true,
    apply: (n) => n.replace(/^(.* \([^():]+\.pyx?):\d+\)$/, '$1)'),
  },
  {
    name: 'cpp-clones',
    description:
      'C/C++ compiler clones `[clone .isra.0]`, `.constprop.N`, `.part.N`, `.cold` are removed',
    defaultOn: true,
    apply: (n) =>
      n
        .replace(/ \[clone [^\]\s]{1,64}\]/g, '')
        .replace(/\.(?:constprop|part|isra|lto_priv)\.\d+/g, '')
        .replace(/\.cold(?:\.\d+)?$/, ''),
  },
  {
    name: 'go-closures',
    description:
      'Go closures `F.func1.2` are charged to the enclosing function `F` (off by default: merges closure time into its parent)',
    defaultOn: false,
    apply: (n) => n.replace(/(\.func\d+|\.\d+)+$/, ''),
  },
];

export interface Normalizer {
  rules: string[];
  /** Frames the active rules fold into their caller; undefined when none do. */
  fold?: (name: string) => boolean;
  (name: string): string;
}

/**
 * Parses `--normalize-names`: `on` / `default` (the default rules), `off`, `all`,
 * or a comma-separated list of rule names (`-name` removes one from the defaults).
 */
export function makeNormalizer(
  spec: string | undefined = 'on',
  context: NormalizeContext = {},
): Normalizer {
  const s = spec.trim();
  let active: NormalizeRule[];
  if (s === '' || s === 'on' || s === 'default' || s === 'true')
    active = RULES.filter((r) => r.defaultOn);
  else if (s === 'off' || s === 'none' || s === 'false') active = [];
  else if (s === 'all') active = [...RULES];
  else {
    const parts = s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const subtractive = parts.every((p) => p.startsWith('-'));
    const set = new Set(subtractive ? RULES.filter((r) => r.defaultOn).map((r) => r.name) : []);
    for (const p of parts) {
      const name = p.replace(/^[-+]/, '');
      if (!RULES.some((r) => r.name === name)) {
        throw new UsageError(
          `unknown name-normalization rule "${name}"; known: ${RULES.map((r) => r.name).join(', ')} (or on, off, all)`,
        );
      }
      if (p.startsWith('-')) set.delete(name);
      else set.add(name);
    }
    active = RULES.filter((r) => set.has(r.name));
  }
  const ctx = ruleContext(context);
  const cache = new Map<string, string>();
  const fn = ((name: string) => {
    let out = cache.get(name);
    if (out === undefined) {
      out = name;
      for (const r of active) out = r.apply(out, ctx);
      cache.set(name, out);
    }
    return out;
  }) as Normalizer;
  fn.rules = active.map((r) => r.name);
  const folds = active.filter((r) => r.fold).map((r) => r.fold!);
  if (folds.length) fn.fold = (name) => folds.some((f) => f(name));
  return fn;
}
