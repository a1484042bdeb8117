/** `profile-gate top FILE...`: per-function self and cumulative values, like `go tool pprof -top`. */
import { mergeTotals, selectSampleType, type FunctionTotals } from '../profile/aggregate.js';
import { ProfileError } from '../profile/errors.js';
import { UsageError } from '../errors.js';
import { makeNormalizer } from '../profile/normalize.js';
import { formatValue, pct } from '../util/format.js';
import { safeJsonText, safeLine, safeName } from '../util/safe-text.js';
import { helpText, parseArgs, type CliIO, type OptionSpec } from './args.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayName, expandPaths, readTotalsFile } from '../captureset/files.js';
import { projectRoots, readerWarnings } from '../captureset/load.js';
import { MANIFEST_FILE, readManifestFile } from '../captureset/manifest.js';
import type { ProfileTotals } from '../profile/pprof/read.js';
import { readOptionsFrom, READ_OPTIONS } from './common.js';

const SPEC: Record<string, OptionSpec> = {
  'sample-type': {
    kind: 'string',
    description: 'sample type by name (default: the profile default)',
  },
  type: { kind: 'string', description: 'same as --sample-type' },
  json: { kind: 'boolean', description: 'print JSON instead of a table' },
  'normalize-names': { kind: 'string', description: 'on (default), off, all, or a list of rules' },
  limit: { kind: 'number', description: 'rows in the table (default 30; 0 = all)' },
  ...READ_OPTIONS,
  help: { kind: 'boolean', short: 'h' },
};

export const TOP_USAGE =
  'Usage: profile-gate top FILE... [--sample-type T] [--json] [--normalize-names off]';

export interface TopTotals {
  totals: FunctionTotals;
  /** Samples taken (the `samples`/`sample` count column), when the profiles have one. */
  samples?: number;
  /** The readers' warnings, each naming its file. */
  warnings: string[];
  /** Other sample types that hold data (`cpu (nanoseconds)`), for when the chosen one is 0. */
  typesWithData: string[];
}

/** Index of a profile's sample-count column (`samples/count` or `sample/count`), or -1. */
function countColumn(p: ProfileTotals): number {
  return p.sampleTypes.findIndex(
    (t) => (t.type === 'samples' || t.type === 'sample') && t.unit === 'count',
  );
}

export function topTotals(
  files: string[],
  io: CliIO,
  type: string | undefined,
  normalize: string | undefined,
  readOpts = {},
): TopTotals {
  const dirs = [...new Set(files.map((f) => dirname(f)))];
  const manifests = dirs.map((d) => {
    try {
      return existsSync(join(d, MANIFEST_FILE)) ? readManifestFile(join(d, MANIFEST_FILE)) : null;
    } catch {
      return null;
    }
  });
  const norm = makeNormalizer(normalize, { roots: projectRoots(io.cwd, manifests) });
  const totals: FunctionTotals[] = [];
  const perFile: [string, string[]][] = [];
  const typesWithData = new Set<string>();
  let samples: number | undefined = 0;
  for (const f of files) {
    const name = displayName(f, io.cwd);
    const p = readTotalsFile(f, name, norm, readOpts);
    perFile.push([name, p.warnings]);
    const k = selectSampleType(p, type, name);
    const t = p.totals[k];
    if (
      totals.length > 0 &&
      (t.type.type !== totals[0].type.type || t.type.unit !== totals[0].type.unit)
    ) {
      throw new ProfileError(
        'sample-type',
        name,
        `sample type ${t.type.type} (${t.type.unit}) differs from the first file's ${totals[0].type.type} (${totals[0].type.unit}); pick one with --sample-type`,
      );
    }
    totals.push(t);
    const c = countColumn(p);
    samples = c >= 0 && samples !== undefined ? samples + p.totals[c].total : undefined;
    p.totals.forEach((x, i) => {
      if (i !== k && x.total !== 0) typesWithData.add(`${x.type.type} (${x.type.unit})`);
    });
  }
  return {
    totals: mergeTotals(totals),
    samples,
    warnings: readerWarnings(perFile),
    typesWithData: [...typesWithData],
  };
}

export function sortedRows(t: FunctionTotals): number[] {
  const idx = t.names.map((_, i) => i).filter((i) => t.self[i] !== 0 || t.cum[i] !== 0);
  idx.sort(
    (a, b) =>
      Math.abs(t.self[b]) - Math.abs(t.self[a]) ||
      Math.abs(t.cum[b]) - Math.abs(t.cum[a]) ||
      (t.names[a] < t.names[b] ? -1 : t.names[a] > t.names[b] ? 1 : 0),
  );
  return idx;
}

/** A sample count: whole numbers as they are, others (folded files may hold fractions) rounded. */
function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export async function topCommand(argv: string[], io: CliIO): Promise<number> {
  const a = parseArgs(argv, SPEC);
  if (a.flags.help) {
    io.stdout(helpText(TOP_USAGE, SPEC) + '\n');
    return 0;
  }
  if (a.positionals.length === 0) throw new UsageError(`no profile files given\n${TOP_USAGE}`);
  const files = expandPaths(a.positionals, io.cwd, 'top');
  const top = topTotals(
    files,
    io,
    a.strings['sample-type'] ?? a.strings.type,
    a.strings['normalize-names'],
    readOptionsFrom(a),
  );
  const t = top.totals;
  for (const w of top.warnings) io.stderr(`warning: ${w}\n`);
  const emptyNote =
    t.total === 0 && top.typesWithData.length > 0
      ? `${t.type.type} is 0 in every file; types with data: ${top.typesWithData.join(', ')} (pick one with --sample-type)`
      : undefined;
  if (emptyNote) io.stderr(`note: ${emptyNote}\n`);
  const rows = sortedRows(t);
  if (a.flags.json) {
    const out = {
      type: t.type.type,
      unit: t.type.unit,
      total: t.total,
      ...(top.samples !== undefined ? { samples: top.samples } : {}),
      ...(top.warnings.length ? { warnings: top.warnings } : {}),
      ...(emptyNote ? { note: emptyNote } : {}),
      functions: rows.map((i) => ({ function: t.names[i], self: t.self[i], cum: t.cum[i] })),
    };
    // full names in JSON; written so that no terminal or CI runner acts on them
    io.stdout(safeJsonText(JSON.stringify(out, null, 2)) + '\n');
    return 0;
  }
  const limit = a.numbers.limit ?? 30;
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const u = t.type.unit;
  io.stdout(
    `Type: ${safeLine(t.type.type)} (${safeLine(u)})  Total: ${formatValue(t.total, u)} in ${top.samples !== undefined ? `${formatCount(top.samples)} samples` : `${t.samples} stack records`} from ${files.length} file(s)\n`,
  );
  if (shown.length < rows.length) {
    io.stdout(`Showing top ${shown.length} of ${rows.length} functions (--limit 0 for all)\n`);
  }
  const w = 10;
  io.stdout(
    `${'flat'.padStart(w)} ${'flat%'.padStart(7)} ${'sum%'.padStart(7)} ${'cum'.padStart(w)} ${'cum%'.padStart(7)}  function\n`,
  );
  let sum = 0;
  const notes: string[] = [];
  for (const i of shown) {
    sum += t.self[i];
    const tot = t.total || 1;
    const raw = t.rawNames.get(t.names[i]);
    const name = safeName(t.names[i]);
    io.stdout(
      `${formatValue(t.self[i], u).padStart(w)} ${pct(t.self[i] / tot).padStart(7)} ${pct(sum / tot).padStart(7)} ${formatValue(t.cum[i], u).padStart(w)} ${pct(t.cum[i] / tot).padStart(7)}  ${name}${raw ? ' *' : ''}\n`,
    );
    if (raw)
      notes.push(
        `  ${name} <- ${raw.slice(0, 5).map(safeName).join(', ')}${raw.length > 5 ? `, ... (${raw.length} names)` : ''}`,
      );
  }
  if (notes.length) {
    io.stdout(
      `\n* normalized names (raw names merged into them; --normalize-names off to keep them apart):\n${notes.join('\n')}\n`,
    );
  }
  return 0;
}
