import { Inject, Injectable } from '@nestjs/common';
import { invalidAccessToken } from '../../auth/tokens/access-tokens';
import { ProblemException } from '../../common/problem';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PrismaService } from '../../database/prisma.service';
import type { CandidateSessionDto } from '../dto/candidate-session.dto';
import { auditSession } from '../session-audit';
import { deadlineFor, submitter, tokenExpiryOnStart } from '../session-clock';
import { SessionDeadlines } from '../session-deadlines';
import { SessionSubmission } from '../session-submission';
import { toCandidateSessionDto } from '../sessions.mapper';
import type { CandidateCaller } from './candidate-caller';
import { alreadySubmitted, cancelled } from './candidate-problems';

/** What a candidate does with their session: read it, start it, submit it. Saving answers is AnswerDrafts. */
@Injectable()
export class CandidateSessionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly deadlines: SessionDeadlines,
    private readonly submission: SessionSubmission,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(candidate: CandidateCaller, now = new Date()): Promise<CandidateSessionDto> {
    const session = await this.prisma.session.findFirst({
      where: { id: candidate.sessionId, organizationId: candidate.organizationId },
      include: { interview: { select: { title: true, description: true, timeLimitMinutes: true } }, _count: { select: { items: true } } },
    });
    if (!session) throw invalidAccessToken('This session no longer exists.');
    // Prompts are revealed only once the clock runs. Only candidate-safe
    // columns are selected: the rubric never leaves the database here.
    const items =
      session.status === 'invited'
        ? []
        : await this.prisma.sessionItem.findMany({
            where: { sessionId: session.id },
            orderBy: { position: 'asc' },
            select: { position: true, prompt: true, section: true, probeIndex: true, points: true, answer: { select: { text: true, revision: true, updatedAt: true } } },
          });
    return toCandidateSessionDto({ session, interview: session.interview, itemCount: session._count.items, items, graceSeconds: this.config.sessionGraceSeconds, now });
  }

  /** Idempotent: the first call sets the deadline; later ones return the running session. */
  async start(candidate: CandidateCaller, now = new Date()): Promise<CandidateSessionDto> {
    const session = await this.prisma.session.findFirst({
      where: { id: candidate.sessionId, organizationId: candidate.organizationId },
      select: { status: true, tokenExpiresAt: true, interview: { select: { timeLimitMinutes: true } } },
    });
    if (!session) throw invalidAccessToken('This session no longer exists.');
    if (session.status === 'submitted' || session.status === 'graded') throw alreadySubmitted();
    if (session.status === 'cancelled') throw cancelled();
    if (session.status === 'invited') await this.begin(candidate, session.tokenExpiresAt, session.interview.timeLimitMinutes, now);
    return this.view(candidate, now);
  }

  private async begin(candidate: CandidateCaller, tokenExpiresAt: Date, timeLimitMinutes: number, now: Date): Promise<void> {
    if (tokenExpiresAt <= now) throw invalidAccessToken('The invitation has expired; ask for a new one.');
    const deadlineAt = deadlineFor(now, timeLimitMinutes);
    // Scheduled before the start commits: if enqueueing fails nothing has
    // started, and a job for a start that lost a race finds nothing to do.
    await this.deadlines.schedule(candidate, deadlineAt, now);
    await this.prisma.$transaction(async (tx) => {
      const [started] = await tx.session.updateManyAndReturn({
        where: { id: candidate.sessionId, organizationId: candidate.organizationId, status: 'invited', tokenExpiresAt: { gt: now } },
        data: { status: 'in_progress', startedAt: now, deadlineAt, tokenExpiresAt: tokenExpiryOnStart(tokenExpiresAt, deadlineAt, this.config.sessionGraceSeconds) },
        select: { id: true },
      });
      if (!started) return; // A concurrent start won; the view shows its deadline.
      await auditSession(tx, {
        organizationId: candidate.organizationId,
        sessionId: candidate.sessionId,
        action: 'session.started',
        actor: null,
        before: { status: 'invited' },
        after: { status: 'in_progress', deadlineAt: deadlineAt.toISOString() },
      });
    });
  }

  /** Idempotent: a second submit returns the submitted session unchanged. After the deadline it counts as finalised by the deadline. */
  async submit(candidate: CandidateCaller, now = new Date()): Promise<CandidateSessionDto> {
    const session = await this.prisma.session.findFirst({
      where: { id: candidate.sessionId, organizationId: candidate.organizationId },
      select: { status: true, deadlineAt: true },
    });
    if (!session) throw invalidAccessToken('This session no longer exists.');
    if (session.status === 'invited') throw new ProblemException('session-not-started', 'Start the session (POST /v1/candidate/session/start) before submitting it.');
    if (session.status === 'in_progress') {
      await this.submission.submit(candidate, submitter(session.deadlineAt, now, this.config.sessionGraceSeconds), now);
    }
    const view = await this.view(candidate, now);
    if (view.status === 'cancelled') throw cancelled();
    return view;
  }
}
