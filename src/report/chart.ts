/**
 * A small chart of the top deltas for the markdown report (job summary, PR comment,
 * `--markdown`).
 *
 * Decision (mermaid `xychart-beta` as the default, text bars as the fallback):
 * - GitHub renders ```mermaid blocks in .md files, issues, PR comments and Actions job
 *   summaries (GitHub blog 2022-02-14 "Include diagrams in your Markdown files with Mermaid" and
 *   2022-05-09 "Supercharging GitHub Actions with Job Summaries").
 * - `xychart-beta` exists since Mermaid 10.6.0; GitHub's bundled Mermaid is a 10.x release
 *   at or above it, and xychart-beta blocks render on github.com (e.g. the "GitHub preview"
 *   section of mermaid-js/mermaid#6062, Nov 2024). The un-suffixed `xychart` keyword only
 *   exists in Mermaid 11, so we must write `xychart-beta`.
 * - Limits of xychart-beta that shape the chart: no error bars; bars start at the axis minimum,
 *   not at zero (so a negative delta would be drawn as a long bar); several bar series overlap
 *   or stack depending on the Mermaid version. Hence: one bar series of one sign only (growth,
 *   or shrink magnitudes when nothing grew), y axis from 0, and the interval written into each
 *   category label (`+6.20pp [+4.90, +7.50]`). Labels lose `"`, `[`, `]` characters Mermaid
 *   cannot quote.
 * - Where Mermaid does not render (terminals, plain-text mail, older GitLab/Gitea), the block
 *   shows up as source; `style: 'text'` (or `'both'`) gives the fenced text-bar chart, which
 *   keeps both signs and the intervals.
 */
import type { FunctionDelta, Metric } from '../stats/types.js';
import { fmtPp, fmtSigned } from './tree.js';
import { replaceControlsOneLine, shortenName } from '../util/safe-text.js';
import { maskSecrets } from '../util/secrets.js';

export type ChartStyle = 'mermaid' | 'text' | 'both';

export interface DeltaChartOptions {
  /** How many deltas; default 8. */
  top?: number;
  /** default 'mermaid' (see the decision above). */
  style?: ChartStyle;
  /** Which metric's deltas to chart; default 'self'. */
  metric?: Metric;
  /** Only significant deltas (default true); ignored functions are always left out. */
  significantOnly?: boolean;
  title?: string;
  /** Text bar width in characters for the largest |delta|; default 24. */
  barWidth?: number;
}

/** Short display name: package path dropped (`github.com/a/b/pkg.F` -> `pkg.F`). */
export function shortName(name: string): string {
  const paren = name.indexOf('(');
  const head = paren >= 0 ? name.slice(0, paren) : name;
  const slash = head.lastIndexOf('/');
  return slash >= 0 && slash < name.length - 1 ? name.slice(slash + 1) : name;
}

function pick(deltas: FunctionDelta[], o: DeltaChartOptions): FunctionDelta[] {
  const metric = o.metric ?? 'self';
  return deltas
    .filter(
      (d) =>
        d.metric === metric &&
        d.status !== 'ignored' &&
        (o.significantOnly === false || d.significant) &&
        Number.isFinite(d.deltaPp),
    )
    .sort((a, b) => Math.abs(b.deltaPp) - Math.abs(a.deltaPp) || (a.function < b.function ? -1 : 1))
    .slice(0, o.top ?? 8);
}

/** A label inside the ```mermaid fence: one line, no quote, bracket or backtick (which could end the fence). */
function mermaidLabel(s: string): string {
  return replaceControlsOneLine(maskSecrets(s)).replace(/["[\]`\\]/g, "'");
}

function unitOf(metric: Metric): string {
  return metric === 'per-unit' ? '%' : 'pp';
}

function interval(d: FunctionDelta): string {
  const u = unitOf(d.metric);
  const p = d.metric === 'per-unit' ? `${fmtSigned(d.deltaPp)}%` : fmtPp(d.deltaPp);
  return `${p} (${fmtSigned(d.ciLowPp)}..${fmtSigned(d.ciHighPp)}${u})`;
}

/** Mermaid xychart-beta block (horizontal bars, one sign; see the module comment). */
export function mermaidDeltaChart(deltas: FunctionDelta[], o: DeltaChartOptions = {}): string {
  const picked = pick(deltas, o);
  if (picked.length === 0) return '';
  const grew = picked.filter((d) => d.deltaPp > 0);
  const shown = grew.length > 0 ? grew : picked;
  const sign = grew.length > 0 ? 1 : -1;
  const metric = o.metric ?? 'self';
  const u = unitOf(metric);
  const max = Math.max(
    ...shown.map((d) => Math.max(Math.abs(d.deltaPp), sign * d.ciHighPp, -sign * d.ciLowPp)),
  );
  const top = niceCeil(max);
  const labels = shown.map(
    (d) => `"${mermaidLabel(`${shortenName(shortName(d.function), 200)} ${interval(d)}`)}"`,
  );
  const values = shown.map((d) => Number(Math.abs(d.deltaPp).toFixed(3)));
  const what =
    metric === 'cum' ? 'total share' : metric === 'per-unit' ? 'cost per unit' : 'self share';
  const title =
    o.title ??
    `${sign > 0 ? 'Largest growth' : 'Largest shrink'} in ${what} (${u}, interval in labels)`;
  const lines = [
    '```mermaid',
    'xychart-beta horizontal',
    `    title "${mermaidLabel(title)}"`,
    `    x-axis [${labels.join(', ')}]`,
    `    y-axis "${sign > 0 ? 'growth' : 'shrink'} (${u})" 0 --> ${top}`,
    `    bar [${values.join(', ')}]`,
    '```',
  ];
  return lines.join('\n') + '\n';
}

function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
    if (m * p >= x) return Number((m * p).toPrecision(3));
  return Number((10 * p).toPrecision(3));
}

/** Fenced text bars, both signs: `name  ▇▇▇▇▇▇  +6.20pp [+4.90..+7.50]  regression`. */
export function textDeltaChart(deltas: FunctionDelta[], o: DeltaChartOptions = {}): string {
  const picked = pick(deltas, o);
  if (picked.length === 0) return '';
  const width = o.barWidth ?? 24;
  const max = Math.max(...picked.map((d) => Math.abs(d.deltaPp))) || 1;
  const names = picked.map((d) => {
    // inside the ```text fence: one line, no backtick (a row of backticks would end the fence)
    const s = replaceControlsOneLine(maskSecrets(shortName(d.function))).replace(/`/g, "'");
    return s.length > 48 ? s.slice(0, 47) + '…' : s;
  });
  const nameW = Math.max(...names.map((n) => n.length));
  const u = unitOf(o.metric ?? 'self');
  const nums = picked.map(
    (d) => `${fmtSigned(d.deltaPp)}${u} [${fmtSigned(d.ciLowPp)}..${fmtSigned(d.ciHighPp)}]`,
  );
  const numW = Math.max(...nums.map((n) => n.length));
  const rows = picked.map((d, i) => {
    const n = Math.max(1, Math.round((Math.abs(d.deltaPp) / max) * width));
    const bar = (d.deltaPp >= 0 ? '▇' : '░').repeat(n).padEnd(width, ' ');
    return `${names[i].padEnd(nameW)}  ${bar}  ${nums[i].padStart(numW)}  ${d.status}`.trimEnd();
  });
  const legend = '▇ grew  ░ shrank; interval = simultaneous confidence interval';
  return ['```text', ...rows, legend, '```'].join('\n') + '\n';
}

/** The chart in the chosen style ('' when nothing qualifies). */
export function renderDeltaChart(deltas: FunctionDelta[], opts: DeltaChartOptions = {}): string {
  const style = opts.style ?? 'mermaid';
  if (style === 'text') return textDeltaChart(deltas, opts);
  if (style === 'mermaid') return mermaidDeltaChart(deltas, opts);
  const m = mermaidDeltaChart(deltas, opts);
  const t = textDeltaChart(deltas, opts);
  return m && t ? `${m}\n${t}` : m || t;
}
