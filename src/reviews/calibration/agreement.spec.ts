import { agreement } from './agreement';
import type { OverridePair } from './override-pair';

const pair = (itemPoints: number, automaticPoints: number, reviewedPoints: number): OverridePair => ({ itemPoints, automaticPoints, reviewedPoints, concepts: [] });

describe('agreement', () => {
  it('has no figures without overrides', () => {
    expect(agreement([])).toEqual({ overriddenItems: 0, meanAbsoluteDifference: null, meanSignedDifference: null, correlation: null });
  });

  it('computes the differences in points and in fractions of item points, by hand', () => {
    // +3 of 10 (+0.3), −2 of 10 (−0.2), +2 of 5 (+0.4)
    const result = agreement([pair(10, 4, 7), pair(10, 8, 6), pair(5, 1, 3)]);
    expect(result.overriddenItems).toBe(3);
    expect(result.meanAbsoluteDifference!.points).toBeCloseTo(7 / 3, 12);
    expect(result.meanAbsoluteDifference!.fraction).toBeCloseTo(0.3, 12);
    expect(result.meanSignedDifference!.points).toBeCloseTo(1, 12);
    expect(result.meanSignedDifference!.fraction).toBeCloseTo(0.5 / 3, 12);
    // Automatic fractions ×30 = 12, 24, 6 (mean 14); reviewed ×30 = 21, 18, 18 (mean 19).
    // Σdxdy = −4 − 10 + 8 = −6, Σdx² = 168, Σdy² = 6  →  r = −6 / √1008 = −√(1/28)
    expect(result.correlation).toBeCloseTo(-Math.sqrt(1 / 28), 12);
  });

  it('leaves out items worth no points, whose fractions are undefined', () => {
    const result = agreement([pair(0, 0, 0), pair(10, 5, 6)]);
    expect(result.overriddenItems).toBe(1);
    expect(result.meanAbsoluteDifference).toEqual({ points: 1, fraction: expect.closeTo(0.1, 12) as number });
  });

  it('has no correlation under three pairs, or when reviewers always give the same fraction', () => {
    expect(agreement([pair(10, 2, 5), pair(10, 9, 6)]).correlation).toBeNull();
    expect(agreement([pair(10, 2, 5), pair(10, 9, 5), pair(4, 1, 2)]).correlation).toBeNull();
  });

  it('correlates perfectly when reviewers shift every score by the same fraction', () => {
    expect(agreement([pair(10, 2, 3), pair(10, 5, 6), pair(20, 4, 6)]).correlation).toBeCloseTo(1, 12);
  });
});
