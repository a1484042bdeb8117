/**
 * The Action's logic for its modes, independent of process globals: everything it touches
 * (inputs, run context, logging/outputs, GitHub REST, artifact transfer, the comparison
 * engines) comes in as arguments, so tests can run it in-process with fakes.
 *
 * - gate: baseline in (artifact, path, or captured now on this runner in alternation with the
 *   canary), canary (on disk or captured now, from builds it may start itself), compare, report
 *   (job summary, sticky PR comment, annotations, report artifact), pass / fail / accepted (a
 *   failing gate on a pull request that carries the accept label) / no-baseline.
 * - promote: upload the captures + manifest as the baseline artifact (never on pull requests).
 * - capture: capture only.
 * - comment: post the sticky comment from a gate run's report artifact (workflow_run pattern
 *   for pull requests from forks).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CompareRun, SideInput } from '../pipeline/compare.js';
import type { Env } from '../sources/auth.js';
import { fetchSourceCaptures, writeSourceCaptures } from '../sources/fetch.js';
import { describeSource, type SourceSpec } from '../sources/spec.js';
import type { ArtifactTransfer } from './artifacts.js';
import { mdCode, mdText } from '../util/safe-markdown.js';
import { safeLine } from '../util/safe-text.js';
import { redactUrl } from '../util/url.js';
import { findBaseline, type BaselineResult } from './baseline.js';
import { commentMarker, upsertStickyComment } from './comment.js';
import { isPullRequestEvent, runUrl, type RunContext } from './context.js';
import type { Engines, ReportFile } from './engines.js';
import type { ActionInputs } from './inputs.js';
import { filesIn, promote } from './promote.js';
import { GitHubApiError, type GitHubRest } from './rest.js';
import {
  annotate,
  failureMessage,
  gateMarkdown,
  noBaselineMarkdown,
  oneLine,
  regressionsJson,
  type AcceptedBy,
  type Annotator,
  type Link,
} from './summary.js';

export interface ActionIO extends Annotator {
  info(msg: string): void;
  debug(msg: string): void;
  setOutput(name: string, value: string): void;
  setFailed(msg: string): void;
  writeSummary(markdown: string): Promise<void>;
}

export interface ActionDeps {
  io: ActionIO;
  /** The step's environment (fleet-source credentials are read from it). */
  env: Env;
  rest: GitHubRest;
  transfer: ArtifactTransfer;
  engines: Engines;
  /** Cancellation of the job (the runner's SIGINT / SIGTERM): stops captures and builds. */
  signal?: AbortSignal;
}

export type Verdict = 'pass' | 'fail' | 'accepted' | 'inconclusive' | 'no-baseline';

export interface ActionOutcome {
  mode: ActionInputs['mode'];
  verdict?: Verdict;
  failed?: string;
  comparison?: CompareRun['comparison'];
  commentAction?: string;
  promotedArtifactId?: number;
  /** The label that accepted a failing gate (verdict accepted). */
  accepted?: AcceptedBy;
}

/** Files the gate leaves in report-dir for the workflow_run comment pattern. */
export const COMMENT_FILE = 'comment.md';
export const PR_FILE = 'pull-request.json';

export async function runAction(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<ActionOutcome> {
  for (const d of inputs.deprecated) deps.io.warning(d, { title: 'profile-gate' });
  switch (inputs.mode) {
    case 'gate':
      return gate(inputs, ctx, deps);
    case 'promote':
      return promoteMode(inputs, ctx, deps);
    case 'capture':
      return captureMode(inputs, deps);
    case 'comment':
      return commentMode(inputs, ctx, deps);
  }
}

/** Reads a fleet-source window (K slices) into a capture folder under the work dir. */
async function fetchSource(
  spec: SourceSpec,
  side: 'baseline' | 'canary',
  inputs: ActionInputs,
  deps: ActionDeps,
): Promise<string> {
  const dir = join(inputs.workDir, `${side}-source`);
  rmSync(dir, { recursive: true, force: true });
  deps.io.info(`Reading the ${side} from ${describeSource(spec)}`);
  const res = await fetchSourceCaptures(spec, {
    env: deps.env,
    log: (m) => deps.io.info(m),
    limits: inputs.limits,
  });
  writeSourceCaptures(dir, res);
  return dir;
}

/**
 * The canary for the gate: captures on disk, a fleet-source window (read in memory), or captured
 * now (with a baseline pid, the baseline build is captured in alternation with it: `baselineDir`).
 */
async function canaryInput(
  inputs: ActionInputs,
  deps: ActionDeps,
): Promise<{ canary: SideInput; baselineDir?: string }> {
  if (inputs.canaryPaths.length) return { canary: { paths: inputs.canaryPaths } };
  if (inputs.canarySource) return { canary: { source: inputs.canarySource } };
  const res = await captureCanary(inputs, deps);
  return { canary: { paths: [res.dir] }, baselineDir: res.baselineDir };
}

/** The canary for promote and capture, which keep it as files. */
async function canaryPaths(inputs: ActionInputs, deps: ActionDeps): Promise<string[]> {
  const { canary: c } = await canaryInput(inputs, deps);
  return 'paths' in c ? c.paths : [await fetchSource(c.source, 'canary', inputs, deps)];
}

async function captureCanary(
  inputs: ActionInputs,
  deps: ActionDeps,
): Promise<{ dir: string; baselineDir?: string }> {
  if (!inputs.capture) throw new Error('no canary: set canary-path, endpoint or profiler');
  const c = inputs.capture;
  const from = c.profiler
    ? `process ${c.pid} with ${c.profiler}${c.baselinePid ? ` (interleaved with the baseline build, process ${c.baselinePid})` : ''}`
    : `${redactUrl(c.endpoint ?? '')}${c.baselineEndpoint ? ` (interleaved with the baseline build at ${redactUrl(c.baselineEndpoint)})` : ''}`;
  deps.io.info(
    `Capturing ${c.captures} x ${c.seconds}s ${c.profileType} profiles${c.baselineEndpoint || c.baselinePid ? ' per build' : ''} from ${from} (warm-up ${c.warmupSeconds}s)`,
  );
  const res = await deps.engines.capture(
    c,
    {
      info: (m) => deps.io.info(m),
      warning: (m) => deps.io.warning(m, { title: 'profile-gate capture' }),
    },
    {
      builds: inputs.builds,
      readyTimeoutMs: inputs.readyTimeoutSeconds * 1000,
      signal: deps.signal,
      env: deps.env,
      cwd: inputs.workspace,
    },
  );
  deps.io.setOutput('capture-path', res.dir);
  return res;
}

async function captureMode(inputs: ActionInputs, deps: ActionDeps): Promise<ActionOutcome> {
  const [dir] = await canaryPaths(inputs, deps);
  deps.io.setOutput('summary', `captured into ${dir}`);
  await deps.io.writeSummary(`## profile-gate: captured\n\nCaptures written to ${mdCode(dir)}.\n`);
  return { mode: 'capture' };
}

async function promoteMode(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<ActionOutcome> {
  const { io } = deps;
  const name = inputs.baseline.artifactName;
  if (isPullRequestEvent(ctx) || ctx.pullRequest) {
    const msg = `promote skipped: pull request runs never promote a baseline (event ${ctx.eventName}). Promote on push to the default branch.`;
    io.warning(msg, { title: 'profile-gate' });
    io.setOutput('promoted', 'false');
    io.setOutput('summary', msg);
    return { mode: 'promote' };
  }
  const paths = await canaryPaths(inputs, deps);
  const res = await promote(
    {
      name,
      paths,
      cwd: inputs.workspace,
      profileType: inputs.profileType,
      retentionDays: inputs.retentionDays,
      settings: {
        ...inputs.settings,
        configFile: inputs.configPath ? relative(inputs.workspace, inputs.configPath) : undefined,
      },
      stagingDir: join(inputs.workDir, 'promote'),
    },
    ctx,
    deps.transfer,
    (m) => io.info(m),
  );
  const url = `${runUrl(ctx)}/artifacts/${res.artifactId}`;
  const line = `promoted ${res.files.length - 1} capture(s) as baseline artifact ${name} (id ${res.artifactId})`;
  io.info(line);
  io.setOutput('promoted', 'true');
  io.setOutput('artifact-id', String(res.artifactId));
  io.setOutput('artifact-name', name);
  io.setOutput('summary', line);
  await io.writeSummary(
    [
      `## profile-gate: baseline promoted`,
      '',
      `[${mdCode(name)}](${url}): ${res.files.length - 1} capture(s) from commit ${mdCode(ctx.sha.slice(0, 7))}, run ${mdText(ctx.runId)}.`,
      `Kept for ${inputs.retentionDays} days (or the repository's artifact retention, if shorter); promote again before it expires.`,
      '',
    ].join('\n'),
  );
  return { mode: 'promote', promotedArtifactId: res.artifactId };
}

async function gate(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<ActionOutcome> {
  const { io } = deps;
  const { canary, baselineDir } = await canaryInput(inputs, deps);
  const baseline: BaselineResult = baselineDir
    ? { found: true, source: 'same-runner', paths: [baselineDir], description: sameRunner(inputs) }
    : inputs.baselineSource
      ? {
          found: true,
          source: 'fleet',
          paths: [],
          description: describeSource(inputs.baselineSource),
        }
      : await findBaseline(inputs.baseline, ctx, join(inputs.workDir, 'baseline'), {
          rest: deps.rest,
          transfer: deps.transfer,
          token: inputs.token,
          log: (m) => io.info(m),
          limits: inputs.limits,
        });
  mkdirSync(inputs.reportDir, { recursive: true });
  io.setOutput('report-path', inputs.reportDir);

  if (!baseline.found) {
    const fails = inputs.baseline.failWhenMissing;
    const md = noBaselineMarkdown(baseline.reason, ctx, {
      artifactName: inputs.baseline.artifactName,
      fails,
      title: inputs.title,
    });
    const line = safeLine(`no-baseline: ${baseline.reason}`);
    writeFileSync(join(inputs.reportDir, 'report.md'), md);
    io.setOutput('verdict', 'no-baseline');
    io.setOutput('regressions', '[]');
    io.setOutput('summary', line);
    if (!fails)
      io.notice(`No baseline yet, the gate passes: ${baseline.reason}`, { title: 'profile-gate' });
    await io.writeSummary(md);
    const commentAction = await prComment(inputs, ctx, deps, md);
    if (fails) {
      const failed = `profile-gate: no baseline to compare with (${baseline.reason}); failing because fail-on-no-baseline is set`;
      io.setFailed(failed);
      return { mode: 'gate', verdict: 'no-baseline', failed, commentAction };
    }
    return { mode: 'gate', verdict: 'no-baseline', commentAction };
  }

  const canaryText = 'paths' in canary ? canary.paths.join(', ') : describeSource(canary.source);
  io.info(`Comparing canary ${canaryText} with baseline: ${baseline.description}`);
  const run = await deps.engines.compare({
    baseline: inputs.baselineSource ? { source: inputs.baselineSource } : { paths: baseline.paths },
    canary,
    cwd: inputs.workspace,
    env: deps.env,
    settings: inputs.settings,
    configPath: inputs.configPath,
    read: { limits: inputs.limits },
    // the report artifact holds flame graphs and a diff profile: they need the stacks
    need: 'stacks',
    log: (m) => io.info(m),
  });
  const c = run.comparison;
  // A failing gate on a pull request that carries the accept label is accepted on purpose.
  const accepted = c.verdict === 'fail' ? await acceptedBy(inputs, ctx, deps) : undefined;
  const verdict: Verdict = accepted ? 'accepted' : c.verdict;
  const extra = { accepted, sameRunner: baseline.source === 'same-runner' };

  // Report files, then the report artifact (links need its id).
  let files: ReportFile[] = [];
  try {
    files = await deps.engines.writeReports(run, inputs.reportDir, {
      title: inputs.title,
      maxFrames: inputs.limits.maxFrames,
    });
  } catch (e) {
    io.warning(`Could not write the report files: ${(e as Error).message}`, {
      title: 'profile-gate',
    });
  }
  writeFileSync(
    join(inputs.reportDir, 'comparison.json'),
    JSON.stringify(accepted ? { ...c, accepted } : c, null, 2) + '\n',
  );
  const runLinks: Link[] = [{ name: 'workflow run', url: runUrl(ctx) }];
  const baselineLinks = baselineArtifactLink(ctx, baseline);
  const forArtifact = gateMarkdown(
    c,
    ctx,
    baseline,
    [...baselineLinks, ...runLinks],
    inputs.title,
    extra,
  );
  writeFileSync(join(inputs.reportDir, 'report.md'), forArtifact);
  if (ctx.pullRequest) {
    // For the workflow_run pattern (fork PRs): the comment and the PR it belongs to.
    writeFileSync(join(inputs.reportDir, COMMENT_FILE), forArtifact);
    writeFileSync(
      join(inputs.reportDir, PR_FILE),
      JSON.stringify({
        number: ctx.pullRequest.number,
        headSha: ctx.pullRequest.headSha,
        key: inputs.commentKey,
      }) + '\n',
    );
  }
  const links: Link[] = [...baselineLinks];
  const reportArtifact = await uploadReport(inputs, ctx, deps);
  if (reportArtifact) {
    const url = `${runUrl(ctx)}/artifacts/${reportArtifact}`;
    const contents = files.map((f) => f.name).join(', ');
    links.push({ name: `report artifact${contents ? ` (${contents})` : ''}`, url });
    io.setOutput('report-artifact-id', String(reportArtifact));
  } else {
    links.push(...runLinks);
  }
  const md = gateMarkdown(c, ctx, baseline, links, inputs.title, extra);

  io.setOutput('verdict', verdict);
  io.setOutput('regressions', regressionsJson(c));
  io.setOutput('summary', oneLine(c, accepted));
  if (baseline.run) io.setOutput('baseline-run-id', String(baseline.run.id));
  annotate(io, c, accepted);
  await io.writeSummary(md);
  const commentAction = await prComment(inputs, ctx, deps, md);
  if (accepted) {
    io.notice(oneLine(c, accepted), { title: 'profile-gate: regression accepted' });
    return { mode: 'gate', verdict, comparison: c, commentAction, accepted };
  }
  if (c.verdict === 'fail' || (c.verdict === 'inconclusive' && inputs.onInconclusive === 'fail')) {
    const failed =
      c.verdict === 'inconclusive'
        ? `${failureMessage(c)}\n(on-inconclusive is fail: a gate that could not decide does not pass; set on-inconclusive: pass to let it)`
        : failureMessage(c);
    io.setFailed(failed);
    return { mode: 'gate', verdict: c.verdict, failed, comparison: c, commentAction };
  }
  if (c.verdict === 'inconclusive') {
    io.warning(`${oneLine(c)} (passing because on-inconclusive is pass)`, {
      title: 'profile-gate',
    });
  }
  io.info(`profile-gate ${oneLine(c)}`);
  return { mode: 'gate', verdict: c.verdict, comparison: c, commentAction };
}

/** What the summary says about a baseline captured on this runner with the canary. */
function sameRunner(inputs: ActionInputs): string {
  const c = inputs.capture;
  const started = inputs.builds.some((b) => b.role === 'baseline')
    ? ', started by baseline-run'
    : '';
  const which = c?.baselineEndpoint
    ? `at ${redactUrl(c.baselineEndpoint)}${started}`
    : `process ${c?.baselinePid}`;
  return `same runner, interleaved A/B: the baseline build (${which}) captured in alternation with the canary, under the same offered load`;
}

/**
 * The accept label, when this run is for a pull request that carries it now (read from the API:
 * a re-run's event payload holds the labels of the first run). Undefined otherwise, with a
 * warning when the labels could not be read (the gate then fails as it would without them).
 */
async function acceptedBy(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<AcceptedBy | undefined> {
  const pr = ctx.pullRequest;
  if (!pr) return undefined;
  let labels: string[];
  try {
    labels = await deps.rest.getPullRequestLabels(ctx.owner, ctx.repo, pr.number);
  } catch (e) {
    const perm =
      e instanceof GitHubApiError && (e.status === 403 || e.status === 404)
        ? ' (the token needs pull-requests: read)'
        : '';
    deps.io.warning(
      `Could not read the labels of pull request #${pr.number}: ${(e as Error).message}${perm}. The ${inputs.acceptLabel} label cannot accept the regression; the gate fails as without it`,
      { title: 'profile-gate' },
    );
    return undefined;
  }
  const want = inputs.acceptLabel.toLowerCase();
  const label = labels.find((l) => l.toLowerCase() === want);
  return label === undefined ? undefined : { label, pullRequest: pr.number };
}

function baselineArtifactLink(ctx: RunContext, b: BaselineResult & { found: true }): Link[] {
  if (!b.run || !b.artifact) return [];
  return [
    {
      name: `baseline artifact ${b.artifact.name}`,
      url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${b.run.id}/artifacts/${b.artifact.id}`,
    },
  ];
}

async function uploadReport(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<number | undefined> {
  if (!inputs.uploadReport) return undefined;
  if (!deps.transfer.canUpload()) {
    deps.io.info(
      'Report artifact not uploaded: not running in a GitHub Actions job (no ACTIONS_RUNTIME_TOKEN)',
    );
    return undefined;
  }
  const name = `${inputs.baseline.artifactName}-report${ctx.runAttempt !== '1' ? `-attempt${ctx.runAttempt}` : ''}`;
  try {
    const files = filesIn(inputs.reportDir);
    const { id } = await deps.transfer.upload(name, files, inputs.reportDir, inputs.retentionDays);
    deps.io.info(`Report uploaded as artifact ${name} (id ${id})`);
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

/** workflow_run pattern: post the comment a fork PR's gate run left in its report artifact. */
async function commentMode(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<ActionOutcome> {
  const { io } = deps;
  const wr = ctx.workflowRun;
  if (!wr) {
    throw new Error(
      'comment mode runs on the workflow_run event (see docs/action.md, fork pull requests)',
    );
  }
  const prFile = join(inputs.reportDir, PR_FILE);
  const bodyFile = join(inputs.reportDir, COMMENT_FILE);
  if (!existsSync(prFile) || !existsSync(bodyFile)) {
    io.info(
      `No ${PR_FILE} / ${COMMENT_FILE} in ${inputs.reportDir}: the gate run was not for a pull request; nothing to post`,
    );
    return { mode: 'comment' };
  }
  // Both files come from an untrusted run: check them against what GitHub says.
  let info: { number?: unknown; key?: unknown };
  try {
    info = JSON.parse(readFileSync(prFile, 'utf8'));
  } catch {
    throw new Error(`${prFile} is not valid JSON`);
  }
  const number = info.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) {
    throw new Error(`${prFile}: "number" is not a pull request number`);
  }
  const pr = await deps.rest.getPullRequest(ctx.owner, ctx.repo, number);
  const sameHead =
    pr.head.sha === wr.headSha ||
    (pr.head.repo?.full_name === wr.headRepo && pr.head.ref === wr.headBranch);
  if (!sameHead) {
    io.warning(
      `comment skipped: pull request #${number} does not belong to the triggering run (head ${wr.headRepo}:${wr.headBranch})`,
      { title: 'profile-gate' },
    );
    return { mode: 'comment', commentAction: 'skipped' };
  }
  const key =
    typeof info.key === 'string' && /^[A-Za-z0-9_.:/@-]+$/.test(info.key)
      ? info.key
      : inputs.commentKey;
  const body = readFileSync(bodyFile, 'utf8').replace(/<!--\s*profile-gate:/g, '<!-- ');
  const res = await upsertStickyComment(
    deps.rest,
    { owner: ctx.owner, repo: ctx.repo, issue: number },
    key,
    `${commentMarker(key)}\n${body}`,
  );
  if (res.action === 'skipped')
    io.warning(`PR comment skipped: ${res.reason}`, { title: 'profile-gate' });
  else io.info(`PR comment ${res.action}: ${res.url}`);
  return { mode: 'comment', commentAction: res.action };
}
