/**
 * What the Action knows about the run it is in: repository, run, commit, event, and the pull
 * request when there is one. Read from the runner's environment and the event payload
 * (GITHUB_EVENT_PATH), never from the network.
 */
import { readFileSync } from 'node:fs';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  /** owner/name of the repository the PR's head branch lives in. */
  headRepo: string;
  headRef: string;
  /** The head lives in another repository: the token is read-only there. */
  fromFork: boolean;
}

export interface RunContext {
  owner: string;
  repo: string;
  runId: string;
  runAttempt: string;
  sha: string;
  ref: string;
  eventName: string;
  /** Workflow file name of the running workflow (from GITHUB_WORKFLOW_REF), when known. */
  workflowFile?: string;
  /** Default branch from the event payload, when it carries the repository object. */
  defaultBranch?: string;
  pullRequest?: PullRequestInfo;
  /** For workflow_run events: the run that triggered this one. */
  workflowRun?: {
    id: number;
    headSha: string;
    headBranch: string;
    headRepo: string;
    event: string;
  };
  serverUrl: string;
  apiUrl: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL), when the runner gives it. */
  graphqlUrl?: string;
  /**
   * GitHub Enterprise Server (GITHUB_SERVER_URL is neither github.com nor a GHE.com data
   * residency host): no artifact storage of the kind @actions/artifact v2+ uses.
   */
  ghes: boolean;
  /** The event payload as read (for diagnostics). */
  payload: Record<string, any>;
}

type Env = Record<string, string | undefined>;

export function readRunContext(env: Env): RunContext {
  const full = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  if (!owner || !repo) {
    throw new Error(
      'GITHUB_REPOSITORY is not set (expected owner/name): this Action runs inside GitHub Actions',
    );
  }
  let payload: Record<string, any> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) ?? {};
    } catch (e) {
      throw new Error(
        `cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(e as Error).message}`,
      );
    }
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pr = payload.pull_request;
  let pullRequest: PullRequestInfo | undefined;
  if (pr && typeof pr.number === 'number') {
    const headRepo: string = pr.head?.repo?.full_name ?? full;
    pullRequest = {
      number: pr.number,
      headSha: pr.head?.sha ?? env.GITHUB_SHA ?? '',
      headRepo,
      headRef: pr.head?.ref ?? '',
      fromFork: headRepo.toLowerCase() !== full.toLowerCase(),
    };
  }
  const wr = payload.workflow_run;
  const workflowRun =
    wr && typeof wr.id === 'number'
      ? {
          id: wr.id,
          headSha: wr.head_sha ?? '',
          headBranch: wr.head_branch ?? '',
          headRepo: wr.head_repository?.full_name ?? '',
          event: wr.event ?? '',
        }
      : undefined;
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/file.yml@refs/heads/main
  const wfRef = env.GITHUB_WORKFLOW_REF ?? '';
  const wfMatch = /\/\.github\/workflows\/([^@]+)@/.exec(wfRef);
  return {
    owner,
    repo,
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    eventName,
    workflowFile: wfMatch?.[1],
    defaultBranch: payload.repository?.default_branch,
    pullRequest,
    workflowRun,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    graphqlUrl: env.GITHUB_GRAPHQL_URL || undefined,
    ghes: isGhesUrl(env.GITHUB_SERVER_URL),
    payload,
  };
}

/**
 * GitHub Enterprise Server, by the rule @actions/artifact applies before it refuses to run
 * (GHESNotSupportedError): a server URL whose host is not github.com, *.ghe.com (GitHub
 * Enterprise Cloud with data residency) or *.localhost.
 */
export function isGhesUrl(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.trim().toLowerCase();
  } catch {
    return false;
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}

export function isPullRequestEvent(ctx: RunContext): boolean {
  return ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target';
}

export function runUrl(ctx: RunContext): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
}
