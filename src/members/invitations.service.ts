import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { TokenPairDto } from '../auth/dto/token-pair.dto';
import { PasswordHasher } from '../auth/passwords';
import { generateOpaqueToken, SECRET_PREFIX, sha256Hex } from '../auth/secrets';
import { Sessions } from '../auth/tokens/sessions';
import { isUniqueViolation } from '../auth/unique-violation';
import { notFound, ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Invitation, User } from '../generated/prisma/client';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { AddMemberDto } from './dto/add-member.dto';
import { CreatedInvitationDto, InvitationListDto } from './dto/invitation.dto';
import { toCreatedInvitationDto, toInvitationDto } from './members.mapper';
import { lockOrganization } from './organization-lock';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const UNUSABLE_INVITATION = 'The invitation is invalid, expired, revoked or already accepted.';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  /** Invites an email without an account; the token is in the answer and nowhere else. */
  async invite(caller: Caller, dto: AddMemberDto): Promise<CreatedInvitationDto> {
    const token = generateOpaqueToken(SECRET_PREFIX.invitation);
    const now = new Date();
    return this.prisma.$transaction(async (tx) => {
      await lockOrganization(tx, caller.organizationId);
      const pending = await tx.invitation.findFirst({
        where: { organizationId: caller.organizationId, email: dto.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        select: { id: true },
      });
      if (pending) {
        throw new ProblemException('conflict', `${dto.email} already has a pending invitation (${pending.id}); revoke it to send a new one.`);
      }
      const invitation = await tx.invitation.create({
        data: {
          organizationId: caller.organizationId,
          email: dto.email,
          role: dto.role,
          name: dto.name ?? null,
          tokenHash: sha256Hex(token),
          invitedById: caller.userId,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        },
      });
      return toCreatedInvitationDto(invitation, token, now);
    });
  }

  async list(caller: Caller): Promise<InvitationListDto> {
    const now = new Date();
    const rows = await this.prisma.invitation.findMany({
      where: { organizationId: caller.organizationId },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return { items: rows.map((row) => toInvitationDto(row, now)) };
  }

  /** Revoking twice is harmless; an accepted invitation is history and cannot be revoked. */
  async revoke(caller: Caller, id: string): Promise<void> {
    const invitation = await this.prisma.invitation.findFirst({ where: { id, organizationId: caller.organizationId } });
    if (!invitation) throw notFound('Invitation');
    if (invitation.acceptedAt) throw new ProblemException('conflict', 'The invitation was already accepted; remove the member instead.');
    await this.prisma.invitation.updateMany({ where: { id, organizationId: caller.organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /**
   * Joins the inviting organization and logs in there. A new email gets an
   * account; an existing account must prove itself with its password.
   */
  async accept(dto: AcceptInvitationDto): Promise<TokenPairDto> {
    const invitation = await this.prisma.invitation.findUnique({ where: { tokenHash: sha256Hex(dto.token) } });
    if (!invitation || !isUsable(invitation, new Date())) throw new ProblemException('invalid-token', UNUSABLE_INVITATION);
    const existing = await this.prisma.user.findUnique({ where: { email: invitation.email } });
    const newAccount = existing ? null : await this.prepareAccount(invitation, dto);
    if (existing && !(await this.passwords.verify(existing.passwordHash, dto.password))) {
      throw new ProblemException('invalid-credentials', `${invitation.email} already has an account: give its password to accept.`);
    }
    try {
      return await this.prisma.$transaction(async (tx) => {
        // Claimed conditionally, so one token admits exactly one acceptance.
        const claimed = await tx.invitation.updateMany({
          where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          data: { acceptedAt: new Date() },
        });
        if (claimed.count === 0) throw new ProblemException('invalid-token', UNUSABLE_INVITATION);
        const user: Pick<User, 'id'> = existing ?? (await tx.user.create({ data: { email: invitation.email, ...newAccount! }, select: { id: true } }));
        // Someone added directly after being invited keeps the role they already have.
        const membership = await tx.membership.upsert({
          where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
          create: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
          update: {},
        });
        return this.sessions.start(tx, { userId: user.id, organizationId: membership.organizationId, role: membership.role });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ProblemException('conflict', `An account for ${invitation.email} was created meanwhile; accept again with its password.`);
      }
      throw error;
    }
  }

  private async prepareAccount(invitation: Invitation, dto: AcceptInvitationDto): Promise<{ name: string; passwordHash: string }> {
    const name = dto.name ?? invitation.name;
    if (!name) {
      throw new ProblemException('validation-failed', 'The request has 1 invalid field(s): /name: name is required for a new account', {
        errors: [{ pointer: '/name', detail: 'name is required for a new account' }],
      });
    }
    return { name, passwordHash: await this.passwords.hash(dto.password) };
  }
}

function isUsable(invitation: Invitation, now: Date): boolean {
  return !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > now;
}
