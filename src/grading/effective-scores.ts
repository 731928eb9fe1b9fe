/**
 * What counts for each item of a session: its current automatic score, its
 * current reviewer override, the points that stand, and whether the override
 * is stale. Pure, generic over the row shapes so callers keep their full rows.
 */

export interface ScoredItemRow {
  id: string;
  points: number;
  weight: number;
}

export interface ScoreRow {
  id: string;
  sessionItemId: string;
  points: number;
  current: boolean;
  createdAt: Date;
}

export interface OverrideRow {
  id: string;
  sessionItemId: string;
  points: number;
  basedOnScoreId: string | null;
  current: boolean;
  createdAt: Date;
}

export interface EffectiveItemScore<I extends ScoredItemRow, S extends ScoreRow, O extends OverrideRow> {
  item: I;
  /** The current automatic score; null until the item is graded. */
  automatic: S | null;
  /** The current reviewer override; null when nobody overrode the item. */
  override: O | null;
  /** The override's points, else the automatic points, else 0. */
  effectivePoints: number;
  /**
   * True when an override stands on an automatic score that has since moved:
   * re-grading replaced the score the reviewer saw (`basedOnScoreId`) with one
   * worth other points, or the reviewer saw no score we still know.
   */
  autoScoreChanged: boolean;
  /** Every automatic score of the item, newest first (the current one included). */
  history: S[];
}

/** Points closer than this are the same figure (float noise from fraction × points). */
const SAME_POINTS_EPSILON = 1e-9;

export function combineItemScores<I extends ScoredItemRow, S extends ScoreRow, O extends OverrideRow>(
  items: readonly I[],
  scores: readonly S[],
  overrides: readonly O[],
): EffectiveItemScore<I, S, O>[] {
  const scoresById = new Map(scores.map((score) => [score.id, score]));
  const historyByItem = groupNewestFirst(scores);
  const overridesByItem = groupNewestFirst(overrides);
  return items.map((item) => {
    const history = historyByItem.get(item.id) ?? [];
    const automatic = history.find((score) => score.current) ?? null;
    const override = overridesByItem.get(item.id)?.find((candidate) => candidate.current) ?? null;
    return {
      item,
      automatic,
      override,
      effectivePoints: override?.points ?? automatic?.points ?? 0,
      autoScoreChanged: isStale(override, automatic, scoresById),
      history,
    };
  });
}

function isStale(override: OverrideRow | null, automatic: ScoreRow | null, scoresById: ReadonlyMap<string, ScoreRow>): boolean {
  if (!override || !automatic) return false;
  if (override.basedOnScoreId === automatic.id) return false;
  const base = override.basedOnScoreId ? scoresById.get(override.basedOnScoreId) : undefined;
  // The reviewer judged without a score we know of: what they saw cannot be shown to still hold.
  if (!base) return true;
  return Math.abs(base.points - automatic.points) > SAME_POINTS_EPSILON;
}

/** Newest first; ties (same millisecond) broken by id so the order is stable. */
function groupNewestFirst<R extends { sessionItemId: string; createdAt: Date; id: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.sessionItemId) ?? [];
    group.push(row);
    groups.set(row.sessionItemId, group);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }
  return groups;
}
