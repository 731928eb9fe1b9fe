import { Inject, Injectable } from '@nestjs/common';
import { invalidAccessToken } from '../../auth/tokens/access-tokens';
import { notFound, ProblemException } from '../../common/problem';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PrismaService } from '../../database/prisma.service';
import type { SessionStatus } from '../../generated/prisma/client';
import type { SavedAnswerDto } from '../dto/candidate-session.dto';
import type { SaveAnswerDto } from '../dto/save-answer.dto';
import { saveRefusal, savesCloseAt, type SaveRefusal } from '../session-clock';
import { toSavedAnswerDto } from '../sessions.mapper';
import type { CandidateCaller } from './candidate-caller';
import { alreadySubmitted, cancelled } from './candidate-problems';

interface LockedSession {
  status: SessionStatus;
  deadline_at: Date | null;
}

/**
 * Saves drafts. Each save runs in one transaction that holds the session row
 * FOR SHARE (so a submit or the deadline cannot finish while it is in
 * flight, and once they have, the save sees it) and the item row FOR UPDATE
 * (so racing saves of one answer queue up and get consecutive revisions).
 * A save that answered 200 is therefore always in the submitted answer.
 */
@Injectable()
export class AnswerDrafts {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async save(candidate: CandidateCaller, position: number, body: SaveAnswerDto): Promise<SavedAnswerDto> {
    return this.prisma.$transaction(
      async (tx) => {
        const [session] = await tx.$queryRaw<LockedSession[]>`
          SELECT status, deadline_at FROM sessions
          WHERE id = ${candidate.sessionId}::uuid AND organization_id = ${candidate.organizationId}::uuid
          FOR SHARE`;
        if (!session) throw invalidAccessToken('This session no longer exists.');
        // The clock is read once the lock is held: time spent waiting counts.
        const now = new Date();
        const refusal = saveRefusal({ status: session.status, deadlineAt: session.deadline_at }, now, this.config.sessionGraceSeconds);
        if (refusal) throw this.refused(refusal, session.deadline_at);

        const [item] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM session_items WHERE session_id = ${candidate.sessionId}::uuid AND position = ${position} FOR UPDATE`;
        if (!item) throw notFound(`Item ${position} of your session`);
        const answer = await tx.answer.findUnique({ where: { sessionItemId: item.id }, select: { id: true, text: true, revision: true, updatedAt: true } });
        const current = answer ?? { id: null, text: '', revision: 0, updatedAt: null };

        // The same text again (a retry, an autosave with no edit) stores nothing, whatever baseRevision says.
        if (current.text === body.text) {
          return toSavedAnswerDto({ position, revision: current.revision, changed: false, savedAt: current.updatedAt, deadlineAt: session.deadline_at, now });
        }
        if (body.baseRevision !== undefined && body.baseRevision !== current.revision) {
          throw new ProblemException(
            'revision-conflict',
            `This draft was edited from revision ${body.baseRevision}, but revision ${current.revision} is saved (from another tab or device?). Nothing was overwritten; reload, or save again without baseRevision to keep this text.`,
            { currentRevision: current.revision },
          );
        }
        const revision = current.revision + 1;
        const saved = current.id
          ? await tx.answer.update({ where: { id: current.id }, data: { text: body.text, revision }, select: { id: true, updatedAt: true } })
          : await tx.answer.create({ data: { sessionItemId: item.id, sessionId: candidate.sessionId, text: body.text, revision }, select: { id: true, updatedAt: true } });
        await tx.answerRevision.create({ data: { answerId: saved.id, revision, text: body.text } });
        return toSavedAnswerDto({ position, revision, changed: true, savedAt: saved.updatedAt, deadlineAt: session.deadline_at, now });
      },
      // Racing saves wait on each other's row lock inside the transaction.
      { maxWait: 10_000, timeout: 20_000 },
    );
  }

  private refused(refusal: SaveRefusal, deadlineAt: Date | null): ProblemException {
    switch (refusal) {
      case 'session-not-started':
        return new ProblemException('session-not-started', 'Start the session (POST /v1/candidate/session/start) before saving answers.');
      case 'session-submitted':
        return alreadySubmitted();
      case 'session-cancelled':
        return cancelled();
      case 'deadline-passed': {
        const closed = deadlineAt ? savesCloseAt(deadlineAt, this.config.sessionGraceSeconds) : null;
        return new ProblemException(
          'deadline-passed',
          `The deadline${deadlineAt ? ` (${deadlineAt.toISOString()})` : ''} and its ${this.config.sessionGraceSeconds} s grace have passed, so this draft was not saved. ` +
            'The drafts you saved before then are kept and will be graded.',
          { deadlineAt: deadlineAt?.toISOString() ?? null, savesClosedAt: closed?.toISOString() ?? null },
        );
      }
    }
  }
}
