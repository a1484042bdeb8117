/**
 * The few GitHub REST API calls the Action makes, over global fetch. Base URL from
 * GITHUB_API_URL (GitHub Enterprise, tests). Errors carry the status and GitHub's message so
 * callers can tell "no permission" (403) and "not found" (404) from real failures.
 */

export interface WorkflowRun {
  id: number;
  head_branch: string | null;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  created_at: string;
  run_number?: number;
}

export interface Artifact {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  created_at: string | null;
  expires_at: string | null;
  archive_download_url: string;
  workflow_run?: { id?: number; head_branch?: string; head_sha?: string } | null;
}

export interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

export interface Repository {
  full_name: string;
  default_branch: string;
}

export interface PullRequest {
  number: number;
  state: string;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
}

export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly apiMessage: string,
  ) {
    super(
      `GitHub API ${method} ${path} failed: HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`,
    );
  }
  /** The token may not do this (read-only token on a fork PR, missing `permissions:`). */
  get forbidden(): boolean {
    return this.status === 403 && !/rate limit/i.test(this.apiMessage);
  }
}

export interface RestOptions {
  token: string;
  apiUrl: string;
  userAgent?: string;
  fetch?: typeof fetch;
}

export class GitHubRest {
  private readonly fetchFn: typeof fetch;
  constructor(private readonly opts: RestOptions) {
    this.fetchFn = opts.fetch ?? fetch;
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ data: T; link: string | null }> {
    const url = /^https?:/.test(path) ? path : `${this.opts.apiUrl.replace(/\/+$/, '')}${path}`;
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': this.opts.userAgent ?? 'profile-gate',
    };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const shown = new URL(url).pathname; // never the query's values or the token
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Error(`GitHub API ${method} ${shown}: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let message = '';
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? '';
      } catch {
        message = text.slice(0, 200);
      }
      throw new GitHubApiError(res.status, method, shown, message);
    }
    return { data: (text ? JSON.parse(text) : undefined) as T, link: res.headers.get('link') };
  }

  async getRepository(owner: string, repo: string): Promise<Repository> {
    return (await this.request<Repository>('GET', `/repos/${enc(owner)}/${enc(repo)}`)).data;
  }

  /** Most recent runs first (the API's order), one page. */
  async listWorkflowRuns(
    owner: string,
    repo: string,
    workflow: string,
    q: { branch?: string; status?: string; event?: string; perPage?: number },
  ): Promise<WorkflowRun[]> {
    const params = new URLSearchParams();
    if (q.branch) params.set('branch', q.branch);
    if (q.status) params.set('status', q.status);
    if (q.event) params.set('event', q.event);
    params.set('exclude_pull_requests', 'true');
    params.set('per_page', String(q.perPage ?? 30));
    const { data } = await this.request<{ total_count: number; workflow_runs: WorkflowRun[] }>(
      'GET',
      `/repos/${enc(owner)}/${enc(repo)}/actions/workflows/${enc(workflow)}/runs?${params}`,
    );
    return data.workflow_runs ?? [];
  }

  async listRunArtifacts(
    owner: string,
    repo: string,
    runId: number,
    name?: string,
  ): Promise<Artifact[]> {
    const params = new URLSearchParams({ per_page: '100' });
    if (name) params.set('name', name);
    const { data } = await this.request<{ total_count: number; artifacts: Artifact[] }>(
      'GET',
      `/repos/${enc(owner)}/${enc(repo)}/actions/runs/${runId}/artifacts?${params}`,
    );
    return data.artifacts ?? [];
  }

  async getPullRequest(owner: string, repo: string, n: number): Promise<PullRequest> {
    return (await this.request<PullRequest>('GET', `/repos/${enc(owner)}/${enc(repo)}/pulls/${n}`))
      .data;
  }

  /**
   * The names of a pull request's labels, as they are now (an event payload is stale on a
   * re-run). One page of 100: more labels than that on one pull request is not expected.
   */
  async getPullRequestLabels(owner: string, repo: string, n: number): Promise<string[]> {
    const { data } = await this.request<{ name?: unknown }[]>(
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
      const { data, link }: { data: IssueComment[]; link: string | null } = await this.request<
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
      await this.request<IssueComment>(
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
      await this.request<IssueComment>(
        'PATCH',
        `/repos/${enc(owner)}/${enc(repo)}/issues/comments/${commentId}`,
        { body },
      )
    ).data;
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
