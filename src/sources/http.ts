/**
 * One HTTP request to a profiling backend with a per-attempt timeout, retries with exponential
 * backoff (connection errors, HTTP 5xx except 501, 429, and whatever the caller classifies as
 * transient), a response size cap, and secrets masked out of every message.
 */
import { UsageError } from '../errors.js';
import { retry } from '../util/retry.js';
import { VERSION } from '../version.js';

/**
 * A fleet source could not deliver (unreachable, refused, bad answer). A UsageError so the CLI
 * prints it without a stack trace and exits 2: it is fixed by configuration, not by code.
 */
export class SourceError extends UsageError {}

/** A failed attempt, classified by the backend-specific response handler. */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface RequestContext {
  /** Names the request in messages, e.g. "pyroscope SelectMergeProfile (slice 3/10)". */
  what: string;
  /** Auth and tenant headers. */
  headers: Record<string, string>;
  mask: (s: string) => string;
  timeoutMs: number;
  retries: number;
  /** First backoff delay; doubles per retry (with jitter), capped at 15 s. */
  retryBaseMs: number;
  signal?: AbortSignal;
  log: (msg: string) => void;
  fetch: typeof fetch;
  maxResponseBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export const USER_AGENT = `profile-gate/${VERSION}`;
const MAX_BACKOFF_MS = 15_000;
const MAX_RETRY_AFTER_MS = 30_000;

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

/** Sends `req`, hands each response to `handle`, and retries what is transient. */
export function sendWithRetries<T>(
  ctx: RequestContext,
  req: HttpRequest,
  handle: (res: HttpResponse) => T,
): Promise<T> {
  const attempts = ctx.retries + 1;
  return retry(() => attemptOnce(ctx, req, handle), {
    retries: ctx.retries,
    baseMs: ctx.retryBaseMs,
    maxMs: MAX_BACKOFF_MS,
    jitter: 0.25,
    isRetryable: (e): e is AttemptError => e instanceof AttemptError && e.retryable,
    retryAfterMs: (e) => e.retryAfterMs,
    onRetry: (attempt, delay, e) =>
      ctx.log(
        ctx.mask(
          `${ctx.what}: ${e.message}; retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${attempts})`,
        ),
      ),
    giveUp: (e, attempt) => {
      // SourceErrors (timeout, abort) and the handler's own errors go out as they are.
      if (!(e instanceof AttemptError)) return e;
      const tail =
        attempt === 1
          ? ''
          : e.retryable
            ? ` (gave up after ${attempt} attempts)`
            : ` (attempt ${attempt})`;
      return new SourceError(ctx.mask(`${ctx.what}: ${e.message}${tail}`));
    },
    signal: ctx.signal,
    abortError: () => new SourceError(ctx.mask(`${ctx.what}: aborted`)),
  });
}

/** One request: the handler's result, or an AttemptError (or SourceError: timeout, abort). */
async function attemptOnce<T>(
  ctx: RequestContext,
  req: HttpRequest,
  handle: (res: HttpResponse) => T,
): Promise<T> {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let response: HttpResponse;
  try {
    const res = await ctx.fetch(req.url, {
      method: req.method,
      headers: { 'user-agent': USER_AGENT, ...req.headers, ...ctx.headers },
      body: req.body as BodyInit | undefined,
      signal,
      // Redirects are not followed: tenant and extra headers would go to another host.
      redirect: 'manual',
    });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      const to = res.headers.get('location');
      throw new AttemptError(
        `HTTP ${res.status} redirect to ${to ?? '(no location)'}; redirects are not followed ` +
          `(credentials must not leave the configured host): put the final URL in the source spec`,
        false,
      );
    }
    response = {
      status: res.status,
      headers: res.headers,
      body: await readBody(res, ctx.maxResponseBytes),
    };
  } catch (e) {
    if (ctx.signal?.aborted) throw new SourceError(ctx.mask(`${ctx.what}: aborted`));
    if (timeout.aborted) {
      throw new SourceError(
        ctx.mask(
          `${ctx.what}: no complete response from ${origin(req.url)} within ${formatMs(ctx.timeoutMs)} ` +
            `(raise timeout= in the source spec, or query a shorter window per slice)`,
        ),
      );
    }
    throw e instanceof AttemptError ? e : networkFailure(e, req.url);
  }
  return handle(response);
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** fetch() rejects with TypeError("fetch failed") and the socket error as `cause`. */
function networkFailure(e: unknown, url: string): AttemptError {
  const err = e as Error & { cause?: unknown; code?: string };
  const cause = err?.cause as (Error & { code?: string; errors?: { code?: string }[] }) | undefined;
  const code =
    cause?.code ??
    cause?.errors?.find((x) => x?.code)?.code ??
    err?.code ??
    cause?.message ??
    err?.message;
  if (code === 'bad port') {
    return new AttemptError(
      `cannot use ${origin(url)}: fetch refuses this port (it is on the WHATWG "bad ports" list)`,
      false,
    );
  }
  const permanent = code === 'ENOTFOUND' || code === 'ERR_INVALID_URL';
  return new AttemptError(
    `cannot reach ${origin(url)} (${code ?? 'unknown network error'})`,
    !permanent,
  );
}

async function readBody(res: Response, limit: number): Promise<Uint8Array> {
  const len = Number(res.headers.get('content-length'));
  if (Number.isFinite(len) && len > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw new AttemptError(`response of ${len} bytes exceeds the ${limit}-byte limit`, false);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AttemptError(`response exceeds the ${limit}-byte limit`, false);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

/** Whether an HTTP status is worth retrying: 429 and 5xx except 501 (not implemented). */
export function retryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/** Retry-After in ms (seconds or an HTTP date), capped; undefined when absent or unusable. */
export function retryAfterMs(h: Headers): number | undefined {
  const v = h.get('retry-after');
  if (!v) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(v.trim())) ms = Number(v) * 1000;
  else {
    const t = Date.parse(v);
    if (!Number.isFinite(t)) return undefined;
    ms = t - Date.now();
  }
  return Math.max(0, Math.min(MAX_RETRY_AFTER_MS, ms));
}

/** A short, printable description of a non-protobuf body (error pages, proxies). */
export function describeBody(body: Uint8Array, contentType: string | null): string {
  if (body.length === 0) return 'empty body';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body.subarray(0, 4096));
  if (/html/i.test(contentType ?? '') || /^\s*<(!doctype|html)/i.test(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return `an HTML page${title ? ` ("${title.slice(0, 80)}")` : ''} (a proxy or login page?)`;
  }
  const clean = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 300 ? `"${clean.slice(0, 300)}..."` : `"${clean}"`;
}

/** Joins a failure description and an optional hint. */
export function withHint(msg: string, hint: string): string {
  return hint ? `${msg}. ${hint}` : msg;
}

/** Hints appended to authentication / routing failures. */
export function statusHint(status: number, kind: 'pyroscope' | 'parca'): string {
  if (status === 401 || status === 403) {
    return (
      'Check the credentials: $PROFILE_GATE_SOURCE_TOKEN (bearer) or $PROFILE_GATE_SOURCE_BASIC (user:password)' +
      (kind === 'pyroscope'
        ? ', and $PROFILE_GATE_SOURCE_TENANT (X-Scope-OrgID) on multi-tenant installs.'
        : '.')
    );
  }
  if (status === 404) {
    return kind === 'pyroscope'
      ? 'Is this a Pyroscope server, and does the URL carry the right path prefix?'
      : 'Is this a Parca server, and does the URL carry the right path prefix (the API is under PREFIX/api)?';
  }
  return '';
}
