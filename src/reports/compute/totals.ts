/**
 * Point totals for one session (or one breakdown group), shared by the report
 * and the results list. The arithmetic is grading's (src/grading/totals.ts),
 * so a report's pass/fail is always the one the `session.graded` event
 * announced:
 *
 *   points   = Σ effective points (override, else automatic, else 0), unweighted
 *   fraction = Σ weight × effective points / Σ weight × max points
 *
 * This adapter adds the item counts a report shows.
 */
import { sessionTotals, type ItemPoints } from '../../grading/totals';

export type { ItemPoints };
export { passes, round4, roundTo } from '../../grading/totals';

export interface PointTotals {
  automaticPoints: number;
  reviewedPoints: number;
  maxPoints: number;
  /** Weighted fraction of the automatic points alone. */
  automaticFraction: number;
  /** Weighted fraction of the effective points: what pass/fail and the percentile use. */
  fraction: number;
  itemCount: number;
  scoredItemCount: number;
  overriddenItemCount: number;
}

export function computeTotals(items: readonly ItemPoints[]): PointTotals {
  // The threshold only feeds sessionTotals' `passed`, which callers decide themselves.
  const totals = sessionTotals(items, 0);
  return {
    automaticPoints: totals.automaticPoints,
    reviewedPoints: totals.points,
    maxPoints: totals.maxPoints,
    automaticFraction: totals.automaticFraction,
    fraction: totals.fraction,
    itemCount: items.length,
    scoredItemCount: items.filter((item) => item.automaticPoints !== null).length,
    overriddenItemCount: items.filter((item) => item.overridePoints !== null).length,
  };
}
