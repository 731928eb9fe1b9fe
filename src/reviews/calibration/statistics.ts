/** Plain descriptive statistics for calibration; no I/O, deterministic. */

/** Sums of squared deviations below this count as no variance: fractions live in [0, 1], so real spread is far larger. */
const ZERO_VARIANCE = 1e-12;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Pearson's r of paired samples. Null when it is undefined or meaningless:
 * fewer than 3 pairs (two points always lie on a line), or either side constant.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`pearson needs paired samples; got ${xs.length} and ${ys.length} values`);
  if (xs.length < 3) return null;
  const meanX = mean(xs)!;
  const meanY = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = xs[i] - meanX;
    const dy = ys[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= ZERO_VARIANCE || syy <= ZERO_VARIANCE) return null;
  // Rounding can push |r| a hair past 1 for perfectly linear data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
