import { validateRubric } from './engine';
import { corpusForDocument, suggestRubricFor } from './rubric-suggestion';

const queue = { slug: 'what-is-a-queue', prompt: 'What is a queue?', modelAnswer: 'A queue is first in, first out: you enqueue at the rear and dequeue from the front.' };
const stack = { slug: 'what-is-a-stack', prompt: 'What is a stack?', modelAnswer: 'A stack is last in, first out: push and pop happen at the top.' };

describe('suggestRubricFor', () => {
  it('suggests a valid rubric named after the question slug, built from the model answer', () => {
    const outcome = suggestRubricFor(queue, corpusForDocument([queue, stack], []));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.rubric.question).toBe('what-is-a-queue');
    expect(validateRubric(outcome.rubric).ok).toBe(true);
    const labels = outcome.rubric.concepts.map((concept) => concept.label.toLowerCase());
    expect(labels).toEqual(expect.arrayContaining(['dequeue']));
  });

  it('is deterministic: the same question and bank give the same rubric', () => {
    const corpus = corpusForDocument([queue, stack], []);
    expect(suggestRubricFor(queue, corpus)).toEqual(suggestRubricFor(queue, corpusForDocument([queue, stack], [])));
  });

  it('reports a model answer without content words instead of throwing', () => {
    const outcome = suggestRubricFor({ slug: 'empty', prompt: 'Anything?', modelAnswer: '' }, corpusForDocument([], []));
    expect(outcome).toEqual({ ok: false, problem: expect.stringContaining('no content words') });
  });
});

describe('corpusForDocument', () => {
  it('counts the document and the bank questions it does not replace', () => {
    expect(corpusForDocument([queue], [stack]).documentCount).toBe(2);
  });

  it('counts a question the document re-imports once, so a re-import sees the same corpus', () => {
    const first = corpusForDocument([queue, stack], []);
    const again = corpusForDocument([queue, stack], [queue, stack]);
    expect(again).toEqual(first);
  });
});
