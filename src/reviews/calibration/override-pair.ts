/** A concept of the rubric as the automatic score judged it. */
export interface JudgedConcept {
  id: string;
  label: string;
  matched: boolean;
}

/** One overridden item: what the engine gave, what the reviewer gave, and the concepts behind the engine's figure. */
export interface OverridePair {
  /** What the item is worth; pairs worth nothing are left out of every figure (their fractions are undefined). */
  itemPoints: number;
  automaticPoints: number;
  reviewedPoints: number;
  concepts: readonly JudgedConcept[];
}

export const automaticFraction = (pair: OverridePair): number => pair.automaticPoints / pair.itemPoints;
export const reviewedFraction = (pair: OverridePair): number => pair.reviewedPoints / pair.itemPoints;
/** Reviewed minus automatic, as a fraction of the item's points: positive when the reviewer added points. */
export const signedFractionDifference = (pair: OverridePair): number => reviewedFraction(pair) - automaticFraction(pair);

export function comparable(pairs: readonly OverridePair[]): OverridePair[] {
  return pairs.filter((pair) => pair.itemPoints > 0);
}
