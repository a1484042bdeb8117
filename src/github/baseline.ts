/**
 * Where the baseline comes from: a local path, or the artifact of the most recent successful
 * run of the same workflow on the default branch (branch, workflow and event configurable).
 * "No baseline" (first run, workflow not on that branch yet, artifact expired) is a normal
 * outcome with a reason, not an error.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MANIFEST_FILE, readManifestFile, type Manifest } from '../captureset/manifest.js';
import type { ArtifactTransfer } from './artifacts.js';
import { ArtifactError, MAX_ARTIFACT_ENTRIES } from './artifact-zip.js';
import { DEFAULT_LIMITS, type Limits } from '../profile/limits.js';
import type { RunContext } from './context.js';
import type { BaselineOptions } from './inputs.js';
import { GitHubApiError, type Artifact, type GitHubRest, type WorkflowRun } from './rest.js';

export type BaselineResult =
  | {
      found: true;
      /** same-runner: captured now on this runner, in alternation with the canary. */
      source: 'path' | 'artifact' | 'fleet' | 'same-runner';
      /** Files or folders to compare against. */
      paths: string[];
      /** Human-readable origin for reports. */
      description: string;
      run?: WorkflowRun;
      artifact?: Artifact;
      manifest?: Manifest;
    }
  | { found: false; reason: string };

/** How many recent successful runs are searched for the artifact. */
export const RUNS_SEARCHED = 30;

export interface BaselineDeps {
  rest: GitHubRest;
  transfer: ArtifactTransfer;
  token: string;
  log: (msg: string) => void;
  /** Limits of decoded work: maxInputBytes bounds the artifact (zip and unpacked files). */
  limits?: Partial<Limits>;
}

export async function findBaseline(
  opts: BaselineOptions,
  ctx: RunContext,
  downloadDir: string,
  deps: BaselineDeps,
): Promise<BaselineResult> {
  if (opts.paths.length) {
    const manifestPath = opts.paths.length === 1 ? join(opts.paths[0], MANIFEST_FILE) : undefined;
    return {
      found: true,
      source: 'path',
      paths: opts.paths,
      description: `local path ${opts.paths.join(', ')}`,
      manifest: manifestPath ? readManifest(manifestPath) : undefined,
    };
  }
  const { rest } = deps;
  const workflow = opts.workflow ? workflowId(opts.workflow) : ctx.workflowFile;
  if (!workflow) {
    throw new Error(
      'cannot tell which workflow produces the baseline (GITHUB_WORKFLOW_REF is not set); set baseline-workflow',
    );
  }
  let branch = opts.branch ?? ctx.defaultBranch;
  try {
    if (!branch) branch = (await rest.getRepository(ctx.owner, ctx.repo)).default_branch;
    const what = `successful ${opts.event ? `${opts.event} ` : ''}runs of ${workflow} on ${branch}`;
    let runs: WorkflowRun[];
    try {
      runs = await rest.listWorkflowRuns(ctx.owner, ctx.repo, workflow, {
        branch,
        status: 'success',
        event: opts.event,
        perPage: RUNS_SEARCHED,
      });
    } catch (e) {
      if (e instanceof GitHubApiError && e.status === 404) {
        return {
          found: false,
          reason: `workflow ${workflow} was not found in ${ctx.owner}/${ctx.repo} (it may exist only on this branch so far)`,
        };
      }
      throw e;
    }
    runs = runs.filter((r) => String(r.id) !== ctx.runId);
    if (!runs.length) return { found: false, reason: `no ${what} yet` };
    let expired: { run: WorkflowRun; artifact: Artifact } | undefined;
    for (const run of runs) {
      const artifacts = await rest.listRunArtifacts(ctx.owner, ctx.repo, run.id, opts.artifactName);
      const named = artifacts.filter((a) => a.name === opts.artifactName);
      const live = named.find((a) => !a.expired);
      if (!live) {
        if (named.length && !expired) expired = { run, artifact: named[0] };
        continue;
      }
      deps.log(
        `Baseline: artifact ${live.name} (id ${live.id}) of run ${run.id} (${run.head_sha.slice(0, 7)}, ${run.created_at})`,
      );
      const maxBytes = deps.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
      const what = `baseline artifact ${live.name} (id ${live.id}) of run ${run.id}`;
      if (live.size_in_bytes > maxBytes) {
        throw new ArtifactError(
          `${what} is ${live.size_in_bytes} bytes, more than ${maxBytes} (raise it with max-input-mb)`,
        );
      }
      rmSync(downloadDir, { recursive: true, force: true });
      mkdirSync(downloadDir, { recursive: true });
      await deps.transfer.download(
        live.id,
        downloadDir,
        {
          token: deps.token,
          workflowRunId: run.id,
          repositoryOwner: ctx.owner,
          repositoryName: ctx.repo,
        },
        { maxBytes, maxEntries: MAX_ARTIFACT_ENTRIES },
      );
      checkSetFolder(downloadDir, maxBytes, what);
      return {
        found: true,
        source: 'artifact',
        paths: [downloadDir],
        description: `artifact ${live.name} of run ${run.id} (commit ${run.head_sha.slice(0, 7)})`,
        run,
        artifact: live,
        manifest: readManifest(join(downloadDir, MANIFEST_FILE)),
      };
    }
    if (expired) {
      return {
        found: false,
        reason: `the baseline artifact ${opts.artifactName} of run ${expired.run.id} has expired (artifacts are kept 90 days by default); promote a new baseline`,
      };
    }
    return {
      found: false,
      reason: `none of the last ${runs.length} ${what} has an artifact named ${opts.artifactName}`,
    };
  } catch (e) {
    if (e instanceof GitHubApiError && (e.status === 403 || e.status === 401)) {
      throw new Error(
        `${e.message}. The token cannot read workflow runs or artifacts: give the job \`permissions: actions: read\` (and contents: read), or pass a token that can`,
      );
    }
    throw e;
  }
}

/** Accepts `gate.yml`, `.github/workflows/gate.yml`, `owner/repo/.github/workflows/gate.yml@ref`, or a numeric id. */
export function workflowId(w: string): string {
  const noRef = w.replace(/@.*$/, '');
  return /^\d+$/.test(noRef) ? noRef : basename(noRef);
}

/**
 * The manifest.json at `path`, checked against its schema (captureset/manifest.ts); undefined
 * when there is none. A manifest that is there but invalid is an error naming it: a baseline
 * must not silently lose what its manifest says (units of work, the sample type).
 */
export function readManifest(path: string): Manifest | undefined {
  if (!existsSync(path)) return undefined;
  return readManifestFile(path);
}

/**
 * A downloaded baseline is one flat folder of plain files within the size and count limits
 * (whatever put them there).
 */
function checkSetFolder(dir: string, maxBytes: number, what: string): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.length > MAX_ARTIFACT_ENTRIES) {
    throw new ArtifactError(`${what}: ${entries.length} files, more than ${MAX_ARTIFACT_ENTRIES}`);
  }
  let total = 0;
  for (const e of entries) {
    if (!e.isFile()) {
      throw new ArtifactError(
        `${what}: ${JSON.stringify(e.name)} is not a plain file; a baseline is one flat folder of files`,
      );
    }
    total += statSync(join(dir, e.name)).size;
    if (total > maxBytes) {
      throw new ArtifactError(`${what}: its files add up to more than ${maxBytes} bytes`);
    }
  }
}
