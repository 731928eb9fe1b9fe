/** Agreement statistics between predicted and reference grades. */

function assertPaired(xs: readonly number[], ys: readonly number[]): void {
  if (xs.length !== ys.length) {
    throw new RangeError(`paired samples differ in length: ${xs.length} vs ${ys.length}`);
  }
  if ([...xs, ...ys].some((v) => !Number.isFinite(v))) {
    throw new RangeError('samples must be finite numbers');
  }
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Pearson's product-moment correlation. NaN when undefined: fewer than two
 * pairs, or a sample with no variance (a question every student aced).
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  assertPaired(xs, ys);
  if (xs.length < 2) return Number.NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** Root-mean-square error of predictions against references; NaN for no pairs. */
export function rmse(predicted: readonly number[], actual: readonly number[]): number {
  assertPaired(predicted, actual);
  if (predicted.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < predicted.length; i += 1) sum += (predicted[i] - actual[i]) ** 2;
  return Math.sqrt(sum / predicted.length);
}
