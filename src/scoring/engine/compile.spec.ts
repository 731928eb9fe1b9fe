import { compileRubric, isCompiledRubric } from './compile';
import { concept, misconception, rubric } from './testing/rubric-fixtures';
import { RubricValidationError } from './validate-rubric';

describe('compileRubric', () => {
  it('compiles each distinct item once, whatever the alternative order', () => {
    const c = compileRubric(rubric([concept('a', ['[x|y] span', 'span [y|x]']), concept('b', ['span'])]));
    const [p1, p2] = c.concepts[0].patterns;
    expect(p1.items[0]).toBe(p2.items[1]);
    expect(p1.items[1]).toBe(p2.items[0]);
    expect(c.concepts[1].patterns[0].items[0]).toBe(p1.items[1]);
    expect(c.items).toHaveLength(2);
  });

  it('fills pattern defaults from options and keeps explicit values', () => {
    const c = compileRubric(rubric([concept('a', ['x y', { match: 'x y', within: 3, ordered: true, polarity: 'negative' }])], { options: { within: 6 } }));
    expect(c.concepts[0].patterns.map((p) => [p.within, p.ordered, p.polarity])).toEqual([
      [6, false, 'affirmative'],
      [3, true, 'negative'],
    ]);
  });

  it('defaults a pattern that names a negation to polarity any', () => {
    const c = compileRubric(rubric([concept('a', ['not parent*', "[doesn't|never] sampl*", { match: 'no link', polarity: 'affirmative' }])]));
    expect(c.concepts[0].patterns.map((p) => p.polarity)).toEqual(['any', 'any', 'affirmative']);
  });

  it('relates misconceptions to the concepts they contradict', () => {
    const c = compileRubric(
      rubric([concept('tail-after', ['tail decides after complete']), concept('head-start', ['head decides start']), concept('other', ['baggage'])], {
        misconceptions: [
          misconception('tail-early', ['tail [decid*|sampl*] start']),
          misconception('explicit', ['anything'], { contradicts: ['other'] }),
          misconception('unrelated', ['kafka queue']),
        ],
      }),
    );
    expect(c.misconceptions.map((m) => [m.id, m.contradicts])).toEqual([
      ['tail-early', ['tail-after', 'head-start']],
      ['explicit', ['other']],
      ['unrelated', ['tail-after', 'head-start', 'other']],
    ]);
  });

  it('sorts bands from the highest threshold and sums the max score', () => {
    const c = compileRubric(rubric([concept('a', ['x'], { weight: 2.5 }), concept('b', ['y'], { weight: 1.5 })], { bands: [{ label: 'low', minFraction: 0 }, { label: 'high', minFraction: 0.8 }] }));
    expect(c.bands.map((b) => b.label)).toEqual(['high', 'low']);
    expect(c.maxScore).toBe(4);
  });

  it('throws every validation problem at once', () => {
    try {
      compileRubric(rubric([concept('a', ['[x']), concept('a', ['y'], { weight: 0 })]));
      throw new Error('expected a validation error');
    } catch (e) {
      expect(e).toBeInstanceOf(RubricValidationError);
      expect((e as RubricValidationError).errors.map((x) => x.path)).toEqual(['concepts[0].patterns[0]', 'concepts[1].weight', 'concepts[1].id']);
    }
  });

  it('brands compiled rubrics', () => {
    expect(isCompiledRubric(compileRubric(rubric([concept('a', ['x'])])))).toBe(true);
    expect(isCompiledRubric(rubric([concept('a', ['x'])]))).toBe(false);
    expect(isCompiledRubric(null)).toBe(false);
  });
});
