import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { CreateInterviewDto } from './dto/create-interview.dto';
import type { InterviewDto } from './dto/interview.dto';
import type { ReplaceItemsDto } from './dto/replace-items.dto';
import type { UpdateInterviewDto } from './dto/update-interview.dto';
import { INTERVIEW_ENTITY, itemsSnapshot, withItemsSnapshot } from './interview-audit';
import { toInterviewDto } from './interview.mapper';
import { toItemRows } from './items/item-rows';
import { validateItems } from './items/validate-items';
import { WITH_ITEMS } from './store/interview-record';
import { findInterview, lockInterview } from './store/interview-scope';
import { assertDraft } from './store/interview-status';

const EDITABLE_FIELDS = ['title', 'description', 'timeLimitMinutes', 'passingThreshold'] as const;

/** Creating drafts, editing them (fields and items) and deleting them. */
@Injectable()
export class InterviewWriteService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
  ) {}

  async create(caller: Caller, body: CreateInterviewDto): Promise<InterviewDto> {
    const rows = toItemRows(body.items ?? []);
    await validateItems(this.prisma, caller, rows);
    const created = await this.prisma.$transaction(async (tx) => {
      const interview = await tx.interview.create({
        data: {
          organizationId: caller.organizationId,
          title: body.title,
          description: body.description ?? '',
          timeLimitMinutes: body.timeLimitMinutes,
          passingThreshold: body.passingThreshold,
          createdById: caller.userId,
          items: { createMany: { data: rows } },
        },
        include: WITH_ITEMS,
      });
      await this.audit.record(caller, { entityType: INTERVIEW_ENTITY, entityId: interview.id, action: 'interview.created', after: withItemsSnapshot(interview) }, tx);
      return interview;
    });
    return toInterviewDto(created);
  }

  /** Changes a draft's own fields; a body that changes nothing changes nothing (and is not audited). */
  async update(caller: Caller, id: string, body: UpdateInterviewDto): Promise<InterviewDto> {
    const updated = await this.prisma.$transaction(async (tx) => {
      const interview = await lockInterview(tx, caller, id);
      assertDraft(interview, 'edit it');
      const changes: Prisma.InterviewUpdateInput = {};
      const before: Record<string, string | number> = {};
      const after: Record<string, string | number> = {};
      for (const field of EDITABLE_FIELDS) {
        const value = body[field];
        if (value === undefined || value === interview[field]) continue;
        Object.assign(changes, { [field]: value });
        before[field] = interview[field];
        after[field] = value;
      }
      if (Object.keys(after).length === 0) return interview;
      await tx.interview.update({ where: { id: interview.id }, data: changes });
      await this.audit.record(caller, { entityType: INTERVIEW_ENTITY, entityId: interview.id, action: 'interview.updated', before, after }, tx);
      return findInterview(tx, caller, id);
    });
    return toInterviewDto(updated);
  }

  /** Replaces a draft's items as a whole, after checking them against the bank. */
  async replaceItems(caller: Caller, id: string, body: ReplaceItemsDto): Promise<InterviewDto> {
    const rows = toItemRows(body.items);
    const updated = await this.prisma.$transaction(async (tx) => {
      const interview = await lockInterview(tx, caller, id);
      assertDraft(interview, 'change its items');
      await validateItems(tx, caller, rows);
      await tx.interviewItem.deleteMany({ where: { interviewId: interview.id } });
      await tx.interviewItem.createMany({ data: rows.map((row) => ({ ...row, interviewId: interview.id })) });
      // Item changes are changes to the interview: its updatedAt moves too.
      await tx.interview.update({ where: { id: interview.id }, data: { updatedAt: new Date() } });
      await this.audit.record(
        caller,
        { entityType: INTERVIEW_ENTITY, entityId: interview.id, action: 'interview.items_replaced', before: { items: itemsSnapshot(interview.items) }, after: { items: itemsSnapshot(rows) } },
        tx,
      );
      return findInterview(tx, caller, id);
    });
    return toInterviewDto(updated);
  }

  /** Deletes a draft. Published and archived interviews stay: sessions and reports refer to them. */
  async remove(caller: Caller, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const interview = await lockInterview(tx, caller, id);
      if (interview.status !== 'draft') {
        const detail =
          interview.status === 'published'
            ? `Interview ${id} is published; it cannot be deleted. Archive it (POST /v1/interviews/${id}/archive) so it takes no new sessions.`
            : `Interview ${id} is archived; it is kept for its sessions' reports and cannot be deleted.`;
        throw new ProblemException('conflict', detail, { interviewStatus: interview.status });
      }
      await tx.interview.delete({ where: { id: interview.id } });
      await this.audit.record(caller, { entityType: INTERVIEW_ENTITY, entityId: interview.id, action: 'interview.deleted', before: withItemsSnapshot(interview) }, tx);
    });
  }
}
