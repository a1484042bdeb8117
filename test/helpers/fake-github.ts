/**
 * A fake GitHub for the Action's tests, on 127.0.0.1. It implements the calls the Action (and
 * @actions/artifact inside it) makes, with the shapes and behaviours GitHub documents, including
 * the ones a kinder test server would hide:
 *
 * REST (https://docs.github.com/rest, API version 2022-11-28); also served under /api/v3 as a
 * GitHub Enterprise Server is (GraphQL there under /api/graphql)
 * - GET   /repos/{o}/{r}                                        repository (id, default_branch)
 * - GET   /repos/{o}/{r}/actions/artifacts                      {total_count, artifacts[]}: the
 *         repository's artifacts, newest first, `name` filter, paginated (per_page, page); each
 *         with `digest` and `workflow_run` {id, repository_id, head_repository_id, head_branch}
 * - GET   /repos/{o}/{r}/actions/runs/{id}                      a run: event, path, run_attempt,
 *         head_repository (a fork's for pull requests from forks)
 * - GET   /repos/{o}/{r}/actions/workflows/{wf}/runs            {total_count, workflow_runs[]}
 *         (branch, event, status; newest first). `branch` matches head_branch whatever the head
 *         repository (a fork's `main` too), as GitHub's does. 404 for a workflow file that does
 *         not exist; 200 with total_count 0 for one without runs.
 * - GET   /repos/{o}/{r}/actions/runs/{id}/artifacts            {total_count, artifacts[]} (name filter)
 * - GET   /repos/{o}/{r}/actions/artifacts/{id}/zip             302 Location: signed blob URL; 410 expired
 * - GET   /repos/{o}/{r}/pulls/{n}                              pull request (with labels)
 * - GET   /repos/{o}/{r}/issues/{n}/labels                      labels [{id, name, color, ...}]: those
 *         given with `labels`, else the pull request's; 404 for an issue the fake does not know
 * - GET   /repos/{o}/{r}/issues/{n}/comments                    comments, paginated with a Link header
 *         whose URLs use /repositories/{repo_id}/... as GitHub's do (served too)
 * - POST  /repos/{o}/{r}/issues/{n}/comments                    201 comment, written by the token's identity
 * - PATCH /repos/{o}/{r}/issues/comments/{id}                   200 comment; 403 on another author's
 *         comment unless the token may write (GitHub lets write tokens edit any comment)
 * - GET   /user                                                 403 for an installation token (a bot)
 * - POST  /graphql                                              `{ viewer { login databaseId } }`
 *   Every answer carries x-ratelimit-* headers. Errors: {message, documentation_url, status};
 *   401 "Bad credentials"; 403 "Resource not accessible by integration" when the token lacks
 *   the permission. Faults can be queued (`fault`, `rateLimit`): 403 with
 *   x-ratelimit-remaining 0 (primary limit), 403 "secondary rate limit" and 429 with
 *   Retry-After, 5xx with or without Retry-After.
 *
 * Artifact results service (Twirp, JSON, as @actions/artifact v6 calls it on ACTIONS_RESULTS_URL)
 * - POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact
 *        {workflow_run_backend_id, workflow_job_run_backend_id, name, expires_at, version, mime_type}
 *        -> {ok, signed_upload_url}; 409 when the run has an artifact of that name (a re-run's
 *        earlier attempt included: attempts share the run)
 * - POST .../FinalizeArtifact {..., name, size, hash} -> {ok, artifact_id}
 * - POST .../ListArtifacts {workflow_run_backend_id, name_filter?} -> {artifacts[]}
 * - POST .../DeleteArtifact {workflow_run_backend_id, name} -> {ok, artifact_id}
 *   Bearer ACTIONS_RUNTIME_TOKEN (a JWT whose scp claim holds Actions.Results:<run>:<job>);
 *   errors as Twirp errors {code, msg}.
 *
 * Blob storage (Azure Blob REST, what @azure/storage-blob sends to the signed URL)
 * - PUT {signed}&comp=block&blockid=...  Put Block, 201
 * - PUT {signed}&comp=blocklist          Put Block List (XML <BlockList><Latest>..), 201
 * - PUT {signed} (x-ms-blob-type: BlockBlob) Put Blob, 201
 * - GET {signed download URL}            the zip (application/zip)
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenPerms {
  actions: 'read' | 'write' | 'none';
  pullRequests: 'read' | 'write' | 'none';
  contents: 'read' | 'write' | 'none';
  /** Who the token acts as (the author of the comments it writes). */
  identity: FakeUser;
}

export interface FakeUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

/** The GITHUB_TOKEN's identity on github.com. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** A queued fault: the next `times` requests matching answer with it instead. */
export interface Fault {
  path: RegExp;
  method?: string;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  times: number;
}

export interface FakeRun {
  id: number;
  workflow: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  created_at: string;
  runBackendId: string;
  jobBackendId: string;
  /** owner/name of the repository the run's code came from (a fork's); default this one. */
  headRepo?: string;
  runAttempt: number;
}

export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  zip: Buffer;
  created_at: string;
  expires_at: string;
  expired: boolean;
  digest?: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  status: number;
  /** When it arrived (Date.now()). */
  at: number;
}

interface PendingUpload {
  runBackendId: string;
  jobBackendId: string;
  name: string;
  expiresAt?: string;
  blocks: Map<string, Buffer>;
  blob?: Buffer;
  contentType?: string;
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly repoId = 4242;
  defaultBranch = 'main';
  readonly tokens = new Map<string, TokenPerms>();
  readonly runs: FakeRun[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly comments: FakeComment[] = [];
  readonly pulls = new Map<
    number,
    { number: number; head: { sha: string; ref: string; repo: string }; labels?: string[] }
  >();
  /** Labels of issues and pull requests, by number (what GET .../issues/{n}/labels returns). */
  readonly labels = new Map<number, string[]>();
  /** Workflow files that exist (a run registers its workflow too). */
  readonly workflows = new Set<string>();
  readonly faults: Fault[] = [];
  readonly requests: LoggedRequest[] = [];
  /** Twirp calls with their JSON bodies (CreateArtifact, FinalizeArtifact). */
  readonly twirpCalls: { method: string; body: any }[] = [];
  /** Blob operations in order: 'block', 'blocklist', 'blob', 'download'. */
  readonly blobOps: string[] = [];
  /** Artifacts deleted (Twirp DeleteArtifact). */
  readonly deleted: FakeArtifact[] = [];
  runtimeToken = '';
  private readonly uploads = new Map<string, PendingUpload>();
  private nextId = 1000;
  private server?: Server;
  url = '';

  constructor(fullName = 'octo-org/shop') {
    [this.owner, this.repo] = fullName.split('/');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake server error: ${(e as Error).message}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections?.();
      this.server?.close(() => resolve());
    });
  }

  id(): number {
    return this.nextId++;
  }

  addToken(token: string, perms: Partial<TokenPerms> = {}): void {
    this.tokens.set(token, {
      actions: 'read',
      pullRequests: 'write',
      contents: 'read',
      identity: ACTIONS_BOT,
      ...perms,
    });
  }

  /** The next `times` requests to `path` answer with this status instead. */
  fault(f: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ ...f, times: f.times ?? 1 });
  }

  /**
   * Rate limits as GitHub sends them: primary (403, x-ratelimit-remaining 0, a reset time),
   * secondary (403 "secondary rate limit" with Retry-After) or 429 (Retry-After).
   */
  rateLimit(
    path: RegExp,
    kind: 'primary' | 'secondary' | '429',
    opts: { times?: number; retryAfter?: number; resetIn?: number } = {},
  ): void {
    const headers: Record<string, string> = {};
    if (opts.retryAfter !== undefined) headers['retry-after'] = String(opts.retryAfter);
    if (kind === 'primary') {
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + (opts.resetIn ?? 1800));
    }
    this.fault({
      path,
      status: kind === '429' ? 429 : 403,
      headers,
      times: opts.times,
      message:
        kind === 'primary'
          ? 'API rate limit exceeded for installation ID 4242. If you reach out to GitHub Support for help, please include the request ID.'
          : kind === 'secondary'
            ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
            : 'Too Many Requests',
    });
  }

  /** A JWT like the runner's ACTIONS_RUNTIME_TOKEN for the given run (signature not checked). */
  makeRuntimeToken(run: FakeRun): string {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = [
      b64({ typ: 'JWT', alg: 'RS256' }),
      b64({
        scp: `Actions.ExampleScope Actions.Results:${run.runBackendId}:${run.jobBackendId}`,
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
      randomBytes(32).toString('base64url'),
    ].join('.');
    this.runtimeToken = token;
    return token;
  }

  /**
   * The run of this job on a pull request: in progress, on branch `feature`, at `headSha`;
   * `headRepo` (owner/name) when the pull request comes from a fork.
   */
  addPullRequestRun(workflow: string, headSha: string, headRepo?: string): FakeRun {
    return this.addRun({
      workflow,
      head_branch: 'feature',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
      head_sha: headSha,
      headRepo,
    });
  }

  addRun(r: Partial<FakeRun> & { workflow: string }): FakeRun {
    const run: FakeRun = {
      id: this.id(),
      head_branch: this.defaultBranch,
      head_sha: randomBytes(20).toString('hex'),
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      created_at: new Date(Date.now() - 3600_000 + this.runs.length * 1000).toISOString(),
      runBackendId: randomUUID(),
      jobBackendId: randomUUID(),
      runAttempt: 1,
      ...r,
    };
    this.runs.push(run);
    this.workflows.add(run.workflow);
    return run;
  }

  addArtifact(
    runId: number,
    name: string,
    zip: Buffer,
    opts: { expired?: boolean } = {},
  ): FakeArtifact {
    const now = Date.now();
    const a: FakeArtifact = {
      id: this.id(),
      runId,
      name,
      zip,
      created_at: new Date(now - 1000).toISOString(),
      expires_at: new Date(opts.expired ? now - 1000 : now + 90 * 86400_000).toISOString(),
      expired: opts.expired ?? false,
      digest: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
    };
    this.artifacts.push(a);
    return a;
  }

  addComment(issue: number, body: string, author: string | FakeUser = 'someone'): FakeComment {
    const t = new Date().toISOString();
    const user: FakeUser =
      typeof author === 'string'
        ? author === ACTIONS_BOT.login
          ? ACTIONS_BOT
          : { login: author, id: idOf(author), type: author.endsWith('[bot]') ? 'Bot' : 'User' }
        : author;
    const c: FakeComment = {
      id: this.id(),
      issue,
      body,
      user: { ...user },
      created_at: t,
      updated_at: t,
    };
    this.comments.push(c);
    return c;
  }

  // ---------------------------------------------------------------- shapes

  private api(path: string): string {
    return `${this.url}${path}`;
  }

  private repoJson(fullName = `${this.owner}/${this.repo}`) {
    const [owner, name] = fullName.split('/');
    const own = fullName === `${this.owner}/${this.repo}`;
    return {
      id: own ? this.repoId : idOf(fullName),
      node_id: 'R_kgDOfake',
      name,
      full_name: fullName,
      private: false,
      owner: { login: owner, id: idOf(owner), type: own ? 'Organization' : 'User' },
      html_url: `https://github.com/${fullName}`,
      url: this.api(`/repos/${fullName}`),
      default_branch: this.defaultBranch,
      fork: !own,
    };
  }

  private runJson(r: FakeRun) {
    const base = `/repos/${this.owner}/${this.repo}/actions/runs/${r.id}`;
    return {
      id: r.id,
      name: 'profile-gate',
      node_id: `WFR_${r.id}`,
      head_branch: r.head_branch,
      head_sha: r.head_sha,
      path: `.github/workflows/${r.workflow}`,
      display_title: 'commit message',
      run_number: r.id - 999,
      event: r.event,
      status: r.status,
      conclusion: r.conclusion,
      workflow_id: 161335,
      check_suite_id: r.id * 10,
      url: this.api(base),
      html_url: `https://github.com/${this.owner}/${this.repo}/actions/runs/${r.id}`,
      pull_requests: [],
      created_at: r.created_at,
      updated_at: r.created_at,
      run_attempt: r.runAttempt,
      run_started_at: r.created_at,
      jobs_url: this.api(`${base}/jobs`),
      logs_url: this.api(`${base}/logs`),
      artifacts_url: this.api(`${base}/artifacts`),
      workflow_url: this.api(`/repos/${this.owner}/${this.repo}/actions/workflows/161335`),
      head_commit: { id: r.head_sha, message: 'commit message' },
      repository: this.repoJson(),
      head_repository: this.repoJson(r.headRepo),
    };
  }

  private artifactJson(a: FakeArtifact) {
    const run = this.runs.find((r) => r.id === a.runId)!;
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.length,
      url: this.api(`/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}`),
      archive_download_url: this.api(
        `/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}/zip`,
      ),
      expired: a.expired,
      created_at: a.created_at,
      expires_at: a.expires_at,
      updated_at: a.created_at,
      digest: a.digest ?? null,
      workflow_run: {
        id: run.id,
        repository_id: this.repoId,
        head_repository_id: this.repoJson(run.headRepo).id,
        head_branch: run.head_branch,
        head_sha: run.head_sha,
      },
    };
  }

  private commentJson(c: FakeComment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: this.api(`/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`),
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      body: c.body,
      user: c.user,
      created_at: c.created_at,
      updated_at: c.updated_at,
      issue_url: this.api(`/repos/${this.owner}/${this.repo}/issues/${c.issue}`),
      author_association: 'NONE',
    };
  }

  // ---------------------------------------------------------------- handler

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = Date.now();
    const u = new URL(req.url ?? '/', this.url);
    const path = u.pathname;
    const query = Object.fromEntries(u.searchParams);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({
        method,
        path,
        query,
        authorization: req.headers.authorization,
        status,
        at: arrived,
      });
      const text = json === undefined ? '' : JSON.stringify(json);
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...headers,
      });
      res.end(text);
    };
    const raw = (status: number, data: Buffer | string, headers: Record<string, string>) => {
      this.requests.push({
        method,
        path,
        query,
        authorization: req.headers.authorization,
        status,
        at: arrived,
      });
      res.writeHead(status, headers);
      res.end(data);
    };

    const fault = this.faults.find(
      (f) => f.times > 0 && f.path.test(path) && (!f.method || f.method === method),
    );
    if (fault) {
      fault.times--;
      const rl = {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4000',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1800),
        'x-ratelimit-resource': 'core',
      };
      if (fault.status >= 500 && !fault.message) {
        // what a proxy in front of the API answers: HTML, not JSON
        return raw(fault.status, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
          'content-type': 'text/html',
          ...fault.headers,
        });
      }
      return send(
        fault.status,
        {
          message: fault.message ?? 'fault',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
        },
        { ...rl, ...fault.headers },
      );
    }

    if (path.startsWith('/twirp/')) return this.twirp(path, req, body, send);
    if (path.startsWith('/blob/')) return this.blob(method, path, u, req, body, raw);

    // REST: authenticate.
    const auth = req.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(.+)$/i.exec(auth);
    const perms = m ? this.tokens.get(m[1]) : undefined;
    const error = (status: number, message: string, doc: string) =>
      send(status, { message, documentation_url: `${DOCS}/${doc}`, status: String(status) });
    if (!perms) return error(401, 'Bad credentials', 'overview/troubleshooting-the-rest-api');
    const noAccess = (doc: string) => error(403, 'Resource not accessible by integration', doc);

    // a GitHub Enterprise Server serves the API under /api/v3 and GraphQL at /api/graphql
    const apiPath = path.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
    if (method === 'POST' && apiPath === '/graphql') {
      const q = String(JSON.parse(body.toString() || '{}').query ?? '');
      if (!/viewer\s*\{/.test(q)) return send(200, { errors: [{ message: 'unsupported query' }] });
      return send(200, {
        data: { viewer: { login: perms.identity.login, databaseId: perms.identity.id } },
      });
    }
    if (method === 'GET' && apiPath === '/user') {
      if (perms.identity.type === 'Bot') return noAccess('users/users#get-the-authenticated-user');
      return send(200, { ...perms.identity });
    }

    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    let rest: string;
    if (apiPath.startsWith(repoPrefix)) rest = apiPath.slice(repoPrefix.length);
    else if (apiPath.startsWith(`/repositories/${this.repoId}`))
      rest = apiPath.slice(`/repositories/${this.repoId}`.length);
    else return error(404, 'Not Found', 'repos/repos#get-a-repository');

    let mm: RegExpExecArray | null;
    if (method === 'GET' && rest === '') return send(200, this.repoJson());

    if (method === 'GET' && rest === '/actions/artifacts') {
      if (perms.actions === 'none')
        return noAccess('actions/artifacts#list-artifacts-for-a-repository');
      let list = [...this.artifacts];
      if (query.name) list = list.filter((a) => a.name === query.name);
      list.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
      const perPage = Math.min(Number(query.per_page ?? 30), 100);
      const page = Number(query.page ?? 1);
      return send(200, {
        total_count: list.length,
        artifacts: list
          .slice((page - 1) * perPage, page * perPage)
          .map((a) => this.artifactJson(a)),
      });
    }

    if (method === 'GET' && (mm = /^\/actions\/runs\/(\d+)$/.exec(rest))) {
      if (perms.actions === 'none') return noAccess('actions/workflow-runs#get-a-workflow-run');
      const run = this.runs.find((r) => r.id === Number(mm![1]));
      if (!run) return error(404, 'Not Found', 'actions/workflow-runs#get-a-workflow-run');
      return send(200, this.runJson(run));
    }

    if (method === 'GET' && (mm = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest))) {
      if (perms.actions === 'none')
        return noAccess('actions/workflow-runs#list-workflow-runs-for-a-workflow');
      const wf = decodeURIComponent(mm[1]);
      if (!this.workflows.has(wf)) {
        return error(404, 'Not Found', 'actions/workflow-runs#list-workflow-runs-for-a-workflow');
      }
      let runs = this.runs.filter((r) => r.workflow === wf);
      if (query.branch) runs = runs.filter((r) => r.head_branch === query.branch);
      if (query.event) runs = runs.filter((r) => r.event === query.event);
      if (query.status) {
        const s = query.status;
        runs = runs.filter((r) =>
          ['queued', 'in_progress', 'completed'].includes(s) ? r.status === s : r.conclusion === s,
        );
      }
      runs.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
      const perPage = Math.min(Number(query.per_page ?? 30), 100);
      const page = Number(query.page ?? 1);
      return send(200, {
        total_count: runs.length,
        workflow_runs: runs.slice((page - 1) * perPage, page * perPage).map((r) => this.runJson(r)),
      });
    }

    if (method === 'GET' && (mm = /^\/actions\/runs\/(\d+)\/artifacts$/.exec(rest))) {
      if (perms.actions === 'none')
        return noAccess('actions/artifacts#list-workflow-run-artifacts');
      const runId = Number(mm[1]);
      if (!this.runs.some((r) => r.id === runId)) {
        return error(404, 'Not Found', 'actions/artifacts#list-workflow-run-artifacts');
      }
      let list = this.artifacts.filter((a) => a.runId === runId);
      if (query.name) list = list.filter((a) => a.name === query.name);
      return send(200, {
        total_count: list.length,
        artifacts: list.map((a) => this.artifactJson(a)),
      });
    }

    if (method === 'GET' && (mm = /^\/actions\/artifacts\/(\d+)\/(zip)$/.exec(rest))) {
      if (perms.actions === 'none') return noAccess('actions/artifacts#download-an-artifact');
      const a = this.artifacts.find((x) => x.id === Number(mm![1]));
      if (!a) return error(404, 'Not Found', 'actions/artifacts#download-an-artifact');
      if (a.expired)
        return error(410, 'Artifact has expired', 'actions/artifacts#download-an-artifact');
      const sig = randomBytes(16).toString('base64url');
      const location = `${this.url}/blob/download/${a.id}/${encodeURIComponent(a.name)}.zip?sv=2023-11-03&se=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&sr=b&sp=r&sig=${sig}`;
      return send(302, undefined, { location });
    }

    if (method === 'GET' && (mm = /^\/pulls\/(\d+)$/.exec(rest))) {
      const p = this.pulls.get(Number(mm[1]));
      if (!p) return error(404, 'Not Found', 'pulls/pulls#get-a-pull-request');
      return send(200, {
        number: p.number,
        state: 'open',
        head: { sha: p.head.sha, ref: p.head.ref, repo: this.repoJson(p.head.repo) },
        base: { ref: this.defaultBranch, repo: this.repoJson() },
        labels: (p.labels ?? []).map((name) => ({ id: idOf(name), name, color: 'ededed' })),
      });
    }

    if (method === 'GET' && (mm = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      if (perms.pullRequests === 'none') return noAccess('issues/labels#list-labels-for-an-issue');
      const names = this.labels.get(Number(mm[1])) ?? this.pulls.get(Number(mm[1]))?.labels;
      if (!names) return error(404, 'Not Found', 'issues/labels#list-labels-for-an-issue');
      return send(
        200,
        names.map((name, i) => ({
          id: 9000 + i,
          node_id: `LA_${9000 + i}`,
          url: this.api(`/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(name)}`),
          name,
          color: 'ededed',
          default: false,
          description: null,
        })),
      );
    }

    if ((mm = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(mm[1]);
      if (method === 'GET') {
        const all = this.comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
        const perPage = Math.min(Number(query.per_page ?? 30), 100);
        const page = Number(query.page ?? 1);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) =>
          `<${this.url}/repositories/${this.repoId}/issues/${issue}/comments?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        return send(
          200,
          all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c)),
          links.length ? { link: links.join(', ') } : {},
        );
      }
      if (method === 'POST') {
        if (perms.pullRequests !== 'write')
          return noAccess('issues/comments#create-an-issue-comment');
        const { body: text } = JSON.parse(body.toString() || '{}');
        if (typeof text !== 'string') {
          return error(
            422,
            'Invalid request.\n\n"body" wasn\'t supplied.',
            'issues/comments#create-an-issue-comment',
          );
        }
        const c = this.addComment(issue, text, perms.identity);
        return send(201, this.commentJson(c), { location: this.commentJson(c).url });
      }
    }

    if (method === 'PATCH' && (mm = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      if (perms.pullRequests !== 'write')
        return noAccess('issues/comments#update-an-issue-comment');
      const c = this.comments.find((x) => x.id === Number(mm![1]));
      if (!c) return error(404, 'Not Found', 'issues/comments#update-an-issue-comment');
      c.body = JSON.parse(body.toString() || '{}').body;
      c.updated_at = new Date().toISOString();
      return send(200, this.commentJson(c));
    }

    return error(404, 'Not Found', 'rest');
  }

  private twirp(
    path: string,
    req: IncomingMessage,
    body: Buffer,
    send: (status: number, json?: unknown) => void,
  ): void {
    const fail = (status: number, code: string, msg: string) => send(status, { code, msg });
    const prefix = '/twirp/github.actions.results.api.v1.ArtifactService/';
    if (!path.startsWith(prefix)) return fail(404, 'bad_route', `no handler for path ${path}`);
    const method = path.slice(prefix.length);
    if (req.headers.authorization !== `Bearer ${this.runtimeToken}` || !this.runtimeToken) {
      return fail(401, 'unauthenticated', 'invalid runtime token');
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return fail(415, 'malformed', 'expected application/json');
    }
    const claims = JSON.parse(Buffer.from(this.runtimeToken.split('.')[1], 'base64url').toString());
    const scope = String(claims.scp)
      .split(' ')
      .find((s) => s.startsWith('Actions.Results:'))!
      .split(':');
    let msg: any;
    try {
      msg = JSON.parse(body.toString());
    } catch {
      return fail(400, 'malformed', 'body is not JSON');
    }
    this.twirpCalls.push({ method, body: msg });
    if (msg.workflow_run_backend_id !== scope[1] || msg.workflow_job_run_backend_id !== scope[2]) {
      return fail(403, 'permission_denied', 'backend ids do not match the token');
    }
    const run = this.runs.find((r) => r.runBackendId === scope[1]);
    if (!run) return fail(404, 'not_found', 'workflow run not found');
    if (method === 'CreateArtifact') {
      if (typeof msg.name !== 'string' || !msg.name)
        return fail(400, 'invalid_argument', 'name is required');
      if (msg.version !== 7)
        return fail(400, 'invalid_argument', `unsupported version ${msg.version}`);
      if (this.artifacts.some((a) => a.runId === run.id && a.name === msg.name)) {
        return fail(
          409,
          'already_exists',
          'an artifact with this name already exists on the workflow run',
        );
      }
      const key = randomUUID();
      this.uploads.set(key, {
        runBackendId: scope[1],
        jobBackendId: scope[2],
        name: msg.name,
        expiresAt: msg.expires_at,
        blocks: new Map(),
      });
      const sig = randomBytes(16).toString('base64url');
      return send(200, {
        ok: true,
        signed_upload_url: `${this.url}/blob/upload/actions-results/${scope[1]}/${key}/${encodeURIComponent(msg.name)}.zip?sv=2023-11-03&sr=b&sp=cw&se=${encodeURIComponent(new Date(Date.now() + 600_000).toISOString())}&sig=${sig}`,
      });
    }
    if (method === 'ListArtifacts') {
      const filter = msg.name_filter ?? msg.nameFilter;
      const list = this.artifacts.filter(
        (a) => a.runId === run.id && (filter === undefined || a.name === filter),
      );
      return send(200, {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: run.runBackendId,
          workflow_job_run_backend_id: run.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.zip.length),
          created_at: a.created_at,
          ...(a.digest ? { digest: a.digest } : {}),
        })),
      });
    }
    if (method === 'DeleteArtifact') {
      const i = this.artifacts.findIndex((a) => a.runId === run.id && a.name === msg.name);
      if (i < 0) return fail(404, 'not_found', 'artifact not found');
      const [a] = this.artifacts.splice(i, 1);
      this.deleted.push(a);
      return send(200, { ok: true, artifact_id: String(a.id) });
    }
    if (method === 'FinalizeArtifact') {
      const entry = [...this.uploads.entries()].find(
        ([, u]) => u.name === msg.name && u.runBackendId === scope[1],
      );
      if (!entry) return fail(404, 'not_found', 'artifact not found; call CreateArtifact first');
      const [key, up] = entry;
      if (!up.blob) return fail(412, 'failed_precondition', 'no blob was uploaded');
      if (String(msg.size) !== String(up.blob.length)) {
        return fail(
          400,
          'invalid_argument',
          `size ${msg.size} does not match the uploaded ${up.blob.length} bytes`,
        );
      }
      this.uploads.delete(key);
      const a = this.addArtifact(run.id, up.name, up.blob);
      if (up.expiresAt) a.expires_at = up.expiresAt;
      a.digest = msg.hash;
      return send(200, { ok: true, artifact_id: String(a.id) });
    }
    return fail(404, 'bad_route', `unknown method ${method}`);
  }

  private blob(
    method: string,
    path: string,
    u: URL,
    req: IncomingMessage,
    body: Buffer,
    raw: (status: number, data: Buffer | string, headers: Record<string, string>) => void,
  ): void {
    const azureHeaders = () => ({
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-11-05',
      date: new Date().toUTCString(),
      'x-ms-request-server-encrypted': 'true',
    });
    const azureError = (status: number, code: string, message: string) =>
      raw(
        status,
        `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
        { 'content-type': 'application/xml', 'x-ms-error-code': code, ...azureHeaders() },
      );
    if (!u.searchParams.get('sig')) return azureError(403, 'AuthenticationFailed', 'no signature');

    let mm: RegExpExecArray | null;
    if (method === 'GET' && (mm = /^\/blob\/download\/(\d+)\//.exec(path))) {
      const a = this.artifacts.find((x) => x.id === Number(mm![1]));
      if (!a) return azureError(404, 'BlobNotFound', 'The specified blob does not exist.');
      this.blobOps.push('download');
      return raw(200, a.zip, {
        'content-type': 'application/zip',
        'content-length': String(a.zip.length),
        'content-disposition': `attachment; filename=${a.name}.zip; filename*=UTF-8''${encodeURIComponent(a.name)}.zip`,
        ...azureHeaders(),
      });
    }
    if (
      method === 'PUT' &&
      (mm = /^\/blob\/upload\/actions-results\/[^/]+\/([^/]+)\//.exec(path))
    ) {
      const up = this.uploads.get(mm[1]);
      if (!up)
        return azureError(404, 'ContainerNotFound', 'The specified container does not exist.');
      const comp = u.searchParams.get('comp');
      if (comp === 'block') {
        const id = u.searchParams.get('blockid');
        if (!id) return azureError(400, 'InvalidQueryParameterValue', 'blockid is required');
        up.blocks.set(id, body);
        this.blobOps.push('block');
        return raw(201, '', { 'content-length': '0', ...azureHeaders() });
      }
      if (comp === 'blocklist') {
        const ids = [
          ...body.toString().matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g),
        ].map((x) => x[2]);
        const parts: Buffer[] = [];
        for (const id of ids) {
          const b = up.blocks.get(id);
          if (!b) return azureError(400, 'InvalidBlockList', `block ${id} was not staged`);
          parts.push(b);
        }
        up.blob = Buffer.concat(parts);
        up.contentType = String(req.headers['x-ms-blob-content-type'] ?? '');
        this.blobOps.push('blocklist');
        return raw(201, '', {
          'content-length': '0',
          etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
          'last-modified': new Date().toUTCString(),
          ...azureHeaders(),
        });
      }
      if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
        up.blob = body;
        up.contentType = String(
          req.headers['x-ms-blob-content-type'] ?? req.headers['content-type'] ?? '',
        );
        this.blobOps.push('blob');
        return raw(201, '', {
          'content-length': '0',
          etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
          'last-modified': new Date().toUTCString(),
          ...azureHeaders(),
        });
      }
      return azureError(400, 'InvalidQueryParameterValue', `unsupported comp=${comp}`);
    }
    return azureError(404, 'ResourceNotFound', 'The specified resource does not exist.');
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A stable id for a name (users, other repositories). */
function idOf(name: string): number {
  return 100_000 + (createHash('sha256').update(name).digest().readUInt32BE(0) % 900_000);
}
