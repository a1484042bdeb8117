/**
 * Getting one profile: an HTTP GET with a hard deadline, failures sorted into kinds (some worth
 * a retry, some not), retries with exponential backoff, and a decode check with readProfile.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { ProfileError } from '../profile/errors.js';
import { isGzip } from '../profile/detect.js';
import type { Profile } from '../profile/model.js';
import { readProfile } from '../profile/read.js';
import { selectSampleType } from '../profile/aggregate.js';
import { retry, wait } from '../util/retry.js';

export type FailureKind =
  | 'refused'
  | 'dns'
  | 'network'
  | 'http'
  | 'timeout'
  | 'truncated'
  | 'too-large'
  | 'decode'
  | 'empty'
  | 'command'
  | 'load'
  | 'aborted'
  | 'io';

/** A capture could not be taken. `retryable` says whether another attempt may help. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryable = false,
    readonly status?: number,
  ) {
    super(message);
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof CaptureError && e.kind === 'aborted';
}

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
            new CaptureError('too-large', `profile from ${url} is larger than ${maxBytes} bytes`),
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
            `response from ${url} cut short: got ${got}${declared !== undefined ? ` of ${declared}` : ''} bytes before the connection closed`,
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
              `HTTP ${status} from ${url}${text ? `: ${text}` : ''}${hint}`,
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
            `no complete answer from ${url} within ${fmtSeconds(opts.timeoutMs / 1000)}${opts.deadlineNote ? ` (${opts.deadlineNote})` : ''}: the endpoint hangs or is overloaded`,
            false,
          ),
        ),
      opts.timeoutMs,
    );
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function fmtSeconds(s: number): string {
  return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}

/** Sleeps ms; rejects with an 'aborted' CaptureError when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, signal, () => new CaptureError('aborted', 'interrupted'));
}

export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  retries: number;
  /** First backoff in ms; doubles each time (default 500). */
  backoffMs: number;
  /** Cap on one backoff (default 8000). */
  maxBackoffMs?: number;
  signal?: AbortSignal;
  onRetry?: (attempt: number, delayMs: number, error: CaptureError) => void;
}

/** Runs fn until it succeeds, a non-retryable error happens, or the retries are used up. */
export function withRetries<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions,
): Promise<T> {
  return retry(fn, {
    retries: opts.retries,
    baseMs: opts.backoffMs,
    maxMs: opts.maxBackoffMs ?? 8000,
    isRetryable: (e): e is CaptureError => e instanceof CaptureError && e.retryable,
    onRetry: opts.onRetry,
    giveUp: (e, attempt) => {
      const err =
        e instanceof CaptureError ? e : new CaptureError('io', (e as Error)?.message ?? String(e));
      if (err.retryable && attempt > 1) err.message += ` (gave up after ${attempt} attempts)`;
      return err;
    },
    signal: opts.signal,
    abortError: () => new CaptureError('aborted', 'interrupted'),
  });
}

export interface CheckedProfile {
  profile: Profile;
  /** Sample type name the manifest should record (the asked one when present). */
  sampleType: string;
  /** Sum of the selected sample type's values. */
  total: number;
  /** File extension that matches the content. */
  ext: string;
  warnings: string[];
}

/**
 * Decodes a capture and checks it is usable: decodable, has samples, and the selected sample
 * type is not all zero. Corrupt gzip/protobuf may be a transfer cut short, so it is retryable.
 */
export function checkProfile(
  bytes: Uint8Array,
  name: string,
  sampleType: string | undefined,
  emptyHint: string,
): CheckedProfile {
  let profile: Profile;
  try {
    profile = readProfile(bytes, name);
  } catch (e) {
    if (e instanceof ProfileError) {
      if (e.code === 'empty') {
        throw new CaptureError('empty', `${name}: the profile has no samples: ${emptyHint}`);
      }
      const retryable = e.code === 'gzip' || e.code === 'protobuf';
      throw new CaptureError('decode', `${name}: not a usable profile: ${e.detail}`, retryable);
    }
    throw e;
  }
  const warnings = [...profile.warnings];
  let idx = profile.defaultSampleType;
  let chosen = profile.sampleTypes[idx]?.type ?? 'samples';
  if (sampleType) {
    try {
      idx = selectSampleType(profile, sampleType, name);
      chosen = sampleType;
    } catch {
      warnings.push(
        `${name} has no sample type "${sampleType}" (it has ${profile.sampleTypes.map((t) => t.type).join(', ')}); recording "${chosen}"`,
      );
    }
  }
  let total = 0;
  for (const v of profile.values[idx] ?? []) total += Math.abs(v);
  if (total === 0) {
    throw new CaptureError('empty', `${name}: every sample of "${chosen}" is zero: ${emptyHint}`);
  }
  return { profile, sampleType: chosen, total, ext: extensionFor(bytes, profile), warnings };
}

export function extensionFor(bytes: Uint8Array, p: Profile): string {
  switch (p.format) {
    case 'pprof':
      return isGzip(bytes) ? '.pb.gz' : '.pb';
    case 'folded':
      return '.folded';
    case 'perf-script':
      return '.perf.txt';
    case 'speedscope':
      return '.speedscope.json';
    case 'cpuprofile':
      return '.cpuprofile';
  }
}

/** A temp path in `dir` that capture listings ignore (dot file). */
export function tempPath(dir: string, stem: string): string {
  return join(dir, `.${stem}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}
