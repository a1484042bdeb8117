/**
 * How a gate's outcome reaches people, the same for every outcome (a comparison, no baseline,
 * an error): report.md in report-dir, and on pull requests comment.md and pull-request.json
 * (the data the workflow_run comment job renders from); the report artifact, under one name
 * per run (`<baseline-artifact>-report`; a re-run replaces the earlier attempt's, so the
 * comment workflow always finds the newest); the job summary (within GitHub's size limit);
 * the sticky PR comment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { upsertStickyComment } from './comment.js';
import type { PullRequestData } from './comparison-data.js';
import { runUrl, type RunContext } from './context.js';
import type { ActionDeps } from './gate.js';
import type { ActionInputs } from './inputs.js';
import { filesIn } from './promote.js';
import { capMarkdown, type Link } from './summary.js';

/** Files the gate leaves in report-dir for the workflow_run comment pattern. */
export const COMMENT_FILE = 'comment.md';
export const PR_FILE = 'pull-request.json';
export const REPORT_FILE = 'report.md';

export interface Publication {
  /** The markdown, given the links (the report artifact's is known only after its upload). */
  render: (links: Link[]) => string;
  /** Links that come first (the baseline artifact). */
  links?: Link[];
  /** What the report files hold, for the artifact link ("flame graph ..."). */
  contents?: string[];
  /** The outcome as data, for the comment workflow. */
  data: Omit<PullRequestData, 'number' | 'headSha'>;
}

export interface Published {
  reportArtifactId?: number;
  commentAction?: string;
}

/** The report artifact's name: one per run, whatever the attempt. */
export function reportArtifactName(inputs: ActionInputs): string {
  return `${inputs.baseline.artifactName}-report`;
}

export async function publish(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
  p: Publication,
): Promise<Published> {
  const { io } = deps;
  const runLink: Link = { name: 'workflow run', url: runUrl(ctx) };
  const full = p.render([...(p.links ?? []), runLink]);
  writeFileSync(join(inputs.reportDir, REPORT_FILE), full);
  const pr = ctx.pullRequest;
  if (pr) {
    writeFileSync(join(inputs.reportDir, COMMENT_FILE), full);
    const data: PullRequestData = {
      number: pr.number,
      headSha: pr.headSha,
      ...p.data,
    };
    writeFileSync(
      join(inputs.reportDir, PR_FILE),
      JSON.stringify({ ...data, key: inputs.commentKey }) + '\n',
    );
  }
  const links = [...(p.links ?? [])];
  const id = await uploadReport(inputs, ctx, deps);
  if (id !== undefined) {
    const contents = p.contents?.length ? ` (${p.contents.join(', ')})` : '';
    links.push({ name: `report artifact${contents}`, url: `${runUrl(ctx)}/artifacts/${id}` });
    io.setOutput('report-artifact-id', String(id));
  } else {
    links.push(runLink);
  }
  const md = p.render(links);
  await io.writeSummary(capMarkdown(md));
  const commentAction = await prComment(inputs, ctx, deps, md);
  return { reportArtifactId: id, commentAction };
}

async function uploadReport(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<number | undefined> {
  if (!inputs.uploadReport) return undefined;
  const name = reportArtifactName(inputs);
  if (ctx.ghes) {
    deps.io.info(
      `Report artifact not uploaded: GitHub Enterprise Server has no artifact storage of the kind @actions/artifact 2+ uses; the report is in ${inputs.reportDir}`,
    );
    return undefined;
  }
  if (!deps.transfer.canUpload()) {
    deps.io.info(
      'Report artifact not uploaded: not running in a GitHub Actions job (no ACTIONS_RUNTIME_TOKEN)',
    );
    return undefined;
  }
  try {
    const files = filesIn(inputs.reportDir);
    const { id, replaced } = await deps.transfer.upload(
      name,
      files,
      inputs.reportDir,
      inputs.retentionDays,
      // a re-run: the earlier attempt's report is replaced, its name stays
      { overwrite: ctx.runAttempt !== '1' },
    );
    deps.io.info(
      `Report uploaded as artifact ${name} (id ${id})${replaced ? `, replacing the one of an earlier attempt of run ${ctx.runId}` : ''}`,
    );
    return id;
  } catch (e) {
    deps.io.warning(`Could not upload the report artifact ${name}: ${(e as Error).message}`, {
      title: 'profile-gate',
    });
    return undefined;
  }
}

async function prComment(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
  md: string,
): Promise<string | undefined> {
  const pr = ctx.pullRequest;
  if (!inputs.comment || !pr) return undefined;
  if (!inputs.token) {
    deps.io.warning('PR comment skipped: github-token is empty', { title: 'profile-gate' });
    return 'skipped';
  }
  const res = await upsertStickyComment(
    deps.rest,
    { owner: ctx.owner, repo: ctx.repo, issue: pr.number },
    inputs.commentKey,
    md,
  );
  if (res.action === 'skipped') {
    const fork = pr.fromFork ? ` This pull request comes from the fork ${pr.headRepo}.` : '';
    deps.io.warning(`PR comment skipped: ${res.reason}${fork}`, { title: 'profile-gate' });
  } else {
    deps.io.info(`PR comment ${res.action}: ${res.url}`);
  }
  return res.action;
}
