import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { notFound, ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { InterviewsService } from '../interviews/interviews.service';
import { generateCandidateToken } from './candidate/candidate-token';
import { DEFAULT_INVITE_HOURS, type CandidateDto, type InviteCandidatesDto } from './dto/invite-candidates.dto';
import type { InvitedSessionDto, InvitedSessionListDto } from './dto/session.dto';
import { toInvitedSessionDto } from './sessions.mapper';

const HOUR_MS = 3_600_000;

/** Inviting candidates: one session each, its items resolved now from a fresh seed, its token shown once. */
@Injectable()
export class SessionInvitations {
  constructor(
    private readonly prisma: PrismaService,
    private readonly interviews: InterviewsService,
    private readonly audit: AuditLog,
  ) {}

  /** All or nothing: every candidate of a bulk invitation gets a session, or (on any error) none does. */
  async invite(caller: Caller, interviewId: string, body: InviteCandidatesDto, now = new Date()): Promise<InvitedSessionDto | InvitedSessionListDto> {
    const candidates: CandidateDto[] = body.candidates ?? [{ candidateName: body.candidateName ?? '', candidateEmail: body.candidateEmail ?? '' }];
    const tokenExpiresAt = new Date(now.getTime() + (body.expiresInHours ?? DEFAULT_INVITE_HOURS) * HOUR_MS);
    const invited = await this.prisma.$transaction(
      async (tx) => {
        // FOR SHARE: the interview cannot be archived half-way through a bulk invitation.
        const [interview] = await tx.$queryRaw<{ status: string }[]>`
          SELECT status::text AS status FROM interviews WHERE id = ${interviewId}::uuid AND organization_id = ${caller.organizationId}::uuid FOR SHARE`;
        if (!interview) throw notFound(`Interview ${interviewId}`);
        if (interview.status !== 'published') {
          throw new ProblemException('conflict', `The interview is ${interview.status}; only published interviews accept candidates.`);
        }
        const created: InvitedSessionDto[] = [];
        for (const candidate of candidates) {
          const { token, tokenHash } = generateCandidateToken();
          const drawSeed = randomBytes(16).toString('hex');
          // Draw rules resolve against the bank as it is now; the seed reproduces this candidate's set.
          const items = await this.interviews.resolveSessionItems(caller, interviewId, drawSeed, tx);
          const session = await tx.session.create({
            data: {
              organizationId: caller.organizationId,
              interviewId,
              candidateName: candidate.candidateName,
              candidateEmail: candidate.candidateEmail,
              tokenHash,
              tokenExpiresAt,
              drawSeed,
              createdById: caller.userId,
              items: { createMany: { data: items } },
            },
            include: { _count: { select: { items: true } } },
          });
          await this.audit.record(
            caller,
            { entityType: 'session', entityId: session.id, action: 'session.invited', after: { interviewId, status: 'invited', itemCount: items.length, tokenExpiresAt: tokenExpiresAt.toISOString() } },
            tx,
          );
          created.push(toInvitedSessionDto(session, token));
        }
        return created;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    return body.candidates ? { items: invited } : invited[0];
  }
}
