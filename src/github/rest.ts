/**
 * The GitHub API calls the Action makes, over global fetch (Node 20+, the runner's node24).
 * Base URL from GITHUB_API_URL (GitHub Enterprise, tests); GraphQL from GITHUB_GRAPHQL_URL.
 *
 * Resilience, as GitHub documents it (docs.github.com, "Rate limits for the REST API" and
 * "Best practices"):
 * - 429, 500, 502, 503, 504 and network errors are retried with exponential backoff (jittered),
 *   a `Retry-After` (seconds or an HTTP date) is waited instead of the backoff;
 * - rate limits are recognized as such: 429, or 403 with `x-ratelimit-remaining: 0` (the
 *   primary, hourly limit: retried after `x-ratelimit-reset`), or 403 whose message says
 *   "secondary rate limit" (retried after `Retry-After`, else a minute). A wait longer than
 *   `maxWaitMs` is not waited: the error says it is a rate limit and when it resets, never
 *   "missing permissions";
 * - POST (creating a comment) is retried only when GitHub refused it (429, rate limit), never
 *   after a 5xx or a broken connection, which may have created it.
 *
 * Errors carry the status and GitHub's message so callers can tell "no permission" (403),
 * "not found" (404) and "rate limited" apart. Messages name the path, never the query or token.
 */
import { retry } from '../util/retry.js';

export interface WorkflowRun {
  id: number;
  /** Workflow file path, `.github/workflows/x.yml` (maybe with `@ref`). */
  path?: string;
  workflow_id?: number;
  head_branch: string | null;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  created_at: string;
  run_number?: number;
  run_attempt?: number;
  repository?: { id: number; full_name: string } | null;
  /** The repository the run's code came from: a fork for pull requests from forks. */
  head_repository?: { id: number; full_name: string } | null;
}

export interface Artifact {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  created_at: string | null;
  expires_at: string | null;
  archive_download_url?: string;
  /** `sha256:<hex>` of the zip as uploaded; null for artifacts older than digests. */
  digest?: string | null;
  workflow_run?: {
    id?: number;
    repository_id?: number;
    head_repository_id?: number;
    head_branch?: string;
    head_sha?: string;
  } | null;
}

export interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user?: { login: string; id?: number; type?: string } | null;
}

export interface Repository {
  id: number;
  full_name: string;
  default_branch: string;
}

export interface PullRequest {
  number: number;
  state: string;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  labels?: { name: string }[];
}

/** Who the token acts as (a comment's author when it writes one). */
export interface Identity {
  login: string;
  id?: number;
}

export interface RateLimit {
  /** primary: the token's hourly quota is used up; secondary: too many requests at once. */
  kind: 'primary' | 'secondary';
  /** When the primary quota resets (x-ratelimit-reset). */
  resetAt?: Date;
  /** What the server asked to wait (Retry-After, or until the reset), ms. */
  waitMs?: number;
}

export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly apiMessage: string,
    readonly rateLimit?: RateLimit,
    /** A Retry-After on a non-rate-limit answer (503), ms. */
    readonly retryAfterMs?: number,
  ) {
    super(describeError(status, method, path, apiMessage, rateLimit));
  }
  /** The token may not do this (read-only token on a fork PR, missing `permissions:`). */
  get forbidden(): boolean {
    return (this.status === 403 || this.status === 401) && !this.rateLimit;
  }
}

function describeError(
  status: number,
  method: string,
  path: string,
  apiMessage: string,
  rl?: RateLimit,
): string {
  const base = `GitHub API ${method} ${path} failed: HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`;
  if (!rl) return base;
  const when = rl.resetAt ? `; the quota resets at ${rl.resetAt.toISOString()}` : '';
  const wait =
    rl.waitMs !== undefined ? ` (GitHub asks to wait ${Math.ceil(rl.waitMs / 1000)} s)` : '';
  return rl.kind === 'primary'
    ? `${base}. This is GitHub's API rate limit, not a permissions problem: the token's hourly request quota is used up (x-ratelimit-remaining: 0)${when}. Re-run after the reset, or give the step a token with its own quota`
    : `${base}. This is GitHub's secondary rate limit${wait}, not a permissions problem: too many requests in a short time (other jobs with the same token count too). Re-run later`;
}

export interface RestOptions {
  token: string;
  apiUrl: string;
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL); default derived from apiUrl. */
  graphqlUrl?: string;
  userAgent?: string;
  fetch?: typeof fetch;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff, doubling per retry, jittered by a quarter (default 1000 ms). */
  backoffMs?: number;
  /** Cap of one backoff (default 16 s). */
  maxBackoffMs?: number;
  /** The longest wait GitHub may ask for (Retry-After, a rate limit's reset) that is waited (default 60 s). */
  maxWaitMs?: number;
  /** Time limit of one request (default 60 s). */
  timeoutMs?: number;
  /** Where retries are reported. */
  log?: (msg: string) => void;
}

const RETRY_STATUS = new Set([500, 502, 503, 504]);

/** A Retry-After header (delta seconds or an HTTP date) in ms. */
export function parseRetryAfter(v: string | null, now = Date.now()): number | undefined {
  if (!v) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.max(0, Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Is this answer a rate limit, and which (see the file comment)? */
export function rateLimitOf(
  status: number,
  headers: Headers,
  message: string,
  now = Date.now(),
): RateLimit | undefined {
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Number(headers.get('x-ratelimit-reset'));
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  const resetAt = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
  if ((status === 403 || status === 429) && remaining === '0') {
    const waitMs =
      retryAfter ?? (resetAt ? Math.max(0, resetAt.getTime() - now) + 1000 : undefined);
    return { kind: 'primary', resetAt, waitMs };
  }
  if (status === 429 || (status === 403 && /rate limit|abuse/i.test(message))) {
    // GitHub: without retry-after, wait at least one minute before retrying
    return { kind: 'secondary', waitMs: retryAfter ?? 60_000 };
  }
  if (status === 403 && retryAfter !== undefined) return { kind: 'secondary', waitMs: retryAfter };
  return undefined;
}

class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

interface Call {
  method: string;
  url: string;
  body?: unknown;
  /** Follow redirects (default) or return the 3xx answer. */
  redirect?: 'follow' | 'manual';
  /** Retries of this call (default: the client's). */
  retries?: number;
}

export class GitHubRest {
  private readonly fetchFn: typeof fetch;
  private identity?: Promise<Identity | undefined>;
  constructor(private readonly opts: RestOptions) {
    this.fetchFn = opts.fetch ?? fetch;
  }

  private url(path: string): string {
    return /^https?:/.test(path) ? path : `${this.opts.apiUrl.replace(/\/+$/, '')}${path}`;
  }

  get graphqlUrl(): string {
    if (this.opts.graphqlUrl) return this.opts.graphqlUrl;
    const api = this.opts.apiUrl.replace(/\/+$/, '');
    // GHES: https://host/api/v3 -> https://host/api/graphql
    return /\/api\/v3$/.test(api) ? api.replace(/\/v3$/, '/graphql') : `${api}/graphql`;
  }

  /** One request with the retries described above; resolves with a 2xx or 3xx answer. */
  private async send(call: Call): Promise<{ res: Response; text: string }> {
    const { method } = call;
    const shown = new URL(call.url).pathname; // never the query's values or the token
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': this.opts.userAgent ?? 'profile-gate',
    };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    // a POST that may have reached GitHub is not sent twice (it would comment twice)
    const safeToRepeat = method !== 'POST' || call.url === this.graphqlUrl;
    const maxWaitMs = this.opts.maxWaitMs ?? 60_000;
    const attempt = async () => {
      let res: Response;
      try {
        res = await this.fetchFn(call.url, {
          method,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          redirect: call.redirect ?? 'follow',
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 60_000),
        });
      } catch (e) {
        const c = (e as { cause?: { code?: string; message?: string } }).cause;
        const cause = c?.code ?? c?.message;
        throw new NetworkError(
          `GitHub API ${method} ${shown}: ${(e as Error).message}${cause ? ` (${cause})` : ''}`,
        );
      }
      const text = await res.text();
      if (res.status < 400) return { res, text };
      let message = '';
      try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? '');
      } catch {
        message = text.slice(0, 200);
      }
      const rl = rateLimitOf(res.status, res.headers, message);
      throw new GitHubApiError(
        res.status,
        method,
        shown,
        message,
        rl,
        rl ? undefined : parseRetryAfter(res.headers.get('retry-after')),
      );
    };
    const waitOf = (e: unknown): number | undefined =>
      e instanceof GitHubApiError ? (e.rateLimit?.waitMs ?? e.retryAfterMs) : undefined;
    const retries = call.retries ?? this.opts.retries ?? 4;
    return retry(attempt, {
      retries,
      baseMs: this.opts.backoffMs ?? 1000,
      maxMs: this.opts.maxBackoffMs ?? 16_000,
      jitter: 0.25,
      isRetryable: (e): e is Error => {
        if (e instanceof NetworkError) return safeToRepeat;
        if (!(e instanceof GitHubApiError)) return false;
        const wait = waitOf(e);
        if (wait !== undefined && wait > maxWaitMs) return false;
        if (e.rateLimit) return true;
        return RETRY_STATUS.has(e.status) && safeToRepeat;
      },
      retryAfterMs: (e) => waitOf(e),
      onRetry: (n, delay, e) =>
        this.opts.log?.(
          `${e instanceof GitHubApiError ? `GitHub API ${method} ${shown}: HTTP ${e.status}${e.rateLimit ? ` (${e.rateLimit.kind} rate limit)` : ''}` : e.message}; retry ${n} of ${retries} in ${(delay / 1000).toFixed(1)} s`,
        ),
    });
  }

  private async json<T>(method: string, path: string, body?: unknown, retries?: number) {
    const { res, text } = await this.send({ method, url: this.url(path), body, retries });
    return { data: (text ? JSON.parse(text) : undefined) as T, link: res.headers.get('link') };
  }

  async getRepository(owner: string, repo: string): Promise<Repository> {
    return (await this.json<Repository>('GET', `/repos/${enc(owner)}/${enc(repo)}`)).data;
  }

  /**
   * One page of the repository's artifacts (with this exact name, when given), newest first
   * (GitHub's order), each with its run's id, repository, head repository and branch.
   */
  async listArtifacts(
    owner: string,
    repo: string,
    q: { name?: string; page: number; perPage?: number },
  ): Promise<{ total_count: number; artifacts: Artifact[] }> {
    const params = new URLSearchParams({
      per_page: String(q.perPage ?? 100),
      page: String(q.page),
    });
    if (q.name !== undefined) params.set('name', q.name);
    const { data } = await this.json<{ total_count: number; artifacts: Artifact[] }>(
      'GET',
      `/repos/${enc(owner)}/${enc(repo)}/actions/artifacts?${params}`,
    );
    return { total_count: data.total_count ?? 0, artifacts: data.artifacts ?? [] };
  }

  async getWorkflowRun(owner: string, repo: string, runId: number): Promise<WorkflowRun> {
    return (
      await this.json<WorkflowRun>('GET', `/repos/${enc(owner)}/${enc(repo)}/actions/runs/${runId}`)
    ).data;
  }

  /** Most recent runs first (the API's order), one page, and how many match in all. */
  async listWorkflowRuns(
    owner: string,
    repo: string,
    workflow: string,
    q: { branch?: string; status?: string; event?: string; perPage?: number },
  ): Promise<{ total_count: number; workflow_runs: WorkflowRun[] }> {
    const params = new URLSearchParams();
    if (q.branch) params.set('branch', q.branch);
    if (q.status) params.set('status', q.status);
    if (q.event) params.set('event', q.event);
    params.set('exclude_pull_requests', 'true');
    params.set('per_page', String(q.perPage ?? 30));
    const { data } = await this.json<{ total_count: number; workflow_runs: WorkflowRun[] }>(
      'GET',
      `/repos/${enc(owner)}/${enc(repo)}/actions/workflows/${enc(workflow)}/runs?${params}`,
    );
    return { total_count: data.total_count ?? 0, workflow_runs: data.workflow_runs ?? [] };
  }

  /** The signed blob URL an artifact's zip redirects to (GET .../artifacts/{id}/zip, 302). */
  async artifactDownloadUrl(owner: string, repo: string, artifactId: number): Promise<string> {
    const path = `/repos/${enc(owner)}/${enc(repo)}/actions/artifacts/${artifactId}/zip`;
    const { res } = await this.send({ method: 'GET', url: this.url(path), redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(
        `GitHub API GET ${path}: expected a redirect to the artifact's zip, got HTTP ${res.status}`,
      );
    }
    return location;
  }

  async getPullRequest(owner: string, repo: string, n: number): Promise<PullRequest> {
    return (await this.json<PullRequest>('GET', `/repos/${enc(owner)}/${enc(repo)}/pulls/${n}`))
      .data;
  }

  /**
   * The names of a pull request's labels, as they are now (an event payload is stale on a
   * re-run). One page of 100: more labels than that on one pull request is not expected.
   */
  async getPullRequestLabels(owner: string, repo: string, n: number): Promise<string[]> {
    const { data } = await this.json<{ name?: unknown }[]>(
      'GET',
      `/repos/${enc(owner)}/${enc(repo)}/issues/${n}/labels?per_page=100`,
    );
    return (Array.isArray(data) ? data : [])
      .map((l) => l?.name)
      .filter((x): x is string => typeof x === 'string');
  }

  /** All comments of an issue or PR, following the Link header's rel="next". */
  async listIssueComments(owner: string, repo: string, issue: number): Promise<IssueComment[]> {
    const all: IssueComment[] = [];
    let next: string | null =
      `/repos/${enc(owner)}/${enc(repo)}/issues/${issue}/comments?per_page=100`;
    for (let page = 0; next && page < 100; page++) {
      const { data, link }: { data: IssueComment[]; link: string | null } = await this.json<
        IssueComment[]
      >('GET', next);
      all.push(...data);
      next = nextLink(link);
    }
    return all;
  }

  async createIssueComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
  ): Promise<IssueComment> {
    return (
      await this.json<IssueComment>(
        'POST',
        `/repos/${enc(owner)}/${enc(repo)}/issues/${issue}/comments`,
        { body },
      )
    ).data;
  }

  async updateIssueComment(
    owner: string,
    repo: string,
    commentId: number,
    body: string,
  ): Promise<IssueComment> {
    return (
      await this.json<IssueComment>(
        'PATCH',
        `/repos/${enc(owner)}/${enc(repo)}/issues/comments/${commentId}`,
        { body },
      )
    ).data;
  }

  /**
   * Who the token acts as. The GITHUB_TOKEN (an installation token) may not call GET /user;
   * GraphQL's `viewer` answers for every kind of token (`github-actions[bot]`, id 41898282, for
   * the GITHUB_TOKEN; `<app>[bot]` for another app's token; the user for a personal token).
   * Then GET /user; undefined when neither answers. Asked once per client.
   */
  whoAmI(): Promise<Identity | undefined> {
    // one retry each: the sticky comment's own calls retry, and an unreachable API fails them
    this.identity ??= (async () => {
      try {
        const { text } = await this.send({
          method: 'POST',
          url: this.graphqlUrl,
          body: { query: 'query { viewer { login databaseId } }' },
          retries: 1,
        });
        const v = (
          JSON.parse(text) as { data?: { viewer?: { login?: unknown; databaseId?: unknown } } }
        ).data?.viewer;
        if (v && typeof v.login === 'string' && v.login) {
          return {
            login: v.login,
            id: typeof v.databaseId === 'number' ? v.databaseId : undefined,
          };
        }
      } catch (e) {
        if (e instanceof NetworkError) return undefined;
        // not available (an old GHES, a proxy): try REST
      }
      try {
        const u = (await this.json<{ login?: unknown; id?: unknown }>('GET', '/user', undefined, 1))
          .data;
        if (u && typeof u.login === 'string' && u.login) {
          return { login: u.login, id: typeof u.id === 'number' ? u.id : undefined };
        }
      } catch {
        // an installation token: 403 "Resource not accessible by integration"
      }
      return undefined;
    })();
    return this.identity;
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

/** The rel="next" URL of a Link header, or null. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2].split(/\s+/).includes('next')) return m[1];
  }
  return null;
}
