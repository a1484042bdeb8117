/**
 * Typed errors for bad input. Every error a reader throws on purpose is a ProfileError:
 * it names the file and what is wrong, and the CLI maps it to exit code 2.
 */

export type ProfileErrorCode =
  | 'unknown-format'
  | 'legacy-format'
  | 'gzip'
  | 'too-large'
  | 'protobuf'
  | 'invalid-reference'
  | 'empty'
  | 'json'
  | 'speedscope'
  | 'cpuprofile'
  | 'folded'
  | 'sample-type'
  | 'io';

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly code: ProfileErrorCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** An error about how the tool was invoked or configured (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** True for the errors the CLI reports as "bad input" (exit 2) without a stack trace. */
export function isInputError(e: unknown): e is ProfileError | UsageError {
  return e instanceof ProfileError || e instanceof UsageError;
}
