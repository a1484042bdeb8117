/** Small helpers for the reader tests. */
import { aggregate } from '../../src/profile/aggregate.js';
import type { Profile } from '../../src/profile/model.js';
import { makeNormalizer } from '../../src/profile/normalize.js';

export interface Totals {
  total: number;
  /** name -> [self, cum], functions with both 0 left out. */
  fns: Record<string, [number, number]>;
}

/** Self/cum per function of one sample type (default: the profile's default), raw names. */
export function totals(p: Profile, type = p.defaultSampleType, normalize = 'off'): Totals {
  const t = aggregate(p, type, makeNormalizer(normalize));
  const fns: Record<string, [number, number]> = {};
  t.names.forEach((n, i) => {
    if (t.self[i] !== 0 || t.cum[i] !== 0) fns[n] = [t.self[i], t.cum[i]];
  });
  return { total: t.total, fns };
}

/** Rounds every value (for floating-point sums compared with hand-computed values). */
export function rounded(t: Totals, digits = 6): Totals {
  const f = 10 ** digits;
  const r = (v: number) => Math.round(v * f) / f;
  const fns: Record<string, [number, number]> = {};
  for (const [k, [s, c]] of Object.entries(t.fns)) fns[k] = [r(s), r(c)];
  return { total: r(t.total), fns };
}

/**
 * An independent reference for folded text, written from the format's definition only:
 * count = last whitespace token, frames split on `;` (empty ones dropped), self to the last
 * frame, cum once per line per distinct frame. Comment and malformed lines are skipped.
 */
export function referenceFolded(text: string): Totals {
  const fns: Record<string, [number, number]> = {};
  let total = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const m = /^(.*\S)\s+(-?\d+(?:\.\d+)?)$/.exec(line);
    if (!m || line.startsWith('#')) continue;
    const frames = m[1].split(';').filter((f) => f !== '');
    const v = Number(m[2]);
    if (frames.length === 0) continue;
    total += v;
    const leaf = frames[frames.length - 1];
    for (const f of new Set(frames)) {
      fns[f] ??= [0, 0];
      fns[f][1] += v;
    }
    fns[leaf][0] += v;
  }
  for (const k of Object.keys(fns)) if (fns[k][0] === 0 && fns[k][1] === 0) delete fns[k];
  return { total, fns };
}

/** The stacks of a profile as `root;...;leaf` strings with their value in column `type`. */
export function foldedStacks(p: Profile, type = p.defaultSampleType): Map<string, number> {
  const out = new Map<string, number>();
  for (let s = 0; s + 1 < p.stackOffsets.length; s++) {
    const frames = Array.from(p.stackFrames.subarray(p.stackOffsets[s], p.stackOffsets[s + 1]))
      .reverse()
      .map((i) => p.functions[i]);
    const key = frames.join(';');
    out.set(key, (out.get(key) ?? 0) + p.values[type][s]);
  }
  for (const [k, v] of out) if (v === 0) out.delete(k);
  return out;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
