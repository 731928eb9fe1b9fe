import { combineItemScores } from '../grading/effective-scores';
import type { Prisma } from '../generated/prisma/client';
import { computeTotals, type ItemPoints, type PointTotals } from './compute/totals';

type Db = Prisma.TransactionClient;

/**
 * Point totals of many sessions of one interview at once (four queries, not
 * four per session), for the results list and the percentile. The caller has
 * already checked that the interview belongs to `organizationId`; every query
 * still filters by it.
 */
export async function loadSessionTotals(
  db: Db,
  organizationId: string,
  interviewId: string,
  onlyStatus?: 'graded',
): Promise<Map<string, PointTotals>> {
  const sessionWhere: Prisma.SessionWhereInput = { organizationId, interviewId, ...(onlyStatus ? { status: onlyStatus } : {}) };
  // Sequential: inside a transaction every query shares one connection.
  const sessions = await db.session.findMany({ where: sessionWhere, select: { id: true } });
  const items = await db.sessionItem.findMany({ where: { session: sessionWhere }, select: { id: true, sessionId: true, points: true, weight: true } });
  const scores = await db.itemScore.findMany({
    where: { current: true, sessionItem: { session: sessionWhere } },
    select: { id: true, sessionItemId: true, points: true, current: true, createdAt: true },
  });
  const overrides = await db.scoreOverride.findMany({
    where: { current: true, sessionItem: { session: sessionWhere } },
    select: { id: true, sessionItemId: true, points: true, basedOnScoreId: true, current: true, createdAt: true },
  });
  // One pass over every item of every session; combineItemScores picks each item's current score and override.
  const pointsBySession = new Map<string, ItemPoints[]>(sessions.map((s) => [s.id, []]));
  for (const effective of combineItemScores(items, scores, overrides)) {
    pointsBySession.get(effective.item.sessionId)?.push({
      maxPoints: effective.item.points,
      weight: effective.item.weight,
      automaticPoints: effective.automatic?.points ?? null,
      overridePoints: effective.override?.points ?? null,
    });
  }
  return new Map([...pointsBySession].map(([sessionId, points]) => [sessionId, computeTotals(points)]));
}
