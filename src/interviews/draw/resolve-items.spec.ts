import fc from 'fast-check';
import { resolveItems, ResolveItemsError, type ResolveProblem } from './resolve-items';
import { poolOf, poolQuestion } from './testing/pool-fixtures';
import type { DrawPlan, ExplicitPlan, PoolQuestion, ResolvedItem } from './types';

const explicit = (question: PoolQuestion, overrides: Partial<ExplicitPlan> = {}): ExplicitPlan => ({
  kind: 'question',
  interviewItemId: `item-${question.questionId}`,
  question,
  weight: 1,
  points: 10,
  includeProbes: false,
  ...overrides,
});

let drawSequence = 0;
const draw = (count: number, pool: readonly PoolQuestion[], overrides: Partial<DrawPlan> = {}): DrawPlan => {
  drawSequence += 1;
  return { kind: 'draw', interviewItemId: `draw-${drawSequence}`, count, pool, weight: 1, points: 10, includeProbes: false, ...overrides };
};

const questionIds = (items: ResolvedItem[]) => items.filter((item) => item.probeIndex === null).map((item) => item.questionId);

function problemsOf(run: () => unknown): ResolveProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ResolveItemsError) return error.problems;
    throw error;
  }
  throw new Error('expected a ResolveItemsError');
}

const PROBES = [
  { question: 'What if the collector restarts?', answer: 'In-flight spans in its memory are lost unless a persistent queue buffers them.' },
  { question: 'What if the exporter times out?', answer: 'The batch processor retries, then drops the batch and counts the dropped spans.' },
];

describe('resolveItems', () => {
  it('turns explicit items into session items in interview order, 1-based', () => {
    const [a, b] = poolOf(2);
    const items = resolveItems([explicit(a, { weight: 2, points: 5 }), explicit(b)], 'seed');
    expect(items).toEqual([
      {
        position: 1,
        interviewItemId: `item-${a.questionId}`,
        questionId: a.questionId,
        questionVersionId: a.versionId,
        probeIndex: null,
        prompt: a.prompt,
        section: a.section,
        levels: a.levels,
        weight: 2,
        points: 5,
        rubric: a.rubric,
        rubricVersionId: a.versionId,
      },
      expect.objectContaining({ position: 2, questionId: b.questionId, weight: 1, points: 10 }),
    ]);
  });

  it('passes a missing rubric through (a draft preview) instead of failing', () => {
    const question = poolQuestion({ rubric: null });
    expect(resolveItems([explicit(question)], 'seed')[0].rubric).toBeNull();
  });

  it('returns nothing for an interview without items', () => {
    expect(resolveItems([], 'seed')).toEqual([]);
  });

  describe('draw rules', () => {
    const pool = poolOf(8);

    it('draws `count` distinct questions from the rule’s pool', () => {
      const rule = draw(3, pool, { weight: 1.5, points: 4 });
      const items = resolveItems([rule], 'candidate-a');
      expect(items).toHaveLength(3);
      expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
      expect(new Set(questionIds(items)).size).toBe(3);
      for (const item of items) {
        const source = pool.find((question) => question.questionId === item.questionId);
        expect(source).toBeDefined();
        expect(item).toMatchObject({ interviewItemId: rule.interviewItemId, questionVersionId: source?.versionId, prompt: source?.prompt, rubric: source?.rubric, weight: 1.5, points: 4 });
      }
    });

    it('is deterministic: the same seed gives the same questions in the same order', () => {
      const plans = [draw(3, pool), draw(2, pool)];
      expect(resolveItems(plans, 'candidate-a')).toEqual(resolveItems(plans, 'candidate-a'));
    });

    it('does not depend on the order the pool was loaded in', () => {
      const rule = draw(4, pool);
      const reversed = { ...rule, pool: [...pool].reverse() };
      const rotated = { ...rule, pool: [...pool.slice(3), ...pool.slice(0, 3)] };
      const expected = resolveItems([rule], 'candidate-b');
      expect(resolveItems([reversed], 'candidate-b')).toEqual(expected);
      expect(resolveItems([rotated], 'candidate-b')).toEqual(expected);
    });

    it('usually gives different seeds different questions, and eventually uses the whole pool', () => {
      const rule = draw(2, pool);
      const sets = new Set<string>();
      const seen = new Set<string>();
      for (let i = 0; i < 100; i += 1) {
        const ids = questionIds(resolveItems([rule], `candidate-${i}`));
        sets.add([...ids].sort().join(','));
        ids.forEach((id) => seen.add(id));
      }
      // 28 possible pairs; 100 seeds hit most of them.
      expect(sets.size).toBeGreaterThan(20);
      expect(seen.size).toBe(pool.length);
    });

    it('draws each pool question about equally often', () => {
      const rule = draw(1, pool);
      const counts = new Map<string, number>();
      const rounds = 8000;
      for (let i = 0; i < rounds; i += 1) {
        const [id] = questionIds(resolveItems([rule], `s${i}`));
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const count of counts.values()) expect(Math.abs(count - rounds / pool.length)).toBeLessThan(rounds / pool.length / 4);
    });

    it('keeps a rule’s questions when another rule is added after it', () => {
      const samplingRule = draw(2, pool);
      const other = draw(1, poolOf(5, { section: 'Propagation' }));
      const alone = questionIds(resolveItems([other, samplingRule], 'seed-x')).slice(1);
      const withThird = questionIds(resolveItems([other, samplingRule, draw(1, poolOf(3, { section: 'Design' }))], 'seed-x')).slice(1, 3);
      expect(withThird).toEqual(alone);
    });

    it('never draws an explicit item’s question, nor its fork', () => {
      const [pinned, ...rest] = pool;
      const fork = poolQuestion({ familyId: pinned.questionId, slug: pinned.slug });
      const rule = draw(rest.length, [...pool, fork]);
      for (let i = 0; i < 30; i += 1) {
        const items = resolveItems([draw(0, []), rule, explicit(pinned)], `seed-${i}`);
        const ids = questionIds(items);
        expect(ids.filter((id) => id === pinned.questionId)).toHaveLength(1);
        expect(ids).not.toContain(fork.questionId);
        expect(ids.at(-1)).toBe(pinned.questionId);
      }
    });

    it('counts a pool’s duplicates and forks once', () => {
      const question = poolQuestion();
      const fork = poolQuestion({ familyId: question.questionId });
      const problems = problemsOf(() => resolveItems([draw(2, [question, question, fork])], 'seed'));
      expect(problems).toEqual([{ kind: 'not-enough-questions', itemIndex: 0, count: 2, available: 1, unfilled: 1 }]);
    });

    it('never repeats a question across rules with overlapping pools', () => {
      const big = poolOf(6);
      fc.assert(
        fc.property(fc.string(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (seed, first, second) => {
          const plans = [draw(first, big), draw(second, big.slice(2))];
          const ids = questionIds(resolveItems(plans, seed));
          expect(ids).toHaveLength(first + second);
          expect(new Set(ids).size).toBe(ids.length);
        }),
        { numRuns: 300 },
      );
    });

    it('satisfies a narrow rule placed after a broad one that could have taken its only question', () => {
      const narrow = poolQuestion({ section: 'Baggage' });
      const broad = [narrow, ...poolOf(2)];
      for (let i = 0; i < 30; i += 1) {
        const ids = questionIds(resolveItems([draw(2, broad), draw(1, [narrow])], `seed-${i}`));
        expect(ids[2]).toBe(narrow.questionId);
        expect(ids.slice(0, 2)).not.toContain(narrow.questionId);
      }
    });

    it('fails with the rule, its count and what is available when the pool is too small', () => {
      const small = poolOf(2);
      expect(problemsOf(() => resolveItems([explicit(poolQuestion()), draw(3, small)], 'seed'))).toEqual([
        { kind: 'not-enough-questions', itemIndex: 1, count: 3, available: 2, unfilled: 1 },
      ]);
    });

    it('does not count explicit items’ questions as available', () => {
      const [a, b, c] = poolOf(3);
      expect(problemsOf(() => resolveItems([explicit(a), draw(3, [a, b, c])], 'seed'))).toEqual([
        { kind: 'not-enough-questions', itemIndex: 1, count: 3, available: 2, unfilled: 1 },
      ]);
    });

    it('fails when two rules need more distinct questions than their pools hold together', () => {
      const shared = poolOf(3);
      const problems = problemsOf(() => resolveItems([draw(2, shared), draw(2, shared)], 'seed'));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ kind: 'not-enough-questions', count: 2, available: 3, unfilled: 1 });
    });
  });

  it('refuses the same question in two explicit items', () => {
    const question = poolQuestion();
    const fork = poolQuestion({ familyId: question.questionId });
    expect(problemsOf(() => resolveItems([explicit(question), explicit(poolQuestion()), explicit(fork)], 'seed'))).toEqual([
      { kind: 'duplicate-question', itemIndex: 2, firstItemIndex: 0, questionId: fork.questionId },
    ]);
  });

  describe('includeProbes', () => {
    it('follows each question directly with its probes, sharing the item’s points and weight', () => {
      const withProbes = poolQuestion({ probes: PROBES, section: 'Collector', levels: ['middle', 'senior'] });
      const plain = poolQuestion();
      const items = resolveItems([explicit(withProbes, { includeProbes: true, points: 9, weight: 2 }), explicit(plain, { includeProbes: true })], 'seed');
      expect(items.map((item) => [item.position, item.questionId, item.probeIndex, item.points])).toEqual([
        [1, withProbes.questionId, null, 3],
        [2, withProbes.questionId, 0, 3],
        [3, withProbes.questionId, 1, 3],
        [4, plain.questionId, null, 10],
      ]);
      const [, first, second] = items;
      for (const probe of [first, second]) {
        expect(probe).toMatchObject({ section: 'Collector', levels: ['middle', 'senior'], weight: 2, questionVersionId: withProbes.versionId, rubricVersionId: withProbes.versionId });
        expect(probe.rubric).not.toEqual(withProbes.rubric);
      }
      expect(first.prompt).toBe(PROBES[0].question);
      expect(second.prompt).toBe(PROBES[1].question);
      expect(first.rubric?.question).toBe(`${withProbes.slug}-probe-1`);
    });

    it('leaves probes out unless asked', () => {
      const question = poolQuestion({ probes: PROBES });
      expect(resolveItems([explicit(question)], 'seed')).toHaveLength(1);
    });

    it('adds probes to every drawn question, keeping positions contiguous', () => {
      const pool = [poolQuestion({ probes: PROBES }), poolQuestion({ probes: [PROBES[0]] }), poolQuestion({ probes: [] })];
      const items = resolveItems([draw(3, pool, { includeProbes: true })], 'seed');
      expect(items).toHaveLength(3 + 2 + 1);
      expect(items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6]);
      items.forEach((item, index) => {
        if (item.probeIndex === null) return;
        const parent = items[index - 1 - item.probeIndex];
        expect(parent).toMatchObject({ probeIndex: null, questionId: item.questionId });
      });
    });
  });
});
