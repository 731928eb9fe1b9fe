import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { PrismaService } from '../database/prisma.service';
import type { AuditEvent } from '../generated/prisma/client';
import type { AuditActorDto, AuditTrailDto } from './dto/audit-entry.dto';
import { toAuditEntryDto } from './reviews.mapper';
import { findSession } from './session-scope';

/**
 * A session's audit trail: every AuditEvent about the session or anything that
 * belongs to it (items, answers, scores, overrides, comments, decisions),
 * whichever module wrote it. Events are matched by entity id, so other modules
 * need no convention beyond recording the changed row's id.
 */
@Injectable()
export class AuditTrailService {
  constructor(private readonly prisma: PrismaService) {}

  async forSession(caller: Caller, sessionId: string): Promise<AuditTrailDto> {
    const session = await findSession(this.prisma, caller, sessionId);
    const positionOf = await this.entityPositions(session.id);
    const events = await this.prisma.auditEvent.findMany({
      where: { organizationId: caller.organizationId, entityId: { in: [session.id, ...positionOf.keys()] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const actors = await this.actors(caller, events);
    return {
      items: events.map((event) => toAuditEntryDto(event, actorOf(event, actors), positionOf.get(event.entityId) ?? null)),
    };
  }

  /** Every id that belongs to the session, with the item position it concerns (null for whole-session rows). */
  private async entityPositions(sessionId: string): Promise<Map<string, number | null>> {
    const [items, answers, scores, overrides, comments, decisions] = await Promise.all([
      this.prisma.sessionItem.findMany({ where: { sessionId }, select: { id: true, position: true } }),
      this.prisma.answer.findMany({ where: { sessionId }, select: { id: true, sessionItemId: true } }),
      this.prisma.itemScore.findMany({ where: { sessionId }, select: { id: true, sessionItemId: true } }),
      this.prisma.scoreOverride.findMany({ where: { sessionId }, select: { id: true, sessionItemId: true } }),
      this.prisma.reviewComment.findMany({ where: { sessionId }, select: { id: true, sessionItemId: true } }),
      this.prisma.reviewDecision.findMany({ where: { sessionId }, select: { id: true } }),
    ]);
    const itemPosition = new Map(items.map((item) => [item.id, item.position]));
    const positions = new Map<string, number | null>(itemPosition);
    for (const row of [...answers, ...scores, ...overrides, ...comments]) {
      positions.set(row.id, row.sessionItemId ? (itemPosition.get(row.sessionItemId) ?? null) : null);
    }
    for (const decision of decisions) positions.set(decision.id, null);
    return positions;
  }

  private async actors(caller: Caller, events: AuditEvent[]): Promise<Map<string, string>> {
    const userIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const keyIds = [...new Set(events.flatMap((e) => (e.actorApiKeyId ? [e.actorApiKeyId] : [])))];
    const [users, keys] = await Promise.all([
      userIds.length ? this.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
      keyIds.length ? this.prisma.apiKey.findMany({ where: { id: { in: keyIds }, organizationId: caller.organizationId }, select: { id: true, name: true } }) : [],
    ]);
    return new Map([...users, ...keys].map((actor) => [actor.id, actor.name]));
  }
}

function actorOf(event: AuditEvent, names: Map<string, string>): AuditActorDto {
  if (event.actorUserId) return { kind: 'user', id: event.actorUserId, name: names.get(event.actorUserId) ?? null };
  if (event.actorApiKeyId) return { kind: 'api_key', id: event.actorApiKeyId, name: names.get(event.actorApiKeyId) ?? null };
  return { kind: 'system', id: null, name: null };
}
