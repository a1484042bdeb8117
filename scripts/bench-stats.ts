/**
 * `npm run bench:stats`: the validation study of the gate on real captures.
 *
 * Table 1, Go's default 100 Hz (fixtures/captures-100hz, made with profile-gate's own `capture`
 * by fixtures/go-demo/make-captures-100hz.sh): eight sequential runs of one build (seq-*, each a
 * fresh process) and three interleaved A/B runs (ab-*, two processes of one build captured
 * A B A B). Per configuration (sequential with the drift model calibrated on the OTHER runs,
 * sequential without it, interleaved) and captures per side:
 * - A/A false alarms at the default budgets and at tight ones (1pp self / 2pp cum);
 * - detection of +2pp and +3pp planted on main.riskScore (every sample whose leaf is
 *   main.riskScore scaled in the canary so its pooled self share grows by that much), budget 1pp;
 * - the gate's MDE: the smallest planted growth found in 80% of draws with zero budgets;
 * - the single-function limit: the MDE of the best test of that one function, pre-specified, at
 *   the gate's own A/A false-alarm rate alpha (the share of A/A draws in which anything at all is
 *   significant, either way, with zero budgets; at least one draw). That test flags a delta of
 *   the target's pooled shares above a threshold set on the same unplanted draws so that it
 *   flags exactly that share of them (an oracle the gate does not have), and its MDE is measured
 *   on the same planted draws as the gate's; the ratio uses this one (singleTest below).
 *   Beside it, the formula (z_{1-alpha/2} + z_0.8) x SD, with Var = 2 v1 / K
 *   (+ 2 sigma_run^2 between runs), v1 the variance of one capture's share within a run and
 *   sigma_run its run-to-run drift, both measured on all the runs.
 *
 * Table 2, 500 Hz (fixtures/captures, the earlier study): A/A, +N pp, planted regressions,
 * and the naive one-pair rule.
 *
 * Deterministic: every draw comes from a seeded generator. Prints markdown tables.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, selectSampleType } from '../src/profile/aggregate.js';
import { makeNormalizer } from '../src/profile/normalize.js';
import { loadCaptureSets } from '../src/captureset/load.js';
import { compareCaptures, DEFAULT_SETTINGS } from '../src/stats/compare.js';
import { tQuantileUpper } from '../src/stats/distributions.js';
import { estimateDrift, type DriftModel } from '../src/stats/drift.js';
import { Rng } from '../src/stats/random.js';
import type { Capture, CompareSettings } from '../src/stats/types.js';

/** Draws per cell of table 1 (100 Hz): 400, so that alpha, the gate's own A/A rate of 1-5%, rests
 * on 4-20 events rather than 1-5 (at 100 draws the ratio moved by +/-0.1 between seeds). */
const DRAWS = Number(process.env.STUDY_DRAWS ?? 400);
/** Draws per cell of table 2 (500 Hz). */
const DRAWS_500 = Number(process.env.STUDY_DRAWS_500 ?? 100);
/** Only these cells of table 1, e.g. `drift:10,ab:5`, and `500` for table 2 (default all). */
const ONLY = process.env.STUDY_ONLY?.split(',');
/** `off`: no small-sample t correction (an experiment: what the correction costs). */
const T_CORR = process.env.STUDY_T_CORRECTION !== 'off';
const BOOT = Number(process.env.STUDY_BOOTSTRAP ?? 2000);
const TARGET_FN = 'main.riskScore';
const norm = makeNormalizer('on');
// reseeded before each table and each cell of table 1, so a cell's draws are the same whether
// or not the others run
let rng = new Rng(20261130);
const t0 = Date.now();

function load(dir: string, runs: string[], type?: string): Capture[][] {
  const present = runs.filter((r) => existsSync(join(dir, r)));
  if (present.length !== runs.length) {
    console.log(`(missing runs: ${runs.filter((r) => !present.includes(r)).join(', ')})`);
  }
  if (!present.length) return [];
  return loadCaptureSets(
    present.map((r) => ({ label: r, paths: [join(dir, r)] })),
    { cwd: process.cwd(), need: 'stacks', type, normalizeNames: 'on' },
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

/** The pooled self share (ratio of sums) of `fn` in a set of captures; 0 where it is absent. */
function pooledSelfShare(caps: Capture[], fn: string): number {
  let s = 0;
  let t = 0;
  for (const c of caps) {
    const i = c.totals.names.indexOf(fn);
    if (i >= 0) s += c.totals.self[i];
    t += c.totals.total;
  }
  return t === 0 ? 0 : s / t;
}

/** The target's pooled self share. */
const targetShare = (caps: Capture[]) => pooledSelfShare(caps, TARGET_FN);

/** Scales every sample whose leaf is `fn` so that the pooled self share grows by `pp`. */
function inject(caps: Capture[], fn: string, pp: number): Capture[] {
  const p = pooledSelfShare(caps, fn);
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
const TIGHT = { budgetPp: 1, budgetCumPp: 2 };
const ZERO = { budgetPp: 0, budgetCumPp: 0, budgetRatio: 0, budgetPerUnitPct: 0 };
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(d > 100 ? 1 : 0)}%`;

/**
 * The target's true variances, measured on all the runs: v1, the variance of one capture's
 * share within a run (pooled), and run2, the run-to-run variance of the run shares beyond what
 * their captures explain (method of moments).
 */
function oracle(runs: Capture[][]): { v1: number; run2: number } {
  const share = (c: Capture) => targetShare([c]);
  let within = 0;
  let df = 0;
  const means: number[] = [];
  const meanVars: number[] = [];
  for (const r of runs) {
    const xs = r.map(share);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0);
    within += v;
    df += xs.length - 1;
    means.push(m);
    meanVars.push(v / (xs.length - 1) / xs.length);
  }
  const v1 = within / df;
  const mm = means.reduce((a, b) => a + b, 0) / means.length;
  const between = means.reduce((a, b) => a + (b - mm) ** 2, 0) / (means.length - 1);
  const run2 = Math.max(0, between - meanVars.reduce((a, b) => a + b, 0) / meanVars.length);
  return { v1, run2 };
}

/** The same for interleaved runs: the drift between the two processes of one run. */
function oracleAb(ab: Capture[][][]): { v1: number; run2: number } {
  const { v1 } = oracle(ab.flat());
  const diffs = ab.map(
    ([b, c]) => (targetShare(b) - targetShare(c)) ** 2 - v1 / b.length - v1 / c.length,
  );
  return { v1, run2: Math.max(0, diffs.reduce((a, b) => a + b, 0) / diffs.length / 2) };
}

interface Draw {
  base: Capture[];
  canary: Capture[];
  drift?: DriftModel;
  sameRun: boolean;
}

/** The draws of one configuration: pairs of runs (or one A/B run) and K captures of each. */
function draws(mode: 'drift' | 'plain' | 'ab', k: number, seq: Capture[][], ab: Capture[][][]) {
  const out: Draw[] = [];
  for (let d = 0; d < DRAWS; d++) {
    if (mode === 'ab') {
      const [b, c] = ab[rng.int(ab.length)];
      out.push({ base: pick(b, k), canary: pick(c, k), sameRun: true });
      continue;
    }
    const i = rng.int(seq.length);
    let j = rng.int(seq.length - 1);
    if (j >= i) j++;
    out.push({
      base: pick(seq[i], k),
      canary: pick(seq[j], k),
      // calibrated on runs not used in the trial
      drift: mode === 'drift' ? driftWithout(seq, i, j) : undefined,
      sameRun: false,
    });
  }
  return out;
}

const driftCache = new Map<string, DriftModel>();
function driftWithout(seq: Capture[][], i: number, j: number): DriftModel {
  const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
  let m = driftCache.get(key);
  if (!m) {
    m = estimateDrift(
      seq.filter((_, x) => x !== i && x !== j),
      'cpu',
    );
    driftCache.set(key, m);
  }
  return m;
}

function run(d: Draw, settings: CompareSettings, plant = 0) {
  return compareCaptures(d.base, plant ? inject(d.canary, TARGET_FN, plant) : d.canary, settings, {
    drift: d.drift,
    sameRun: d.sameRun,
    ...(T_CORR ? {} : { tCorrection: false }),
  });
}

/** Share of draws in which a planted `pp` on the target is found (zero budgets). */
function detectRate(ds: Draw[], pp: number, budget: Partial<CompareSettings>): number {
  let n = 0;
  for (const d of ds) {
    const c = run(d, S({ ...budget, budgetPerUnitPct: 0 }), pp);
    if (c.regressions.some((r) => r.function === TARGET_FN && r.metric === 'self')) n++;
  }
  return n / ds.length;
}

/** The smallest planted growth that `detects` finds in >= 80% of draws (bisection on 0..12 pp). */
function mdeOf(detects: (pp: number) => number): number {
  let lo = 0;
  let hi = 12;
  if (detects(hi) < 0.8) return Infinity;
  for (let it = 0; it < 7; it++) {
    const mid = (lo + hi) / 2;
    if (detects(mid) >= 0.8) hi = mid;
    else lo = mid;
  }
  return hi;
}

const gateMde = (ds: Draw[]) => mdeOf((pp) => detectRate(ds, pp, ZERO));

/**
 * The single-function limit on the same draws: the best test of the target alone, chosen in
 * advance, flags growth when the delta of its pooled shares exceeds a threshold. The threshold is
 * set on the unplanted draws so that this test flags exactly as many of them (either way) as the
 * gate found anything significant in: the same false-alarm rate on the same data, with no
 * assumption about the shape of the run-to-run drift (8 runs give pairwise differences with
 * shorter tails than a normal law). Its MDE is then found on the same planted draws as the
 * gate's: `inject` grows the canary's pooled self share by exactly `pp` (3.0000 for +3 on every
 * bundled run), so a planted draw's delta is its unplanted delta + pp, with no captures rebuilt.
 */
function singleTest(ds: Draw[], falseAlarms: number): { mde: number; aa: number } {
  const delta = ds.map((d) => (targetShare(d.canary) - targetShare(d.base)) * 100);
  const aa = delta.map(Math.abs);
  // at least one flagged draw, as alpha is at least half a draw
  const m = Math.min(ds.length - 1, Math.max(1, falseAlarms));
  const threshold = [...aa].sort((a, b) => b - a)[m];
  const mde = mdeOf((pp) => delta.filter((x) => x + pp > threshold).length / ds.length);
  return { mde, aa: aa.filter((x) => x > threshold).length / ds.length };
}

function study100(seq: Capture[][], ab: Capture[][][]): string[][] {
  const rows: string[][] = [];
  const secs = (k: number) => `${k} x 5 s`;
  for (const [mode, label] of [
    ['drift', 'sequential, drift modelled'],
    ['plain', 'sequential, no drift model'],
    ['ab', 'interleaved A/B'],
  ] as const) {
    if (mode === 'ab' && !ab.length) continue;
    for (const k of [5, 10, 20]) {
      if (ONLY && !ONLY.includes(`${mode}:${k}`)) continue;
      // each cell seeded on its own: the same draws alone (STUDY_ONLY) as in the full table
      rng = new Rng(20261130 + 1000 * ['drift', 'plain', 'ab'].indexOf(mode) + k);
      const ds = draws(mode, k, seq, ab);
      let fa = 0;
      let faTight = 0;
      let faZero = 0;
      let samples = 0;
      for (const d of ds) {
        if (run(d, S()).verdict === 'fail') fa++;
        if (run(d, S(TIGHT)).verdict === 'fail') faTight++;
        const z = run(d, S(ZERO));
        if (z.functions.some((f) => f.significant)) faZero++;
        samples += [...d.base, ...d.canary].reduce((s, c) => s + c.totals.samples, 0) / (2 * k);
      }
      const det2 = detectRate(ds, 2, TIGHT);
      const det3 = detectRate(ds, 3, TIGHT);
      const mde = gateMde(ds);
      // the single-function limit at the gate's own A/A rate (at least half a draw)
      const alpha = Math.max(faZero, 0.5) / DRAWS;
      const v = mode === 'ab' ? oracleAb(ab) : oracle(seq);
      const sd = Math.sqrt((2 * v.v1) / k + 2 * v.run2) * 100;
      const formula = (tQuantileUpper(alpha / 2, Infinity) + tQuantileUpper(0.2, Infinity)) * sd;
      const single = singleTest(ds, faZero);
      rows.push([
        label,
        secs(k),
        (samples / DRAWS).toFixed(0),
        pct(fa, DRAWS),
        pct(faTight, DRAWS),
        pct(det2 * DRAWS, DRAWS),
        pct(det3 * DRAWS, DRAWS),
        `${pct(faZero, DRAWS)}`,
        Number.isFinite(mde) ? `${mde.toFixed(1)} pp` : '> 12 pp',
        `${formula.toFixed(1)} pp`,
        `${single.mde.toFixed(1)} pp (A/A ${pct(single.aa * DRAWS, DRAWS)})`,
        Number.isFinite(mde) ? `${(mde / single.mde).toFixed(2)}x` : '',
      ]);
      process.stderr.write(`  ${label}, k=${k}: ${rows[rows.length - 1].join(' | ')}\n`);
    }
  }
  return rows;
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

/** The 500 Hz study of the committed demo captures (table 2). */
function study500(): { header: string[]; rows: string[][] } | undefined {
  const DIR = 'fixtures/captures';
  const base = load(DIR, ['base-1', 'base-2', 'base-3', 'base-4']);
  if (base.length < 2) return undefined;
  const cpuRuns = load(DIR, ['cpu', 'regexp', 'benign']);
  const allocBase = load(DIR, ['alloc-base-1', 'alloc-base-2'], 'alloc_space');
  const allocRun = load(DIR, ['alloc'], 'alloc_space');
  const planted: Record<string, { run: Capture[]; fn: string; base: Capture[][] }> = {};
  if (cpuRuns[0])
    planted['cpu (main.computeDiscount)'] = { run: cpuRuns[0], fn: 'main.computeDiscount', base };
  if (cpuRuns[1])
    planted['regexp (main.validateSKU, cum)'] = { run: cpuRuns[1], fn: 'main.validateSKU', base };
  if (allocRun[0] && allocBase.length)
    planted['alloc (alloc_space)'] = { run: allocRun[0], fn: '', base: allocBase };
  const two = () => {
    const i = rng.int(base.length);
    let j = rng.int(base.length - 1);
    if (j >= i) j++;
    return [base[i], base[j]];
  };
  const header = [
    'captures per side',
    'A/A false alarms (default budgets)',
    'A/A false alarms (budget 1pp self / 2pp cum)',
    ...[1, 2, 3, 5].map((d) => `+${d}pp on ${TARGET_FN} detected (budget 1pp)`),
    ...Object.keys(planted).map((k) => `${k} detected (default budgets)`),
    'benign change passes',
  ];
  const rows: string[][] = [];
  for (const k of [3, 5, 10]) {
    let fa = 0;
    let faTight = 0;
    const det = [1, 2, 3, 5].map(() => 0);
    const pl = Object.keys(planted).map(() => 0);
    let benignPass = 0;
    for (let d = 0; d < DRAWS_500; d++) {
      const [ra, rb] = two();
      const A = pick(ra, k);
      const B = pick(rb, k);
      if (compareCaptures(A, B, S()).verdict === 'fail') fa++;
      if (compareCaptures(A, B, S(TIGHT)).verdict === 'fail') faTight++;
      [1, 2, 3, 5].forEach((pp, i) => {
        const c = compareCaptures(
          A,
          inject(B, TARGET_FN, pp),
          S({ budgetPp: 1, budgetCumPp: 100, budgetPerUnitPct: 0 }),
        );
        if (c.regressions.some((r) => r.function === TARGET_FN && r.metric === 'self')) det[i]++;
      });
      Object.values(planted).forEach((p, i) => {
        const c = compareCaptures(pick(p.base[rng.int(p.base.length)], k), pick(p.run, k), S());
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
      pct(fa, DRAWS_500),
      pct(faTight, DRAWS_500),
      ...det.map((x) => pct(x, DRAWS_500)),
      ...pl.map((x) => pct(x, DRAWS_500)),
      cpuRuns[2] ? pct(benignPass, DRAWS_500) : 'n/a',
    ]);
  }
  for (const thr of [5, 2]) {
    let fa = 0;
    const det = [1, 2, 3, 5].map(() => 0);
    const pl = Object.keys(planted).map(() => 0);
    let benignPass = 0;
    for (let d = 0; d < DRAWS_500; d++) {
      const [ra, rb] = two();
      const a = pick(ra, 1)[0];
      const b = pick(rb, 1)[0];
      if (naiveFails(a, b, thr)) fa++;
      [1, 2, 3, 5].forEach((pp, i) => {
        if (naiveFails(a, inject([b], TARGET_FN, pp)[0], thr)) det[i]++;
      });
      Object.values(planted).forEach((p, i) => {
        if (naiveFails(pick(p.base[rng.int(p.base.length)], 1)[0], pick(p.run, 1)[0], thr)) pl[i]++;
      });
      if (
        cpuRuns[2] &&
        !naiveFails(pick(base[rng.int(base.length)], 1)[0], pick(cpuRuns[2], 1)[0], thr)
      )
        benignPass++;
    }
    rows.push([
      `naive: 1 vs 1, any self > ${thr}pp`,
      pct(fa, DRAWS_500),
      '',
      ...det.map((x) => pct(x, DRAWS_500)),
      ...pl.map((x) => pct(x, DRAWS_500)),
      cpuRuns[2] ? pct(benignPass, DRAWS_500) : 'n/a',
    ]);
  }
  return { header, rows };
}

function table(header: string[], rows: string[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

console.log(
  `# profile-gate validation study (${DRAWS} draws per cell at 100 Hz, ${DRAWS_500} at 500 Hz, ${BOOT} bootstrap resamples, seeded)\n`,
);
const DIR100 = 'fixtures/captures-100hz';
if (existsSync(DIR100)) {
  const names = readdirSync(DIR100).sort();
  const seq = load(
    DIR100,
    names.filter((n) => n.startsWith('seq-')),
  );
  const ab = names
    .filter((n) => n.startsWith('ab-'))
    .map((n) => load(join(DIR100, n), ['baseline', 'canary']) as [Capture[], Capture[]])
    .filter((x) => x.length === 2);
  console.log(
    `## Go's default 100 Hz: ${seq.length} sequential runs, ${ab.length} interleaved A/B runs (${DIR100})\n`,
  );
  table(
    [
      'configuration',
      'capture per side',
      'samples per capture',
      'A/A false alarms (default budgets)',
      'A/A false alarms (1pp self / 2pp cum)',
      `+2pp on ${TARGET_FN} detected (budget 1pp)`,
      `+3pp on ${TARGET_FN} detected (budget 1pp)`,
      'A/A: anything significant (zero budgets)',
      'gate MDE (80%, zero budgets)',
      'single-function limit, formula',
      'single-function limit on the same draws, at the same A/A rate',
      'ratio (gate / same draws)',
    ],
    study100(seq, ab),
  );
  console.log(
    "\n(single-function limit: the test of the target alone at the gate's own A/A rate alpha of 'anything significant' (at least one draw). On the same draws: its threshold flags that share of the unplanted draws, and its MDE is the smallest planted growth it finds in 80% of the gate's own planted draws. Formula: (z_{1-alpha/2} + z_0.8) x the target's true SD. See the header of scripts/bench-stats.ts)\n",
  );
}
rng = new Rng(20261130 + 500);
const t500 = !ONLY || ONLY.includes('500') ? study500() : undefined;
if (t500) {
  console.log('## 500 Hz, 2,000 req/s (fixtures/captures), no drift model\n');
  table(t500.header, t500.rows);
}
console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
