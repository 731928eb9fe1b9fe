import type { PoolQuestion } from '../types';

let sequence = 0;

/** A pool question with a unique id (ids are zero-padded so their sort order is their creation order). */
export function poolQuestion(overrides: Partial<PoolQuestion> = {}): PoolQuestion {
  sequence += 1;
  const id = `q-${String(sequence).padStart(5, '0')}`;
  return {
    questionId: id,
    familyId: overrides.questionId ?? id,
    versionId: `${overrides.questionId ?? id}-v1`,
    slug: `question-${sequence}`,
    section: 'Sampling',
    levels: ['senior'],
    tags: ['sampling'],
    prompt: `Question ${sequence}: why would you sample traces?`,
    probes: [],
    rubric: { schemaVersion: 1, question: `question-${sequence}`, concepts: [] },
    ...overrides,
  };
}

export function poolOf(size: number, overrides: Partial<PoolQuestion> = {}): PoolQuestion[] {
  return Array.from({ length: size }, () => poolQuestion(overrides));
}
