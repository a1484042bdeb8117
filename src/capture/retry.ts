/** Retries of capture attempts and endpoint probes: only retryable CaptureErrors are retried. */
import { retry } from '../util/retry.js';
import { CaptureError } from './errors.js';
import type { CaptureRun, RoleState } from './run.js';

export interface CaptureRetryOptions {
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
  opts: CaptureRetryOptions,
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

/** withRetries with the run's settings and signal, each retry reported for capture `index` of s. */
export function retryInRun<T>(
  run: CaptureRun,
  s: RoleState,
  index: number,
  fn: () => Promise<T>,
): Promise<T> {
  return withRetries(fn, {
    retries: run.settings.retries,
    backoffMs: run.settings.backoffMs,
    signal: run.signal,
    onRetry: (attempt, delayMs, e) =>
      run.progress({ kind: 'retry', index, role: s.role, attempt, delayMs, reason: e.message }),
  });
}
