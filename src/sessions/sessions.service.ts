import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { notFound, ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { DEFAULT_SESSION_PAGE, type ListSessionsQueryDto } from './dto/list-sessions.query';
import type { SessionDto, SessionListDto } from './dto/session.dto';
import { decodeSessionCursor, encodeSessionCursor } from './session-cursor';
import { toSessionDto } from './sessions.mapper';

const WITH_ITEM_COUNT = { _count: { select: { items: true } } } as const;

/** The organization's side of sessions once invited: list, read, cancel. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
  ) {}

  async list(caller: Caller, interviewId: string, query: ListSessionsQueryDto): Promise<SessionListDto> {
    const interview = await this.prisma.interview.findFirst({ where: { id: interviewId, organizationId: caller.organizationId }, select: { id: true } });
    if (!interview) throw notFound(`Interview ${interviewId}`);
    const cursor = query.cursor === undefined ? undefined : decodeSessionCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) throw new ProblemException('invalid-cursor', 'The cursor is not one this list issued; start again without it.');
    const limit = query.limit ?? DEFAULT_SESSION_PAGE;
    const where: Prisma.SessionWhereInput = {
      organizationId: caller.organizationId,
      interviewId,
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}),
    };
    const rows = await this.prisma.session.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit + 1, include: WITH_ITEM_COUNT });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toSessionDto), nextCursor: rows.length > limit && last ? encodeSessionCursor(last) : null };
  }

  async get(caller: Caller, id: string): Promise<SessionDto> {
    const session = await this.prisma.session.findFirst({ where: { id, organizationId: caller.organizationId }, include: WITH_ITEM_COUNT });
    if (!session) throw notFound(`Session ${id}`);
    return toSessionDto(session);
  }

  /**
   * Revokes the candidate's token and stops the session; answers saved so far
   * are kept. Cancelling twice is a no-op; a submitted session cannot be cancelled.
   */
  async cancel(caller: Caller, id: string): Promise<SessionDto> {
    return this.prisma.$transaction(async (tx) => {
      const [before] = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM sessions WHERE id = ${id}::uuid AND organization_id = ${caller.organizationId}::uuid FOR UPDATE`;
      if (!before) throw notFound(`Session ${id}`);
      if (before.status === 'submitted' || before.status === 'graded') {
        throw new ProblemException('conflict', `The session is ${before.status}; only invited or in-progress sessions can be cancelled.`);
      }
      if (before.status !== 'cancelled') {
        await tx.session.update({ where: { id }, data: { status: 'cancelled' } });
        await this.audit.record(caller, { entityType: 'session', entityId: id, action: 'session.cancelled', before: { status: before.status }, after: { status: 'cancelled' } }, tx);
      }
      const session = await tx.session.findFirstOrThrow({ where: { id, organizationId: caller.organizationId }, include: WITH_ITEM_COUNT });
      return toSessionDto(session);
    });
  }
}
