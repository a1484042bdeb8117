/**
 * Where the baseline comes from: a local path, or the newest artifact of that name that this
 * repository's own code promoted on the baseline branch.
 *
 * Discovery cannot be poisoned by pull requests: anyone who opens a pull request (from a fork,
 * too) can run a workflow that uploads an artifact with the baseline's name, and GitHub's run
 * filters do not keep it out (`branch=main` also matches a fork's `main`;
 * `exclude_pull_requests` only empties each run's `pull_requests` list). So:
 *
 * 1. one repository-level query, `GET /repos/{o}/{r}/actions/artifacts?name=...`, newest first
 *    (at most MAX_PAGES pages of 100); artifacts whose run's head repository is not this
 *    repository, or whose branch is not the baseline branch, are dropped from what the listing
 *    itself says (no request per fork artifact);
 * 2. the run of each remaining live artifact is fetched (`GET .../actions/runs/{id}`) and must
 *    be: this repository's code (head_repository), on the baseline branch, an event in
 *    `baseline-events` (push by default; never a pull request), of `baseline-workflow`
 *    (default: the workflow running now), completed with success, and not this run;
 * 3. the first that passes is the baseline; its zip is downloaded with the digest the listing
 *    gave and checked against it (artifacts.ts). The next ones (baseline-history) feed the
 *    drift estimate.
 *
 * No baseline is a normal outcome with a reason that says which case it is: never promoted on
 * this branch (`everExisted: false`), or promoted before but expired or unusable
 * (`everExisted: true`: the gate fails closed unless told otherwise), or GitHub Enterprise
 * Server (no artifact storage of this kind).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MANIFEST_FILE, readManifestFile, type Manifest } from '../captureset/manifest.js';
import type { ArtifactTransfer, Downloaded } from './artifacts.js';
import { ArtifactError, MAX_ARTIFACT_ENTRIES } from './artifact-zip.js';
import { DEFAULT_LIMITS, type Limits } from '../profile/limits.js';
import type { RunContext } from './context.js';
import type { BaselineOptions } from './inputs.js';
import { GitHubApiError, type Artifact, type GitHubRest, type WorkflowRun } from './rest.js';

/** A baseline artifact whose run passed every check. */
export interface Candidate {
  run: WorkflowRun;
  artifact: Artifact;
}

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
      /** The download's digest and whether it matched the one GitHub recorded. */
      download?: Downloaded;
      /** Older verified baselines, newest first (for the drift estimate), not downloaded. */
      history?: Candidate[];
    }
  | {
      found: false;
      reason: string;
      /**
       * This repository had a baseline of this name on the branch before (expired, or not
       * usable): a missing baseline now is a failure unless fail-on-no-baseline is false.
       */
      everExisted: boolean;
      /** GitHub Enterprise Server: artifact baselines cannot work there. */
      ghes?: boolean;
    };

/** Pages of 100 artifacts searched, newest first. */
export const MAX_PAGES = 10;
/** Runs fetched to verify candidates (one request each). */
export const MAX_RUN_CHECKS = 40;

export interface BaselineDeps {
  rest: GitHubRest;
  transfer: ArtifactTransfer;
  log: (msg: string) => void;
  /** Limits of decoded work: maxInputBytes bounds the artifact (zip and unpacked files). */
  limits?: Partial<Limits>;
}

export const GHES_REASON =
  'this is GitHub Enterprise Server, where the artifact storage profile-gate keeps baselines in (artifacts v4, @actions/artifact 2 and later) is not available. Give the baseline another way: baseline-path (a baseline kept in the repository or restored from a cache), baseline-source (Pyroscope or Parca), or baseline-pid (the baseline build captured on the same runner)';

export async function findBaseline(
  opts: BaselineOptions,
  ctx: RunContext,
  downloadDir: string,
  deps: BaselineDeps,
  want: { history: number } = { history: 0 },
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
  if (ctx.ghes) return { found: false, reason: GHES_REASON, everExisted: false, ghes: true };
  const found = await withPermissionHint(() =>
    discoverBaselines(opts, ctx, deps.rest, 1 + want.history, deps.log),
  );
  if (!found.candidates.length) {
    return { found: false, reason: found.reason ?? 'no baseline', everExisted: found.everExisted };
  }
  const [{ run, artifact }, ...history] = found.candidates;
  const maxBytes = deps.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const what = `baseline artifact ${artifact.name} (id ${artifact.id}) of run ${run.id}`;
  deps.log(
    `Baseline: artifact ${artifact.name} (id ${artifact.id}) of ${run.event} run ${run.id} (${run.head_sha.slice(0, 7)}, ${run.created_at})`,
  );
  const download = await downloadSet(artifact, downloadDir, maxBytes, what, deps);
  return {
    found: true,
    source: 'artifact',
    paths: [downloadDir],
    description: `artifact ${artifact.name} of run ${run.id} (commit ${run.head_sha.slice(0, 7)})`,
    run,
    artifact,
    manifest: readManifest(join(downloadDir, MANIFEST_FILE)),
    download,
    history,
  };
}

/** Downloads older baselines into dir/1, dir/2...; one that cannot be had is left out (logged). */
export async function downloadHistory(
  history: Candidate[],
  dir: string,
  deps: BaselineDeps,
): Promise<string[]> {
  const maxBytes = deps.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const out: string[] = [];
  for (const [i, { run, artifact }] of history.entries()) {
    const d = join(dir, String(i + 1));
    const what = `earlier baseline ${artifact.name} (id ${artifact.id}) of run ${run.id}`;
    try {
      await downloadSet(artifact, d, maxBytes, what, deps);
      out.push(d);
    } catch (e) {
      deps.log(`${what} left out of the drift estimate: ${(e as Error).message}`);
      rmSync(d, { recursive: true, force: true });
    }
  }
  return out;
}

async function downloadSet(
  artifact: Artifact,
  dir: string,
  maxBytes: number,
  what: string,
  deps: BaselineDeps,
): Promise<Downloaded> {
  if (artifact.size_in_bytes > maxBytes) {
    throw new ArtifactError(
      `${what} is ${artifact.size_in_bytes} bytes, more than ${maxBytes} (raise it with max-input-mb)`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const res = await withPermissionHint(() =>
    deps.transfer.download({ id: artifact.id, name: artifact.name, digest: artifact.digest }, dir, {
      maxBytes,
      maxEntries: MAX_ARTIFACT_ENTRIES,
    }),
  );
  checkSetFolder(dir, maxBytes, what);
  return res;
}

/** A 401/403 that is not a rate limit: the token lacks `actions: read`. */
async function withPermissionHint<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GitHubApiError && e.forbidden) {
      throw new Error(
        `${e.message}. The token cannot read workflow runs or artifacts: give the job \`permissions: actions: read\` (and contents: read), or pass a token that can`,
      );
    }
    throw e;
  }
}

export interface Discovery {
  /** Verified baselines, newest first. */
  candidates: Candidate[];
  everExisted: boolean;
  /** Why there is none (when there is none). */
  reason?: string;
}

interface Tally {
  /** Artifacts of this repository's code on the branch (expired or not). */
  own: number;
  expired: number;
  newestExpired?: Artifact;
  forks: number;
  otherBranches: number;
  /** Why a live artifact's run was not accepted, with a count each. */
  rejected: Map<string, number>;
  /** The search stopped at MAX_PAGES or MAX_RUN_CHECKS. */
  capped: boolean;
  seen: number;
}

/** The verified baselines (at most `want`), newest first, or why there is none. */
export async function discoverBaselines(
  opts: BaselineOptions,
  ctx: RunContext,
  rest: GitHubRest,
  want: number,
  log: (msg: string) => void,
): Promise<Discovery> {
  const workflow = opts.workflow ? workflowId(opts.workflow) : ctx.workflowFile;
  if (!workflow) {
    throw new Error(
      'cannot tell which workflow produces the baseline (GITHUB_WORKFLOW_REF is not set); set baseline-workflow',
    );
  }
  const repo = await rest.getRepository(ctx.owner, ctx.repo);
  const branch = opts.branch ?? repo.default_branch;
  const name = opts.artifactName;
  const t: Tally = {
    own: 0,
    expired: 0,
    forks: 0,
    otherBranches: 0,
    rejected: new Map(),
    capped: false,
    seen: 0,
  };
  const candidates: Candidate[] = [];
  let checks = 0;
  search: for (let page = 1; page <= MAX_PAGES; page++) {
    const { total_count, artifacts } = await rest.listArtifacts(ctx.owner, ctx.repo, {
      name,
      page,
    });
    const sorted = artifacts
      .filter((a) => a.name === name)
      .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);
    for (const a of sorted) {
      t.seen++;
      const wr = a.workflow_run ?? {};
      if (wr.head_repository_id !== repo.id || (wr.repository_id ?? repo.id) !== repo.id) {
        t.forks++;
        continue;
      }
      if (wr.head_branch !== branch) {
        t.otherBranches++;
        continue;
      }
      t.own++;
      if (a.expired) {
        t.expired++;
        t.newestExpired ??= a;
        continue;
      }
      if (wr.id === undefined || String(wr.id) === ctx.runId) continue;
      if (candidates.length >= want) continue; // keep counting for the diagnosis
      if (checks >= MAX_RUN_CHECKS) {
        t.capped = true;
        break search;
      }
      checks++;
      let run: WorkflowRun;
      try {
        run = await rest.getWorkflowRun(ctx.owner, ctx.repo, wr.id);
      } catch (e) {
        if (e instanceof GitHubApiError && e.status === 404) {
          count(t.rejected, 'from a run that was deleted');
          continue;
        }
        throw e;
      }
      const why = rejectRun(run, { repoId: repo.id, branch, workflow, events: opts.events });
      if (why) {
        count(t.rejected, why);
        log(`Artifact ${a.id} of run ${run.id} is not a baseline: ${why}`);
        continue;
      }
      candidates.push({ run, artifact: a });
    }
    if (candidates.length >= want || artifacts.length < 100 || page * 100 >= total_count) break;
    if (page === MAX_PAGES) t.capped = true;
  }
  if (candidates.length) return { candidates, everExisted: true };
  const c = { name, branch, workflow, events: opts.events, ctx, rest };
  if (t.own === 0) {
    // never promoted under this name: a first run, or a name that does not match the promote
    // step's (a typo in baseline-artifact, service or profile-type), which must not pass forever
    const near = await nearNames(c, repo.id);
    if (near.length) {
      const list = near.map((a) => `${a.name} (run ${a.workflow_run?.id})`).join(', ');
      return {
        candidates,
        everExisted: true,
        reason: `no artifact named ${name} ever existed on ${branch} in ${ctx.owner}/${ctx.repo}, but ${list} did: a misspelled baseline-artifact, service or profile-type? The gate and the promote step must use the same name`,
      };
    }
  }
  return { candidates, everExisted: t.own > 0, reason: await explain(t, c) };
}

/** Pages of the unfiltered artifact listing searched for a similar name. */
const NEAR_PAGES = 3;

/**
 * Baselines of this repository's branch whose names are within two edits of `name` (case
 * ignored), from the newest NEAR_PAGES x 100 artifacts; report artifacts left out.
 */
async function nearNames(
  c: { name: string; branch: string; ctx: RunContext; rest: GitHubRest },
  repoId: number,
): Promise<Artifact[]> {
  const found = new Map<string, Artifact>();
  const want = c.name.toLowerCase();
  for (let page = 1; page <= NEAR_PAGES; page++) {
    const { artifacts } = await c.rest.listArtifacts(c.ctx.owner, c.ctx.repo, { page });
    for (const a of artifacts) {
      const wr = a.workflow_run ?? {};
      if (wr.head_repository_id !== repoId || wr.head_branch !== c.branch) continue;
      if (a.name === c.name || /-report$/.test(a.name) || found.has(a.name)) continue;
      if (editDistance(a.name.toLowerCase(), want, 2) <= 2) found.set(a.name, a);
    }
    if (artifacts.length < 100) break;
  }
  return [...found.values()].slice(0, 3);
}

/** Levenshtein distance, or more than `max` as soon as it is known to be. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function count(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/** Why a run cannot provide the baseline, or undefined when it can. */
export function rejectRun(
  run: WorkflowRun,
  want: { repoId: number; branch: string; workflow: string; events: string[] },
): string | undefined {
  if (run.head_repository?.id !== want.repoId) {
    return `from another repository's code (${run.head_repository?.full_name ?? 'unknown'})`;
  }
  if (run.head_branch !== want.branch) return `from branch ${run.head_branch}`;
  if (!want.events.includes(run.event)) {
    return `from a ${run.event} run (add ${run.event} to baseline-events to use those)`;
  }
  const file = run.path ? workflowId(run.path) : undefined;
  const sameWorkflow = /^\d+$/.test(want.workflow)
    ? String(run.workflow_id) === want.workflow
    : file === want.workflow;
  if (!sameWorkflow) {
    return `from workflow ${file ?? run.workflow_id} (set baseline-workflow to use those)`;
  }
  if (run.status !== 'completed') return 'from a run still in progress';
  if (run.conclusion !== 'success') return `from a run that ended ${run.conclusion ?? 'unknown'}`;
  return undefined;
}

async function explain(
  t: Tally,
  c: {
    name: string;
    branch: string;
    workflow: string;
    events: string[];
    ctx: RunContext;
    rest: GitHubRest;
  },
): Promise<string> {
  const repo = `${c.ctx.owner}/${c.ctx.repo}`;
  const ignored = t.forks + t.otherBranches;
  const others = ignored
    ? ` (${ignored} with that name from forks or other branches are never used)`
    : '';
  const capped = t.capped ? ` (searched the newest ${t.seen} artifacts named ${c.name})` : '';
  if (t.own === 0) {
    return `no artifact named ${c.name} was ever promoted from ${c.branch} in ${repo}${others}; ${await workflowState(c)}${capped}`;
  }
  if (t.expired === t.own) {
    const a = t.newestExpired!;
    return `the baseline artifact ${c.name} (newest: run ${a.workflow_run?.id}, expired ${a.expires_at ?? 'already'}) has expired: artifacts are kept for the repository's retention (90 days by default). Promote a new baseline: push to ${c.branch}, or promote on a schedule (docs/action.md, Retention)${capped}`;
  }
  const parts = [...t.rejected.entries()].map(([why, n]) => `${n} ${why}`);
  if (t.expired) parts.unshift(`${t.expired} expired`);
  return `none of the ${t.own} artifacts named ${c.name} on ${c.branch} is from a successful ${c.events.join(' or ')} run of ${c.workflow}: ${parts.join('; ')}${capped}`;
}

/** What the workflow's runs say, for a name never promoted (a diagnosis only). */
async function workflowState(c: {
  branch: string;
  workflow: string;
  events: string[];
  name: string;
  ctx: RunContext;
  rest: GitHubRest;
}): Promise<string> {
  try {
    const { total_count } = await c.rest.listWorkflowRuns(c.ctx.owner, c.ctx.repo, c.workflow, {
      branch: c.branch,
      status: 'success',
      perPage: 1,
    });
    if (total_count === 0) {
      return `workflow ${c.workflow} has no successful runs on ${c.branch} yet: the first push there with the promote step creates the baseline`;
    }
    return `workflow ${c.workflow} has ${total_count} successful run(s) on ${c.branch}, none promoted ${c.name}: does its promote step run there (for a ${c.events.join(' or ')} event), with the same service, profile-type or baseline-artifact?`;
  } catch (e) {
    if (e instanceof GitHubApiError && e.status === 404) {
      return `workflow ${c.workflow} is not on ${c.branch} yet (it works once it is merged there), or set baseline-workflow`;
    }
    return `the first push to ${c.branch} with the promote step creates it`;
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
