/** Options shared by every command that reads profiles: the limits of decoded work. */
import { UsageError } from '../errors.js';
import { DEFAULT_LIMITS, MIB, type Limits } from '../profile/limits.js';
import type { ReadOptions } from '../profile/read.js';
import type { OptionSpec, ParsedArgs } from './args.js';

/** The limit options (profile/limits.ts): every command that reads profiles takes them. */
export const LIMIT_OPTIONS: Record<string, OptionSpec> = {
  'max-input-mb': {
    kind: 'number',
    description: `refuse an input (file, inflated gzip, server answer, unpacked artifact) over this many MiB (default ${DEFAULT_LIMITS.maxInputBytes / MIB})`,
  },
  'max-inflated-mb': { kind: 'number', description: 'old name of --max-input-mb' },
  'max-stack-depth': {
    kind: 'number',
    description: `refuse stacks deeper than this many frames (default ${DEFAULT_LIMITS.maxStackDepth})`,
  },
  'max-frames': {
    kind: 'number',
    description: `refuse to decode more stack frames than this (default ${DEFAULT_LIMITS.maxFrames.toExponential(1).replace('e+', 'e')})`,
  },
  'max-json-nodes': {
    kind: 'number',
    description: `refuse JSON profiles with more values than this (default ${DEFAULT_LIMITS.maxJsonNodes.toExponential(1).replace('e+', 'e')})`,
  },
};

export const READ_OPTIONS: Record<string, OptionSpec> = {
  ...LIMIT_OPTIONS,
  'all-frames': { kind: 'boolean', description: "ignore a pprof profile's drop_frames" },
};

/** The limits given on the command line (unset ones: undefined, the defaults apply). */
export function limitsFrom(a: ParsedArgs): Partial<Limits> {
  const positive = (name: string, int: boolean): number | undefined => {
    const v = a.numbers[name];
    if (v === undefined) return undefined;
    if (!(v > 0) || (int && !Number.isInteger(v))) {
      throw new UsageError(`--${name} must be a positive ${int ? 'whole number' : 'number'}`);
    }
    return v;
  };
  const mb = positive('max-input-mb', false) ?? positive('max-inflated-mb', false);
  return {
    maxInputBytes: mb !== undefined ? Math.floor(mb * MIB) : undefined,
    maxStackDepth: positive('max-stack-depth', true),
    maxFrames: positive('max-frames', true),
    maxJsonNodes: positive('max-json-nodes', true),
  };
}

export function readOptionsFrom(a: ParsedArgs): ReadOptions {
  return { limits: limitsFrom(a), allFrames: a.flags['all-frames'] };
}
