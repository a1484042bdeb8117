/**
 * Errors the user can fix: bad input, a bad flag or setting, an unreachable service. Both shells
 * report them as one readable message and exit 2 (the Action: a failed step), never with a stack
 * trace. Anything else that escapes is an internal error.
 */

/** Base class of every error that is the input's fault, not the program's. */
export class UserError extends Error {}

/** An error about how the tool was invoked or configured (exit code 2). */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

/** True for the errors the shells report as "bad input" (exit 2) without a stack trace. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
