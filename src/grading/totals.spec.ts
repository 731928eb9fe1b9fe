import { effectivePoints, passes, round4, sessionTotals, type ItemPoints } from './totals';

const item = (overrides: Partial<ItemPoints> = {}): ItemPoints => ({ maxPoints: 10, weight: 1, automaticPoints: null, overridePoints: null, ...overrides });

describe('effectivePoints', () => {
  it('prefers the override, then the automatic points, then 0', () => {
    expect(effectivePoints({ automaticPoints: 4, overridePoints: 7 })).toBe(7);
    expect(effectivePoints({ automaticPoints: 4, overridePoints: null })).toBe(4);
    expect(effectivePoints({ automaticPoints: null, overridePoints: null })).toBe(0);
  });

  it('keeps an override of 0 (a reviewer taking every point away is not "no override")', () => {
    expect(effectivePoints({ automaticPoints: 8, overridePoints: 0 })).toBe(0);
  });
});

describe('sessionTotals', () => {
  it('with unit weights is points over max points', () => {
    const totals = sessionTotals([item({ automaticPoints: 5 }), item({ automaticPoints: 10 }), item({ maxPoints: 20, automaticPoints: 3 })], 0.5);
    expect(totals.points).toBe(18);
    expect(totals.maxPoints).toBe(40);
    expect(totals.fraction).toBeCloseTo(18 / 40, 12);
    expect(totals.passed).toBe(false);
  });

  it('weights each item: Σ points×weight×fraction / Σ points×weight', () => {
    // Item A: 10 points, weight 3, half right. Item B: 10 points, weight 1, all right.
    const totals = sessionTotals([item({ weight: 3, automaticPoints: 5 }), item({ weight: 1, automaticPoints: 10 })], 0.6);
    expect(totals.fraction).toBeCloseTo((10 * 3 * 0.5 + 10 * 1 * 1) / (10 * 3 + 10 * 1), 12); // 0.625
    expect(totals.passed).toBe(true);
    // Points stay unweighted: they are what the items are worth.
    expect(totals.points).toBe(15);
    expect(totals.maxPoints).toBe(20);
  });

  it('weights an item with more points more, and a heavier weight more still', () => {
    const light = sessionTotals([item({ maxPoints: 5, automaticPoints: 5 }), item({ maxPoints: 20, automaticPoints: 0 })], 0);
    expect(light.fraction).toBeCloseTo(5 / 25, 12);
    const heavy = sessionTotals([item({ maxPoints: 5, weight: 4, automaticPoints: 5 }), item({ maxPoints: 20, automaticPoints: 0 })], 0);
    expect(heavy.fraction).toBeCloseTo(20 / 40, 12);
  });

  it('uses overrides for the effective totals and keeps the automatic ones beside them', () => {
    const totals = sessionTotals([item({ automaticPoints: 2, overridePoints: 9 }), item({ automaticPoints: 6 })], 0.7);
    expect(totals.points).toBe(15);
    expect(totals.automaticPoints).toBe(8);
    expect(totals.fraction).toBeCloseTo(0.75, 12);
    expect(totals.automaticFraction).toBeCloseTo(0.4, 12);
    expect(totals.passed).toBe(true);
    expect(totals.automaticPassed).toBe(false);
  });

  it('counts an unscored item as 0 of its points', () => {
    const totals = sessionTotals([item({ automaticPoints: 10 }), item()], 0.5);
    expect(totals.fraction).toBe(0.5);
    expect(totals.passed).toBe(true);
  });

  it('lets items weighing 0 count for nothing in the fraction', () => {
    const totals = sessionTotals([item({ weight: 0, automaticPoints: 0 }), item({ automaticPoints: 10 })], 1);
    expect(totals.fraction).toBe(1);
    expect(totals.passed).toBe(true);
    expect(totals.maxPoints).toBe(20);
  });

  it('treats a negative weight as 0 rather than as a penalty', () => {
    const totals = sessionTotals([item({ weight: -2, automaticPoints: 0 }), item({ automaticPoints: 10 })], 1);
    expect(totals.fraction).toBe(1);
  });

  it('gives 0 for an empty session or one where nothing is worth anything', () => {
    expect(sessionTotals([], 0.5)).toEqual({ points: 0, automaticPoints: 0, maxPoints: 0, fraction: 0, automaticFraction: 0, passed: false, automaticPassed: false });
    expect(sessionTotals([item({ maxPoints: 0, automaticPoints: 0 })], 0.5).fraction).toBe(0);
  });

  it('passes exactly at the threshold despite float sums', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in floats; 3 items of 1 point at weight 1.
    const totals = sessionTotals(
      [item({ maxPoints: 1, automaticPoints: 0.1 }), item({ maxPoints: 1, automaticPoints: 0.2 }), item({ maxPoints: 1, automaticPoints: 0.6 })],
      0.3,
    );
    expect(totals.passed).toBe(true);
    expect(sessionTotals([item({ automaticPoints: 2.9999 })], 0.3).passed).toBe(false);
  });
});

describe('passes / round4', () => {
  it('compares at 9 decimals', () => {
    expect(passes(0.7, 0.7)).toBe(true);
    expect(passes(0.30000000000000004, 0.3)).toBe(true);
    expect(passes(0.2999999, 0.3)).toBe(false);
  });

  it('rounds to 4 decimals', () => {
    expect(round4(1 / 3)).toBe(0.3333);
    expect(round4(2.00005)).toBe(2.0001);
  });
});
