/**
 * What a person reads: the job summary / PR comment markdown (the report itself comes from
 * renderMarkdown; this adds where the baseline came from and links), the one-line summary
 * output, the regressions output, and one annotation per regression.
 */
import { renderMarkdown } from '../report/markdown.js';
import type { Comparison, FunctionDelta } from '../stats/types.js';
import type { BaselineResult } from './baseline.js';
import { runUrl, type RunContext } from './context.js';
import { causeNames } from '../report/untrusted.js';
import { mdCode, mdText } from '../util/safe-markdown.js';
import { safeJsonText, safeName, safeSentence } from '../util/safe-text.js';

export interface AnnotationProps {
  title?: string;
}

export interface Annotator {
  error(msg: string, props?: AnnotationProps): void;
  warning(msg: string, props?: AnnotationProps): void;
  notice(msg: string, props?: AnnotationProps): void;
}

export interface Link {
  name: string;
  url: string;
}

function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

function unitOf(d: FunctionDelta): string {
  return d.metric === 'per-unit' ? '%' : ' pp';
}

/** The readable sentence for one regression (the engine's reason, or one made from the numbers). */
export function regressionSentence(d: FunctionDelta): string {
  if (d.reason) return d.reason;
  const u = unitOf(d);
  return (
    `${d.function} ${d.metric}: ${fmt(d.baselineShare)}% -> ${fmt(d.canaryShare)}% ` +
    `(+${fmt(d.deltaPp)}${u}, interval ${fmt(d.ciLowPp)}..${fmt(d.ciHighPp)}${u}), over budget`
  );
}

/**
 * The `regressions` output: compact, stable JSON with full names (written so that echoing it
 * raw runs no workflow command: util/safe-text.ts safeJsonText; a `jq -r` of a field decodes
 * the name as it is, see docs/action.md).
 */
export function regressionsJson(c: Comparison): string {
  return safeJsonText(
    JSON.stringify(
      c.regressions.map((d) => ({
        function: d.function,
        metric: d.metric,
        baselineShare: d.baselineShare,
        canaryShare: d.canaryShare,
        deltaPp: d.deltaPp,
        ciLowPp: d.ciLowPp,
        ciHighPp: d.ciHighPp,
        ratio: d.ratio,
        pValue: d.pValue,
        budget: d.budget,
        reason: regressionSentence(d),
      })),
    ),
  );
}

/** The `summary` output and the failure message's first line. */
export function oneLine(c: Comparison): string {
  if (c.verdict === 'fail') {
    const n = c.causes.length;
    const first = c.causes
      .slice(0, 3)
      .map((k) => {
        const d = k.rows[0];
        return d
          ? `${safeName(d.function)} (+${fmt(d.deltaPp)}${unitOf(d)} ${d.metric})`
          : safeSentence(k.reason, causeNames(k));
      })
      .join(', ');
    return `fail: ${n} regression${n === 1 ? '' : 's'} over budget: ${first}${n > 3 ? ', ...' : ''}`;
  }
  if (c.verdict === 'inconclusive') {
    return `inconclusive: no verdict could be reached: ${safeSentence(c.inconclusive[0] ?? 'see the summary')}`;
  }
  const tested = new Set(c.functions.map((f) => f.function)).size;
  const blind = c.underpowered.length
    ? `, ${c.underpowered.length} row${c.underpowered.length === 1 ? '' : 's'} underpowered`
    : '';
  return `pass: no function over budget (${tested} functions tested, ${c.improvements.length} improved${blind})`;
}

/** Failure message for core.setFailed: the verdict and each cause's sentence (or the reasons). */
export function failureMessage(c: Comparison): string {
  const lines =
    c.verdict === 'inconclusive'
      ? c.inconclusive.map((r) => `  - ${safeSentence(r)}`)
      : c.causes.map((k) => `  - ${safeSentence(k.reason, causeNames(k))}`);
  return [`profile-gate ${oneLine(c)}`, ...lines].join('\n');
}

/** One error annotation per cause, a warning per warning. */
export function annotate(io: Annotator, c: Comparison): void {
  for (const k of c.causes) {
    io.error(safeSentence(k.reason, causeNames(k)), {
      title: k.rows[0]
        ? `profile-gate: ${safeName(k.function)} regressed (${k.rows[0].metric})`
        : 'profile-gate: different hardware',
    });
  }
  for (const w of c.warnings) io.warning(safeSentence(w), { title: 'profile-gate' });
}

function provenance(ctx: RunContext, baseline: BaselineResult & { found: true }): string {
  const lines: string[] = [];
  if (baseline.source === 'artifact' && baseline.run) {
    const url = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${baseline.run.id}`;
    // what the API and the (validated, still untrusted) manifest say is escaped like any name
    lines.push(
      `**Baseline:** artifact ${mdCode(baseline.artifact?.name ?? '')} of [run ${mdText(String(baseline.run.id))}](${url}) ` +
        `(commit ${mdCode(baseline.run.head_sha.slice(0, 7))}, ${mdText(String(baseline.run.created_at))})`,
    );
  } else {
    lines.push(`**Baseline:** ${mdText(baseline.description)}`);
  }
  if (baseline.manifest?.promotion) {
    const p = baseline.manifest.promotion;
    lines.push(`promoted from commit ${mdCode(p.commitSha.slice(0, 7))} at ${mdText(p.time)}`);
  }
  const sha = ctx.pullRequest?.headSha || ctx.sha;
  lines.push(
    `**Canary:** commit ${mdCode(sha.slice(0, 7))}, [run ${mdText(ctx.runId)}](${runUrl(ctx)})`,
  );
  return lines.join(' · ');
}

export function gateMarkdown(
  c: Comparison,
  ctx: RunContext,
  baseline: BaselineResult & { found: true },
  links: Link[],
  title?: string,
): string {
  return `${renderMarkdown(c, { links, title }).trimEnd()}\n\n${provenance(ctx, baseline)}\n`;
}

export function noBaselineMarkdown(
  reason: string,
  ctx: RunContext,
  opts: { artifactName: string; fails: boolean; title?: string },
): string {
  return [
    `## ${mdText(opts.title ?? 'profile-gate')}: no baseline`,
    '',
    `No baseline to compare with: ${mdText(reason)}.`,
    '',
    opts.fails
      ? 'The job fails because `fail-on-no-baseline` is set.'
      : 'The job passes. The first baseline is created by the `promote` step on a push to the default branch.',
    '',
    `Expected artifact: ${mdCode(opts.artifactName)} · [run ${mdText(ctx.runId)}](${runUrl(ctx)})`,
    '',
  ].join('\n');
}
