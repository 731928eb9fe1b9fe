import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { InterviewDto, InterviewListDto } from './dto/interview.dto';
import { DEFAULT_PAGE_SIZE } from './dto/limits';
import type { ListInterviewsQueryDto } from './dto/list-interviews.query';
import { toInterviewDto } from './interview.mapper';
import { WITH_ITEMS } from './store/interview-record';
import { findInterview } from './store/interview-scope';
import { decodeCursor, encodeCursor } from './store/list-cursor';

@Injectable()
export class InterviewReadService {
  constructor(private readonly prisma: PrismaService) {}

  async get(caller: Caller, id: string): Promise<InterviewDto> {
    return toInterviewDto(await findInterview(this.prisma, caller, id));
  }

  /** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while interviews are added. */
  async list(caller: Caller, query: ListInterviewsQueryDto): Promise<InterviewListDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw new ProblemException('invalid-cursor', 'The cursor is not one this list issued; pass the `nextCursor` of the previous page.', {
        errors: [{ pointer: 'query:cursor', detail: 'is not a valid cursor' }],
      });
    }
    const where: Prisma.InterviewWhereInput = {
      organizationId: caller.organizationId,
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    };
    const rows = await this.prisma.interview.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1, include: WITH_ITEMS });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toInterviewDto), nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }
}
