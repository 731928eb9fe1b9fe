import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { notFound } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { combineItemScores } from '../grading/effective-scores';
import type { Prisma } from '../generated/prisma/client';
import { parseResultSort, sortResults } from './compute/sort-results';
import { computeTotals } from './compute/totals';
import type { InterviewResultsDto } from './dto/interview-results.dto';
import type { SessionReportDto } from './dto/session-report.dto';
import { toResultRowDto, toSessionReportDto, type ItemSource } from './reports.mapper';
import { loadSessionTotals } from './session-totals.loader';

type Db = Prisma.TransactionClient;

/**
 * Reads for reports and results. Each runs in one REPEATABLE READ read-only
 * transaction, so a report's items, totals and percentile come from the same
 * snapshot even while grading or reviewing goes on. Queries inside it run one
 * after another: a transaction is one connection, which takes one query at a time.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly prisma: PrismaService) {}

  sessionReport(caller: Caller, sessionId: string): Promise<SessionReportDto> {
    return this.snapshot(async (db) => {
      const session = await db.session.findFirst({
        where: { id: sessionId, organizationId: caller.organizationId },
        include: {
          interview: { select: { id: true, title: true, passingThreshold: true } },
          items: { orderBy: { position: 'asc' }, include: { answer: { select: { text: true, revision: true } } } },
          decisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        },
      });
      if (!session) throw notFound('Session');

      // Every score of the session (history included) so a stale override can be told from a re-stored one.
      const scores = await db.itemScore.findMany({ where: { sessionId: session.id } });
      const overrides = await db.scoreOverride.findMany({ where: { sessionId: session.id, current: true } });
      const effective = combineItemScores(session.items, scores, overrides);
      const reviewerIds = [...overrides.map((o) => o.reviewerId), ...session.decisions.map((d) => d.reviewerId)].filter((id): id is string => id !== null);
      const reviewers = await this.memberNames(db, caller.organizationId, reviewerIds);
      const gradedTotals = await loadSessionTotals(db, caller.organizationId, session.interviewId, 'graded');

      const items: ItemSource[] = effective.map(({ item, automatic, override, autoScoreChanged }) => ({
        id: item.id,
        position: item.position,
        probeIndex: item.probeIndex,
        prompt: item.prompt,
        section: item.section,
        levels: item.levels,
        weight: item.weight,
        points: item.points,
        answer: item.answer,
        score: automatic && {
          id: automatic.id,
          points: automatic.points,
          fraction: automatic.fraction,
          score: automatic.score,
          maxScore: automatic.maxScore,
          engineVersion: automatic.engineVersion,
          createdAt: automatic.createdAt,
          result: automatic.result,
        },
        override: override && { points: override.points, reason: override.reason, reviewerId: override.reviewerId, createdAt: override.createdAt },
        autoScoreChanged,
      }));

      return toSessionReportDto({
        session,
        interview: session.interview,
        items,
        decisions: session.decisions,
        reviewerNames: reviewers,
        gradedFractions: new Map([...gradedTotals].map(([id, totals]) => [id, totals.fraction])),
        now: new Date(),
      });
    });
  }

  interviewResults(caller: Caller, interviewId: string, sort: string | undefined): Promise<InterviewResultsDto> {
    const order = parseResultSort(sort);
    return this.snapshot(async (db) => {
      const interview = await db.interview.findFirst({
        where: { id: interviewId, organizationId: caller.organizationId },
        select: { id: true, title: true, passingThreshold: true },
      });
      if (!interview) throw notFound('Interview');
      const sessions = await db.session.findMany({
        where: { organizationId: caller.organizationId, interviewId },
        include: { decisions: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { decision: true, createdAt: true } } },
      });
      const totals = await loadSessionTotals(db, caller.organizationId, interviewId);
      const rows = sessions.map((session) =>
        toResultRowDto(
          { session, totals: totals.get(session.id) ?? computeTotals([]), latestDecision: session.decisions[0] ?? null },
          interview.passingThreshold,
        ),
      );
      return {
        interviewId: interview.id,
        title: interview.title,
        passingThreshold: interview.passingThreshold,
        sort: `${order.descending ? '-' : ''}${order.field}`,
        items: sortResults(rows, order),
      };
    });
  }

  /** Names of the organization's members among `ids`; someone who has left the organization stays anonymous. */
  private async memberNames(db: Db, organizationId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await db.user.findMany({
      where: { id: { in: [...new Set(ids)] }, memberships: { some: { organizationId } } },
      select: { id: true, name: true },
    });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  private snapshot<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      return work(tx);
    }, { isolationLevel: 'RepeatableRead' });
  }
}
