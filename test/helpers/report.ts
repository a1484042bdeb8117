/**
 * Inputs for the report tests: captures from real profiles (the Go demo captures when present,
 * else corpus profiles with a planted regression), and a Comparison computed with a plain
 * Welch interval (a stand-in until the statistics engine is used end to end).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, type FunctionTotals } from '../../src/profile/aggregate.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { makeNormalizer } from '../../src/profile/normalize.js';
import { readProfile } from '../../src/profile/read.js';
import { compare } from '../../src/pipeline/compare.js';
import type { Capture, Comparison, FunctionDelta, Metric } from '../../src/stats/types.js';
import { corpusDir, repoRoot } from './corpus.js';

export function loadProfile(path: string): Profile {
  return readProfile(new Uint8Array(readFileSync(path)), path);
}

export function captureOf(p: Profile, name: string, typeIndex = p.defaultSampleType): Capture {
  return {
    name,
    totals: aggregate(p, typeIndex, makeNormalizer('on')),
    period: p.period,
    periodType: p.periodType,
    durationNanos: p.durationNanos,
    profile: p,
  };
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A copy of `p` with every value of column `t` jittered (x U[1-j, 1+j]) and, for samples whose
 * stack has `plant` as its leaf, multiplied by `factor`: one "capture" of a build.
 */
export function perturb(
  p: Profile,
  seed: number,
  opts: { jitter?: number; plant?: string; factor?: number } = {},
): Profile {
  const r = rng(seed);
  const j = opts.jitter ?? 0.08;
  const plantId = opts.plant ? p.functions.indexOf(opts.plant) : -1;
  const values = p.values.map((col) => {
    const out = new Float64Array(col.length);
    for (let s = 0; s < col.length; s++) {
      let v = col[s] * (1 - j + 2 * j * r());
      if (plantId >= 0 && p.stackFrames[p.stackOffsets[s]] === plantId) v *= opts.factor ?? 2;
      out[s] = Math.round(v);
    }
    return out;
  });
  return { ...p, values, warnings: [] };
}

/** Builds a profile from folded-like rows: [stack root..leaf (joined by ';' or a list), value]. */
export function profileFrom(
  rows: [string | string[], number][],
  type = 'cpu',
  unit = 'nanoseconds',
): Profile {
  const b = new ProfileBuilder([{ type, unit }]);
  for (const [stack, v] of rows) {
    const ids = (typeof stack === 'string' ? stack.split(';') : stack).map((n) => b.fn(n));
    ids.reverse();
    b.add(ids, [v]);
  }
  return b.build({
    format: 'folded',
    defaultSampleType: 0,
    period: 10_000_000,
    periodType: { type: 'cpu', unit: 'nanoseconds' },
    durationNanos: 10e9,
    timeNanos: 0,
    comments: [],
    warnings: [],
  });
}

function meanVar(xs: number[]): [number, number] {
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const v = n > 1 ? xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1) : 0;
  return [m, v];
}

/**
 * A Comparison with per-capture shares, Welch intervals (z = 3, a crude family-wise margin),
 * minShare 0.5%, budget 1pp. Enough for rendering tests; not the real engine.
 */
export function fakeComparison(baseline: Capture[], canary: Capture[]): Comparison {
  const names = new Set<string>();
  for (const c of [...baseline, ...canary]) for (const n of c.totals.names) names.add(n);
  const index = new Map<FunctionTotals, Map<string, number>>();
  for (const c of [...baseline, ...canary]) {
    index.set(c.totals, new Map(c.totals.names.map((n, i) => [n, i])));
  }
  const shareOf = (t: FunctionTotals, name: string, metric: 'self' | 'cum'): number => {
    const i = index.get(t)!.get(name);
    return i === undefined || t.total === 0 ? 0 : (100 * t[metric][i]) / t.total;
  };
  const functions: FunctionDelta[] = [];
  for (const name of [...names].sort()) {
    for (const metric of ['cum', 'self'] as Metric[]) {
      const m = metric as 'self' | 'cum';
      const b = baseline.map((c) => shareOf(c.totals, name, m));
      const c = canary.map((x) => shareOf(x.totals, name, m));
      const [mb, vb] = meanVar(b);
      const [mc, vc] = meanVar(c);
      if (Math.max(mb, mc) < 0.5) continue;
      const delta = mc - mb;
      const se = Math.max(0.02, Math.sqrt(vb / b.length + vc / c.length));
      const lo = delta - 3 * se;
      const hi = delta + 3 * se;
      const significant = (lo > 0 || hi < 0) && Math.abs(delta) >= 0.1;
      const status = !significant
        ? 'unchanged'
        : delta > 0
          ? delta > 1
            ? 'regression'
            : 'grew'
          : 'improvement';
      functions.push({
        function: name,
        metric,
        baselineShare: mb,
        canaryShare: mc,
        deltaPp: delta,
        ciLowPp: lo,
        ciHighPp: hi,
        ratio: mb > 0 ? mc / mb : null,
        pValue: significant ? 0.001 : 0.5,
        significant,
        status,
        inBaseline: mb > 0,
        inCanary: mc > 0,
        budget: { source: 'default', pp: 1 },
        overBudget: status === 'regression',
        reason: '',
        mdePp: 4 * se,
        driftPp: 0,
      });
    }
  }
  const regressions = functions.filter((d) => d.status === 'regression');
  const sum = (cs: Capture[], k: 'total' | 'samples') => cs.reduce((a, c) => a + c.totals[k], 0);
  return {
    verdict: regressions.length ? 'fail' : 'pass',
    inconclusive: [],
    causes: regressions.map((r) => ({
      function: r.function,
      kind: 'self',
      rows: [r],
      reason: r.reason,
    })),
    underpowered: [],
    drift: { modelled: false, reason: 'stand-in' },
    critical: 3,
    type: baseline[0].totals.type,
    regressions,
    improvements: functions.filter((d) => d.status === 'improvement'),
    grew: functions.filter((d) => d.status === 'grew'),
    functions,
    warnings: [],
    settings: {
      budgetPp: 1,
      budgetCumPp: 1,
      budgetRatio: 0,
      minShare: 0.5,
      confidence: 0.95,
      bootstrap: 0,
      seed: 1,
      budgetPerUnitPct: 0,
      normalizeNames: 'on',
      onUnderpowered: 'warn',
      onHardwareMismatch: 'skip-per-unit',
      baselineCaptures: baseline.length,
      canaryCaptures: canary.length,
    },
    baseline: {
      captures: baseline.map((c) => c.name),
      total: sum(baseline, 'total'),
      samples: sum(baseline, 'samples'),
    },
    canary: {
      captures: canary.map((c) => c.name),
      total: sum(canary, 'total'),
      samples: sum(canary, 'samples'),
    },
  };
}

export interface Scenario {
  /** Where the profiles came from (logged by tests). */
  source: string;
  baselineFiles: string[];
  canaryFiles: string[];
  baseline: Profile[];
  canary: Profile[];
  /** The function whose cost was planted to grow. */
  planted: string;
}

const CAPTURES = join(repoRoot, 'fixtures', 'captures');

function profilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.pb(\.gz)?$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads `fixtures/captures/<run>/manifest.json` labels to find the planted function, if said. */
function plantedFromManifest(dir: string): string | undefined {
  const m = join(dir, 'manifest.json');
  if (!existsSync(m)) return undefined;
  try {
    const j = JSON.parse(readFileSync(m, 'utf8')) as { labels?: Record<string, string> };
    return j.labels?.planted ?? j.labels?.regression ?? j.labels?.function;
  } catch {
    return undefined;
  }
}

/**
 * The CPU scenario: the Go demo's `base-1` vs `cpu` captures when they exist (planted function
 * from the manifest, else `main.computeDiscount`), otherwise the corpus `fib` CPU profile: five
 * jittered baseline captures and five canary captures in which `runtime.memclrNoHeapPointers`
 * costs 5x.
 */
export function cpuScenario(): Scenario {
  const base = join(CAPTURES, 'base-1');
  const cpu = join(CAPTURES, 'cpu');
  // PROFILE_GATE_REPORT_CORPUS=1 forces the corpus fallback (to test it while the captures exist).
  if (existsSync(base) && existsSync(cpu) && !process.env.PROFILE_GATE_REPORT_CORPUS) {
    const bf = profilesIn(base).filter((f) => /cpu/.test(f));
    const cf = profilesIn(cpu).filter((f) => /cpu/.test(f));
    if (bf.length >= 2 && cf.length >= 2) {
      return {
        source: 'fixtures/captures base-1 vs cpu',
        baselineFiles: bf,
        canaryFiles: cf,
        baseline: bf.map(loadProfile),
        canary: cf.map(loadProfile),
        planted: plantedFromManifest(cpu) ?? 'main.computeDiscount',
      };
    }
  }
  const f = join(corpusDir, 'pprof', 'parca-dev_parca_pkg_query_testdata_fib.pb.gz');
  const p = loadProfile(f);
  const planted = 'runtime.memclrNoHeapPointers';
  return {
    source: 'corpus fib.pb.gz with a planted 5x runtime.memclrNoHeapPointers',
    baselineFiles: [f],
    canaryFiles: [f],
    baseline: [1, 2, 3, 4, 5].map((s) => perturb(p, s)),
    canary: [11, 12, 13, 14, 15].map((s) => perturb(p, s, { plant: planted, factor: 5 })),
    planted,
  };
}

export interface ScenarioRun extends Scenario {
  run: { comparison: Comparison; baseline: Capture[]; canary: Capture[] };
  /** 'engine' when the statistics engine (the comparison pipeline) produced the comparison. */
  stats: 'engine' | 'stand-in';
}

/**
 * The CPU scenario through the real statistics engine when it is available (captures read by
 * the comparison pipeline, as the CLI does); otherwise the stand-in comparison above.
 */
export async function cpuScenarioRun(): Promise<ScenarioRun> {
  const sc = cpuScenario();
  if (sc.source.startsWith('fixtures/')) {
    try {
      const run = await compare({
        baseline: { paths: sc.baselineFiles },
        canary: { paths: sc.canaryFiles },
        cwd: repoRoot,
        env: {},
        settings: { bootstrap: 2000, seed: 7 },
        need: 'stacks',
      });
      return { ...sc, run, stats: 'engine' };
    } catch (e) {
      if (!/not implemented/.test((e as Error).message)) throw e;
    }
  }
  const baseline = sc.baseline.map((p, i) => captureOf(p, `base-${i + 1}`));
  const canary = sc.canary.map((p, i) => captureOf(p, `canary-${i + 1}`));
  return {
    ...sc,
    run: { comparison: fakeComparison(baseline, canary), baseline, canary },
    stats: 'stand-in',
  };
}
