import { computeTotals } from './totals';

describe('computeTotals', () => {
  it('sums automatic and reviewed points separately and counts items', () => {
    const totals = computeTotals([
      { maxPoints: 10, weight: 1, automaticPoints: 2.5, overridePoints: 6 },
      { maxPoints: 20, weight: 1, automaticPoints: 12, overridePoints: null },
      { maxPoints: 10, weight: 1, automaticPoints: null, overridePoints: null },
    ]);
    expect(totals).toEqual({
      automaticPoints: 14.5,
      reviewedPoints: 18,
      maxPoints: 40,
      automaticFraction: 14.5 / 40,
      fraction: 18 / 40,
      itemCount: 3,
      scoredItemCount: 2,
      overriddenItemCount: 1,
    });
  });

  it('weights fractions by item weight while points stay unweighted', () => {
    const totals = computeTotals([
      { maxPoints: 10, weight: 3, automaticPoints: 10, overridePoints: null },
      { maxPoints: 10, weight: 1, automaticPoints: 0, overridePoints: 2 },
    ]);
    expect(totals.reviewedPoints).toBe(12);
    expect(totals.maxPoints).toBe(20);
    expect(totals.fraction).toBeCloseTo((3 * 10 + 1 * 2) / (3 * 10 + 1 * 10), 12);
    expect(totals.automaticFraction).toBeCloseTo(30 / 40, 12);
  });

  it('gives fraction 0 (not NaN) when nothing is worth points', () => {
    expect(computeTotals([])).toMatchObject({ maxPoints: 0, fraction: 0, automaticFraction: 0, itemCount: 0 });
  });
});
