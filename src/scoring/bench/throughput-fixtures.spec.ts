import { compileRubric, scoreAnswer, validateRubric } from '../engine';
import { BENCH_PROMPT, BENCH_RUBRIC, baselineKeywords, generateAnswer, seededRandom } from './throughput-fixtures';

describe('throughput fixtures', () => {
  it('uses a valid 10-concept rubric', () => {
    expect(validateRubric(BENCH_RUBRIC).ok).toBe(true);
    expect(BENCH_RUBRIC.concepts).toHaveLength(10);
  });

  it('generates the same answer for the same seed and different ones otherwise', () => {
    expect(generateAnswer(200, 1)).toBe(generateAnswer(200, 1));
    expect(generateAnswer(200, 1)).not.toBe(generateAnswer(200, 2));
    expect(seededRandom(5)()).toBe(seededRandom(5)());
  });

  it('generates answers of the requested length that the rubric partly matches', () => {
    const answer = generateAnswer(200, 1000);
    expect(answer.split(/\s+/)).toHaveLength(200);
    const result = scoreAnswer(compileRubric(BENCH_RUBRIC), { prompt: BENCH_PROMPT, answer });
    expect(result.concepts.some((c) => c.matched)).toBe(true);
  });

  it('derives one keyword list per concept for the naive baseline', () => {
    const keywords = baselineKeywords(BENCH_RUBRIC);
    expect(keywords).toHaveLength(10);
    expect(keywords[0]).toEqual(['head', 'decid', 'start']);
    expect(keywords[6]).toEqual(['route', 'trace', 'id']);
  });
});
