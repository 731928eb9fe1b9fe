import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import { JobQueue } from '../jobs/job-queue.service';
import { isPastGrace, savesCloseAt } from './session-clock';
import { FINALISE_SESSION_JOB, isSessionJobData, type SessionJobData } from './session-jobs';
import { SessionSubmission } from './session-submission';

/** A re-scheduled check never comes back sooner than this, so clock skew between the app and the database cannot spin it. */
const MIN_RESCHEDULE_MS = 1000;

/**
 * Finalises sessions nobody submitted. Starting a session schedules a job for
 * the moment its saves close; the worker submits the session (by 'deadline')
 * if it is still in progress then, and does nothing otherwise, so retries and
 * duplicate jobs are harmless.
 */
@Injectable()
export class SessionDeadlines implements OnModuleInit {
  private readonly logger = new Logger('SessionDeadlines');

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly submission: SessionSubmission,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<SessionJobData>(FINALISE_SESSION_JOB, async (data) => {
      if (!isSessionJobData(data)) {
        this.logger.warn({ data }, 'dropping a finalise-session job with malformed data');
        return;
      }
      await this.finalise(data);
    });
  }

  /** Schedules the finalisation of a session whose deadline is `deadlineAt`. */
  async schedule(target: SessionJobData, deadlineAt: Date, now = new Date()): Promise<void> {
    const closes = savesCloseAt(deadlineAt, this.config.sessionGraceSeconds);
    const startAfter = new Date(Math.max(closes.getTime(), now.getTime() + MIN_RESCHEDULE_MS));
    await this.jobs.send(FINALISE_SESSION_JOB, { sessionId: target.sessionId, organizationId: target.organizationId }, { startAfter, singletonKey: target.sessionId });
  }

  /** Submits the session if it is still in progress past its deadline and grace; otherwise a no-op (or a later check, if early). */
  async finalise(target: SessionJobData, now = new Date()): Promise<'finalised' | 'not-in-progress' | 'rescheduled'> {
    const session = await this.prisma.session.findFirst({
      where: { id: target.sessionId, organizationId: target.organizationId },
      select: { status: true, deadlineAt: true },
    });
    if (!session || session.status !== 'in_progress' || !session.deadlineAt) return 'not-in-progress';
    if (!isPastGrace(session.deadlineAt, now, this.config.sessionGraceSeconds)) {
      await this.schedule(target, session.deadlineAt, now);
      return 'rescheduled';
    }
    return (await this.submission.submit(target, 'deadline', now)) ? 'finalised' : 'not-in-progress';
  }
}
