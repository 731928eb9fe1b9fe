import { computeTotals, type ItemPoints } from './totals';

export const LEVEL_ORDER = ['junior', 'middle', 'senior', 'staff'] as const;
/** The bucket for items whose question names no level. */
export const NO_LEVEL = 'unleveled';

export interface BreakdownItem extends ItemPoints {
  section: string;
  levels: readonly string[];
}

/** Points are plain sums; `fraction` is weighted like the session's (see totals.ts). */
export interface BreakdownGroup {
  key: string;
  itemCount: number;
  automaticPoints: number;
  points: number;
  maxPoints: number;
  fraction: number;
}

function group(keyed: Map<string, ItemPoints[]>): BreakdownGroup[] {
  return [...keyed].map(([key, items]) => {
    const totals = computeTotals(items);
    return { key, itemCount: items.length, automaticPoints: totals.automaticPoints, points: totals.reviewedPoints, maxPoints: totals.maxPoints, fraction: totals.fraction };
  });
}

/** One group per section, in the order the sections first appear. */
export function bySection(items: readonly BreakdownItem[]): BreakdownGroup[] {
  const keyed = new Map<string, ItemPoints[]>();
  for (const item of items) keyed.set(item.section, [...(keyed.get(item.section) ?? []), item]);
  return group(keyed);
}

/**
 * One group per level, junior → staff, then unknown levels, then NO_LEVEL.
 * A question spanning levels ("junior → middle") counts fully in each of
 * them: the rows answer "how did they do on middle-level questions?", so
 * they may overlap and need not add up to the total.
 */
export function byLevel(items: readonly BreakdownItem[]): BreakdownGroup[] {
  const keyed = new Map<string, ItemPoints[]>();
  for (const item of items) {
    const levels = item.levels.length ? [...new Set(item.levels)] : [NO_LEVEL];
    for (const level of levels) keyed.set(level, [...(keyed.get(level) ?? []), item]);
  }
  const rank = (key: string): number => {
    const known = (LEVEL_ORDER as readonly string[]).indexOf(key);
    if (known >= 0) return known;
    return key === NO_LEVEL ? LEVEL_ORDER.length + 1 : LEVEL_ORDER.length;
  };
  return group(new Map([...keyed].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))));
}
