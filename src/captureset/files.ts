/**
 * Expands PATH arguments (files, directories, globs) into the profile files of capture sets, and
 * reads them. The one place that decides which files of a capture folder are profiles.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { ProfileError } from '../profile/errors.js';
import { UsageError } from '../errors.js';
import type { Profile } from '../profile/model.js';
import type { Normalizer } from '../profile/normalize.js';
import type { ProfileTotals } from '../profile/pprof/read.js';
import { DEFAULT_LIMITS, limitError } from '../profile/limits.js';
import { budgetFor, readProfile, readTotals, type ReadOptions } from '../profile/read.js';

/** Files in a capture directory that are not profiles. */
const NOT_PROFILES = /^(manifest\.json|.*\.md|\..*)$/;

/** `*` (not `/`), `**` (any depth), `?` and `[...]` classes, as in shells. */
function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const end = glob.indexOf(']', i + 2);
      let body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += `[${body}]`;
      i = end;
    } else if ('\\^$.|+()[]{}'.includes(c)) re += '\\' + c;
    else re += c;
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

/** Expands one PATH argument. Directories give their profile files (sorted, not recursive). */
export function expandPath(arg: string, cwd: string): string[] {
  if (/[*?[]/.test(arg) && !existsSync(resolve(cwd, arg))) {
    const abs = resolve(cwd, arg);
    const fixed = abs.split(/[*?[]/)[0];
    const root = fixed.endsWith(sep) ? fixed : fixed.slice(0, fixed.lastIndexOf(sep) + 1);
    const re = globToRegex(relative(root, abs).split(sep).join('/'));
    const all: string[] = [];
    try {
      walk(root, all);
    } catch {
      return [];
    }
    return all
      .filter(
        (f) => re.test(relative(root, f).split(sep).join('/')) && !NOT_PROFILES.test(basename(f)),
      )
      .sort();
  }
  const p = resolve(cwd, arg);
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new UsageError(`${arg}: no such file or directory`);
  }
  if (st.isDirectory()) {
    return readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isFile() && !NOT_PROFILES.test(e.name))
      .map((e) => join(p, e.name))
      .sort();
  }
  return [p];
}

export function expandPaths(args: string[], cwd: string, what: string): string[] {
  // a set, not a list scan: 50,000 files per side must not cost 50,000^2 comparisons
  const files = new Set<string>();
  for (const a of args) {
    const got = expandPath(a, cwd);
    if (got.length === 0) throw new UsageError(`${what}: ${a} matches no profile files`);
    for (const f of got) files.add(f);
  }
  return [...files];
}

/**
 * A file's bytes; an error naming the file when it cannot be read, or when it is larger than
 * `maxBytes` (checked before reading it).
 */
export function readFileBytes(
  path: string,
  display: string,
  maxBytes: number = DEFAULT_LIMITS.maxInputBytes,
): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      throw limitError(
        display,
        `the file is ${size} bytes, more than ${maxBytes}`,
        'maxInputBytes',
      );
    }
    return new Uint8Array(readFileSync(fd));
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    throw new ProfileError('io', display, `cannot read file (${(e as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readProfileFile(path: string, display: string, opts: ReadOptions = {}): Profile {
  const budget = budgetFor(opts);
  return readProfile(readFileBytes(path, display, budget.limits.maxInputBytes), display, {
    ...opts,
    budget,
  });
}

/** Per-function totals of every sample type of a file (fast path: no stacks are kept). */
export function readTotalsFile(
  path: string,
  display: string,
  normalize: Normalizer,
  opts: ReadOptions = {},
): ProfileTotals {
  const budget = budgetFor(opts);
  return readTotals(readFileBytes(path, display, budget.limits.maxInputBytes), display, normalize, {
    ...opts,
    budget,
  });
}

/** Name to show for a file: relative to cwd when inside it. */
export function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
