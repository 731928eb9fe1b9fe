import { DEFAULT_GAMMA, gradeFromFraction } from './grade-mapping';

describe('gradeFromFraction', () => {
  it('maps 0 to 0 and 1 to the top grade', () => {
    expect(gradeFromFraction(0)).toBe(0);
    expect(gradeFromFraction(1)).toBe(5);
  });

  it('is the square root curve by default and linear with γ = 1', () => {
    expect(DEFAULT_GAMMA).toBe(0.5);
    expect(gradeFromFraction(0.25)).toBeCloseTo(2.5, 12);
    expect(gradeFromFraction(0.25, 1)).toBeCloseTo(1.25, 12);
  });

  it('is monotone', () => {
    const grades = [0, 0.1, 0.2, 0.5, 0.9, 1].map((f) => gradeFromFraction(f));
    expect([...grades].sort((a, b) => a - b)).toEqual(grades);
  });

  it('rejects fractions outside [0, 1] and non-positive γ', () => {
    expect(() => gradeFromFraction(1.5)).toThrow(RangeError);
    expect(() => gradeFromFraction(Number.NaN)).toThrow(/fraction/);
    expect(() => gradeFromFraction(0.5, 0)).toThrow(/gamma/);
  });
});
