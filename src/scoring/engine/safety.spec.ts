/**
 * Hostile and odd input must score without error and in bounded time. The
 * time bounds are deliberately generous (these are not benchmarks; see
 * bench/throughput.ts); they catch super-linear blow-ups, not slowness.
 */
import { compileRubric } from './compile';
import { scoreAnswer } from './scorer';
import { samplingRubric, concept, rubric } from './testing/rubric-fixtures';

const compiled = compileRubric({
  ...samplingRubric(),
  concepts: [
    ...samplingRubric().concepts,
    concept('not-not', [{ match: 'not not not', polarity: 'any' }]),
    concept('a-regex', ['/a{2,}b/', '/(?:not )+parent/']),
    concept('a-phrase', ['"a a a a a b"']),
  ],
});

function timed(answer: string): number {
  const start = process.hrtime.bigint();
  const result = scoreAnswer(compiled, { prompt: answer.slice(0, 200), answer });
  expect(result.fraction).toBeGreaterThanOrEqual(0);
  expect(result.fraction).toBeLessThanOrEqual(1);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('safety', () => {
  it.each([
    ['one 100 KB word', 'a'.repeat(100_000)],
    ['25,000 negations', 'not '.repeat(25_000)],
    ['100 KB of one-letter words', 'a '.repeat(50_000)],
    ['100 KB of rubric words without punctuation', 'tail sampling decides after the trace completes '.repeat(2100)],
    ['100 KB of sentence breaks', '. ! ? ; \n'.repeat(10_000)],
    ['100 KB of identifiers', 'X-B3-TraceId.span.End()_trace_id '.repeat(3000)],
    ['100 KB of emoji and combining marks', '👍🏽e\u0301\u0301 '.repeat(12_000)],
    ['100 KB of number words', 'one hundred twenty eight thousand '.repeat(3000)],
  ])('scores %s in well under 2 s', (_name, answer) => {
    expect(timed(answer)).toBeLessThan(2000);
  });

  it('scores lone surrogates, control characters and NUL without error', () => {
    for (const answer of ['\ud800 trace \udfff', '\u0000\u0001\u0007 tail', '\u202e\u200b\ufeff', 'x'.repeat(40_000) + '\ud83d']) {
      const r = scoreAnswer(compiled, { answer });
      for (const c of r.concepts) for (const e of c.evidence) expect(answer.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('never lets a regex see more than a bounded slice of the answer', () => {
    const r = rubric([concept('late', ['/needle/'])]);
    const early = scoreAnswer(r, { answer: `needle ${'hay. '.repeat(10)}` });
    const late = scoreAnswer(r, { answer: `${'hay hay hay hay hay hay hay hay. '.repeat(1000)} needle` });
    expect(early.concepts[0].matched).toBe(true);
    expect(late.concepts[0].matched).toBe(false);
  });
});
