import type { PrismaService } from '../database/prisma.service';
import type { Prisma, ScoreOverride } from '../generated/prisma/client';
import type { OverrideView } from './reviews.mapper';

type Db = PrismaService | Prisma.TransactionClient;

/** Gathers, in three queries, what the mapper shows beside each override (its item, the score it was based on, the item's current score). */
export async function overrideViews(db: Db, overrides: readonly ScoreOverride[]): Promise<OverrideView[]> {
  if (overrides.length === 0) return [];
  const itemIds = [...new Set(overrides.map((o) => o.sessionItemId))];
  const basedOnIds = [...new Set(overrides.flatMap((o) => (o.basedOnScoreId ? [o.basedOnScoreId] : [])))];
  const [items, basedOn, current] = await Promise.all([
    db.sessionItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, position: true, points: true } }),
    db.itemScore.findMany({ where: { id: { in: basedOnIds } }, select: { id: true, points: true } }),
    db.itemScore.findMany({ where: { sessionItemId: { in: itemIds }, current: true }, select: { id: true, sessionItemId: true, points: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  const itemById = new Map(items.map((item) => [item.id, item]));
  const basedOnPoints = new Map(basedOn.map((score) => [score.id, score.points]));
  // Should two scores ever be flagged current, the newest wins.
  const currentByItem = new Map(current.map((score) => [score.sessionItemId, { id: score.id, points: score.points }]));
  return overrides.map((override) => {
    const item = itemById.get(override.sessionItemId)!;
    return {
      override,
      itemPosition: item.position,
      itemPoints: item.points,
      basedOnPoints: override.basedOnScoreId ? (basedOnPoints.get(override.basedOnScoreId) ?? null) : null,
      currentScore: currentByItem.get(override.sessionItemId) ?? null,
    };
  });
}
