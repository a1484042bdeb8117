/**
 * `npm run bench:stats`: validation study of the gate on the real captures in
 * fixtures/captures (see fixtures/go-demo/README.md for how they were made).
 *
 * - false alarms on A/A: random k-capture subsets of two different runs of the same build;
 * - detection of synthetic effects injected into real captures: every sample whose leaf is
 *   main.riskScore (~7% self share) is scaled so its pooled share grows by +1..+5pp;
 * - detection of the planted regressions (cpu, regexp via the cumulative budget, alloc);
 * - the naive rule next to it: one baseline and one canary capture, fail if any function's
 *   self share grew more than 5pp (or 2pp).
 * Deterministic: draws come from a seeded generator. Prints a markdown table.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, selectSampleType } from '../src/profile/aggregate.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { compareCaptures, DEFAULT_SETTINGS } from '../src/stats/compare.js';
import { Rng } from '../src/stats/random.js';
import { loadCaptureSets } from '../src/captureset/load.js';
import type { Capture, CompareSettings } from '../src/stats/types.js';

const DIR = 'fixtures/captures';
const DRAWS = Number(process.env.STUDY_DRAWS ?? 100);
const BOOT = Number(process.env.STUDY_BOOTSTRAP ?? 2000);
const KS = [3, 5, 10];
const TARGET_FN = 'main.riskScore';
const rng = new Rng(20261124);
const norm = makeNormalizer('on');

function load(runs: string[], type?: string): Capture[][] {
  const present = runs.filter((r) => existsSync(join(DIR, r)));
  if (present.length !== runs.length) {
    console.log(`(missing runs: ${runs.filter((r) => !present.includes(r)).join(', ')})`);
  }
  return loadCaptureSets(
    present.map((r) => ({ label: r, paths: [join(DIR, r)] })),
    { cwd: process.cwd(), need: 'totals', type, normalizeNames: 'on' },
  ).sets;
}

function pick<T>(xs: T[], k: number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

function twoRuns(runs: Capture[][]): [Capture[], Capture[]] {
  const i = rng.int(runs.length);
  let j = rng.int(runs.length - 1);
  if (j >= i) j++;
  return [runs[i], runs[j]];
}

/** Scales every sample whose leaf is `fn` so that the pooled self share grows by `pp`. */
function inject(caps: Capture[], fn: string, pp: number): Capture[] {
  let S = 0;
  let T = 0;
  for (const c of caps) {
    const i = c.totals.names.indexOf(fn);
    if (i >= 0) S += c.totals.self[i];
    T += c.totals.total;
  }
  const p = S / T;
  const q = p + pp / 100;
  const r = (q / (1 - q)) * ((1 - p) / p);
  return caps.map((c) => {
    const prof = c.profile!;
    const t = selectSampleType(prof, c.totals.type.type, c.name);
    const vals = Float64Array.from(prof.values[t]);
    const off = prof.stackOffsets;
    for (let s = 0; s + 1 < off.length; s++) {
      if (off[s] < off[s + 1] && norm(prof.functions[prof.stackFrames[off[s]]]) === fn)
        vals[s] *= r;
    }
    const p2 = { ...prof, values: prof.values.map((v, k) => (k === t ? vals : v)) };
    return { ...c, profile: p2, totals: aggregate(p2, t, norm) };
  });
}

const S = (o: Partial<CompareSettings> = {}): CompareSettings => ({
  ...DEFAULT_SETTINGS,
  bootstrap: BOOT,
  seed: rng.next(),
  ...o,
});

function rate(n: number, d: number): string {
  return `${((100 * n) / d).toFixed(0)}%`;
}

function naiveFails(b: Capture, c: Capture, pp: number): boolean {
  const share = (x: Capture) => {
    const m = new Map<string, number>();
    x.totals.names.forEach((n, i) => m.set(n, x.totals.self[i] / x.totals.total));
    return m;
  };
  const sb = share(b);
  for (const [n, v] of share(c)) if ((v - (sb.get(n) ?? 0)) * 100 > pp) return true;
  return false;
}

const t0 = Date.now();
const base = load(['base-1', 'base-2', 'base-3', 'base-4']);
const planted: Record<
  string,
  { runs: Capture[][]; fn: string; budget?: Partial<CompareSettings>; base: Capture[][] }
> = {};
const cpuRuns = load(['cpu', 'regexp', 'benign']);
const allocBase = load(['alloc-base-1', 'alloc-base-2'], 'alloc_space');
const allocRun = load(['alloc'], 'alloc_space');
if (cpuRuns[0])
  planted['cpu (main.computeDiscount)'] = { runs: [cpuRuns[0]], fn: 'main.computeDiscount', base };
if (cpuRuns[1])
  planted['regexp (main.validateSKU, cum)'] = { runs: [cpuRuns[1]], fn: 'main.validateSKU', base };
if (allocRun[0] && allocBase.length)
  planted['alloc (alloc_space)'] = { runs: [allocRun[0]], fn: '', base: allocBase };

console.log(
  `# profile-gate validation study (${DRAWS} draws per cell, ${BOOT} bootstrap resamples, seeded)\n`,
);
const header = [
  'captures per side',
  'A/A false alarms (default budgets)',
  'A/A false alarms (budget 1pp self / 2pp cum)',
  ...[1, 2, 3, 5].map((d) => `+${d}pp on ${TARGET_FN} detected (budget 1pp)`),
  ...Object.keys(planted).map((k) => `${k} detected (default budgets)`),
  'benign change passes',
];
const rows: string[][] = [];
for (const k of KS) {
  let fa = 0;
  let faTight = 0;
  const det = [1, 2, 3, 5].map(() => 0);
  const pl = Object.keys(planted).map(() => 0);
  let benignPass = 0;
  for (let d = 0; d < DRAWS; d++) {
    const [ra, rb] = twoRuns(base);
    const A = pick(ra, k);
    const B = pick(rb, k);
    if (compareCaptures(A, B, S()).verdict === 'fail') fa++;
    if (compareCaptures(A, B, S({ budgetPp: 1, budgetCumPp: 2 })).verdict === 'fail') faTight++;
    [1, 2, 3, 5].forEach((pp, i) => {
      const c = compareCaptures(
        A,
        inject(B, TARGET_FN, pp),
        S({ budgetPp: 1, budgetCumPp: 100, budgetPerUnitPct: 0 }),
      );
      if (c.regressions.some((r) => r.function === TARGET_FN && r.metric === 'self')) det[i]++;
    });
    Object.values(planted).forEach((p, i) => {
      const bset = p.base[rng.int(p.base.length)];
      const c = compareCaptures(pick(bset, k), pick(p.runs[0], k), S());
      if (c.verdict === 'fail' && (p.fn === '' || c.regressions.some((r) => r.function === p.fn)))
        pl[i]++;
    });
    if (cpuRuns[2]) {
      const c = compareCaptures(pick(base[rng.int(base.length)], k), pick(cpuRuns[2], k), S());
      if (c.verdict === 'pass') benignPass++;
    }
  }
  rows.push([
    String(k),
    rate(fa, DRAWS),
    rate(faTight, DRAWS),
    ...det.map((x) => rate(x, DRAWS)),
    ...pl.map((x) => rate(x, DRAWS)),
    cpuRuns[2] ? rate(benignPass, DRAWS) : 'n/a',
  ]);
}
// The naive rule: one capture per side.
for (const thr of [5, 2]) {
  let fa = 0;
  const det = [1, 2, 3, 5].map(() => 0);
  const pl = Object.keys(planted).map(() => 0);
  let benignPass = 0;
  for (let d = 0; d < DRAWS; d++) {
    const [ra, rb] = twoRuns(base);
    const a = pick(ra, 1)[0];
    const b = pick(rb, 1)[0];
    if (naiveFails(a, b, thr)) fa++;
    [1, 2, 3, 5].forEach((pp, i) => {
      if (naiveFails(a, inject([b], TARGET_FN, pp)[0], thr)) det[i]++;
    });
    Object.values(planted).forEach((p, i) => {
      const bset = p.base[rng.int(p.base.length)];
      if (naiveFails(pick(bset, 1)[0], pick(p.runs[0], 1)[0], thr)) pl[i]++;
    });
    if (
      cpuRuns[2] &&
      !naiveFails(pick(base[rng.int(base.length)], 1)[0], pick(cpuRuns[2], 1)[0], thr)
    )
      benignPass++;
  }
  rows.push([
    `naive: 1 vs 1, any self > ${thr}pp`,
    rate(fa, DRAWS),
    '',
    ...det.map((x) => rate(x, DRAWS)),
    ...pl.map((x) => rate(x, DRAWS)),
    cpuRuns[2] ? rate(benignPass, DRAWS) : 'n/a',
  ]);
}
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
