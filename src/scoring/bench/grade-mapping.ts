/**
 * Maps the engine's score fraction (0–1) to a grade on the corpus scale
 * (0–5). Monotone and global: one curve for every question, so the benchmark
 * measures the rubric's ranking of answers, not a per-question calibration.
 *
 * Why a concave power (γ < 1): a suggested rubric lists every salient word of
 * the model answer, while a human gives full marks to an answer that states
 * the core idea in its own words. Covering half the rubric usually means
 * "mostly right", not "half right"; √fraction says exactly that.
 */
export const DEFAULT_GAMMA = 0.5;
export const MAX_GRADE = 5;

export function gradeFromFraction(fraction: number, gamma: number = DEFAULT_GAMMA, maxGrade: number = MAX_GRADE): number {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new RangeError(`fraction must be within [0, 1], got ${fraction}`);
  }
  if (!Number.isFinite(gamma) || gamma <= 0) throw new RangeError(`gamma must be > 0, got ${gamma}`);
  return maxGrade * fraction ** gamma;
}
