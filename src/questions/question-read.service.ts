import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { notFound } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { QuestionDto } from './dto/question.dto';
import type { QuestionVersionListDto } from './dto/question-version.dto';
import { toQuestionDto, toVersionDto } from './question.mapper';
import { WITH_QUESTION, type Question, type VersionWithQuestion } from './question-record';
import { isUuid, visibleTo } from './store/question-scope';

/** Single-question reads, scoped to what the caller may see. */
const SLUG_SHAPE = /^[a-z0-9][a-z0-9-]{0,99}$/;

@Injectable()
export class QuestionReadService {
  constructor(private readonly prisma: PrismaService) {}

  /** By id, or by slug, where the caller's own question wins over the library's. */
  async get(caller: Caller, idOrSlug: string): Promise<QuestionDto> {
    return toQuestionDto(await this.findCurrent(caller, idOrSlug));
  }

  async versions(caller: Caller, id: string): Promise<QuestionVersionListDto> {
    const question = await this.findVisible(caller, id);
    const versions = await this.prisma.questionVersion.findMany({ where: { questionId: question.id }, orderBy: { version: 'desc' } });
    return { items: versions.map(toVersionDto) };
  }

  async findCurrent(caller: Caller, idOrSlug: string): Promise<VersionWithQuestion> {
    const question = await this.findVisible(caller, idOrSlug);
    return this.prisma.questionVersion.findUniqueOrThrow({
      where: { questionId_version: { questionId: question.id, version: question.currentVersion } },
      include: WITH_QUESTION,
    });
  }

  async findVisible(caller: Caller, idOrSlug: string): Promise<Question> {
    const byId = isUuid(idOrSlug) ? await this.prisma.question.findFirst({ where: { AND: [{ id: idOrSlug }, visibleTo(caller)] } }) : null;
    if (byId) return byId;
    // Anything that cannot be a slug (e.g. a NUL byte PostgreSQL would reject) is simply not found.
    if (!SLUG_SHAPE.test(idOrSlug)) throw notFound(`Question "${idOrSlug.replace(/[^\x20-\x7e]/g, '?')}"`);
    const bySlug = await this.prisma.question.findMany({ where: { AND: [{ slug: idOrSlug }, visibleTo(caller)] } });
    const found = bySlug.find((question) => question.organizationId === caller.organizationId) ?? bySlug[0];
    if (!found) throw notFound(`Question "${idOrSlug}"`);
    return found;
  }
}
