import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { canonicalJson, contentHash } from './content/content-hash';
import { etagFor, ifMatchSatisfied } from './content/etag';
import { normalizeContent, type JsonObject, type QuestionContent, type RubricSource } from './content/question-content';
import type { CreateQuestionDto } from './dto/create-question.dto';
import type { QuestionDto } from './dto/question.dto';
import type { UpdateQuestionDto } from './dto/update-question.dto';
import { slugify, uniqueSlug } from './parser/slug';
import { contentOf, toQuestionDto } from './question.mapper';
import type { Question, VersionWithQuestion } from './question-record';
import { QuestionReadService } from './question-read.service';
import { appendVersion, insertQuestion, isUniqueViolation, lockBank } from './store/question-writes';
import { sectionOrderFor } from './store/section-order';

/** Creating, editing (as new versions), archiving and forking an organization's questions. */
@Injectable()
export class QuestionWriteService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: QuestionReadService,
  ) {}

  async create(caller: Caller, body: CreateQuestionDto): Promise<QuestionDto> {
    const slug = body.slug ?? slugify(body.prompt);
    const content = normalizeContent({
      kind: body.kind ?? 'question',
      section: body.section,
      levels: body.levels ?? [],
      tags: body.tags ?? [],
      prompt: body.prompt,
      modelAnswer: body.modelAnswer ?? '',
      probes: body.probes ?? [],
      misconceptions: body.misconceptions ?? [],
      listeningFor: body.listeningFor ?? [],
      rubric: null,
      rubricSource: null,
    });
    try {
      const created = await this.prisma.$transaction(async (tx) => {
        const taken = await tx.question.findFirst({ where: { organizationId: caller.organizationId, slug }, select: { id: true } });
        if (taken) throw slugTaken(slug);
        const sectionOrder = await sectionOrderFor(tx, caller, content.section);
        return insertQuestion(tx, { organizationId: caller.organizationId, source: 'organization', slug, sectionOrder, createdById: caller.userId, content });
      });
      return toQuestionDto(created);
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(slug);
      throw error;
    }
  }

  /**
   * Optimistic concurrency: the caller must send the ETag it last saw. A real
   * change becomes a new immutable version; a no-op changes nothing.
   */
  async update(caller: Caller, id: string, ifMatch: string | undefined, body: UpdateQuestionDto): Promise<QuestionDto> {
    const changes: Partial<QuestionContent> = withoutUndefined(body);
    return toQuestionDto(await this.commitEdit(caller, id, ifMatch, (existing) => ({ ...existing, ...changes })));
  }

  /**
   * Gives the question a new rubric (as a new version), under the same
   * If-Match rules as `update`. `edit` receives the current content, so a
   * change built on the current rubric (adding a test case) never lands on a
   * version other than the one If-Match named. A rubric equal to the current
   * one (key order aside) changes nothing, not even its source.
   */
  async replaceRubric(
    caller: Caller,
    id: string,
    ifMatch: string | undefined,
    source: RubricSource,
    edit: (current: QuestionContent) => JsonObject,
  ): Promise<VersionWithQuestion> {
    return this.commitEdit(caller, id, ifMatch, (existing) => {
      const rubric = edit(existing);
      if (existing.rubric !== null && canonicalJson(rubric) === canonicalJson(existing.rubric)) return existing;
      return { ...existing, rubric, rubricSource: source };
    });
  }

  private async commitEdit(
    caller: Caller,
    id: string,
    ifMatch: string | undefined,
    change: (existing: QuestionContent) => QuestionContent,
  ): Promise<VersionWithQuestion> {
    const current = await this.reader.findCurrent(caller, id);
    assertWritable(current.question);
    if (ifMatch === undefined || ifMatch.trim() === '') {
      throw new ProblemException('precondition-required', `Send If-Match: ${etagFor(current.id)} (the ETag of the version you edited) to change this question.`);
    }
    if (!ifMatchSatisfied(ifMatch, etagFor(current.id))) throw stale(current.id);
    const existing = contentOf(current);
    const next = normalizeContent(change(existing));
    if (contentHash(next) === current.contentHash) return current;
    const sectionOrder = next.section === existing.section ? undefined : await sectionOrderFor(this.prisma, caller, next.section);
    const updated = await this.prisma.$transaction((tx) => appendVersion(tx, current.question, current.version, next, caller.userId, sectionOrder));
    if (!updated) {
      const latest = await this.reader.findCurrent(caller, id);
      throw stale(latest.id);
    }
    return updated;
  }

  /** Archived questions leave lists but stay readable by id (sessions may reference them). */
  async archive(caller: Caller, id: string): Promise<void> {
    const question = await this.reader.findVisible(caller, id);
    assertWritable(question);
    await this.prisma.question.updateMany({ where: { id: question.id, organizationId: caller.organizationId, archivedAt: null }, data: { archivedAt: new Date() } });
  }

  /** Copies a question's current version into the caller's organization, under a free slug. */
  async fork(caller: Caller, id: string): Promise<QuestionDto> {
    const original = await this.reader.findCurrent(caller, id);
    const forked = await this.prisma.$transaction(async (tx) => {
      await lockBank(tx, caller.organizationId);
      const similar = await tx.question.findMany({ where: { organizationId: caller.organizationId, slug: { startsWith: original.question.slug } }, select: { slug: true } });
      const slug = uniqueSlug(original.question.slug, new Set(similar.map((question) => question.slug)));
      return insertQuestion(tx, {
        organizationId: caller.organizationId,
        source: 'organization',
        slug,
        sectionOrder: original.question.sectionOrder,
        forkedFromId: original.question.id,
        createdById: caller.userId,
        content: contentOf(original),
      });
    });
    return toQuestionDto(forked);
  }
}

function assertWritable(question: Question): void {
  if (question.source === 'library') {
    throw new ProblemException('read-only', `Library questions are read-only. Fork it (POST /v1/questions/${question.id}/fork) and edit your organization's copy.`);
  }
}

function stale(currentVersionId: string): ProblemException {
  const etag = etagFor(currentVersionId);
  return new ProblemException('precondition-failed', `The question has changed since you read it; its current ETag is ${etag}. Re-read it and apply your change again.`, {
    headers: { ETag: etag },
  });
}

function slugTaken(slug: string): ProblemException {
  return new ProblemException('conflict', `Your organization already has a question with the slug "${slug}". Choose another slug.`, {
    errors: [{ pointer: '/slug', detail: 'is already taken' }],
  });
}

/** Omitted fields may still exist on the DTO instance as `undefined`; they must not overwrite content. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
