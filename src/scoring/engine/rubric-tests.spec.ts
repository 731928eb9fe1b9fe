import { runRubricTests } from './rubric-tests';
import { samplingRubric } from './testing/rubric-fixtures';
import type { Rubric } from './types';

function withTests(tests: Rubric['tests']): Rubric {
  return { ...samplingRubric(), tests };
}

describe('runRubricTests', () => {
  it('passes cases whose expectations hold and reports what happened', () => {
    const report = runRubricTests(
      withTests([
        {
          name: 'strong',
          answer: 'Head sampling decides at the root. Tail sampling decides after the trace completes, buffering spans in memory to keep errors.',
          expect: { band: 'strong', minFraction: 0.9, concepts: ['head-decides-at-start', 'tail-decides-after'], missing: [] },
        },
        { name: 'misconception', answer: 'Tail sampling decides at the start.', expect: { band: 'weak', maxFraction: 0.1, misconceptions: ['tail-decides-early'], missing: ['tail-decides-after'] } },
      ]),
    );
    expect(report.passed).toBe(2);
    expect(report.failed).toBe(0);
    expect(report.agreement).toBe(1);
    expect(report.cases[1]).toEqual({
      name: 'misconception',
      passed: true,
      expected: { band: 'weak', maxFraction: 0.1, misconceptions: ['tail-decides-early'], missing: ['tail-decides-after'] },
      actual: { band: 'weak', fraction: 0, concepts: [], misconceptions: ['tail-decides-early'], flags: ['required_missing'] },
      failures: [],
    });
  });

  it('explains every failed expectation', () => {
    const report = runRubricTests(
      withTests([
        {
          name: 'wrong',
          answer: 'Tail sampling decides at the start.',
          expect: { band: 'strong', minFraction: 0.5, maxFraction: 0.9, concepts: ['tail-decides-after'], missing: [], misconceptions: [], flags: ['keyword_stuffing'] },
        },
        { name: 'too good', answer: 'Head sampling decides at the root.', expect: { maxFraction: 0.1, missing: ['head-decides-at-start'] } },
      ]),
    );
    expect(report.cases[0].failures).toEqual([
      'band: expected "strong", got "weak" (fraction 0)',
      'fraction 0 is below minFraction 0.5',
      'concept "tail-decides-after" should match but did not',
      'flag "keyword_stuffing" should be raised but was not',
    ]);
    expect(report.cases[1].failures).toEqual(['fraction 0.3333 is above maxFraction 0.1', 'concept "head-decides-at-start" should not match but did']);
    expect(report).toMatchObject({ passed: 0, failed: 2, agreement: 0 });
  });

  it('computes agreement as the share of passing cases', () => {
    const report = runRubricTests(
      withTests([
        { name: 'a', answer: 'Head sampling decides at the root.', expect: { concepts: ['head-decides-at-start'] } },
        { name: 'b', answer: 'nothing', expect: { concepts: ['head-decides-at-start'] } },
        { name: 'c', answer: 'nothing', expect: { missing: ['head-decides-at-start'] } },
      ]),
    );
    expect(report.agreement).toBe(0.6667);
  });

  it('uses the prompt for demotion and reports vacuous agreement without tests', () => {
    const prompt = 'Does head sampling decide at the root?';
    const report = runRubricTests(withTests([{ name: 'echo', answer: prompt, expect: { missing: ['head-decides-at-start'] } }]), prompt);
    expect(report.passed).toBe(1);
    expect(runRubricTests(samplingRubric())).toEqual({ cases: [], passed: 0, failed: 0, agreement: 1 });
  });
});
