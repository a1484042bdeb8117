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
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { settingsFor } from '../pipeline/config.js';
import type { CompareRun, SideInput } from '../pipeline/compare.js';
import type { Env } from '../sources/auth.js';
import { fetchSourceCaptures, writeSourceCaptures } from '../sources/fetch.js';
import { describeSource, type SourceSpec } from '../sources/spec.js';
import type { DriftModel } from '../stats/drift.js';
import { DEFAULT_LIMITS } from '../profile/limits.js';
import type { ArtifactTransfer } from './artifacts.js';
import { mdCode, mdText } from '../util/safe-markdown.js';
import { safeLine } from '../util/safe-text.js';
import { redactUrl } from '../util/url.js';
import { downloadHistory, findBaseline, GHES_REASON, type BaselineResult } from './baseline.js';
import { upsertStickyComment } from './comment.js';
import { readComparisonData, readPullRequestData } from './comparison-data.js';
import { isPullRequestEvent, runUrl, type RunContext } from './context.js';
import type { Engines, ReportFile } from './engines.js';
import type { ActionInputs } from './inputs.js';
import { promote } from './promote.js';
import { COMMENT_FILE, PR_FILE, publish } from './publish.js';
import { GitHubApiError, type GitHubRest } from './rest.js';
import {
  annotate,
  errorMarkdown,
  failureMessage,
  gateMarkdown,
  noBaselineMarkdown,
  oneLine,
  regressionsOutput,
  type AcceptedBy,
  type Annotator,
  type Link,
  type Provenance,
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

export { COMMENT_FILE, PR_FILE };

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
  if (ctx.ghes) {
    const msg = `promote cannot run here: ${GHES_REASON}`;
    io.setOutput('promoted', 'false');
    io.setOutput('summary', safeLine(msg));
    await io.writeSummary(`## profile-gate: no baseline promoted\n\n${mdText(msg)}.\n`);
    throw new Error(msg);
  }
  if (!inputs.baseline.events.includes(ctx.eventName)) {
    io.warning(
      `this ${ctx.eventName} run promotes ${name}, but gates only take baselines from ${inputs.baseline.events.join(', ')} runs (baseline-events): add ${ctx.eventName} to baseline-events of the gate and of this step`,
      { title: 'profile-gate' },
    );
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
      // a re-run replaces the baseline its first attempt promoted (same run, same commit)
      overwrite: ctx.runAttempt !== '1',
    },
    ctx,
    deps.transfer,
    (m) => io.info(m),
  );
  const url = `${runUrl(ctx)}/artifacts/${res.artifactId}`;
  const line = `promoted ${res.files.length - 1} capture(s) as baseline artifact ${name} (id ${res.artifactId})${res.replaced ? `, replacing the one of an earlier attempt of run ${ctx.runId}` : ''}`;
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

/**
 * gate: every outcome (a verdict, no baseline, an error) writes the summary, the report files
 * and the report artifact, and updates the PR comment (publish.ts).
 */
async function gate(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<ActionOutcome> {
  mkdirSync(inputs.reportDir, { recursive: true });
  deps.io.setOutput('report-path', inputs.reportDir);
  try {
    return await gateSteps(inputs, ctx, deps);
  } catch (e) {
    await publishError(inputs, ctx, deps, e);
    throw e;
  }
}

async function gateSteps(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
): Promise<ActionOutcome> {
  const { io } = deps;
  const { canary, baselineDir } = await canaryInput(inputs, deps);
  const history = driftHistoryWanted(inputs, deps);
  const baseline: BaselineResult = baselineDir
    ? { found: true, source: 'same-runner', paths: [baselineDir], description: sameRunner(inputs) }
    : inputs.baselineSource
      ? {
          found: true,
          source: 'fleet',
          paths: [],
          description: describeSource(inputs.baselineSource),
        }
      : await findBaseline(
          inputs.baseline,
          ctx,
          join(inputs.workDir, 'baseline'),
          {
            rest: deps.rest,
            transfer: deps.transfer,
            log: (m) => io.info(m),
            limits: inputs.limits,
          },
          { history: Math.max(0, history - 1) },
        );
  if (!baseline.found) return noBaseline(inputs, ctx, deps, baseline);

  const drift = await driftFromHistory(inputs, deps, baseline);
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
    drift,
  });
  const c = run.comparison;
  // A failing gate on a pull request that carries the accept label is accepted on purpose.
  const accepted = c.verdict === 'fail' ? await acceptedBy(inputs, ctx, deps) : undefined;
  const verdict: Verdict = accepted ? 'accepted' : c.verdict;
  const extra = { accepted, sameRunner: baseline.source === 'same-runner' };

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

  // outputs within GitHub's 1 MB per output; the full list is in comparison.json
  const regs = regressionsOutput(c);
  io.setOutput('verdict', verdict);
  io.setOutput('regressions', regs.json);
  io.setOutput('regressions-truncated', String(regs.shown < regs.total));
  io.setOutput('summary', oneLine(c, accepted));
  if (baseline.run) io.setOutput('baseline-run-id', String(baseline.run.id));
  const truncated =
    regs.shown < regs.total
      ? `The \`regressions\` output lists ${regs.shown} of the ${regs.total} regressions (an output holds at most 1 MB; it is truncated); all of them are in comparison.json in the report artifact.`
      : undefined;

  // the failure annotation first: GitHub shows only 10 error annotations per step
  const fails =
    !accepted &&
    (c.verdict === 'fail' || (c.verdict === 'inconclusive' && inputs.onInconclusive === 'fail'));
  let failed: string | undefined;
  if (fails) {
    failed =
      c.verdict === 'inconclusive'
        ? `${failureMessage(c)}\n(on-inconclusive is fail: a gate that could not decide does not pass; set on-inconclusive: pass to let it)`
        : failureMessage(c);
    io.setFailed(failed);
  }
  annotate(io, c, fails ? 1 : 0, accepted);
  if (accepted) io.notice(oneLine(c, accepted), { title: 'profile-gate: regression accepted' });
  if (truncated) io.warning(truncated, { title: 'profile-gate: regressions output truncated' });

  const provenance = provenanceOf(ctx, baseline);
  const { commentAction } = await publish(inputs, ctx, deps, {
    render: (links) =>
      gateMarkdown(c, provenance, links, inputs.title, extra) +
      (truncated ? `\n_${mdText(truncated)}_\n` : ''),
    links: baselineArtifactLink(ctx, baseline),
    contents: files.map((f) => f.name),
    data: {
      outcome: 'compared',
      verdict,
      accepted,
      sameRunner: extra.sameRunner || undefined,
      baseline:
        provenance.baseline.kind === 'artifact'
          ? {
              runId: provenance.baseline.runId,
              artifactName: provenance.baseline.artifactName,
              headSha: provenance.baseline.headSha,
              createdAt: provenance.baseline.createdAt,
            }
          : undefined,
      promotedFrom: provenance.promotedFrom,
    },
  });
  if (!fails && c.verdict === 'inconclusive') {
    io.warning(`${oneLine(c)} (passing because on-inconclusive is pass)`, {
      title: 'profile-gate',
    });
  }
  io.info(`profile-gate ${oneLine(c, accepted)}`);
  return { mode: 'gate', verdict, failed, comparison: c, commentAction, accepted };
}

/** No baseline: passes with a notice the first time; fails closed once there was one. */
async function noBaseline(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
  b: BaselineResult & { found: false },
): Promise<ActionOutcome> {
  const { io } = deps;
  const mode = inputs.baseline.failWhenMissing;
  const fails = mode === 'always' || (mode === 'auto' && b.everExisted);
  io.setOutput('verdict', 'no-baseline');
  io.setOutput('regressions', '[]');
  io.setOutput('regressions-truncated', 'false');
  io.setOutput('summary', safeLine(`no-baseline: ${b.reason}`));
  let failed: string | undefined;
  if (fails) {
    failed = `profile-gate: no baseline to compare with (${b.reason}); failing because fail-on-no-baseline is ${
      mode === 'always'
        ? 'true'
        : 'auto and this repository had a baseline before (set fail-on-no-baseline: false to pass with a warning)'
    }`;
    io.setFailed(failed);
  }
  if (b.everExisted || b.ghes) {
    io.warning(`No baseline: ${b.reason}`, { title: 'profile-gate: no baseline' });
  } else if (!fails) {
    io.notice(`No baseline yet, the gate passes: ${b.reason}`, { title: 'profile-gate' });
  }
  const { commentAction } = await publish(inputs, ctx, deps, {
    render: () =>
      noBaselineMarkdown(b.reason, {
        artifactName: inputs.baseline.artifactName,
        fails,
        everExisted: b.everExisted,
        ghes: b.ghes,
        title: inputs.title,
        runId: ctx.runId,
        runUrl: runUrl(ctx),
      }),
    data: { outcome: 'no-baseline', reason: b.reason, fails, everExisted: b.everExisted },
  });
  return { mode: 'gate', verdict: 'no-baseline', failed, commentAction };
}

/** An error ends the gate (action.ts fails the step with it); it is reported like any outcome. */
async function publishError(
  inputs: ActionInputs,
  ctx: RunContext,
  deps: ActionDeps,
  e: unknown,
): Promise<void> {
  const message = e instanceof Error ? e.message : String(e);
  try {
    deps.io.setOutput('summary', safeLine(`error: ${message}`));
    await publish(inputs, ctx, deps, {
      render: () =>
        errorMarkdown(message, { title: inputs.title, runId: ctx.runId, runUrl: runUrl(ctx) }),
      data: { outcome: 'error', reason: message },
    });
  } catch (again) {
    deps.io.warning(`Could not report the error: ${(again as Error).message}`, {
      title: 'profile-gate',
    });
  }
}

/** How many baselines the drift estimate wants (0: off, or a calibration file is given). */
function driftHistoryWanted(inputs: ActionInputs, deps: ActionDeps): number {
  const n = inputs.baseline.history;
  const sameRunner = inputs.capture?.baselinePid || inputs.capture?.baselineEndpoint;
  if (!n || inputs.baseline.paths.length || inputs.baselineSource || sameRunner) return 0;
  try {
    if (settingsFor(inputs.workspace, inputs.settings, inputs.configPath).calibration) return 0;
  } catch {
    return 0; // the comparison reports a bad config file
  }
  deps.io.debug(`baseline-history: up to ${n} baselines for the drift estimate`);
  return n;
}

/** The run-to-run drift of the newest promoted baselines (baseline-history), when 3 or more. */
async function driftFromHistory(
  inputs: ActionInputs,
  deps: ActionDeps,
  b: BaselineResult & { found: true },
): Promise<DriftModel | undefined> {
  if (b.source !== 'artifact' || !b.history || !inputs.baseline.history) return undefined;
  const { io } = deps;
  const have = 1 + b.history.length;
  if (have < 3) {
    io.info(
      `Run-to-run drift not estimated: ${have} promoted baseline(s) so far, 3 needed (baseline-history)`,
    );
    return undefined;
  }
  const dirs = await downloadHistory(b.history, join(inputs.workDir, 'history'), {
    rest: deps.rest,
    transfer: deps.transfer,
    log: (m) => io.info(m),
    limits: inputs.limits,
  });
  const runs = [...b.paths, ...dirs];
  if (runs.length < 3) {
    io.info(`Run-to-run drift not estimated: ${runs.length} baseline(s) could be read, 3 needed`);
    return undefined;
  }
  try {
    const model = deps.engines.estimateDrift({
      runs,
      cwd: inputs.workspace,
      settings: inputs.settings,
      configPath: inputs.configPath,
      read: { limits: inputs.limits },
    });
    io.info(`Run-to-run drift estimated from the ${runs.length} newest promoted baselines`);
    return model;
  } catch (e) {
    io.info(`Run-to-run drift not estimated: ${(e as Error).message}`);
    return undefined;
  }
}

function provenanceOf(ctx: RunContext, b: BaselineResult & { found: true }): Provenance {
  const p = b.manifest?.promotion;
  return {
    repoUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`,
    baseline:
      b.source === 'artifact' && b.run && b.artifact
        ? {
            kind: 'artifact',
            runId: b.run.id,
            artifactName: b.artifact.name,
            headSha: b.run.head_sha,
            createdAt: String(b.run.created_at),
          }
        : { kind: 'other', description: b.description },
    promotedFrom: p ? { commitSha: p.commitSha, time: p.time } : undefined,
    canary: { sha: ctx.pullRequest?.headSha || ctx.sha, runId: ctx.runId, runUrl: runUrl(ctx) },
  };
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

/**
 * workflow_run pattern: post the comment for a fork PR's gate run from the data in its report
 * artifact (comparison.json, pull-request.json: checked, comparison-data.ts), rendered here
 * with this workflow's own title and comment key. Nothing from the artifact is posted as it is.
 */
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
  if (!existsSync(prFile)) {
    io.info(
      `No ${PR_FILE} in ${inputs.reportDir}: the gate run was not for a pull request; nothing to post`,
    );
    return { mode: 'comment' };
  }
  const data = readPullRequestData(prFile);
  const number = data.number;
  // the PR must be the one the triggering run built (the run's head, as GitHub tells it)
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
  const repoUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`;
  const gateRun = { runId: String(wr.id), runUrl: `${repoUrl}/actions/runs/${wr.id}` };
  let body: string;
  if (data.outcome === 'compared') {
    const maxBytes = inputs.limits.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
    const c = readComparisonData(join(inputs.reportDir, 'comparison.json'), maxBytes);
    const provenance: Provenance = {
      repoUrl,
      baseline: data.baseline
        ? { kind: 'artifact', ...data.baseline }
        : {
            kind: 'other',
            description: data.sameRunner
              ? 'same runner, interleaved A/B: the base build captured in alternation with this one (as the gate run says)'
              : 'as the gate run says',
          },
      promotedFrom: data.promotedFrom,
      canary: { sha: wr.headSha, ...gateRun },
    };
    // an acceptance is shown only for the verdict it belongs to, on this pull request
    const accepted =
      data.verdict === 'accepted' && c.verdict === 'fail' && data.accepted?.pullRequest === number
        ? data.accepted
        : undefined;
    body = gateMarkdown(c, provenance, [{ name: 'gate run', url: gateRun.runUrl }], inputs.title, {
      accepted,
      sameRunner: data.sameRunner,
    });
  } else if (data.outcome === 'no-baseline') {
    body = noBaselineMarkdown(data.reason ?? 'the gate run found none', {
      artifactName: inputs.baseline.artifactName,
      fails: data.fails ?? false,
      everExisted: data.everExisted ?? false,
      title: inputs.title,
      ...gateRun,
    });
  } else {
    body = errorMarkdown(data.reason ?? 'see the gate run', { title: inputs.title, ...gateRun });
  }
  const res = await upsertStickyComment(
    deps.rest,
    { owner: ctx.owner, repo: ctx.repo, issue: number },
    inputs.commentKey,
    body,
  );
  if (res.action === 'skipped')
    io.warning(`PR comment skipped: ${res.reason}`, { title: 'profile-gate' });
  else io.info(`PR comment ${res.action}: ${res.url}`);
  return { mode: 'comment', commentAction: res.action };
}
