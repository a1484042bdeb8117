/** Terminal report: verdict first, one line per regression, improvements, compact table. */
import { ciText, metricLabel, share, signed, typeLabel } from '../stats/explain.js';
import type { Comparison, FunctionDelta } from '../stats/types.js';

export function headline(c: Comparison): string {
  const n = c.regressions.length;
  const what = `${typeLabel(c.type)}, ${c.settings.baselineCaptures} baseline vs ${c.settings.canaryCaptures} canary captures, ${Math.round(c.settings.confidence * 1000) / 10}% simultaneous intervals`;
  return c.verdict === 'fail'
    ? `FAIL: ${n} regression${n === 1 ? '' : 's'} (${what})`
    : `PASS: no significant regression over budget (${what})`;
}

export function tableRows(c: Comparison, limit: number): FunctionDelta[] {
  const seen = new Set<FunctionDelta>();
  const rows: FunctionDelta[] = [];
  const add = (f: FunctionDelta) => {
    if (!seen.has(f) && rows.length < limit) {
      seen.add(f);
      rows.push(f);
    }
  };
  c.regressions.forEach(add);
  c.grew.forEach(add);
  c.improvements.forEach(add);
  [...c.functions].sort((a, b) => Math.abs(b.deltaPp) - Math.abs(a.deltaPp)).forEach(add);
  return rows;
}

function cell(f: FunctionDelta): [string, string, string, string, string] {
  if (f.metric === 'per-unit') {
    return [
      '(per request)',
      f.baselineShare.toPrecision(4),
      f.canaryShare.toPrecision(4),
      signed(f.deltaPp, 1, '%'),
      ciText(f, '%'),
    ];
  }
  return [f.metric, share(f.baselineShare), share(f.canaryShare), signed(f.deltaPp), ciText(f)];
}

export function mark(f: FunctionDelta): string {
  switch (f.status) {
    case 'regression':
      return 'FAIL';
    case 'grew':
      return f.movedFrom ? 'moved' : 'grew';
    case 'improvement':
      return 'better';
    case 'ignored':
      return 'ignored';
    default:
      return '~';
  }
}

export function renderText(c: Comparison, opts: { limit?: number } = {}): string {
  const out: string[] = [];
  out.push(`profile-gate: ${headline(c)}`);
  for (const w of c.warnings) out.push(`warning: ${w}`);
  if (c.regressions.length) {
    out.push('', 'Regressions:');
    for (const r of c.regressions) out.push(`  ${r.reason}`);
  }
  if (c.grew.length) {
    out.push('', 'Significant growth within budget:');
    for (const r of c.grew.slice(0, 5)) out.push(`  ${r.reason}`);
  }
  if (c.improvements.length) {
    out.push('', 'Top improvements:');
    for (const r of c.improvements.slice(0, 5)) out.push(`  ${r.reason}`);
  }
  const rows = tableRows(c, opts.limit ?? 15);
  if (rows.length) {
    const data = rows.map((f) => [
      f.sameAs ? `${f.function} (+${f.sameAs.length} same)` : f.function,
      ...cell(f),
      mark(f),
    ]);
    const head = ['function', 'metric', 'baseline', 'canary', 'delta', 'CI', ''];
    const w = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
    w[0] = Math.min(w[0], 60);
    const fmt = (d: string[]) =>
      d
        .map((x, i) => {
          const v = i === 0 && x.length > w[0] ? '…' + x.slice(x.length - w[0] + 1) : x;
          return i === 0 || i === 1 ? v.padEnd(w[i]) : v.padStart(w[i]);
        })
        .join('  ')
        .trimEnd();
    out.push('', fmt(head), ...data.map(fmt));
    out.push(
      `(${metricLabel('self', c.type)} and ${metricLabel('cum', c.type)} shares of each side's total; ~ = not significant)`,
    );
  }
  return out.join('\n') + '\n';
}
