import { comparable, signedFractionDifference, type OverridePair } from './override-pair';
import { mean } from './statistics';

export interface Movement {
  count: number;
  /** Mean signed (reviewed − automatic) fraction of item points over these overrides; null when count is 0. */
  meanDifference: number | null;
}

/** What reviewers did to items where the concept was in one state (matched, or missed). */
export interface ConceptStateOutcome {
  count: number;
  movedUp: Movement;
  movedDown: Movement;
  /** Overrides that kept the automatic points (a reviewer confirmed them). */
  unchanged: number;
}

export interface ConceptCalibration {
  conceptId: string;
  /** The label of the concept's latest appearance. */
  label: string;
  overriddenItems: number;
  matched: ConceptStateOutcome;
  missed: ConceptStateOutcome;
  /**
   * Overrides that went against the engine's verdict on this concept: points added although it was missed,
   * or taken away although it matched. The ranking key.
   */
  disagreements: number;
}

export const TOP_CONCEPTS = 10;

/**
 * The concepts most involved in overrides, as rubric authors want to see them:
 * "reviewers keep adding points when concept X is missed". Pairs are expected
 * oldest first, so the newest label of a concept wins.
 */
export function conceptDisagreements(allPairs: readonly OverridePair[], limit = TOP_CONCEPTS): ConceptCalibration[] {
  const byConcept = new Map<string, { label: string; matched: number[]; missed: number[] }>();
  for (const pair of comparable(allPairs)) {
    const difference = signedFractionDifference(pair);
    for (const concept of pair.concepts) {
      const entry = byConcept.get(concept.id) ?? { label: concept.label, matched: [], missed: [] };
      entry.label = concept.label;
      (concept.matched ? entry.matched : entry.missed).push(difference);
      byConcept.set(concept.id, entry);
    }
  }
  const ranked = [...byConcept.entries()].map(([conceptId, entry]): ConceptCalibration => {
    const matched = outcome(entry.matched);
    const missed = outcome(entry.missed);
    return {
      conceptId,
      label: entry.label,
      overriddenItems: matched.count + missed.count,
      matched,
      missed,
      disagreements: missed.movedUp.count + matched.movedDown.count,
    };
  });
  ranked.sort((a, b) => b.disagreements - a.disagreements || b.overriddenItems - a.overriddenItems || a.conceptId.localeCompare(b.conceptId));
  return ranked.slice(0, limit);
}

function outcome(differences: number[]): ConceptStateOutcome {
  const up = differences.filter((difference) => difference > 0);
  const down = differences.filter((difference) => difference < 0);
  return {
    count: differences.length,
    movedUp: { count: up.length, meanDifference: mean(up) },
    movedDown: { count: down.length, meanDifference: mean(down) },
    unchanged: differences.length - up.length - down.length,
  };
}
