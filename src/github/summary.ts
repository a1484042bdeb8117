/**
 * What a person reads: the job summary / PR comment markdown (the report itself comes from
 * renderMarkdown; this adds where the baseline came from and links), the one-line summary
 * output, the regressions output, and the annotations. Within GitHub's limits:
 *
 * - annotations: GitHub shows 10 error annotations per step and drops the rest, so the
 *   failure message goes first, then at most 9 more: the causes, the ninth replaced by
 *   "N more in the job summary" when there are more than 9; comparison warnings at most 5
 *   plus one "N more";
 * - the job summary: at most 1 MiB per step (GitHub refuses a larger one), so it is cut at a
 *   line below SUMMARY_MAX_BYTES with a visible note;
 * - outputs: at most 1 MB each, so `regressions` lists the regressions that fit under
 *   OUTPUT_MAX_BYTES (output `regressions-truncated` says so);
 * - the full data is always in comparison.json and report.md in the report artifact.
 */
import { renderMarkdown } from '../report/markdown.js';
import { headline } from '../report/text.js';
import type { Comparison, FunctionDelta } from '../stats/types.js';
import { causeNames } from '../report/untrusted.js';
import { mdCode, mdText } from '../util/safe-markdown.js';
import {
  mapNames,
  MAX_NAME_CHARS,
  safeJsonText,
  safeName,
  safeSentence,
  shortenName,
} from '../util/safe-text.js';

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

/** GitHub shows this many error annotations of a step (and as many warnings). */
export const MAX_ANNOTATIONS = 10;
/** Comparison warnings annotated; the rest are in the summary. */
export const MAX_WARNING_ANNOTATIONS = 5;
/** The job summary is cut below this (GitHub's limit is 1 MiB per step). */
export const SUMMARY_MAX_BYTES = 1_000_000;
/** An output is kept below this (GitHub's limit is 1 MB). */
export const OUTPUT_MAX_BYTES = 900_000;

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

function shortenNamesIn(text: string, names: (string | undefined)[]): string {
  const long = names.filter((n): n is string => !!n && n.length > MAX_NAME_CHARS);
  return long.length ? mapNames(text, long, shortenName) : text;
}

export interface RegressionsOutput {
  json: string;
  shown: number;
  total: number;
}

/**
 * The `regressions` output: compact, stable JSON with full names (written so that echoing it
 * raw runs no workflow command: util/safe-text.ts safeJsonText; a `jq -r` of a field decodes
 * the name as it is, see docs/action.md). As many regressions as fit in maxBytes, in order.
 */
export function regressionsOutput(c: Comparison, maxBytes = OUTPUT_MAX_BYTES): RegressionsOutput {
  const items: string[] = [];
  let bytes = 2;
  for (const d of c.regressions) {
    const item = safeJsonText(
      JSON.stringify({
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
        // the sentence repeats the names: there they are shortened (the function field is whole)
        reason: shortenNamesIn(regressionSentence(d), [d.function, d.movedFrom, d.movedTo]),
      }),
    );
    const size = Buffer.byteLength(item) + (items.length ? 1 : 0);
    if (bytes + size > maxBytes) break;
    bytes += size;
    items.push(item);
  }
  return { json: `[${items.join(',')}]`, shown: items.length, total: c.regressions.length };
}

/** The regressions JSON (all that fit). */
export function regressionsJson(c: Comparison): string {
  return regressionsOutput(c).json;
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

/** Causes (or reasons) listed in the failure message; the rest are counted. */
const FAILURE_LINES = 9;

/** Failure message for core.setFailed: the verdict and each cause's sentence (or the reasons). */
export function failureMessage(c: Comparison): string {
  const all =
    c.verdict === 'inconclusive'
      ? c.inconclusive.map((r) => `  - ${safeSentence(r)}`)
      : c.causes.map((k) => `  - ${safeSentence(k.reason, causeNames(k))}`);
  const lines = all.slice(0, FAILURE_LINES);
  if (all.length > lines.length) {
    lines.push(`  - ... and ${all.length - lines.length} more (see the job summary)`);
  }
  return [`profile-gate ${oneLine(c)}`, ...lines].join('\n');
}

/**
 * Annotations after the failure annotation (`used` error annotations already written): one
 * error per cause within GitHub's 10, the last one saying how many more there are; the
 * comparison's warnings, at most MAX_WARNING_ANNOTATIONS and a count. Regressions accepted on
 * purpose (accept-label) are warnings instead of errors, within the same numbers.
 */
export function annotate(io: Annotator, c: Comparison, used = 0, accepted?: AcceptedBy): void {
  const room = Math.max(1, MAX_ANNOTATIONS - used);
  const causes = c.causes.length <= room ? c.causes : c.causes.slice(0, room - 1);
  const report = (text: string, title: string) =>
    accepted
      ? io.warning(`${text} (accepted by the label ${safeName(accepted.label)})`, {
          title: `${title}, accepted`,
        })
      : io.error(text, { title });
  for (const k of causes) {
    report(
      safeSentence(k.reason, causeNames(k)),
      k.rows[0]
        ? `profile-gate: ${safeName(k.function)} regressed (${k.rows[0].metric})`
        : 'profile-gate: different hardware',
    );
  }
  const more = c.causes.length - causes.length;
  if (more > 0) {
    report(
      `${more} more regression${more === 1 ? '' : 's'} in the job summary (all ${c.causes.length} in comparison.json in the report artifact); GitHub shows ${MAX_ANNOTATIONS} error annotations per step`,
      `profile-gate: ${more} more regression${more === 1 ? '' : 's'}`,
    );
  }
  const warnings = c.warnings.slice(0, MAX_WARNING_ANNOTATIONS);
  for (const w of warnings) io.warning(safeSentence(w), { title: 'profile-gate' });
  if (c.warnings.length > warnings.length) {
    io.warning(`${c.warnings.length - warnings.length} more warnings in the job summary`, {
      title: 'profile-gate',
    });
  }
}

/** Where the two sides came from, as the summary and the comment show it (all data, escaped). */
export interface Provenance {
  /** https://github.com/owner/repo */
  repoUrl: string;
  baseline:
    | {
        kind: 'artifact';
        runId: number;
        artifactName: string;
        headSha: string;
        createdAt: string;
      }
    | { kind: 'other'; description: string };
  /** From the baseline's manifest. */
  promotedFrom?: { commitSha: string; time: string };
  canary: { sha: string; runId: string; runUrl: string };
}

function provenanceLine(p: Provenance): string {
  const lines: string[] = [];
  const b = p.baseline;
  if (b.kind === 'artifact') {
    const url = `${p.repoUrl}/actions/runs/${b.runId}`;
    // what the API and the (validated, still untrusted) manifest say is escaped like any name
    lines.push(
      `**Baseline:** artifact ${mdCode(b.artifactName)} of [run ${mdText(String(b.runId))}](${url}) ` +
        `(commit ${mdCode(b.headSha.slice(0, 7))}, ${mdText(b.createdAt)})`,
    );
  } else {
    lines.push(`**Baseline:** ${mdText(b.description)}`);
  }
  if (p.promotedFrom) {
    lines.push(
      `promoted from commit ${mdCode(p.promotedFrom.commitSha.slice(0, 7))} at ${mdText(p.promotedFrom.time)}`,
    );
  }
  lines.push(
    `**Canary:** commit ${mdCode(p.canary.sha.slice(0, 7))}, [run ${mdText(p.canary.runId)}](${p.canary.runUrl})`,
  );
  return lines.join(' · ');
}

export function gateMarkdown(
  c: Comparison,
  provenance: Provenance,
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
  const tail = [provenanceLine(provenance), hardwareLine(c)].filter(Boolean).join('\n\n');
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
  opts: {
    artifactName: string;
    /** The job fails for it. */
    fails: boolean;
    everExisted: boolean;
    ghes?: boolean;
    title?: string;
    runId: string;
    runUrl: string;
  },
): string {
  const what = opts.fails
    ? opts.everExisted
      ? 'The job fails: this repository had a baseline for this gate before (see above), so a missing one does not pass silently (`fail-on-no-baseline: auto`, the default; `false` passes with a warning).'
      : 'The job fails because `fail-on-no-baseline` is `true`.'
    : opts.ghes
      ? 'The job passes: nothing was compared.'
      : opts.everExisted
        ? 'The job passes because `fail-on-no-baseline` is `false`: nothing was compared.'
        : 'The job passes. The first baseline is created by the `promote` step on a push to the default branch.';
  return [
    `## ${mdText(opts.title ?? 'profile-gate')}: no baseline`,
    '',
    `No baseline to compare with: ${mdText(reason)}.`,
    '',
    what,
    '',
    `Expected artifact: ${mdCode(opts.artifactName)} · [run ${mdText(opts.runId)}](${opts.runUrl})`,
    '',
  ].join('\n');
}

export function errorMarkdown(
  message: string,
  opts: { title?: string; runId: string; runUrl: string },
): string {
  return [
    `## :x: ${mdText(opts.title ?? 'profile-gate')}: error`,
    '',
    `The gate could not finish: ${mdText(message)}`,
    '',
    `No verdict; the job fails. [Run ${mdText(opts.runId)}](${opts.runUrl})`,
    '',
  ].join('\n');
}

/**
 * Markdown kept under maxBytes (UTF-8): cut at a line end, an open `<details>` closed, and a
 * note saying so.
 */
export function capMarkdown(md: string, maxBytes = SUMMARY_MAX_BYTES, where = 'report.md'): string {
  if (Buffer.byteLength(md) <= maxBytes) return md;
  const note = `\n\n**Truncated:** this summary was cut at ${maxBytes.toLocaleString('en-US')} bytes (GitHub's limit is 1 MiB); the full report is ${where} in the report artifact.\n`;
  const budget = maxBytes - Buffer.byteLength(note) - 64;
  // the longest prefix within budget bytes, then back to a line end
  let lo = 0;
  let hi = Math.min(md.length, budget);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (Buffer.byteLength(md.slice(0, mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  const line = md.lastIndexOf('\n', lo);
  let head = md.slice(0, line > 0 ? line : lo);
  const open = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
  if (open > 0) head += '\n\n</details>'.repeat(open);
  return `${head}${note}`;
}
