/** Terminal report: verdict first, one line per regression, improvements, compact table. */
import { ciText, metricLabel, share, signed, typeLabel } from '../stats/explain.js';
import type { Comparison, FunctionDelta, Underpowered } from '../stats/types.js';
import { safeLine, safeName, safeSentence } from '../util/safe-text.js';
import { causeNames, rowNames } from './untrusted.js';

export function headline(c: Comparison): string {
  const n = c.causes.length;
  const what = `${typeLabel(c.type)}, ${c.settings.baselineCaptures} baseline vs ${c.settings.canaryCaptures} canary captures, ${Math.round(c.settings.confidence * 1000) / 10}% simultaneous intervals`;
  switch (c.verdict) {
    case 'fail':
      return `FAIL: ${n} regression${n === 1 ? '' : 's'} (${what})`;
    case 'inconclusive':
      return `INCONCLUSIVE: no verdict could be reached (${what})`;
    default:
      return `PASS: no significant regression over budget (${what})`;
  }
}

/** How many underpowered rows the text and markdown reports list by name. */
export const UNDERPOWERED_SHOWN = 5;

export function underpoweredLine(u: Underpowered): string {
  const unit = u.metric === 'per-unit' ? '%' : 'pp';
  const what = u.metric === 'per-unit' ? 'cost per request' : `${u.function} ${u.metric}`;
  return `${what}: detectable ${u.mdePp.toFixed(1)}${unit}, budget ${u.budgetPp}${unit}`;
}

/** "self growth of 3.9pp or more in functions around 9.5% share", or undefined. */
export function detectableText(c: Comparison): string | undefined {
  const d = c.detectable;
  if (!d) return undefined;
  return `this setup detects self growth of ${d.mdePp.toFixed(1)}pp or more in functions around ${d.sharePct.toFixed(1)}% share (80% power)`;
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
      return f.diluted ? 'diluted' : '~';
  }
}

export function renderText(c: Comparison, opts: { limit?: number } = {}): string {
  const out: string[] = [];
  // every untrusted piece (names, sentences that embed them, sample type names) goes through
  // the output-safety layer: one line each, control characters replaced, long names shortened
  out.push(`profile-gate: ${safeLine(headline(c))}`);
  for (const r of c.inconclusive) out.push(`no verdict: ${safeSentence(r)}`);
  for (const w of c.warnings) out.push(`warning: ${safeSentence(w)}`);
  if (c.causes.length) {
    out.push('', 'Regressions:');
    for (const r of c.causes) out.push(`  ${safeSentence(r.reason, causeNames(r))}`);
  }
  if (c.grew.length) {
    out.push('', 'Significant growth within budget:');
    for (const r of c.grew.slice(0, 5)) out.push(`  ${safeSentence(r.reason, rowNames(r))}`);
  }
  if (c.improvements.length) {
    out.push('', 'Top improvements:');
    for (const r of c.improvements.slice(0, 5))
      out.push(`  ${safeSentence(r.reason, rowNames(r))}`);
  }
  if (c.underpowered.length) {
    out.push('', "Underpowered (a change of the budget's size could pass unseen here):");
    for (const u of c.underpowered.slice(0, UNDERPOWERED_SHOWN))
      out.push(`  ${safeSentence(underpoweredLine(u), [u.function])}`);
    if (c.underpowered.length > UNDERPOWERED_SHOWN) {
      out.push(`  ... and ${c.underpowered.length - UNDERPOWERED_SHOWN} more (all in --json)`);
    }
  }
  const power = detectableText(c);
  if (power) out.push('', `Power: ${power}; drift: ${safeSentence(c.drift.reason)}`);
  const rows = tableRows(c, opts.limit ?? 15);
  if (rows.length) {
    const data = rows.map((f) => [
      f.sameAs ? `${safeName(f.function)} (+${f.sameAs.length} same)` : safeName(f.function),
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
      `(${safeLine(metricLabel('self', c.type))} and ${safeLine(metricLabel('cum', c.type))} shares of each side's total; ~ = not significant; diluted = a shrink that is only the others' growth)`,
    );
  }
  return out.join('\n') + '\n';
}
