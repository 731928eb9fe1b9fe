import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { notFound } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { Prisma, type ItemScore, type ScoreOverride, type SessionStatus } from '../generated/prisma/client';
import type { SessionScoresDto } from './dto/session-scores.dto';
import { combineItemScores, type EffectiveItemScore } from './effective-scores';
import { toSessionScoresDto } from './grading.mapper';

type Db = PrismaService | Prisma.TransactionClient;

export interface ScoredSessionItem {
  id: string;
  position: number;
  probeIndex: number | null;
  prompt: string;
  section: string;
  weight: number;
  points: number;
}

export type SessionItemScores = EffectiveItemScore<ScoredSessionItem, ItemScore, ScoreOverride>;

export interface SessionScoresSnapshot {
  session: { id: string; interviewId: string; status: SessionStatus; gradedAt: Date | null; passingThreshold: number };
  /** In item order. */
  items: SessionItemScores[];
}

/**
 * A session's scores as they stand: per item the current automatic score, the
 * current override, the effective points and whether the override is stale.
 * Null when the session is not the organization's. Pass a transaction to read
 * inside one (the reports do, for one consistent snapshot).
 */
export async function loadSessionScores(db: Db, organizationId: string, sessionId: string): Promise<SessionScoresSnapshot | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, organizationId },
    select: { id: true, interviewId: true, status: true, gradedAt: true, interview: { select: { passingThreshold: true } } },
  });
  if (!session) return null;
  // One after another: queries of one transaction share its connection anyway.
  const items = await db.sessionItem.findMany({
    where: { sessionId },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, probeIndex: true, prompt: true, section: true, weight: true, points: true },
  });
  const scores = await db.itemScore.findMany({ where: { sessionId } });
  const overrides = await db.scoreOverride.findMany({ where: { sessionId } });
  return {
    session: { id: session.id, interviewId: session.interviewId, status: session.status, gradedAt: session.gradedAt, passingThreshold: session.interview.passingThreshold },
    items: combineItemScores(items, scores, overrides),
  };
}

/** Reading a session's scores; every query is scoped by the caller's organization. */
@Injectable()
export class SessionScores {
  constructor(private readonly prisma: PrismaService) {}

  /** For reports: what counts for each item. Another organization's session is a 404. */
  async effectiveItemScores(caller: Caller, sessionId: string): Promise<SessionItemScores[]> {
    return (await this.snapshot(caller, sessionId)).items;
  }

  async view(caller: Caller, sessionId: string): Promise<SessionScoresDto> {
    return toSessionScoresDto(await this.snapshot(caller, sessionId));
  }

  /** One snapshot: a grading that commits midway through the reads shows up whole or not at all. */
  private async snapshot(caller: Caller, sessionId: string): Promise<SessionScoresSnapshot> {
    const snapshot = await this.prisma.$transaction((tx) => loadSessionScores(tx, caller.organizationId, sessionId), {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    });
    if (!snapshot) throw notFound(`Session ${sessionId}`);
    return snapshot;
  }
}
