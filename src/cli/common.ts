/** Options shared by every command that reads profiles. */
import { UsageError } from '../errors.js';
import type { ReadOptions } from '../profile/read.js';
import type { OptionSpec, ParsedArgs } from './args.js';

export const READ_OPTIONS: Record<string, OptionSpec> = {
  'max-inflated-mb': {
    kind: 'number',
    description: 'refuse gzip data that inflates past this many MiB (default 512)',
  },
  'all-frames': { kind: 'boolean', description: "ignore a pprof profile's drop_frames" },
};

export function readOptionsFrom(a: ParsedArgs): ReadOptions {
  const mb = a.numbers['max-inflated-mb'];
  if (mb !== undefined && !(mb > 0)) throw new UsageError('--max-inflated-mb must be positive');
  return {
    maxInflatedBytes: mb !== undefined ? Math.floor(mb * 1024 * 1024) : undefined,
    allFrames: a.flags['all-frames'],
  };
}
