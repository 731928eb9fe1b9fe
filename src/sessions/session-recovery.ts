import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import { JobQueue } from '../jobs/job-queue.service';
import { SessionDeadlines } from './session-deadlines';
import { GRADE_SESSION_JOB } from './session-jobs';

const SWEEP_EVERY_MS = 60_000;
/** A submitted session normally grades within seconds; older than this, its job was lost. */
const GRADING_OVERDUE_MS = 60_000;
const BATCH = 100;

/**
 * Safety net for jobs lost between a commit and its enqueue (a crash right
 * after a submit, or before a finalisation was scheduled). It runs at startup
 * and every minute, across organizations because it is the system acting, not
 * a caller; duplicate jobs are harmless (singleton keys, idempotent workers).
 */
@Injectable()
export class SessionRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionRecovery');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly deadlines: SessionDeadlines,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return; // tests call sweep() themselves
    void this.sweepSafely();
    this.timer = setInterval(() => void this.sweepSafely(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Finalises overdue sessions and re-enqueues grading that never happened; returns what it did. */
  async sweep(now = new Date()): Promise<{ finalised: number; regradeQueued: number }> {
    const graceMs = this.config.sessionGraceSeconds * 1000;
    const overdue = await this.prisma.session.findMany({
      where: { status: 'in_progress', deadlineAt: { lt: new Date(now.getTime() - graceMs) } },
      select: { id: true, organizationId: true },
      take: BATCH,
    });
    let finalised = 0;
    for (const session of overdue) {
      if ((await this.deadlines.finalise({ sessionId: session.id, organizationId: session.organizationId }, now)) === 'finalised') finalised += 1;
    }
    const ungraded = await this.prisma.session.findMany({
      where: { status: 'submitted', submittedAt: { lt: new Date(now.getTime() - GRADING_OVERDUE_MS) } },
      select: { id: true, organizationId: true },
      take: BATCH,
    });
    for (const session of ungraded) {
      await this.jobs.send(GRADE_SESSION_JOB, { sessionId: session.id, organizationId: session.organizationId }, { singletonKey: session.id });
    }
    return { finalised, regradeQueued: ungraded.length };
  }

  private async sweepSafely(): Promise<void> {
    try {
      const { finalised, regradeQueued } = await this.sweep();
      if (finalised || regradeQueued) this.logger.warn({ finalised, regradeQueued }, 'recovered sessions whose jobs were lost');
    } catch (error) {
      this.logger.error({ err: error }, 'session recovery sweep failed');
    }
  }
}
