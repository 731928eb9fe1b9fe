import fc from 'fast-check';
import { percentileRank } from './percentile';

describe('percentileRank', () => {
  it('is null without graded sessions', () => {
    expect(percentileRank(0.5, [])).toBeNull();
  });

  it('puts a lone session at 50', () => {
    expect(percentileRank(0.7, [0.7])).toBe(50);
  });

  it('counts strictly lower sessions plus half the ties, itself included', () => {
    const population = [0.2, 0.4, 0.6, 0.8];
    expect(percentileRank(0.8, population)).toBe(88); // (3 + 0.5) / 4
    expect(percentileRank(0.6, population)).toBe(63); // (2 + 0.5) / 4 = 62.5 → 63
    expect(percentileRank(0.2, population)).toBe(13); // 0.5 / 4 = 12.5 → 13
    expect(percentileRank(0.5, [0.5, 0.5, 0.5, 0.1])).toBe(63); // (1 + 1.5) / 4
  });

  it('treats float noise as a tie', () => {
    expect(percentileRank(0.1 + 0.2, [0.3, 0.1])).toBe(75);
  });

  it('stays within 0..100 and never decreases as the score rises', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.nat(), (values, pick) => {
        const a = values[pick % values.length];
        const b = values[(pick + 1) % values.length];
        const [low, high] = a <= b ? [a, b] : [b, a];
        const pLow = percentileRank(low, values)!;
        const pHigh = percentileRank(high, values)!;
        return pLow >= 0 && pHigh <= 100 && pLow <= pHigh;
      }),
    );
  });
});
