/**
 * One HTTP GET of a profile with a hard deadline, its failures sorted into CaptureError kinds
 * (some worth a retry, some not). Never retries by itself.
 */
import http from 'node:http';
import https from 'node:https';
import { CaptureError } from './errors.js';
import { fmtSeconds } from './time.js';
import { redactUrl } from '../util/url.js';

export interface HttpGetOptions {
  /** Hard deadline for the whole exchange (connect + server-side profiling + body). */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Refuse bodies larger than this (default 256 MiB). */
  maxBytes?: number;
  headers?: Record<string, string>;
  /** Human description of the deadline for the timeout message. */
  deadlineNote?: string;
}

export interface HttpGetResult {
  bytes: Buffer;
  status: number;
  contentType: string;
}

function hostPort(u: URL): string {
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? 443 : 80)}`;
}

function networkError(e: NodeJS.ErrnoException, u: URL): CaptureError {
  const code = e.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return new CaptureError(
        'refused',
        `connection refused by ${hostPort(u)}: is the service running, and is the profiling endpoint on that port?`,
        true,
      );
    case 'ENOTFOUND':
    case 'EAI_NONAME':
      return new CaptureError('dns', `cannot resolve host "${u.hostname}" (${code})`, false);
    case 'EAI_AGAIN':
      return new CaptureError('dns', `temporary DNS failure for "${u.hostname}" (${code})`, true);
    case 'ECONNRESET':
    case 'EPIPE':
      return new CaptureError(
        'truncated',
        `connection to ${hostPort(u)} reset (${code}) before the profile was complete`,
        true,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new CaptureError('network', `cannot reach ${hostPort(u)} (${code})`, true);
    default:
      return new CaptureError(
        'network',
        `request to ${u.origin} failed: ${e.message}${code ? ` (${code})` : ''}`,
        true,
      );
  }
}

/** One GET. Rejects with a CaptureError; never retries. */
export function httpGetOnce(url: string, opts: HttpGetOptions): Promise<HttpGetResult> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  const maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = (err: CaptureError | undefined, res?: HttpGetResult) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(res!);
    };
    const onAbort = () => finish(new CaptureError('aborted', 'interrupted'));
    // A fresh connection per capture (agent: false): no stale keep-alive socket can be reused
    // after the server restarted, and the capture is not queued behind anything.
    const req = mod.get(u, { agent: false, headers: opts.headers }, (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers['content-type'] ?? '');
      const chunks: Buffer[] = [];
      let got = 0;
      const declared =
        res.headers['content-length'] !== undefined
          ? Number(res.headers['content-length'])
          : undefined;
      res.on('data', (b: Buffer) => {
        got += b.length;
        if (status >= 200 && status < 300 && got > maxBytes) {
          finish(
            new CaptureError(
              'too-large',
              `profile from ${redactUrl(url)} is larger than ${maxBytes} bytes`,
            ),
          );
          return;
        }
        if (status >= 200 && status < 300) chunks.push(b);
        else if (got < 4096) chunks.push(b);
      });
      const cutShort = () =>
        finish(
          new CaptureError(
            'truncated',
            `response from ${redactUrl(url)} cut short: got ${got}${declared !== undefined ? ` of ${declared}` : ''} bytes before the connection closed`,
            true,
            status,
          ),
        );
      res.on('aborted', cutShort);
      res.on('error', cutShort);
      res.on('close', () => {
        if (!res.complete) cutShort();
      });
      res.on('end', () => {
        if (!res.complete || (declared !== undefined && got < declared)) return cutShort();
        if (status < 200 || status >= 300) {
          const text = Buffer.concat(chunks)
            .toString('utf8')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 300);
          const retryable = status >= 500 || status === 429 || status === 408;
          let hint = '';
          if (status === 404)
            hint = ' (check --url, --path and --type: is net/http/pprof registered on this mux?)';
          else if (status >= 300 && status < 400)
            hint = ` (redirect to ${res.headers.location ?? '?'}; give the final URL)`;
          else if (status === 400 && /WriteTimeout/i.test(text))
            hint = " (lower --seconds below the server's WriteTimeout)";
          return finish(
            new CaptureError(
              'http',
              `HTTP ${status} from ${redactUrl(url)}${text ? `: ${text}` : ''}${hint}`,
              retryable,
              status,
            ),
          );
        }
        finish(undefined, { bytes: Buffer.concat(chunks), status, contentType });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => finish(networkError(e, u)));
    // Declared after `finish` (which clears it): finish only runs from callbacks, after this line.
    const timer = setTimeout(
      () =>
        finish(
          new CaptureError(
            'timeout',
            `no complete answer from ${redactUrl(url)} within ${fmtSeconds(opts.timeoutMs / 1000)}${opts.deadlineNote ? ` (${opts.deadlineNote})` : ''}: the endpoint hangs or is overloaded`,
            false,
          ),
        ),
      opts.timeoutMs,
    );
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
