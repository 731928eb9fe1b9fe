import type { Invitation, Membership, User } from '../generated/prisma/client';
import { CreatedInvitationDto, InvitationDto, InvitationStatus } from './dto/invitation.dto';
import { MemberDto } from './dto/member.dto';

/** The only place membership and invitation rows become response bodies. */
export function toMemberDto(membership: Membership & { user: Pick<User, 'id' | 'email' | 'name'> }): MemberDto {
  return {
    userId: membership.user.id,
    email: membership.user.email,
    name: membership.user.name,
    role: membership.role,
    joinedAt: membership.createdAt.toISOString(),
  };
}

export function invitationStatus(invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}

export function toInvitationDto(invitation: Invitation, now: Date): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    status: invitationStatus(invitation, now),
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: invitation.revokedAt?.toISOString() ?? null,
  };
}

export function toCreatedInvitationDto(invitation: Invitation, token: string, now: Date): CreatedInvitationDto {
  return { ...toInvitationDto(invitation, now), token };
}
