/**
 * What a person reads: the job summary / PR comment markdown (the report itself comes from
 * renderMarkdown; this adds where the baseline came from and links), the one-line summary
 * output, the regressions output, and one annotation per regression.
 */
import { renderMarkdown } from '../report/markdown.js';
import { headline } from '../report/text.js';
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

/** A failing gate accepted on purpose: the label that did it, on which pull request. */
export interface AcceptedBy {
  label: string;
  pullRequest: number;
}

/** What the gate adds to the report: an acceptance, and whether both builds ran here. */
export interface GateExtra {
  accepted?: AcceptedBy;
  sameRunner?: boolean;
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
export function oneLine(c: Comparison, accepted?: AcceptedBy): string {
  if (c.verdict === 'fail' && accepted) {
    const n = c.causes.length;
    return `accepted: ${n} regression${n === 1 ? '' : 's'} over budget accepted by the label ${safeName(accepted.label)} on pull request #${accepted.pullRequest}: ${causeList(c)}`;
  }
  if (c.verdict === 'fail') {
    const n = c.causes.length;
    return `fail: ${n} regression${n === 1 ? '' : 's'} over budget: ${causeList(c)}`;
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

/** The first three causes, each with its growth: `main.f (+9.69 pp self), ...`. */
function causeList(c: Comparison): string {
  const first = c.causes
    .slice(0, 3)
    .map((k) => {
      const d = k.rows[0];
      return d
        ? `${safeName(d.function)} (+${fmt(d.deltaPp)}${unitOf(d)} ${d.metric})`
        : safeSentence(k.reason, causeNames(k));
    })
    .join(', ');
  return `${first}${c.causes.length > 3 ? ', ...' : ''}`;
}

/** Failure message for core.setFailed: the verdict and each cause's sentence (or the reasons). */
export function failureMessage(c: Comparison): string {
  const lines =
    c.verdict === 'inconclusive'
      ? c.inconclusive.map((r) => `  - ${safeSentence(r)}`)
      : c.causes.map((k) => `  - ${safeSentence(k.reason, causeNames(k))}`);
  return [`profile-gate ${oneLine(c)}`, ...lines].join('\n');
}

/**
 * One error annotation per cause (a warning when the regressions were accepted), a warning per
 * warning.
 */
export function annotate(io: Annotator, c: Comparison, accepted?: AcceptedBy): void {
  for (const k of c.causes) {
    const title = k.rows[0]
      ? `profile-gate: ${safeName(k.function)} regressed (${k.rows[0].metric})`
      : 'profile-gate: different hardware';
    const text = safeSentence(k.reason, causeNames(k));
    if (accepted) {
      io.warning(`${text} (accepted by the label ${safeName(accepted.label)})`, {
        title: `${title}, accepted`,
      });
    } else io.error(text, { title });
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
  extra: GateExtra = {},
): string {
  let report = renderMarkdown(c, { links, title }).trimEnd();
  if (extra.accepted && c.verdict === 'fail') {
    // the report's heading line, replaced: the same verdict sentence, accepted
    const heading = `## :warning: ${mdText(title ?? 'profile-gate')}: ${mdText(headline(c).replace(/^FAIL: /, 'ACCEPTED: '))}`;
    report = [heading, '', acceptedBlock(c, extra), report.slice(report.indexOf('\n') + 1)].join(
      '\n',
    );
  }
  const tail = [provenance(ctx, baseline), hardwareLine(c)].filter(Boolean).join('\n\n');
  return `${report}\n\n${tail}\n`;
}

/** Which regressions the label accepted, and what happens next. */
function acceptedBlock(c: Comparison, extra: GateExtra): string {
  const a = extra.accepted!;
  const names = c.causes.map((k) => {
    const d = k.rows[0];
    return d
      ? `${mdCode(d.function)} (${d.metric} +${fmt(d.deltaPp)}${unitOf(d)})`
      : mdText(k.reason);
  });
  const next = extra.sameRunner
    ? 'Once merged, this build is what later pull requests compare with.'
    : 'Once merged, the next promote on the default branch makes this build the baseline.';
  return [
    `> [!NOTE]`,
    `> **Accepted on purpose:** the label ${mdCode(a.label)} on pull request #${a.pullRequest} accepts ${c.causes.length === 1 ? 'this regression' : `these ${c.causes.length} regressions`}; the job passes. ${next}`,
    `>`,
    ...names.map((n) => `> - ${n}`),
    '',
  ].join('\n');
}

/** On other hardware than the baseline's: what differs, and which on-hardware-mismatch applied. */
function hardwareLine(c: Comparison): string {
  const h = c.hardware;
  if (!h) return '';
  const effect =
    h.onMismatch === 'fail'
      ? 'the gate fails for that alone (set it to skip-per-unit to compare shares only)'
      : h.onMismatch === 'warn'
        ? 'cost per request was still checked and decides like any row, though absolute CPU time differs between machines'
        : h.perUnitSkipped
          ? 'cost per request (absolute CPU time per request) was not checked, since it is not comparable across machines; the shares of each function were'
          : 'cost per request was not part of this comparison (no request counts); the shares of each function were checked';
  return `**Hardware:** ${mdText(h.mismatch)}. \`on-hardware-mismatch: ${h.onMismatch}\`: ${effect}.`;
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
