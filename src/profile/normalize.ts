/**
 * Function-name normalization so that the same function matches across two builds.
 * Each rule can be switched on or off; the raw names stay available for display.
 */
import { UsageError } from '../errors.js';

export interface NormalizeRule {
  name: string;
  description: string;
  defaultOn: boolean;
  apply(name: string): string;
  /**
   * Frames this rule folds into their caller: the frame and everything it calls are cut from
   * the stack (pprof's drop_frames), so their cost is charged to the interrupted function.
   */
  fold?(name: string): boolean;
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
      'unsymbolized frames `[lib.so]+0x1a2b` become `[lib.so]` (addresses move between builds)',
    defaultOn: true,
    apply: (n) => n.replace(/^(\[[^\]]*\]|<unknown>)\+0x[0-9a-f]+$/, '$1'),
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
      'Java lambda numbering (`lambda$run$3`), hidden classes (`$$Lambda$12/0x..`), CGLIB and accessor numbers',
    defaultOn: true,
    apply: (n) =>
      n
        .replace(/lambda\$(\w+)\$\d+/g, 'lambda$$$1')
        .replace(/\$\$Lambda(?:\$\d+)?(?:[/+.]0x[0-9a-f]+)?(?:\/\d+)?/g, '$$$$Lambda')
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
export function makeNormalizer(spec: string | undefined = 'on'): Normalizer {
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
  const cache = new Map<string, string>();
  const fn = ((name: string) => {
    let out = cache.get(name);
    if (out === undefined) {
      out = name;
      for (const r of active) out = r.apply(out);
      cache.set(name, out);
    }
    return out;
  }) as Normalizer;
  fn.rules = active.map((r) => r.name);
  const folds = active.filter((r) => r.fold).map((r) => r.fold!);
  if (folds.length) fn.fold = (name) => folds.some((f) => f(name));
  return fn;
}
