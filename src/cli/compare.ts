/** `profile-gate compare`: the gate on the command line. Exit 0 pass, 1 regression, 2 bad input. */
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { renderJson } from '../report/json.js';
import { renderDeltaChart } from '../report/chart.js';
import { renderMarkdown } from '../report/markdown.js';
import { writeReports } from '../report/write-reports.js';
import { renderText } from '../report/text.js';
import { readProfile } from '../profile/read.js';
import { fetchSourceCaptures } from '../sources/fetch.js';
import { parseSourceSpec } from '../sources/spec.js';
import { runComparison, type CompareRun, type InMemoryCapture } from '../stats/run.js';
import type { CompareSettings } from '../stats/types.js';
import { writeFileAtomic } from '../util/fs.js';
import { helpText, parseArgs, type CliIO, type OptionSpec, type ParsedArgs } from './args.js';
import { READ_OPTIONS, readOptionsFrom } from './common.js';

export const COMPARE_SPEC: Record<string, OptionSpec> = {
  baseline: { kind: 'list', description: 'baseline captures: files, directories or globs' },
  canary: { kind: 'list', description: 'canary captures: files, directories or globs' },
  'baseline-source': {
    kind: 'string',
    description: 'read the baseline from Pyroscope/Parca (see docs/fleet-sources.md)',
  },
  'canary-source': { kind: 'string', description: 'read the canary from Pyroscope/Parca' },
  type: { kind: 'string', description: 'sample type (cpu, alloc_space, delay, ...)' },
  'budget-pp': { kind: 'number', description: 'allowed self-share growth, pp (default 5)' },
  'budget-cum-pp': {
    kind: 'number',
    description: 'allowed cumulative-share growth, pp (default 10)',
  },
  'budget-ratio': {
    kind: 'number',
    description: 'allowed canary/baseline self ratio (default off)',
  },
  'budget-per-unit-pct': {
    kind: 'number',
    description: 'allowed growth of cost per request, % (default 10)',
  },
  'min-share': {
    kind: 'number',
    description: 'test functions with at least this share, % (default 1)',
  },
  confidence: { kind: 'number', description: 'family-wise confidence (default 0.95)' },
  bootstrap: { kind: 'number', description: 'bootstrap resamples (default 10000)' },
  seed: { kind: 'number', description: 'random seed (default 1)' },
  config: { kind: 'string', description: 'config file (default .profile-gate.yml if present)' },
  'normalize-names': { kind: 'string', description: 'on (default), off, all, or a list of rules' },
  json: { kind: 'string', description: 'write the JSON report to FILE (- = stdout)' },
  markdown: { kind: 'string', description: 'write the markdown report to FILE (- = stdout)' },
  html: { kind: 'string', description: 'write a differential flame graph (self-contained HTML)' },
  svg: { kind: 'string', description: 'write the same flame graph as a static SVG' },
  'diff-pprof': {
    kind: 'string',
    description: 'write a pprof with -diff_base semantics (go tool pprof -http FILE)',
  },
  'merged-pprof': {
    kind: 'string',
    description: 'write canary and baseline as one labelled pprof',
  },
  quiet: { kind: 'boolean', short: 'q', description: 'no progress messages' },
  ...READ_OPTIONS,
  help: { kind: 'boolean', short: 'h' },
};

const USAGE =
  'Usage: profile-gate compare --baseline PATH... --canary PATH... [--type T] [--budget-pp N] [--budget-cum-pp N] [--budget-ratio X] [--min-share PCT] [--confidence 0.95] [--bootstrap N] [--seed N] [--config FILE] [--json FILE] [--markdown FILE]';

export function settingsFromArgs(a: ParsedArgs): Partial<CompareSettings> {
  const s: Partial<CompareSettings> = {};
  if (a.strings.type) s.type = a.strings.type;
  const nums: [string, keyof CompareSettings][] = [
    ['budget-pp', 'budgetPp'],
    ['budget-cum-pp', 'budgetCumPp'],
    ['budget-ratio', 'budgetRatio'],
    ['budget-per-unit-pct', 'budgetPerUnitPct'],
    ['min-share', 'minShare'],
    ['confidence', 'confidence'],
    ['bootstrap', 'bootstrap'],
    ['seed', 'seed'],
  ];
  for (const [flag, key] of nums) {
    const v = a.numbers[flag];
    if (v !== undefined) (s as Record<string, unknown>)[key] = v;
  }
  if (a.strings['normalize-names'] !== undefined) s.normalizeNames = a.strings['normalize-names'];
  return s;
}

/** Writes `text` to FILE or stdout for `-`. */
export function emit(io: CliIO, target: string | undefined, text: string): void {
  if (target === undefined) return;
  if (target === '-') io.stdout(text);
  else writeFileAtomic(resolve(io.cwd, target), text);
}

export async function compareCommand(argv: string[], io: CliIO): Promise<number> {
  const a = parseArgs(argv, COMPARE_SPEC);
  if (a.flags.help) {
    io.stdout(helpText(USAGE, COMPARE_SPEC) + '\n');
    return 0;
  }
  if (a.positionals.length)
    throw new UsageError(`unexpected argument "${a.positionals[0]}"\n${USAGE}`);
  for (const side of ['baseline', 'canary'] as const) {
    const hasSource = a.strings[`${side}-source`] !== undefined;
    if (!a.lists[side].length && !hasSource) {
      throw new UsageError(`--${side} (or --${side}-source) is required\n${USAGE}`);
    }
    if (a.lists[side].length && hasSource) {
      throw new UsageError(`give either --${side} or --${side}-source, not both`);
    }
  }
  const quiet = a.flags.quiet || a.strings.json === '-' || a.strings.markdown === '-';
  const log = quiet ? undefined : (m: string) => io.stderr(`profile-gate: ${m}\n`);
  const read = readOptionsFrom(a);
  const fetchSide = async (side: 'baseline' | 'canary'): Promise<InMemoryCapture[] | undefined> => {
    const text = a.strings[`${side}-source`];
    if (text === undefined) return undefined;
    const spec = parseSourceSpec(text, {}, `--${side}-source`);
    const res = await fetchSourceCaptures(spec, {
      env: io.env,
      log: log ?? (() => {}),
      maxInflatedBytes: read.maxInflatedBytes,
    });
    return res.captures.map((c) => {
      const name = `${side}-source/${c.name}`;
      return { name, profile: readProfile(c.bytes, name, read) };
    });
  };
  const baselineProfiles = await fetchSide('baseline');
  const canaryProfiles = await fetchSide('canary');
  const run: CompareRun = runComparison({
    baselineProfiles,
    canaryProfiles,
    baseline: a.lists.baseline,
    canary: a.lists.canary,
    cwd: io.cwd,
    settings: settingsFromArgs(a),
    configPath: a.strings.config,
    read,
    log,
    // stacks are only needed for the flame graphs and pprof outputs
    keepProfiles: ['html', 'svg', 'diff-pprof', 'merged-pprof'].some((k) => a.strings[k]),
  });
  const c = run.comparison;
  emit(io, a.strings.json, renderJson(c));
  emit(io, a.strings.markdown, renderMarkdown(c, { chart: renderDeltaChart(c.functions) }));
  const abs = (k: string) => (a.strings[k] ? resolve(io.cwd, a.strings[k]!) : undefined);
  const written = writeReports(run, {
    html: abs('html'),
    svg: abs('svg'),
    diffPprof: abs('diff-pprof'),
    mergedPprof: abs('merged-pprof'),
  });
  for (const w of written) log?.(`wrote ${w.kind} ${w.path} (${w.bytes} bytes)`);
  if (a.strings.json !== '-' && a.strings.markdown !== '-') io.stdout(renderText(c));
  return c.verdict === 'fail' ? 1 : 0;
}
