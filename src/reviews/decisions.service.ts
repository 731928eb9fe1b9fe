import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { PrismaService } from '../database/prisma.service';
import { DomainEvents } from '../events/domain-events';
import type { ReviewDecision } from '../generated/prisma/client';
import type { CreateDecisionDto, DecisionDto, DecisionListDto } from './dto/decision.dto';
import { timestampAfter } from './review-clock';
import { toDecisionDto } from './reviews.mapper';
import { findSession, lockSession, requireStatus } from './session-scope';

export const DECISION_ENTITY = 'review_decision';
const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** Advance / hold / reject. Every decision is kept; the latest one is the session's current decision. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
    private readonly events: DomainEvents,
  ) {}

  async create(caller: Caller, sessionId: string, dto: CreateDecisionDto): Promise<DecisionDto> {
    const { decision, interviewId } = await this.prisma.$transaction(async (tx) => {
      const session = await lockSession(tx, caller, sessionId);
      // A decision needs the candidate's answers: a session that was submitted (graded or still grading) has them all.
      requireStatus(session, ['submitted', 'graded'], 'recording a decision');
      const previous = await tx.reviewDecision.findFirst({ where: { sessionId }, orderBy: NEWEST_FIRST });
      const created = await tx.reviewDecision.create({
        data: { sessionId, reviewerId: caller.userId, decision: dto.decision, note: dto.note ?? '', createdAt: timestampAfter(previous?.createdAt) },
      });
      await this.audit.record(
        caller,
        {
          entityType: DECISION_ENTITY,
          entityId: created.id,
          action: 'decision.recorded',
          before: { decision: previous?.decision ?? null, decisionId: previous?.id ?? null },
          after: { decision: created.decision, decisionId: created.id, note: created.note },
          at: created.createdAt,
        },
        tx,
      );
      return { decision: created, interviewId: session.interviewId };
    });
    // After the commit, so listeners (webhooks) never announce a decision that was rolled back.
    await this.events.publish('review.decided', {
      organizationId: caller.organizationId,
      sessionId,
      interviewId,
      decision: decision.decision,
      decidedAt: decision.createdAt.toISOString(),
      reviewerId: decision.reviewerId,
    });
    return toDecisionDto(decision, true);
  }

  async list(caller: Caller, sessionId: string): Promise<DecisionListDto> {
    await findSession(this.prisma, caller, sessionId);
    const newestFirst = await this.prisma.reviewDecision.findMany({ where: { sessionId }, orderBy: NEWEST_FIRST });
    const items = newestFirst.map((decision, index) => toDecisionDto(decision, index === 0)).reverse();
    return { currentDecision: items.at(-1)?.decision ?? null, items };
  }

  async latest(sessionId: string): Promise<ReviewDecision | null> {
    return this.prisma.reviewDecision.findFirst({ where: { sessionId }, orderBy: NEWEST_FIRST });
  }
}
