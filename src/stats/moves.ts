/**
 * The second pass over classified rows: a function that appears (absent from every baseline
 * capture) while another of similar size vanishes is most likely a rename or moved code. Such a
 * pair is a move, reported as `grew` with `movedFrom`, not a regression, when the pair's combined
 * share did not grow past the budget.
 */
import type { FunctionDelta } from './types.js';

export interface Move {
  /** The row that appeared. */
  row: FunctionDelta;
  /** The row that vanished. */
  from: FunctionDelta;
}

export function findMoves(functions: FunctionDelta[]): Move[] {
  const vanished = functions.filter(
    (f) => f.metric !== 'per-unit' && f.inBaseline && !f.inCanary && f.status !== 'ignored',
  );
  const used = new Set<FunctionDelta>();
  const appeared = functions
    .filter((f) => (f.status === 'regression' || f.status === 'grew') && !f.inBaseline)
    .sort((a, b) => b.canaryShare - a.canaryShare || (a.function < b.function ? -1 : 1));
  const moves: Move[] = [];
  for (const f of appeared) {
    let best: FunctionDelta | undefined;
    for (const v of vanished) {
      if (used.has(v) || v.metric !== f.metric) continue;
      const combined = f.canaryShare - v.baselineShare;
      const similar =
        v.baselineShare >= 0.5 * f.canaryShare && v.baselineShare <= 2 * f.canaryShare;
      if (combined <= (f.budget.pp ?? Infinity) && similar) {
        if (
          !best ||
          Math.abs(v.baselineShare - f.canaryShare) < Math.abs(best.baselineShare - f.canaryShare)
        )
          best = v;
      }
    }
    if (best) {
      used.add(best);
      moves.push({ row: f, from: best });
    }
  }
  return moves;
}
