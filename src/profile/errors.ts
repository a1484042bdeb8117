/**
 * Typed errors for bad input. Every error a reader throws on purpose is a ProfileError:
 * it names the file and what is wrong, and the CLI maps it to exit code 2.
 */
import { UserError } from '../errors.js';

export type ProfileErrorCode =
  | 'unknown-format'
  | 'unsupported-format'
  | 'legacy-format'
  | 'gzip'
  | 'too-large'
  | 'timeout'
  | 'manifest'
  | 'protobuf'
  | 'invalid-reference'
  | 'empty'
  | 'json'
  | 'speedscope'
  | 'cpuprofile'
  | 'jfr'
  | 'heapprofile'
  | 'folded'
  | 'sample-type'
  | 'io';

export class ProfileError extends UserError {
  override readonly name = 'ProfileError';
  constructor(
    readonly code: ProfileErrorCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/**
 * Runs a reader: a ProfileError passes through; anything else it throws (a bug or an input
 * shape the reader did not foresee) becomes a ProfileError naming the file, never a stack
 * trace from inside a decoder.
 */
export function readerGuard<T>(
  code: ProfileErrorCode,
  file: string,
  describe: (message: string) => string,
  read: () => T,
): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    throw new ProfileError(code, file, describe(e instanceof Error ? e.message : String(e)));
  }
}
