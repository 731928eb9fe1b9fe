/** Small rubrics shared by the engine's specs. */
import type { Concept, Misconception, Rubric } from '../types';

export function concept(id: string, patterns: Concept['patterns'], extra: Partial<Concept> = {}): Concept {
  return { id, label: id.replace(/-/g, ' '), weight: 1, patterns, ...extra };
}

export function misconception(id: string, patterns: Misconception['patterns'], extra: Partial<Misconception> = {}): Misconception {
  return { id, label: id.replace(/-/g, ' '), penalty: 1, patterns, ...extra };
}

export function rubric(concepts: Concept[], extra: Partial<Rubric> = {}): Rubric {
  return { schemaVersion: 1, question: 'test-question', concepts, ...extra };
}

/** A realistic head-vs-tail sampling rubric. */
export function samplingRubric(): Rubric {
  return rubric(
    [
      concept('head-decides-at-start', [{ match: 'head [decid*|decision|sampl*] [start|root|beginning|upfront]', within: 8, ordered: true }], { weight: 2, required: true }),
      concept('tail-decides-after', [{ match: 'tail [decid*|sampl*] after [complet*|finish*|end*]', ordered: true }], { weight: 2, required: true }),
      concept('tail-buffers', ['tail [buffer*|memory|stateful]'], { feedback: 'Say that tail sampling has to buffer spans.' }),
      concept('keeps-errors', ['keep* [error*|slow]']),
    ],
    {
      misconceptions: [misconception('tail-decides-early', [{ match: 'tail [decid*|sampl*] [start|begin*|before]', ordered: true }], { feedback: 'Tail decides after the trace completes.' })],
      bands: [
        { label: 'strong', minFraction: 0.75 },
        { label: 'partial', minFraction: 0.35 },
        { label: 'weak', minFraction: 0 },
      ],
    },
  );
}
