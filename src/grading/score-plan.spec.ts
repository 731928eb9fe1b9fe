import { ENGINE_VERSION, RubricValidationError, type Rubric } from '../scoring/engine';
import { RubricCache } from './rubric-cache';
import { keyOf, NO_ANSWER_REVISION, planScores, type GradableItem } from './score-plan';

const rubric: Rubric = {
  schemaVersion: 1,
  question: 'what-is-a-span',
  concepts: [
    { id: 'timed', label: 'A span is a timed operation', weight: 2, patterns: ['span [timed|duration] operation'] },
    { id: 'trace-id', label: 'Spans share a trace id', weight: 2, patterns: ['span* share "trace id"'] },
  ],
};

const item = (overrides: Partial<GradableItem> = {}): GradableItem => ({
  id: 'item-1',
  position: 1,
  prompt: 'What is a span?',
  points: 10,
  rubric,
  rubricVersionId: 'rubric-v1',
  answer: { text: 'A span is a timed operation. All spans share one trace ID.', revision: 3 },
  ...overrides,
});

describe('planScores', () => {
  it('scores an answer with its pinned rubric: points are fraction × item points', () => {
    const [plan] = planScores([item()], [], new RubricCache());
    expect(plan.kind).toBe('score');
    if (plan.kind !== 'score') return;
    expect(plan.score.fraction).toBe(1);
    expect(plan.score.points).toBe(10);
    expect(plan.score.maxScore).toBe(4);
    expect(plan.score.engineVersion).toBe(ENGINE_VERSION);
    expect(plan.score.answerRevision).toBe(3);
    expect(plan.score.rubricVersionId).toBe('rubric-v1');
    expect(plan.score.result.concepts.map((c) => c.matched)).toEqual([true, true]);
  });

  it('scales partial credit by the item’s points', () => {
    const [plan] = planScores([item({ points: 6, answer: { text: 'A span is a timed operation in a service.', revision: 1 } })], [], new RubricCache());
    expect(plan.kind === 'score' && plan.score.fraction).toBe(0.5);
    expect(plan.points).toBe(3);
  });

  it('grades a missing answer as the empty string: 0 points, flagged empty, revision 0', () => {
    const [plan] = planScores([item({ answer: null })], [], new RubricCache());
    expect(plan.kind).toBe('score');
    if (plan.kind !== 'score') return;
    expect(plan.points).toBe(0);
    expect(plan.flags).toContain('empty');
    expect(plan.key.answerRevision).toBe(NO_ANSWER_REVISION);
  });

  it('reuses a score of the same answer revision, rubric version and engine version instead of scoring again', () => {
    const known = [{ ...keyOf(item()), id: 'score-1', points: 7 }];
    const rubrics = new RubricCache();
    const [plan] = planScores([item()], known, rubrics);
    expect(plan).toMatchObject({ kind: 'reuse', scoreId: 'score-1', points: 7 });
    expect(rubrics.misses).toBe(0);
  });

  it('scores again when the answer revision, the rubric version or the engine version differ', () => {
    const base = keyOf(item());
    const known = [
      { ...base, id: 'older-answer', answerRevision: 2, points: 1 },
      { ...base, id: 'older-rubric', rubricVersionId: 'rubric-v0', points: 1 },
      { ...base, id: 'older-engine', engineVersion: '0.9.0', points: 1 },
      { ...base, id: 'other-item', sessionItemId: 'item-2', points: 1 },
    ];
    const [plan] = planScores([item()], known, new RubricCache());
    expect(plan.kind).toBe('score');
  });

  it('compiles each distinct rubric once per cache', () => {
    const rubrics = new RubricCache();
    const items = [item({ id: 'a' }), item({ id: 'b' }), item({ id: 'c', rubric: { ...rubric, question: 'other' } })];
    planScores(items, [], rubrics);
    planScores(items, [], rubrics);
    expect(rubrics.misses).toBe(2);
    expect(rubrics.hits).toBe(4);
  });

  it('fails loudly on a pinned rubric that does not validate', () => {
    expect(() => planScores([item({ rubric: { schemaVersion: 1, question: 'x', concepts: [] } })], [], new RubricCache())).toThrow(RubricValidationError);
  });
});

describe('RubricCache', () => {
  it('evicts the least recently used rubric beyond its capacity', () => {
    const rubrics = new RubricCache(2);
    const variant = (question: string) => ({ ...rubric, question });
    rubrics.get(variant('a'));
    rubrics.get(variant('b'));
    rubrics.get(variant('a')); // a is now the most recent
    rubrics.get(variant('c')); // evicts b
    expect(rubrics.size).toBe(2);
    rubrics.get(variant('a'));
    expect(rubrics.hits).toBe(2);
    rubrics.get(variant('b'));
    expect(rubrics.misses).toBe(4);
  });
});
