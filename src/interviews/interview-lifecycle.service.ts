import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { ProblemException, type FieldError } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { resolveItems, ResolveItemsError } from './draw/resolve-items';
import type { InterviewDto } from './dto/interview.dto';
import { INTERVIEW_ENTITY, withItemsSnapshot } from './interview-audit';
import { toInterviewDto } from './interview.mapper';
import { planItems, resolveErrors, unresolvedErrors } from './items/item-plans';
import { copyItemRows } from './items/item-rows';
import { WITH_ITEMS, type InterviewWithItems, type Tx } from './store/interview-record';
import { findInterview, lockInterview } from './store/interview-scope';
import { currentVersions } from './store/question-pool';

const CHECK_SEED = 'publish';

/** Draft → published (pins question versions) → archived, and duplicating any interview into a new draft. */
@Injectable()
export class InterviewLifecycleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Pins every explicit item to its question's current version. Needs at
   * least one item, a rubric on every pinned version, and draw rules the
   * bank can still satisfy. Publishing a published interview changes nothing.
   */
  async publish(caller: Caller, id: string): Promise<InterviewDto> {
    const published = await this.prisma.$transaction(async (tx) => {
      const interview = await lockInterview(tx, caller, id);
      if (interview.status === 'published') return interview;
      if (interview.status === 'archived') {
        throw new ProblemException('conflict', `Interview ${id} is archived and cannot be published again. Duplicate it (POST /v1/interviews/${id}/duplicate) and publish the copy.`);
      }
      if (interview.items.length === 0) {
        throw new ProblemException('conflict', `Interview ${id} has no items. Add at least one (PUT /v1/interviews/${id}/items) before publishing.`);
      }
      const pins = await this.pinsFor(tx, caller, interview);
      const publishedAt = new Date();
      for (const [itemId, questionVersionId] of pins) {
        await tx.interviewItem.update({ where: { id: itemId }, data: { questionVersionId } });
      }
      await tx.interview.update({ where: { id: interview.id }, data: { status: 'published', publishedAt } });
      const after = await findInterview(tx, caller, id);
      await this.audit.record(caller, { entityType: INTERVIEW_ENTITY, entityId: id, action: 'interview.published', before: { status: interview.status }, after: withItemsSnapshot(after) }, tx);
      return after;
    });
    return toInterviewDto(published);
  }

  /** Published → archived: it keeps its sessions and reports but accepts no new sessions. Archiving twice changes nothing. */
  async archive(caller: Caller, id: string): Promise<InterviewDto> {
    const archived = await this.prisma.$transaction(async (tx) => {
      const interview = await lockInterview(tx, caller, id);
      if (interview.status === 'archived') return interview;
      if (interview.status === 'draft') {
        throw new ProblemException('conflict', `Interview ${id} is a draft; drafts are deleted (DELETE /v1/interviews/${id}), not archived.`);
      }
      const archivedAt = new Date();
      await tx.interview.update({ where: { id: interview.id }, data: { status: 'archived', archivedAt } });
      await this.audit.record(
        caller,
        { entityType: INTERVIEW_ENTITY, entityId: id, action: 'interview.archived', before: { status: interview.status }, after: { status: 'archived', archivedAt: archivedAt.toISOString() } },
        tx,
      );
      return findInterview(tx, caller, id);
    });
    return toInterviewDto(archived);
  }

  /** A new draft with the same fields and items (pins dropped: the copy pins again when it is published). */
  async duplicate(caller: Caller, id: string): Promise<InterviewDto> {
    const copy = await this.prisma.$transaction(async (tx) => {
      const source = await findInterview(tx, caller, id);
      const created = await tx.interview.create({
        data: {
          organizationId: caller.organizationId,
          title: source.title,
          description: source.description,
          timeLimitMinutes: source.timeLimitMinutes,
          passingThreshold: source.passingThreshold,
          duplicatedFromId: source.id,
          createdById: caller.userId,
          items: { createMany: { data: copyItemRows(source.items) } },
        },
        include: WITH_ITEMS,
      });
      await this.audit.record(
        caller,
        { entityType: INTERVIEW_ENTITY, entityId: created.id, action: 'interview.duplicated', after: { ...withItemsSnapshot(created), duplicatedFromId: source.id } },
        tx,
      );
      return created;
    });
    return toInterviewDto(copy);
  }

  /** Each explicit item's current version id, by item id; a 409 naming every item that cannot be published. */
  private async pinsFor(tx: Tx, caller: Caller, interview: InterviewWithItems): Promise<Map<string, string>> {
    const versions = await currentVersions(tx, caller, interview.items.flatMap((item) => (item.questionId ? [item.questionId] : [])));
    const pins = new Map<string, string>();
    const errors: FieldError[] = [];
    const withoutRubric: string[] = [];
    interview.items.forEach((item, index) => {
      if (item.kind !== 'question') return;
      const pointer = `/items/${index}/questionId`;
      const version = item.questionId ? versions.get(item.questionId) : undefined;
      if (!version) {
        errors.push(...unresolvedErrors([index]));
      } else if (version.question.archivedAt) {
        errors.push({ pointer, detail: `question "${version.question.slug}" has been archived; replace it` });
      } else if (version.rubric === null) {
        withoutRubric.push(version.question.id);
        errors.push({ pointer, detail: `question "${version.question.slug}" (${version.question.id}) has no rubric in its current version ${version.version}` });
      } else {
        pins.set(item.id, version.id);
      }
    });
    if (errors.length === 0) errors.push(...(await this.drawErrors(tx, caller, interview)));
    if (errors.length > 0) {
      const listed = errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
      if (withoutRubric.length === 0) throw new ProblemException('conflict', `Cannot publish: ${listed}`, { errors });
      throw new ProblemException('conflict', `Cannot publish: every explicit question needs a rubric, and ${withoutRubric.length} have none. ${listed}`, {
        errors,
        questionsWithoutRubric: withoutRubric,
      });
    }
    return pins;
  }

  private async drawErrors(tx: Tx, caller: Caller, interview: InterviewWithItems): Promise<FieldError[]> {
    const planned = await planItems(tx, caller, interview.items, 'current');
    if (!planned.ok) return unresolvedErrors(planned.unresolved);
    try {
      resolveItems(planned.plans, CHECK_SEED);
      return [];
    } catch (error) {
      if (error instanceof ResolveItemsError) return resolveErrors(error);
      throw error;
    }
  }
}
