import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { DomainEvents } from '../events/domain-events';
import { JobQueue } from '../jobs/job-queue.service';
import { auditSession } from './session-audit';
import type { SubmittedBy } from './session-clock';
import { GRADE_SESSION_JOB, type SessionJobData } from './session-jobs';

/**
 * Ends a session, by the candidate or at the deadline. The status change is
 * one `UPDATE … WHERE status = 'in_progress'`: of any number of concurrent
 * submits and finalisations exactly one changes a row, and only that one
 * enqueues grading and publishes 'session.submitted'.
 */
@Injectable()
export class SessionSubmission {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
  ) {}

  /** True when this call submitted the session; false when it was not in progress (already submitted, cancelled, never started). */
  async submit(target: SessionJobData, by: SubmittedBy, now: Date): Promise<boolean> {
    const submitted = await this.prisma.$transaction(async (tx) => {
      const [row] = await tx.session.updateManyAndReturn({
        where: { id: target.sessionId, organizationId: target.organizationId, status: 'in_progress' },
        data: { status: 'submitted', submittedAt: now, submittedBy: by },
        select: { id: true, interviewId: true, submittedAt: true },
      });
      if (!row) return null;
      await auditSession(tx, {
        organizationId: target.organizationId,
        sessionId: row.id,
        action: 'session.submitted',
        actor: null,
        before: { status: 'in_progress' },
        after: { status: 'submitted', submittedBy: by },
      });
      return row;
    });
    if (!submitted) return false;
    // After the commit, so the grader never sees a session that is not yet submitted.
    await this.jobs.send(GRADE_SESSION_JOB, { sessionId: target.sessionId, organizationId: target.organizationId }, { singletonKey: target.sessionId });
    await this.events.publish('session.submitted', {
      organizationId: target.organizationId,
      sessionId: target.sessionId,
      interviewId: submitted.interviewId,
      submittedAt: (submitted.submittedAt ?? now).toISOString(),
      submittedBy: by,
    });
    return true;
  }
}
