/** Why a capture could not be taken: a failure kind, and whether another attempt may help. */
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
  | 'io'
  /** A profiler could not attach to the process (not there, not that runtime, not allowed). */
  | 'attach'
  /** An attached profiler failed during a capture. */
  | 'profiler';

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
