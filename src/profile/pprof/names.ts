/**
 * pprof's handling of function names: its demangling heuristic for display names and the
 * simplification that drop_frames/keep_frames patterns are matched against.
 */
import { ProfileError } from '../errors.js';

/** pprof's simplifyFunc: cut the argument list at the first '(' that is not reserved. */
export function simplifyFunc(name: string): string {
  let s = name.startsWith('.') ? name.slice(1) : name;
  const re = /\(anonymous namespace\)|operator\(\)|\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === '(') {
      s = s.slice(0, m.index);
      break;
    }
  }
  return s;
}

/**
 * pprof's default demangling heuristic for names that are already demangled: when the
 * function has no separate display name (name empty or equal to system_name) and the name
 * looks like C++/Rust, argument lists and template parameters are removed.
 */
export function pprofDisplayName(name: string, systemName: string): string {
  if (name !== '' && name !== systemName) return name;
  let n = systemName;
  if (!n.includes('.<') && !n.includes(']).') && (/[<>[\]]/.test(n) || n.includes('::'))) {
    n = removeMatching(n, '(', ')');
    n = removeMatching(n, '<', '>');
  }
  return n;
}

/** Removes balanced open..close groups; leaves the name alone when they do not balance. */
function removeMatching(name: string, open: string, close: string): string {
  let out = name;
  let nesting = 0;
  let first = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === open) {
      if (++nesting === 1) first = i;
    } else if (c === close) {
      nesting--;
      if (nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}

export function compileFrameRegex(src: string, what: string, file: string): RegExp {
  try {
    return new RegExp(`^(?:${src})$`);
  } catch {
    throw new ProfileError('protobuf', file, `${what} is not a valid regular expression: ${src}`);
  }
}
