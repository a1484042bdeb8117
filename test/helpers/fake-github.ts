/**
 * A fake GitHub for the Action's tests, on 127.0.0.1. It implements the calls the Action (and
 * @actions/artifact inside it) makes, with the shapes GitHub documents:
 *
 * REST (https://docs.github.com/rest, API version 2022-11-28)
 * - GET   /repos/{o}/{r}                                        repository (default_branch)
 * - GET   /repos/{o}/{r}/actions/workflows/{wf}/runs            {total_count, workflow_runs[]}
 *         (branch, event, status=success|completed|..., per_page; newest first; 404 unknown workflow)
 * - GET   /repos/{o}/{r}/actions/runs/{id}/artifacts            {total_count, artifacts[]} (name filter)
 * - GET   /repos/{o}/{r}/actions/artifacts/{id}/zip             302 Location: signed blob URL; 410 expired
 * - GET   /repos/{o}/{r}/pulls/{n}                              pull request
 * - GET   /repos/{o}/{r}/issues/{n}/labels                      labels [{id, name, color, ...}] (404
 *         for an issue the fake does not know: give it labels with setLabels)
 * - GET   /repos/{o}/{r}/issues/{n}/comments                    comments, paginated with a Link header
 *         whose URLs use /repositories/{repo_id}/... as GitHub's do (served too)
 * - POST  /repos/{o}/{r}/issues/{n}/comments                    201 comment
 * - PATCH /repos/{o}/{r}/issues/comments/{id}                   200 comment
 *   Errors: {message, documentation_url, status}; 401 "Bad credentials"; 403 "Resource not
 *   accessible by integration" when the token lacks the permission.
 *
 * Artifact results service (Twirp, JSON, as @actions/artifact v6 calls it on ACTIONS_RESULTS_URL)
 * - POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact
 *        {workflow_run_backend_id, workflow_job_run_backend_id, name, expires_at, version, mime_type}
 *        -> {ok, signed_upload_url}
 * - POST .../FinalizeArtifact {..., name, size, hash} -> {ok, artifact_id}
 *   Bearer ACTIONS_RUNTIME_TOKEN (a JWT whose scp claim holds Actions.Results:<run>:<job>);
 *   errors as Twirp errors {code, msg}.
 *
 * Blob storage (Azure Blob REST, what @azure/storage-blob sends to the signed URL)
 * - PUT {signed}&comp=block&blockid=...  Put Block, 201
 * - PUT {signed}&comp=blocklist          Put Block List (XML <BlockList><Latest>..), 201
 * - PUT {signed} (x-ms-blob-type: BlockBlob) Put Blob, 201
 * - GET {signed download URL}            the zip (application/zip)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenPerms {
  actions: 'read' | 'write' | 'none';
  pullRequests: 'read' | 'write' | 'none';
  contents: 'read' | 'write' | 'none';
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
    { number: number; head: { sha: string; ref: string; repo: string } }
  >();
  /** Labels of issues and pull requests, by number (what GET .../issues/{n}/labels returns). */
  readonly labels = new Map<number, string[]>();
  readonly requests: LoggedRequest[] = [];
  /** Twirp calls with their JSON bodies (CreateArtifact, FinalizeArtifact). */
  readonly twirpCalls: { method: string; body: any }[] = [];
  /** Blob operations in order: 'block', 'blocklist', 'blob', 'download'. */
  readonly blobOps: string[] = [];
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
    this.tokens.set(token, { actions: 'read', pullRequests: 'write', contents: 'read', ...perms });
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
      ...r,
    };
    this.runs.push(run);
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
    };
    this.artifacts.push(a);
    return a;
  }

  addComment(issue: number, body: string, login = 'someone'): FakeComment {
    const t = new Date().toISOString();
    const c: FakeComment = {
      id: this.id(),
      issue,
      body,
      user: { login, id: 1, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
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

  private repoJson() {
    return {
      id: this.repoId,
      node_id: 'R_kgDOfake',
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      private: false,
      owner: { login: this.owner, id: 1, type: 'Organization' },
      html_url: `https://github.com/${this.owner}/${this.repo}`,
      url: this.api(`/repos/${this.owner}/${this.repo}`),
      default_branch: this.defaultBranch,
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
      run_attempt: 1,
      run_started_at: r.created_at,
      jobs_url: this.api(`${base}/jobs`),
      logs_url: this.api(`${base}/logs`),
      artifacts_url: this.api(`${base}/artifacts`),
      workflow_url: this.api(`/repos/${this.owner}/${this.repo}/actions/workflows/161335`),
      head_commit: { id: r.head_sha, message: 'commit message' },
      repository: this.repoJson(),
      head_repository: this.repoJson(),
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
        head_repository_id: this.repoId,
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
    const u = new URL(req.url ?? '/', this.url);
    const path = u.pathname;
    const query = Object.fromEntries(u.searchParams);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method, path, query, authorization: req.headers.authorization, status });
      const text = json === undefined ? '' : JSON.stringify(json);
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...headers,
      });
      res.end(text);
    };
    const raw = (status: number, data: Buffer | string, headers: Record<string, string>) => {
      this.requests.push({ method, path, query, status });
      res.writeHead(status, headers);
      res.end(data);
    };

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

    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    let rest: string;
    if (path.startsWith(repoPrefix)) rest = path.slice(repoPrefix.length);
    else if (path.startsWith(`/repositories/${this.repoId}`))
      rest = path.slice(`/repositories/${this.repoId}`.length);
    else return error(404, 'Not Found', 'repos/repos#get-a-repository');

    let mm: RegExpExecArray | null;
    if (method === 'GET' && rest === '') return send(200, this.repoJson());

    if (method === 'GET' && (mm = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest))) {
      if (perms.actions === 'none')
        return noAccess('actions/workflow-runs#list-workflow-runs-for-a-workflow');
      const wf = decodeURIComponent(mm[1]);
      if (!this.runs.some((r) => r.workflow === wf)) {
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
        head: { sha: p.head.sha, ref: p.head.ref, repo: { full_name: p.head.repo } },
        base: { ref: this.defaultBranch, repo: this.repoJson() },
      });
    }

    if (method === 'GET' && (mm = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      if (perms.pullRequests === 'none') return noAccess('issues/labels#list-labels-for-an-issue');
      const names = this.labels.get(Number(mm[1]));
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
        const c = this.addComment(issue, text, 'github-actions[bot]');
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
