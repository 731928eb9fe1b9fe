import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma, SessionItem } from '../generated/prisma/client';
import type { RemoveOverrideDto, ScoreOverrideDto, ScoreOverrideListDto, SetOverrideDto } from './dto/override.dto';
import { overrideViews } from './override-views';
import { timestampAfter } from './review-clock';
import { toOverrideDto } from './reviews.mapper';
import { findItem, findSession, lockSession, requireStatus } from './session-scope';

export const ITEM_ENTITY = 'session_item';

/**
 * Reviewer overrides of an item's points. Each change adds a row and retires the previous current one,
 * so the history stays whole; the audit trail records the effective points before and after.
 */
@Injectable()
export class OverridesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
  ) {}

  async set(caller: Caller, sessionId: string, position: number, dto: SetOverrideDto): Promise<ScoreOverrideDto> {
    const saved = await this.prisma.$transaction(async (tx) => {
      const { item, score } = await this.gradedItem(tx, caller, sessionId, position, 'overriding points');
      if (dto.points > item.points) {
        throw new ProblemException('validation-failed', `points must be at most ${item.points}, what item ${position} is worth.`, {
          errors: [{ pointer: '/points', detail: `points must not be greater than ${item.points}` }],
        });
      }
      const previous = await tx.scoreOverride.findFirst({ where: { sessionItemId: item.id, current: true } });
      // PUT is idempotent: the same override again (same reviewer, same figures) changes nothing and audits nothing.
      if (previous && previous.points === dto.points && previous.reason === dto.reason && previous.reviewerId === caller.userId && previous.basedOnScoreId === score.id) {
        return previous;
      }
      if (previous) await tx.scoreOverride.update({ where: { id: previous.id }, data: { current: false } });
      const at = timestampAfter(previous?.createdAt);
      const created = await tx.scoreOverride.create({
        data: { sessionItemId: item.id, sessionId, reviewerId: caller.userId, points: dto.points, reason: dto.reason, basedOnScoreId: score.id, current: true, createdAt: at },
      });
      await this.audit.record(
        caller,
        {
          entityType: ITEM_ENTITY,
          entityId: item.id,
          action: 'override.set',
          before: { points: previous?.points ?? score.points, overridden: previous !== null, overrideId: previous?.id ?? null, automaticPoints: score.points },
          after: { points: created.points, overridden: true, overrideId: created.id, automaticPoints: score.points, reason: created.reason },
          at,
        },
        tx,
      );
      return created;
    });
    const [view] = await overrideViews(this.prisma, [saved]);
    return toOverrideDto(view);
  }

  async remove(caller: Caller, sessionId: string, position: number, dto: RemoveOverrideDto): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { item, score } = await this.gradedItem(tx, caller, sessionId, position, 'removing an override');
      const current = await tx.scoreOverride.findFirst({ where: { sessionItemId: item.id, current: true } });
      if (!current) throw new ProblemException('not-found', `Item ${position} of session ${sessionId} has no override to remove.`);
      await tx.scoreOverride.update({ where: { id: current.id }, data: { current: false } });
      await this.audit.record(
        caller,
        {
          entityType: ITEM_ENTITY,
          entityId: item.id,
          action: 'override.removed',
          before: { points: current.points, overridden: true, overrideId: current.id, automaticPoints: score.points },
          after: { points: score.points, overridden: false, overrideId: null, automaticPoints: score.points, reason: dto.reason },
          at: timestampAfter(current.createdAt),
        },
        tx,
      );
    });
  }

  /** Every override of the session, current and retired, oldest first. */
  async list(caller: Caller, sessionId: string): Promise<ScoreOverrideListDto> {
    await findSession(this.prisma, caller, sessionId);
    const overrides = await this.prisma.scoreOverride.findMany({ where: { sessionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return { items: (await overrideViews(this.prisma, overrides)).map(toOverrideDto) };
  }

  /** The item and its current automatic score, in a graded session locked for the rest of the transaction. */
  private async gradedItem(tx: Prisma.TransactionClient, caller: Caller, sessionId: string, position: number, action: string) {
    const session = await lockSession(tx, caller, sessionId);
    requireStatus(session, ['graded'], action);
    const item: SessionItem = await findItem(tx, session, position);
    const score = await tx.itemScore.findFirst({ where: { sessionItemId: item.id, current: true }, orderBy: { createdAt: 'desc' } });
    if (!score) throw new ProblemException('conflict', `Item ${position} has no automatic score yet; only graded items can be overridden.`);
    return { item, score };
  }
}
