import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import { decodeCursor, encodeCursor, type ListCursor } from './content/cursor';
import { DEFAULT_PAGE_SIZE, type ListQuestionsQueryDto } from './dto/list-questions.query';
import type { QuestionListDto } from './dto/question-list.dto';
import { toQuestionDto } from './question.mapper';
import { WITH_QUESTION } from './question-record';

interface ListedRow {
  id: string;
  versionId: string;
  slug: string;
  section: string;
  sectionOrder: number;
  rank: number;
}

/**
 * The question list: filters and full-text search in one parameterised SQL
 * query over the current versions (Prisma cannot express tsvector ranking),
 * keyset-paginated so pages stay stable while questions are added.
 */
@Injectable()
export class QuestionSearchService {
  constructor(private readonly prisma: PrismaService) {}

  async list(caller: Caller, query: ListQuestionsQueryDto): Promise<QuestionListDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const mode = query.q === undefined ? 'browse' : 'search';
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && cursor?.mode !== mode) {
      throw new ProblemException('invalid-cursor', 'The cursor is not one this list issued; pass the `nextCursor` of the previous page, with the same `q`.', {
        errors: [{ pointer: 'query:cursor', detail: 'is not a valid cursor' }],
      });
    }
    const rows = await this.prisma.$queryRaw<ListedRow[]>`
      WITH candidates AS (
        SELECT q.id, v.id AS "versionId", q.slug, v.section, q.section_order AS "sectionOrder", ${rankExpression(query.q)} AS rank
        FROM questions q
        JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
        WHERE ${Prisma.join(filters(caller, query), ' AND ')}
      )
      SELECT * FROM candidates
      WHERE ${cursor ? after(cursor) : Prisma.sql`TRUE`}
      ORDER BY ${mode === 'search' ? Prisma.sql`rank DESC, slug, id` : Prisma.sql`"sectionOrder", section, slug, id`}
      LIMIT ${limit + 1}`;
    const page = rows.slice(0, limit);
    const versions = await this.prisma.questionVersion.findMany({ where: { id: { in: page.map((row) => row.versionId) } }, include: WITH_QUESTION });
    const byId = new Map(versions.map((version) => [version.id, version]));
    const last = page.at(-1);
    return {
      items: page.flatMap((row) => {
        const version = byId.get(row.versionId);
        return version ? [toQuestionDto(version)] : [];
      }),
      nextCursor: rows.length > limit && last ? encodeCursor(cursorAfter(mode, last)) : null,
    };
  }
}

function rankExpression(q: string | undefined): Prisma.Sql {
  // ts_rank_cd weighs A (prompt) highest by default; float8 so the cursor round-trips exactly.
  return q === undefined ? Prisma.sql`0::float8` : Prisma.sql`ts_rank_cd(v.search_vector, websearch_to_tsquery('english', ${q}))::float8`;
}

function filters(caller: Caller, query: ListQuestionsQueryDto): Prisma.Sql[] {
  const where = [Prisma.sql`(q.organization_id = ${caller.organizationId}::uuid OR q.organization_id IS NULL)`];
  if (!query.archived) where.push(Prisma.sql`q.archived_at IS NULL`);
  if (query.source !== undefined) where.push(Prisma.sql`q.source = ${query.source}::"QuestionSource"`);
  if (query.kind !== undefined) where.push(Prisma.sql`v.kind = ${query.kind}::"QuestionKind"`);
  if (query.section !== undefined) where.push(Prisma.sql`lower(v.section) = lower(${query.section.trim()})`);
  if (query.level !== undefined) where.push(Prisma.sql`v.levels @> ARRAY[${query.level}::"Level"]`);
  if (query.tag !== undefined) where.push(Prisma.sql`v.tags @> ARRAY[${query.tag}::text]`);
  if (query.q !== undefined) where.push(Prisma.sql`v.search_vector @@ websearch_to_tsquery('english', ${query.q})`);
  return where;
}

function after(cursor: ListCursor): Prisma.Sql {
  if (cursor.mode === 'search') {
    return Prisma.sql`(rank < ${cursor.rank}::float8 OR (rank = ${cursor.rank}::float8 AND (slug, id) > (${cursor.slug}, ${cursor.id}::uuid)))`;
  }
  return Prisma.sql`("sectionOrder", section, slug, id) > (${cursor.sectionOrder}::int, ${cursor.section}, ${cursor.slug}, ${cursor.id}::uuid)`;
}

function cursorAfter(mode: ListCursor['mode'], row: ListedRow): ListCursor {
  return mode === 'search'
    ? { mode, rank: row.rank, slug: row.slug, id: row.id }
    : { mode, sectionOrder: row.sectionOrder, section: row.section, slug: row.slug, id: row.id };
}
