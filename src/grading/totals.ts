/**
 * A session's totals, shared by grading (the `session.graded` event) and the
 * reports. Pure: no Nest, no Prisma.
 *
 * Weighting (as the interview defines it): an item is worth `maxPoints`, and
 * its `weight` scales how much those points count towards pass/fail:
 *
 *   fraction = Σ maxPoints_i × weight_i × fraction_i / Σ maxPoints_i × weight_i
 *
 * where fraction_i = effectivePoints_i / maxPoints_i, so the numerator is
 * simply Σ weight_i × effectivePoints_i. An item's *effective* points are its
 * current reviewer override's points when there is one, else its automatic
 * points (fraction × item points), else 0 (not scored yet). With every weight
 * at 1 this is plain points / max points.
 */

export interface ItemPoints {
  /** What the item is worth (SessionItem.points). */
  maxPoints: number;
  /** The item's weight in the total (SessionItem.weight). */
  weight: number;
  /** The current automatic score's points; null when the item has none. */
  automaticPoints: number | null;
  /** The current reviewer override's points; null when nobody overrode the item. */
  overridePoints: number | null;
}

export interface SessionTotals {
  /** Σ effective points (overrides first), unweighted. */
  points: number;
  /** Σ automatic points, unweighted. */
  automaticPoints: number;
  /** Σ item points, unweighted. */
  maxPoints: number;
  /** The weighted fraction of the effective points; what pass/fail is decided on. */
  fraction: number;
  /** The weighted fraction of the automatic points alone. */
  automaticFraction: number;
  passed: boolean;
  /** Whether the automatic scores alone would pass. */
  automaticPassed: boolean;
}

/** Override first, then the automatic score, then 0. */
export function effectivePoints(item: Pick<ItemPoints, 'automaticPoints' | 'overridePoints'>): number {
  return item.overridePoints ?? item.automaticPoints ?? 0;
}

export function sessionTotals(items: readonly ItemPoints[], passingThreshold: number): SessionTotals {
  let points = 0;
  let automaticPoints = 0;
  let maxPoints = 0;
  let weightedEffective = 0;
  let weightedAutomatic = 0;
  let weightedMax = 0;
  for (const item of items) {
    // A negative weight would turn points into penalties; the interview refuses them, and so does the arithmetic.
    const weight = Math.max(0, item.weight);
    const effective = effectivePoints(item);
    const automatic = item.automaticPoints ?? 0;
    points += effective;
    automaticPoints += automatic;
    maxPoints += item.maxPoints;
    weightedEffective += weight * effective;
    weightedAutomatic += weight * automatic;
    weightedMax += weight * item.maxPoints;
  }
  const fraction = ratio(weightedEffective, weightedMax);
  const automaticFraction = ratio(weightedAutomatic, weightedMax);
  return {
    points,
    automaticPoints,
    maxPoints,
    fraction,
    automaticFraction,
    passed: passes(fraction, passingThreshold),
    automaticPassed: passes(automaticFraction, passingThreshold),
  };
}

/** 0 when nothing counts (no items, or every item worth or weighing 0). */
function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/**
 * Float sums like 0.1 + 0.2 must not turn a pass into a fail, so the
 * comparison happens at 9 decimals.
 */
export function passes(fraction: number, passingThreshold: number): boolean {
  return roundTo(fraction, 9) >= roundTo(passingThreshold, 9);
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** How points and fractions leave the API and events: 4 decimals, like the engine's own scores. */
export const round4 = (value: number): number => roundTo(value, 4);
