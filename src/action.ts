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
import { VERSION } from './version.js';

const io: ActionIO = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  warning: (m, p) => core.warning(m, p),
  error: (m, p) => core.error(m, p),
  notice: (m, p) => core.notice(m, p),
  setOutput: (n, v) => core.setOutput(n, v),
  setFailed: (m) => core.setFailed(m),
  async writeSummary(md) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      core.info(md);
      return;
    }
    await core.summary.addRaw(md, true).write();
  },
};

async function main(): Promise<void> {
  const env = process.env;
  const inputs = readInputs(env, (s) => core.setSecret(s));
  const ctx = readRunContext(env);
  core.info(`profile-gate ${VERSION}: ${inputs.mode} (${inputs.service}, ${inputs.profileType})`);
  await runAction(inputs, ctx, {
    io,
    rest: new GitHubRest({
      token: inputs.token,
      apiUrl: ctx.apiUrl,
      userAgent: `profile-gate/${VERSION}`,
    }),
    transfer: actionsArtifactTransfer(env),
    engines: realEngines(inputs.workspace),
    env,
  });
}

main().catch((e: unknown) => {
  if (e instanceof InputError) {
    core.setFailed(e.message);
    return;
  }
  const err = e as Error;
  core.debug(err?.stack ?? String(e));
  core.setFailed(`profile-gate: ${err?.message ?? String(e)}`);
});
