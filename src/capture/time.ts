/** Time in capture runs: interruptible waits, and durations as messages show them. */
import { wait } from '../util/retry.js';
import { CaptureError } from './errors.js';

export function fmtSeconds(s: number): string {
  return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}

/** Sleeps ms; rejects with an 'aborted' CaptureError when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, signal, () => new CaptureError('aborted', 'interrupted'));
}
