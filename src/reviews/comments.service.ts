import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { CommentDto, CommentListDto, CreateCommentDto } from './dto/comment.dto';
import { toCommentDto } from './reviews.mapper';
import { findSession } from './session-scope';

export const COMMENT_ENTITY = 'review_comment';

/** Reviewers' comments on a session or one of its items; comments are never edited, so the list is their history. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
  ) {}

  async create(caller: Caller, sessionId: string, dto: CreateCommentDto): Promise<CommentDto> {
    return this.prisma.$transaction(async (tx) => {
      const session = await findSession(tx, caller, sessionId);
      const position = dto.itemPosition ?? null;
      let sessionItemId: string | null = null;
      if (position !== null) {
        const item = await tx.sessionItem.findUnique({ where: { sessionId_position: { sessionId: session.id, position } }, select: { id: true } });
        if (!item) {
          throw new ProblemException('validation-failed', `The session has no item ${position}.`, {
            errors: [{ pointer: '/itemPosition', detail: `the session has no item ${position}` }],
          });
        }
        sessionItemId = item.id;
      }
      const comment = await tx.reviewComment.create({ data: { sessionId: session.id, sessionItemId, authorId: caller.userId, body: dto.body } });
      await this.audit.record(
        caller,
        { entityType: COMMENT_ENTITY, entityId: comment.id, action: 'comment.created', before: null, after: { itemPosition: position, body: comment.body }, at: comment.createdAt },
        tx,
      );
      return toCommentDto(comment, position);
    });
  }

  async list(caller: Caller, sessionId: string): Promise<CommentListDto> {
    await findSession(this.prisma, caller, sessionId);
    const comments = await this.prisma.reviewComment.findMany({ where: { sessionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const positions = await this.positionsOf(comments.flatMap((c) => (c.sessionItemId ? [c.sessionItemId] : [])));
    return { items: comments.map((c) => toCommentDto(c, c.sessionItemId ? (positions.get(c.sessionItemId) ?? null) : null)) };
  }

  async count(sessionId: string): Promise<number> {
    return this.prisma.reviewComment.count({ where: { sessionId } });
  }

  private async positionsOf(itemIds: string[]): Promise<Map<string, number>> {
    if (itemIds.length === 0) return new Map();
    const items = await this.prisma.sessionItem.findMany({ where: { id: { in: [...new Set(itemIds)] } }, select: { id: true, position: true } });
    return new Map(items.map((item) => [item.id, item.position]));
  }
}
