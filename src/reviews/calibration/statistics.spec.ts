import { mean, pearson } from './statistics';

describe('mean', () => {
  it('is null for no values', () => {
    expect(mean([])).toBeNull();
  });

  it('averages the values', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([-0.5, 0.5])).toBe(0);
  });
});

describe('pearson', () => {
  it('is 1 for a perfect increasing line and -1 for a decreasing one', () => {
    expect(pearson([0, 0.5, 1], [0.1, 0.35, 0.6])).toBeCloseTo(1, 12);
    expect(pearson([0, 0.5, 1], [1, 0.5, 0])).toBeCloseTo(-1, 12);
  });

  it('matches a hand computation', () => {
    // x = 1,2,3,4 (mean 2.5), y = 2,1,4,3 (mean 2.5)
    // dx = -1.5,-0.5,0.5,1.5; dy = -0.5,-1.5,1.5,0.5
    // Σdxdy = 0.75+0.75+0.75+0.75 = 3; Σdx² = Σdy² = 5  →  r = 3/5
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
  });

  it('is null with fewer than 3 pairs', () => {
    expect(pearson([], [])).toBeNull();
    expect(pearson([0.1, 0.9], [0.2, 0.8])).toBeNull();
  });

  it('is null when either side has no variance, even with float noise in the mean', () => {
    expect(pearson([0.3, 0.3, 0.3], [0.1, 0.5, 0.9])).toBeNull();
    expect(pearson([0.1, 0.5, 0.9], [0.7, 0.7, 0.7])).toBeNull();
    expect(pearson([0.1 + 0.2, 0.3, 0.30000000000000004], [0, 0.5, 1])).toBeNull();
  });

  it('stays within [-1, 1]', () => {
    const xs = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    expect(pearson(xs, xs.map((x) => 3 * x + 0.1))).toBeLessThanOrEqual(1);
    expect(pearson(xs, xs.map((x) => -3 * x + 0.1))).toBeGreaterThanOrEqual(-1);
  });

  it('refuses unpaired samples', () => {
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow(/paired/);
  });
});
