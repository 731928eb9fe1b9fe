import { mean, pearson, rmse } from './stats';

describe('pearson', () => {
  it('matches a hand-computed value', () => {
    // mx=3, my=4; Σdxdy=6, Σdx²=10, Σdy²=6 → 6/√60
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7745967, 6);
  });

  it('is 1 for a positive affine relation and -1 for a negative one', () => {
    expect(pearson([1, 2, 3], [10, 12, 14])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('is symmetric and invariant to scaling either sample', () => {
    const xs = [0.1, 0.4, 0.35, 0.8];
    const ys = [1, 3, 2, 5];
    expect(pearson(xs, ys)).toBeCloseTo(pearson(ys, xs), 12);
    expect(pearson(xs.map((x) => 5 * x + 1), ys)).toBeCloseTo(pearson(xs, ys), 12);
  });

  it('is NaN when undefined: constant sample or fewer than two pairs', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1], [2])).toBeNaN();
  });

  it('rejects unpaired or non-finite samples', () => {
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
    expect(() => pearson([1, Number.NaN], [1, 2])).toThrow(/finite/);
  });
});

describe('rmse', () => {
  it('matches a hand-computed value', () => {
    // errors -1, 0, -2 → √(5/3)
    expect(rmse([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(rmse([1, 2, 3], [2, 2, 5])).toBeCloseTo(1.2909944, 6);
  });

  it('is 0 for perfect predictions and NaN for no pairs', () => {
    expect(rmse([1.5, 4], [1.5, 4])).toBe(0);
    expect(rmse([], [])).toBeNaN();
  });

  it('rejects unpaired samples', () => {
    expect(() => rmse([1], [1, 2])).toThrow(RangeError);
  });
});

describe('mean', () => {
  it('averages, and is NaN for nothing', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNaN();
  });
});
