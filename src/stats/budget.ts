/** Which budget applies to a tested row: the per-unit budget, a config rule, or the defaults. */
import { globMatch } from './config.js';
import type { RowInfo } from './rows.js';
import type { Budget, CompareSettings } from './types.js';

export function budgetFor(ri: Pick<RowInfo, 'function' | 'metric'>, s: CompareSettings): Budget {
  if (ri.metric === 'per-unit') return { source: 'per-unit budget', pp: s.budgetPerUnitPct };
  const rule = s.config?.functions.find((r) => !r.ignore && globMatch(r.match, ri.function));
  if (ri.metric === 'self') {
    if (rule && (rule.budgetPp !== undefined || rule.budgetRatio !== undefined)) {
      return {
        source: `config rule "${rule.match}"`,
        pp: rule.budgetPp ?? s.budgetPp,
        ratio: rule.budgetRatio ?? (s.budgetRatio || undefined),
      };
    }
    return { source: 'self budget', pp: s.budgetPp, ratio: s.budgetRatio || undefined };
  }
  if (rule && rule.budgetCumPp !== undefined) {
    return { source: `config rule "${rule.match}"`, pp: rule.budgetCumPp };
  }
  return { source: 'cum budget', pp: s.budgetCumPp };
}
