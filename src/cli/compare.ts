/** `profile-gate compare`: the gate on the command line. Exit 0 pass, 1 regression, 2 bad input. */
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { renderJson } from '../report/json.js';
import { renderDeltaChart } from '../report/chart.js';
import { renderMarkdown } from '../report/markdown.js';
import { writeReports } from '../report/write-reports.js';
import { renderText } from '../report/text.js';
import { compare, type SideInput } from '../pipeline/compare.js';
import { parseSourceSpec } from '../sources/spec.js';
import { writeFileAtomic } from '../util/fs.js';
import { safeJsonText } from '../util/safe-text.js';
import { helpText, parseArgs, type CliIO, type OptionSpec } from './args.js';
import { READ_OPTIONS, readOptionsFrom } from './common.js';
import { settingOptions, settingsFromArgs } from './settings.js';

export const COMPARE_SPEC: Record<string, OptionSpec> = {
  baseline: { kind: 'list', description: 'baseline captures: files, directories or globs' },
  canary: { kind: 'list', description: 'canary captures: files, directories or globs' },
  'baseline-source': {
    kind: 'string',
    description: 'read the baseline from Pyroscope/Parca (see docs/fleet-sources.md)',
  },
  'canary-source': { kind: 'string', description: 'read the canary from Pyroscope/Parca' },
  ...settingOptions(),
  config: { kind: 'string', description: 'config file (default .profile-gate.yml if present)' },
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
  'Usage: profile-gate compare --baseline PATH... --canary PATH... [--sample-type T] [--budget-pp N] [--budget-cum-pp N] [--budget-ratio X] [--min-share PCT] [--confidence 0.95] [--bootstrap N] [--seed N] [--config FILE] [--json FILE] [--markdown FILE]';

/** 0 pass, 1 regression, 3 no verdict (2 is bad input or usage, raised as an error). */
export const EXIT_CODES = { pass: 0, fail: 1, inconclusive: 3 } as const;

/** Report flags that need the stacks (flame graphs, pprof outputs); the rest need only totals. */
const STACK_REPORTS = ['html', 'svg', 'diff-pprof', 'merged-pprof'];

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
  const side = (name: 'baseline' | 'canary'): SideInput => {
    const text = a.strings[`${name}-source`];
    return text === undefined
      ? { paths: a.lists[name] }
      : { source: parseSourceSpec(text, {}, `--${name}-source`) };
  };
  const read = readOptionsFrom(a);
  const run = await compare({
    baseline: side('baseline'),
    canary: side('canary'),
    cwd: io.cwd,
    env: io.env,
    settings: settingsFromArgs(a),
    configPath: a.strings.config,
    read,
    need: STACK_REPORTS.some((k) => a.strings[k]) ? 'stacks' : 'totals',
    log,
  });
  const c = run.comparison;
  const json = renderJson(c);
  // full names in the JSON; on stdout written so that no terminal or CI runner acts on them
  emit(io, a.strings.json, a.strings.json === '-' ? safeJsonText(json) : json);
  emit(io, a.strings.markdown, renderMarkdown(c, { chart: renderDeltaChart(c.functions) }));
  const abs = (k: string) => (a.strings[k] ? resolve(io.cwd, a.strings[k]!) : undefined);
  const written = writeReports(
    run,
    {
      html: abs('html'),
      svg: abs('svg'),
      diffPprof: abs('diff-pprof'),
      mergedPprof: abs('merged-pprof'),
    },
    { maxFrames: read.limits?.maxFrames },
  );
  for (const w of written) log?.(`wrote ${w.kind} ${w.path} (${w.bytes} bytes)`);
  if (a.strings.json !== '-' && a.strings.markdown !== '-') io.stdout(renderText(c));
  return EXIT_CODES[c.verdict];
}
