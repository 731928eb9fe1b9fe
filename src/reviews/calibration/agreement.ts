import { automaticFraction, comparable, reviewedFraction, type OverridePair } from './override-pair';
import { mean, pearson } from './statistics';

export interface Difference {
  points: number;
  /** As a fraction of the item's points, so items of different worth compare. */
  fraction: number;
}

export interface Agreement {
  overriddenItems: number;
  /** Mean |reviewed − automatic|; null with no overrides. */
  meanAbsoluteDifference: Difference | null;
  /** Mean (reviewed − automatic): positive when reviewers add points on the whole. */
  meanSignedDifference: Difference | null;
  /** Pearson's r of automatic and reviewed fractions; null with fewer than 3 pairs or no variance. */
  correlation: number | null;
}

/** How far reviewers' points sit from the engine's, over overridden items. */
export function agreement(allPairs: readonly OverridePair[]): Agreement {
  const pairs = comparable(allPairs);
  const pointDiffs = pairs.map((pair) => pair.reviewedPoints - pair.automaticPoints);
  const fractionDiffs = pairs.map((pair) => reviewedFraction(pair) - automaticFraction(pair));
  const both = (f: (value: number) => number): Difference | null =>
    pairs.length === 0 ? null : { points: mean(pointDiffs.map(f))!, fraction: mean(fractionDiffs.map(f))! };
  return {
    overriddenItems: pairs.length,
    meanAbsoluteDifference: both(Math.abs),
    meanSignedDifference: both((value) => value),
    correlation: pearson(pairs.map(automaticFraction), pairs.map(reviewedFraction)),
  };
}
