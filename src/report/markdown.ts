/** Markdown report for the job summary, the PR comment and `--markdown`. */
import { ciText, share, signed, typeLabel } from '../stats/explain.js';
import type { Comparison, FunctionDelta } from '../stats/types.js';
import {
  detectableText,
  headline,
  mark,
  tableRows,
  UNDERPOWERED_SHOWN,
  underpoweredLine,
} from './text.js';
import { mdBlock, mdCode as safeCode, mdSentence, mdText } from '../util/safe-markdown.js';
import { causeNames, rowNames } from './untrusted.js';

export interface MarkdownOptions {
  /** Links to artifacts (flame graph, diff pprof) shown under the table. */
  links?: { name: string; url: string }[];
  /** Heading; default "profile-gate". */
  title?: string;
  /** Extra markdown (e.g. a chart) placed after the table. */
  chart?: string;
  limit?: number;
}

/**
 * Escapes untrusted text for markdown prose or a table cell (util/safe-markdown.ts: markup,
 * HTML, mentions, references, autolinks and line breaks neutralized).
 */
export function mdCell(s: string): string {
  return mdText(s);
}

/** A function name as an inline code span in a table cell (util/safe-markdown.ts). */
export function mdCode(s: string): string {
  return safeCode(s, { table: true });
}

function row(f: FunctionDelta): string {
  if (f.metric === 'per-unit') {
    return `| (cost per request) | per request | ${f.baselineShare.toPrecision(4)} | ${f.canaryShare.toPrecision(4)} | ${signed(f.deltaPp, 1, '%')} | ${ciText(f, '%')} | ${mark(f)} |`;
  }
  return `| ${mdCode(f.function)} | ${f.metric} | ${share(f.baselineShare)} | ${share(f.canaryShare)} | ${signed(f.deltaPp)} | ${ciText(f)} | ${mark(f)} |`;
}

export function renderMarkdown(c: Comparison, opts: MarkdownOptions = {}): string {
  const icon =
    c.verdict === 'fail'
      ? ':x:'
      : c.verdict === 'inconclusive'
        ? ':grey_question:'
        : ':white_check_mark:';
  // untrusted pieces: names in code spans, other text escaped (util/safe-markdown.ts)
  const out: string[] = [
    `## ${icon} ${mdText(opts.title ?? 'profile-gate')}: ${mdText(headline(c))}`,
    '',
  ];
  if (c.inconclusive.length) {
    out.push('**No verdict could be reached**', '');
    for (const r of c.inconclusive) out.push(`- ${mdBlock(r)}`);
    out.push('');
  }
  for (const w of c.warnings) out.push(`> [!WARNING]\n> ${mdBlock(w)}`, '');
  if (c.causes.length) {
    out.push('**Regressions**', '');
    for (const r of c.causes) out.push(`- ${mdSentence(r.reason, causeNames(r))}`);
    out.push('');
  }
  if (c.improvements.length) {
    out.push('**Top improvements**', '');
    for (const r of c.improvements.slice(0, 5)) {
      out.push(`- ${mdSentence(r.reason, rowNames(r))}`);
    }
    out.push('');
  }
  if (c.underpowered.length) {
    out.push("**Underpowered**: a change of the budget's size could pass unseen in these rows", '');
    for (const u of c.underpowered.slice(0, UNDERPOWERED_SHOWN))
      out.push(`- ${mdSentence(underpoweredLine(u), [u.function])}`);
    if (c.underpowered.length > UNDERPOWERED_SHOWN) {
      out.push(
        `- ... and ${c.underpowered.length - UNDERPOWERED_SHOWN} more (all in comparison.json)`,
      );
    }
    out.push('');
  }
  const power = detectableText(c);
  if (power) out.push(`_Power: ${mdCell(power)}. Drift: ${mdCell(c.drift.reason)}._`, '');
  const rows = tableRows(c, opts.limit ?? 15);
  if (rows.length) {
    out.push(
      `| function | metric | baseline | canary | delta | ${Math.round(c.settings.confidence * 100)}% CI | |`,
      '|---|---|--:|--:|--:|--:|---|',
      ...rows.map(row),
      '',
      `_Shares of each side's total ${mdText(typeLabel(c.type))}; \`~\` = not significant; diluted = a shrink that is only the others' growth. Intervals hold simultaneously for all tested functions._`,
      '',
    );
  }
  if (opts.chart) out.push(opts.chart, '');
  if (opts.links?.length) {
    out.push(opts.links.map((l) => `[${mdCell(l.name)}](${l.url})`).join(' · '), '');
  }
  const s = c.settings;
  out.push(
    '<details><summary>Settings</summary>',
    '',
    `budgets: self ${s.budgetPp}pp, cum ${s.budgetCumPp}pp${s.budgetRatio ? `, ratio ${s.budgetRatio}x` : ''}, per request ${s.budgetPerUnitPct}% · min share ${s.minShare}% · confidence ${s.confidence} · ${s.bootstrap} bootstrap resamples, seed ${s.seed} · names: ${mdText(String(s.normalizeNames))}${s.config?.file ? ` · config ${mdCell(s.config.file)}` : ''}`,
    '',
    `baseline: ${c.baseline.captures.length} captures, ${c.baseline.samples} samples · canary: ${c.canary.captures.length} captures, ${c.canary.samples} samples`,
    '',
    '</details>',
    '',
  );
  return out.join('\n');
}
