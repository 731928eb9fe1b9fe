import type { JudgedConcept } from './override-pair';

/**
 * The concepts of a stored engine result (ItemScore.result, a ScoreResult as JSON).
 * Stored JSON is not trusted to have today's shape: anything that is not a
 * well-formed concept entry is skipped rather than failing the whole report.
 */
export function judgedConcepts(result: unknown): JudgedConcept[] {
  if (!isRecord(result) || !Array.isArray(result.concepts)) return [];
  const concepts: JudgedConcept[] = [];
  for (const entry of result.concepts as unknown[]) {
    if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.matched !== 'boolean') continue;
    concepts.push({ id: entry.id, label: typeof entry.label === 'string' ? entry.label : entry.id, matched: entry.matched });
  }
  return concepts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
