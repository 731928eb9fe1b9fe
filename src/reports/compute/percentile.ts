import { roundTo } from './totals';

/**
 * The candidate's percentile rank among an interview's graded sessions:
 *
 *   percentile = round(100 × (lower + ½ · ties) / n)
 *
 * where `n` is the number of graded sessions (the candidate's included),
 * `lower` those with a strictly lower effective (reviewed) fraction and `ties`
 * those with an equal one, the candidate's own session included. So a lone
 * session is at 50, the best of four distinct scores at 88, the worst at 13.
 * Fractions are compared at 9 decimals so float noise makes no false ties or
 * false gaps. Null when `population` is empty.
 */
export function percentileRank(own: number, population: readonly number[]): number | null {
  if (population.length === 0) return null;
  const target = roundTo(own, 9);
  let lower = 0;
  let ties = 0;
  for (const value of population) {
    const rounded = roundTo(value, 9);
    if (rounded < target) lower += 1;
    else if (rounded === target) ties += 1;
  }
  return Math.round((100 * (lower + ties / 2)) / population.length);
}

export const PERCENTILE_DEFINITION =
  'Share of the interview’s graded sessions with a strictly lower reviewed fraction, plus half of those with an equal one (this session included), × 100, rounded.';
