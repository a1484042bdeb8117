/**
 * The verdict of a comparison, from what it found:
 * - fail: at least one cause (a significant growth over budget), whatever else is true;
 * - inconclusive: no cause, and either the data cannot support a verdict (the reasons say why)
 *   or rows could not see a change of their budget's size and `on-underpowered` is `fail`;
 * - pass: otherwise.
 */
import type { Cause, CompareSettings, Underpowered, Verdict } from './types.js';

export function verdictOf(
  causes: Cause[],
  inconclusive: string[],
  underpowered: Underpowered[],
  settings: Pick<CompareSettings, 'onUnderpowered'>,
): Verdict {
  if (causes.length > 0) return 'fail';
  if (inconclusive.length > 0) return 'inconclusive';
  if (underpowered.length > 0 && settings.onUnderpowered === 'fail') return 'inconclusive';
  return 'pass';
}

/** The reason `on-underpowered: fail` adds when it decides the verdict. */
export function underpoweredReason(u: Underpowered[]): string {
  const w = u[0];
  return `${u.length} tested row${u.length === 1 ? '' : 's'} could not see a change of their budget's size (e.g. ${w.function} ${w.metric}: detectable ${w.mdePp.toFixed(1)}, budget ${w.budgetPp}) and on-underpowered is fail`;
}
