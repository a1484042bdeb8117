/** `profile-gate calibrate --runs DIR...`: budgets from several known-good (A/A) capture sets. */
import { UsageError } from '../errors.js';
import { signed } from '../stats/explain.js';
import { calibrateRuns } from '../pipeline/calibrate.js';
import { helpText, parseArgs, type CliIO, type OptionSpec } from './args.js';
import { READ_OPTIONS, readOptionsFrom } from './common.js';
import { COMPARE_SPEC, emit } from './compare.js';
import { settingsFromArgs } from './settings.js';
import { resolve } from 'node:path';
import type { Plan } from '../stats/plan.js';
import { writeFileAtomic } from '../util/fs.js';
import { safeJsonText, safeLine, safeName } from '../util/safe-text.js';

const SPEC: Record<string, OptionSpec> = {
  runs: { kind: 'list', description: 'two or more folders, each one known-good run of captures' },
  target: { kind: 'number', description: 'false-alarm rate to stay under (default 0.01)' },
  'sample-type': COMPARE_SPEC['sample-type'],
  type: COMPARE_SPEC.type,
  'budget-pp': COMPARE_SPEC['budget-pp'],
  'budget-cum-pp': COMPARE_SPEC['budget-cum-pp'],
  'min-share': COMPARE_SPEC['min-share'],
  confidence: COMPARE_SPEC.confidence,
  bootstrap: { kind: 'number', description: 'bootstrap resamples (default 2000 here)' },
  seed: COMPARE_SPEC.seed,
  config: COMPARE_SPEC.config,
  'normalize-names': COMPARE_SPEC['normalize-names'],
  json: { kind: 'string', description: 'write the calibration as JSON to FILE (- = stdout)' },
  out: {
    kind: 'string',
    description:
      'write the run-to-run drift model (3+ runs) as a calibration file for compare --calibration',
  },
  ...READ_OPTIONS,
  help: { kind: 'boolean', short: 'h' },
};

const USAGE = 'Usage: profile-gate calibrate --runs DIR DIR... [--target 0.01] [compare options]';

export async function calibrateCommand(argv: string[], io: CliIO): Promise<number> {
  const a = parseArgs(argv, SPEC);
  if (a.flags.help) {
    io.stdout(helpText(USAGE, SPEC) + '\n');
    return 0;
  }
  const dirs = [...a.lists.runs, ...a.positionals];
  if (dirs.length < 2) throw new UsageError(`calibrate needs at least two runs\n${USAGE}`);
  const target = a.numbers.target ?? 0.01;
  if (!(target > 0 && target < 1)) throw new UsageError('--target must be between 0 and 1');
  const explicit = settingsFromArgs(a);
  explicit.bootstrap ??= 2000;
  const {
    calibration: cal,
    settings,
    typeName,
    drift,
    plan,
  } = calibrateRuns({
    runs: dirs,
    cwd: io.cwd,
    settings: explicit,
    configPath: a.strings.config,
    read: readOptionsFrom(a),
    target,
  });
  if (a.strings.out) {
    if (!drift)
      throw new UsageError('--out needs at least 3 known-good runs to estimate the drift');
    writeFileAtomic(resolve(io.cwd, a.strings.out), JSON.stringify(drift, null, 2) + '\n');
  }
  if (a.strings.json) {
    const json = JSON.stringify({ ...cal, plan, drift }, null, 2) + '\n';
    emit(io, a.strings.json, a.strings.json === '-' ? safeJsonText(json) : json);
  }
  if (a.strings.json === '-') return 0;
  const lines = [
    `profile-gate calibrate: ${dirs.length} known-good runs, ${cal.pairs.length} ordered pairs, ${safeLine(typeName)}`,
    '',
    'baseline -> canary: largest growth seen (any function) / largest significant growth',
  ];
  for (const p of cal.pairs) {
    lines.push(
      `  ${safeName(p.baseline)} -> ${safeName(p.canary)}: self ${signed(p.maxSelfPp)} / ${p.maxSigSelfPp ? `${signed(p.maxSigSelfPp)} ${safeName(p.maxSigSelfFn ?? '')}` : 'none'}; cum ${signed(p.maxCumPp)} / ${p.maxSigCumPp ? `${signed(p.maxSigCumPp)} ${safeName(p.maxSigCumFn ?? '')}` : 'none'}${p.failsWithSettings ? '  <- would FAIL with current budgets' : ''}`,
    );
  }
  lines.push(
    '',
    `With the current budgets (self ${settings.budgetPp}pp, cum ${settings.budgetCumPp}pp): false alarms on ${Math.round(cal.falseAlarmRateWithSettings * 100)}% of pairs.`,
    `Budgets that would have kept false alarms at or under ${target * 100}% on these runs (+25% margin): --budget-pp ${cal.recommended.budgetPp} --budget-cum-pp ${cal.recommended.budgetCumPp}`,
    cal.falseAlarmRateWithDrift !== undefined
      ? `With the drift model (estimated without each pair's own runs): false alarms on ${Math.round(cal.falseAlarmRateWithDrift * 100)}% of pairs.`
      : '',
    cal.pairs.length < 20
      ? `Only ${cal.pairs.length} pairs: the estimate is rough; more known-good runs make it firmer.`
      : '',
  );
  if (drift) {
    lines.push(
      '',
      `Run-to-run drift (${drift.runs} runs): pooled kappa self ${drift.kappa.self.toExponential(2)}, cum ${drift.kappa.cum.toExponential(2)}${drift.perUnitSigmaPct !== undefined ? `, cost per request +-${drift.perUnitSigmaPct.toFixed(1)}%` : ''}${a.strings.out ? `; written to ${a.strings.out} (use it with compare --calibration)` : '; --out FILE writes it for compare --calibration'}`,
    );
  }
  if (plan) lines.push('', ...planLines(plan));
  io.stdout(lines.filter((l, i, arr) => l !== '' || arr[i - 1] !== '').join('\n') + '\n');
  return 0;
}

/** The plan as text: what the runs' setup detects, and what reaches the self budget. */
function planLines(p: Plan): string[] {
  const opt = (o: { captures: number; seconds: number } | null) =>
    o ? `${o.captures} x ${o.seconds} s` : 'not reachable';
  const out = [
    `Captures needed to see self growth of ${p.rows[0]?.budgetPp ?? '?'}pp (80% power), top functions:`,
    `  (these runs: ${p.captures} x ${p.seconds} s per side)`,
  ];
  for (const r of p.rows) {
    out.push(
      `  ${safeName(r.function)} (${r.sharePct.toFixed(1)}%): now detects ${r.nowSequentialPp.toFixed(1)}pp between runs, ${r.nowInterleavedPp.toFixed(1)}pp interleaved; ` +
        `needs ${p.lengths.map((s, i) => `${opt(r.sequential[i])}`).join(' or ')} sequential (drift alone: ${r.driftFloorPp.toFixed(1)}pp), ` +
        `${p.lengths.map((s, i) => `${opt(r.interleaved[i])}`).join(' or ')} interleaved`,
    );
  }
  return out;
}
