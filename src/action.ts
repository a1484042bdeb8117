/**
 * GitHub Action entry (bundled to dist/index.js): read and validate the inputs, run the mode,
 * set outputs; any error becomes core.setFailed with a readable message.
 */
import * as core from '@actions/core';
import { actionsArtifactTransfer } from './github/artifacts.js';
import { readRunContext } from './github/context.js';
import { realEngines } from './github/engines.js';
import { runAction, type ActionIO } from './github/gate.js';
import { InputError, readInputs } from './github/inputs.js';
import { GitHubRest } from './github/rest.js';
import type { AnnotationProps } from './github/summary.js';
import { mdFence } from './util/safe-markdown.js';
import { safeLine, safeText, shortenLongRuns } from './util/safe-text.js';
import { maskSecrets, registerSecret, secretVariants } from './util/secrets.js';
import { VERSION } from './version.js';

/**
 * Everything the Action writes to its log goes through the output-safety layer
 * (util/safe-text.ts): secrets masked, control characters replaced, workflow commands defused,
 * so that no name from a profile, manifest or server can become a command of the runner. The
 * annotations' messages and titles too (@actions/core escapes their line breaks; the text
 * itself is made safe here).
 */
const msg = (m: string) => safeText(shortenLongRuns(m));
const props = (p?: AnnotationProps) => (p?.title ? { ...p, title: safeLine(p.title) } : p);
let summaryWritten = false;
const io: ActionIO = {
  info: (m) => core.info(msg(m)),
  debug: (m) => core.debug(msg(m)),
  warning: (m, p) => core.warning(msg(m), props(p)),
  error: (m, p) => core.error(msg(m), props(p)),
  notice: (m, p) => core.notice(msg(m), props(p)),
  setOutput: (n, v) => core.setOutput(n, maskSecrets(v)),
  setFailed: (m) => core.setFailed(msg(m)),
  async writeSummary(md) {
    summaryWritten = true;
    if (!process.env.GITHUB_STEP_SUMMARY) {
      core.info(msg(md));
      return;
    }
    await core.summary.addRaw(maskSecrets(md), true).write();
  },
};

/**
 * Cancellation. On "Cancel workflow" (or a timeout) the runner sends SIGINT, then SIGTERM about
 * 7.5 s later, then kills the process tree. The first signal aborts the run: captures stop and
 * the builds the Action started are stopped (SIGTERM to their process groups, SIGKILL after a
 * grace) before the step ends. A second signal ends the step at once; the exit handler of
 * capture/command.ts then SIGKILLs every process group still running.
 */
const cancel = new AbortController();
let signals = 0;
function onSignal(sig: NodeJS.Signals): void {
  signals++;
  if (signals === 1) {
    core.info(`profile-gate: ${sig} received (job cancelled?): stopping captures and builds`);
    cancel.abort();
    return;
  }
  core.setFailed(`profile-gate: cancelled (${sig})`);
  process.exit(1);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** A secret for the runner's masking (with its encoded forms) and for ours. */
function setSecret(s: string): void {
  for (const v of secretVariants(s)) core.setSecret(v);
  registerSecret(s);
}

async function main(): Promise<void> {
  const env = process.env;
  const inputs = readInputs(env, setSecret);
  const ctx = readRunContext(env);
  core.info(`profile-gate ${VERSION}: ${inputs.mode} (${inputs.service}, ${inputs.profileType})`);
  const rest = new GitHubRest({
    token: inputs.token,
    apiUrl: ctx.apiUrl,
    graphqlUrl: ctx.graphqlUrl,
    userAgent: `profile-gate/${VERSION}`,
    log: (m) => io.info(m),
  });
  await runAction(inputs, ctx, {
    io,
    rest,
    transfer: actionsArtifactTransfer(env, {
      rest,
      owner: ctx.owner,
      repo: ctx.repo,
      log: (m) => io.info(m),
    }),
    engines: realEngines(inputs.workspace),
    env,
    signal: cancel.signal,
  });
}

/** A failure before any summary was written still leaves one (never an empty summary). */
async function failureSummary(message: string): Promise<void> {
  if (summaryWritten) return;
  try {
    await io.writeSummary(
      `## :x: profile-gate: error\n\nThe step failed before it could compare anything:\n\n${mdFence(message)}\n`,
    );
  } catch {
    // the summary file itself is not writable: the failure message stands alone
  }
}

main().catch(async (e: unknown) => {
  if (e instanceof InputError) {
    io.setFailed(e.message);
    await failureSummary(e.message);
    return;
  }
  if (cancel.signal.aborted) {
    io.setFailed('profile-gate: cancelled; the captures and the builds it started were stopped');
    return;
  }
  const err = e as Error;
  io.debug(err?.stack ?? String(e));
  io.setFailed(`profile-gate: ${err?.message ?? String(e)}`);
  await failureSummary(err?.message ?? String(e));
});
