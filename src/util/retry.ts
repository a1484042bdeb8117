/**
 * The one retry loop (profile captures, fleet-source requests): exponential backoff with a cap,
 * optional jitter, a server-given wait (Retry-After) instead of the backoff, and an abort signal
 * that also cuts a wait short. Callers keep their own messages through `onRetry` and `giveUp`.
 */

export interface RetryOptions<E> {
  /** Extra attempts after the first. */
  retries: number;
  /** First backoff in ms; doubles per retry. */
  baseMs: number;
  /** Cap on one backoff (a Retry-After is not capped here). */
  maxMs: number;
  /** Each backoff is multiplied by a random factor in [1 - jitter, 1 + jitter] (default 0). */
  jitter?: number;
  /** Whether a failure is worth another attempt; any other failure ends the loop at once. */
  isRetryable: (error: unknown) => error is E;
  /** The wait the server asked for (e.g. Retry-After), used instead of the backoff. */
  retryAfterMs?: (error: E) => number | undefined;
  /** Called before each wait: the attempt that failed (1-based), the wait, its failure. */
  onRetry?: (attempt: number, delayMs: number, error: E) => void;
  /** Turns the last failure into what is thrown (default: the failure itself). */
  giveUp?: (error: unknown, attempts: number) => unknown;
  signal?: AbortSignal;
  /** Thrown when the signal has fired before or during a wait (default: the signal's reason). */
  abortError?: () => unknown;
}

/** Runs fn until it succeeds, fails for good, the retries are used up, or the signal fires. */
export async function retry<T, E>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions<E>,
): Promise<T> {
  const aborted = () => (opts.abortError ? opts.abortError() : opts.signal?.reason);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (!opts.isRetryable(e) || attempt > opts.retries) {
        throw opts.giveUp ? opts.giveUp(e, attempt) : e;
      }
      if (opts.signal?.aborted) throw aborted();
      const delay = retryDelayMs(attempt, opts, opts.retryAfterMs?.(e));
      opts.onRetry?.(attempt, delay, e);
      await wait(delay, opts.signal, aborted);
    }
  }
}

/** The wait after failed attempt `attempt` (1-based), in whole ms. */
export function retryDelayMs(
  attempt: number,
  opts: Pick<RetryOptions<unknown>, 'baseMs' | 'maxMs' | 'jitter'>,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.round(retryAfterMs);
  const jitter = opts.jitter ? 1 - opts.jitter + Math.random() * 2 * opts.jitter : 1;
  return Math.round(Math.min(opts.maxMs, opts.baseMs * 2 ** (attempt - 1) * jitter));
}

/** Waits ms; rejects with abortError() (default: the signal's reason) when the signal fires. */
export function wait(ms: number, signal?: AbortSignal, abortError?: () => unknown): Promise<void> {
  const reason = () => (abortError ? abortError() : signal?.reason);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(reason());
    const onAbort = () => {
      clearTimeout(t);
      reject(reason());
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
