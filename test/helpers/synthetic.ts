import type { FunctionTotals } from '../../src/profile/aggregate.js';
import { Rng } from '../../src/stats/random.js';
import type { Capture } from '../../src/stats/types.js';

/**
 * Synthetic captures for statistics tests: `samples` draws from a share vector whose
 * entries wobble from capture to capture by a relative `jitter` (like load bursts do).
 * Function i is a leaf (self) under `main.handler` (cum of all) for simplicity.
 */
export function syntheticCaptures(
  shares: Record<string, number>,
  opts: {
    n: number;
    samples: number;
    jitter: number;
    seed: number;
    period?: number;
    units?: number;
  },
): Capture[] {
  const rng = new Rng(opts.seed);
  const names = Object.keys(shares);
  const out: Capture[] = [];
  const period = opts.period ?? 10_000_000;
  for (let c = 0; c < opts.n; c++) {
    const w = names.map((k) => shares[k] * Math.max(0.05, 1 + opts.jitter * gauss(rng)));
    const sum = w.reduce((a, b) => a + b, 0);
    const cdf: number[] = [];
    let acc = 0;
    for (const x of w) cdf.push((acc += x / sum));
    const counts = new Float64Array(names.length);
    for (let s = 0; s < opts.samples; s++) {
      const u = rng.next() / 4294967296;
      let i = 0;
      while (i < cdf.length - 1 && u > cdf[i]) i++;
      counts[i]++;
    }
    const self = new Float64Array(names.length + 1);
    const cum = new Float64Array(names.length + 1);
    let total = 0;
    names.forEach((_, i) => {
      self[i] = counts[i] * period;
      cum[i] = counts[i] * period;
      total += self[i];
    });
    cum[names.length] = total;
    const totals: FunctionTotals = {
      type: { type: 'cpu', unit: 'nanoseconds' },
      names: [...names, 'main.handler'],
      self,
      cum,
      total,
      rawNames: new Map(),
      samples: opts.samples,
    };
    out.push({
      name: `synthetic-${opts.seed}-${c}`,
      totals,
      period,
      periodType: { type: 'cpu', unit: 'nanoseconds' },
      durationNanos: 5e9,
      units: opts.units,
    });
  }
  return out;
}

function gauss(rng: Rng): number {
  const u = (rng.next() + 1) / 4294967297;
  const v = (rng.next() + 1) / 4294967297;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
