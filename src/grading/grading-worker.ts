import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.service';
import { GRADE_SESSION_JOB, isSessionJobData, REGRADE_BATCH_SIZE, REGRADE_SESSIONS_JOB, type GradingMode, type SessionJobData } from './grading-jobs';
import { SessionGrader } from './session-grader.service';

/** Consumes the grading jobs. Every handler is idempotent: pg-boss retries a job whose handler throws. */
@Injectable()
export class GradingWorker {
  private readonly logger = new Logger('Grading');

  constructor(
    private readonly jobs: JobQueue,
    private readonly grader: SessionGrader,
  ) {}

  async register(): Promise<void> {
    await this.jobs.work<SessionJobData>(GRADE_SESSION_JOB, (data, job) => this.handle(data, job.id, 'grade'));
    await this.jobs.work<SessionJobData>(REGRADE_SESSIONS_JOB, (data, job) => this.handle(data, job.id, 'regrade'), { batchSize: REGRADE_BATCH_SIZE });
  }

  private async handle(data: unknown, jobId: string, mode: GradingMode): Promise<void> {
    // Job data comes back from the database: a malformed payload can never succeed, so it is dropped, not retried.
    if (!isSessionJobData(data)) {
      this.logger.warn({ msg: 'dropped a grading job without a valid session', jobId, mode });
      return;
    }
    const outcome = await this.grader.grade(data, mode);
    this.logger.log({ msg: 'grading job done', jobId, mode, sessionId: data.sessionId, ...outcome });
  }
}
