/**
 * Run-to-run drift, power and the honest verdicts (issue 14), on synthetic runs whose drift is
 * known: each run is a separate "process" whose shares are shifted by a run effect, and whose
 * captures then vary only by sampling and capture noise.
 */
import { describe, expect, it } from 'vitest';
import { compareCaptures, DEFAULT_SETTINGS } from '../src/stats/compare.js';
import { estimateDrift, parseDriftModel } from '../src/stats/drift.js';
import { Rng } from '../src/stats/random.js';
import type { Capture, CompareSettings } from '../src/stats/types.js';
import { syntheticCaptures } from './helpers/synthetic.js';

const SHARES: Record<string, number> = {
  'a.hot': 12,
  'b.warm': 8,
  'c.x': 6,
  'd.y': 5,
  'e.z': 4,
  rest: 65,
};
const S = (o: Partial<CompareSettings> = {}): CompareSettings => ({
  ...DEFAULT_SETTINGS,
  bootstrap: 1000,
  ...o,
});

/** One run: its own share levels (a.hot and b.warm drift by `sd` pp between runs), then K captures. */
function run(seed: number, sd: number, k = 10, samples = 320): Capture[] {
  const r = new Rng(seed * 7919);
  const g = () => {
    const u = (r.next() + 1) / 4294967297;
    const v = (r.next() + 1) / 4294967297;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const shares = {
    ...SHARES,
    'a.hot': SHARES['a.hot'] + sd * g(),
    'b.warm': SHARES['b.warm'] + sd * g(),
  };
  return syntheticCaptures(shares, { n: k, samples, jitter: 0.02, seed, units: 1000 });
}

describe('drift model', () => {
  const runs = Array.from({ length: 8 }, (_, i) => run(100 + i, 1.0, 10, 2000));
  const model = estimateDrift(runs, 'cpu');

  it('recovers a planted run-level drift, and shrinks rows without it toward the pooled value', () => {
    // a.hot and b.warm drift by 1pp between runs; the others only by sampling noise
    expect(model.functions['a.hot'].self!.rawSigmaPp).toBeGreaterThan(0.5);
    expect(model.functions['a.hot'].self!.rawSigmaPp).toBeLessThan(1.8);
    expect(model.functions['d.y'].self!.rawSigmaPp).toBeLessThan(0.4);
    expect(model.functions['d.y'].self!.sigmaPp).toBeGreaterThan(
      model.functions['d.y'].self!.rawSigmaPp,
    );
    expect(model.kappa.self).toBeGreaterThan(0);
    expect(model.runs).toBe(8);
    expect(model.perUnitSigmaPct).toBeGreaterThanOrEqual(0);
    // round trip through the file format
    expect(parseDriftModel(JSON.stringify(model), 'c.json')).toEqual(model);
  });

  it('needs three runs, and says so', () => {
    expect(() => estimateDrift(runs.slice(0, 2), 'cpu')).toThrow(/at least 3 known-good runs/);
  });

  it('takes A/A false alarms between different runs down, without hiding a real change', () => {
    const fresh = Array.from({ length: 8 }, (_, i) => run(300 + i, 1.0, 10, 2000));
    let without = 0;
    let withModel = 0;
    for (let i = 0; i < 8; i += 2) {
      for (const [b, c] of [
        [fresh[i], fresh[i + 1]],
        [fresh[i + 1], fresh[i]],
      ]) {
        const tight = S({ budgetPp: 0.5, budgetCumPp: 1, budgetPerUnitPct: 0 });
        if (compareCaptures(b, c, tight).verdict === 'fail') without++;
        if (compareCaptures(b, c, tight, { drift: model }).verdict === 'fail') withModel++;
      }
    }
    expect(without).toBeGreaterThanOrEqual(3);
    expect(withModel).toBeLessThanOrEqual(1);
    // a real +6pp in a.hot is still found with the model
    const grown = syntheticCaptures(
      { ...SHARES, 'a.hot': SHARES['a.hot'] + 6, rest: SHARES.rest - 6 },
      { n: 10, samples: 2000, jitter: 0.02, seed: 999, units: 1000 },
    );
    const c = compareCaptures(fresh[0], grown, S({ budgetPp: 1 }), { drift: model });
    expect(c.verdict).toBe('fail');
    expect(c.causes.map((k) => k.function)).toEqual(['a.hot']);
    const row = c.functions.find((f) => f.function === 'a.hot' && f.metric === 'self')!;
    expect(row.driftPp).toBeGreaterThan(0.5);
    expect(c.drift.modelled).toBe(true);
  });

  it('adds no drift between the two sides of one interleaved run', () => {
    const c = compareCaptures(runs[0], runs[0].slice().reverse(), S(), {
      drift: model,
      sameRun: true,
    });
    expect(c.drift).toEqual({
      modelled: false,
      reason: 'same run (interleaved A/B): no run-to-run drift between the sides',
    });
    expect(c.functions.every((f) => f.driftPp === 0)).toBe(true);
  });

  it('rejects a calibration file that is not one, naming it', () => {
    expect(() => parseDriftModel('{"format":"x"}', 'perf/cal.json')).toThrow(
      /^perf\/cal\.json: not a profile-gate calibration file/,
    );
    expect(() =>
      parseDriftModel(JSON.stringify({ ...model, kappa: { self: -1, cum: 0 } }), 'c.json'),
    ).toThrow(/"kappa" must hold non-negative/);
    expect(() => parseDriftModel('{', 'c.json')).toThrow(/^c\.json: not valid JSON/);
  });
});

describe('power and honest verdicts', () => {
  it('reports each row its MDE, and lists a blind pass as underpowered', () => {
    // 10 captures of ~320 samples (5 s at 100 Hz): the 5pp self budget is within reach
    const b = run(1, 0, 10);
    const c = run(2, 0, 10);
    const loose = compareCaptures(b, c, S());
    const hot = loose.functions.find((f) => f.function === 'a.hot' && f.metric === 'self')!;
    expect(hot.mdePp).toBeGreaterThan(1);
    expect(hot.mdePp).toBeLessThan(8);
    expect(loose.underpowered.map((u) => u.function)).not.toContain('a.hot');
    expect(loose.verdict).toBe('pass');
    const tight = compareCaptures(b, c, S({ budgetPp: 0.5 }));
    expect(tight.verdict).toBe('pass');
    expect(tight.underpowered.map((u) => u.function)).toContain('a.hot');
    expect(tight.underpowered[0].budgetPp).toBe(0.5);
    expect(tight.detectable!.sharePct).toBeGreaterThan(10);
    // on-underpowered: fail turns the blind pass into no verdict
    const strict = compareCaptures(b, c, S({ budgetPp: 0.5, onUnderpowered: 'fail' }));
    expect(strict.verdict).toBe('inconclusive');
    expect(strict.inconclusive[0]).toMatch(/could not see a change of their budget's size/);
  });

  it('keeps intervals within what they measure, even with 3 captures per side', () => {
    const b = syntheticCaptures(SHARES, { n: 3, samples: 300, jitter: 0.3, seed: 5, units: 1000 });
    const c = syntheticCaptures(
      { ...SHARES, 'a.hot': 60, rest: 17 },
      { n: 3, samples: 300, jitter: 0.3, seed: 6, units: 2000 },
    );
    const r = compareCaptures(b, c, S());
    for (const f of r.functions) {
      if (f.metric === 'per-unit') {
        expect(f.ciLowPp).toBeGreaterThan(-100);
      } else if (Number.isFinite(f.ciLowPp)) {
        expect(f.ciLowPp).toBeGreaterThanOrEqual(-100);
        expect(f.ciHighPp).toBeLessThanOrEqual(100);
      }
    }
  });

  it('1 vs 1 capture with a huge growth is no verdict, not a pass', () => {
    const b = run(1, 0, 1);
    const c = syntheticCaptures(
      { ...SHARES, 'a.hot': 90, rest: 0 },
      { n: 1, samples: 320, jitter: 0, seed: 3 },
    );
    const r = compareCaptures(b, c, S());
    expect(r.verdict).toBe('inconclusive');
    expect(r.causes).toEqual([]);
  });
});

describe('hardware mismatch between the two sets', () => {
  const b = run(1, 0, 10);
  // the same requests served, each 40% more expensive (every function alike: shares unchanged)
  const c = run(2, 0, 10).map((x) => ({
    ...x,
    totals: {
      ...x.totals,
      total: x.totals.total * 1.4,
      self: x.totals.self.map((v) => v * 1.4),
      cum: x.totals.cum.map((v) => v * 1.4),
    },
  }));
  const mismatch = 'baseline and canary ran on different hardware (CPU A vs B)';
  it('by default, cost per request does not decide (shares still do)', () => {
    const r = compareCaptures(b, c, S(), { hardwareMismatch: mismatch });
    expect(r.functions.some((f) => f.metric === 'per-unit')).toBe(false);
    expect(r.warnings).toContain(
      `${mismatch}: cost per request is not checked (on-hardware-mismatch: skip-per-unit); shares still are`,
    );
    expect(r.verdict).toBe('pass');
    // the same sets on the same hardware: the per-request growth fails the gate
    expect(compareCaptures(b, c, S()).causes.map((k) => k.kind)).toEqual(['per-unit']);
  });
  it('warn keeps the check; fail fails the gate on the mismatch itself', () => {
    const w = compareCaptures(b, c, S({ onHardwareMismatch: 'warn' }), {
      hardwareMismatch: mismatch,
    });
    expect(w.causes.map((k) => k.kind)).toEqual(['per-unit']);
    const f = compareCaptures(b, b.slice().reverse(), S({ onHardwareMismatch: 'fail' }), {
      hardwareMismatch: mismatch,
    });
    expect(f.verdict).toBe('fail');
    expect(f.causes).toEqual([
      {
        function: '(runner)',
        kind: 'hardware',
        rows: [],
        reason: `${mismatch}, and on-hardware-mismatch is fail`,
      },
    ]);
  });
});
