import { Injectable } from '@nestjs/common';
import type { Caller, Role } from '../auth/caller';
import { Sessions } from '../auth/tokens/sessions';
import { isUniqueViolation } from '../auth/unique-violation';
import { notFound, ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { AddMemberDto } from './dto/add-member.dto';
import { ChangeRoleDto } from './dto/change-role.dto';
import { CreatedInvitationDto } from './dto/invitation.dto';
import { MemberDto, MemberListDto } from './dto/member.dto';
import { InvitationsService } from './invitations.service';
import { toMemberDto } from './members.mapper';
import { lockOrganization } from './organization-lock';
import { removesLastOwner, roleChangeRefusal } from './role-rules';

export type AddMemberOutcome = { kind: 'member'; member: MemberDto } | { kind: 'invitation'; invitation: CreatedInvitationDto };

const withUser = { user: { select: { id: true, email: true, name: true } } } as const;

@Injectable()
export class MembersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly invitations: InvitationsService,
    private readonly sessions: Sessions,
  ) {}

  async list(caller: Caller): Promise<MemberListDto> {
    const rows = await this.prisma.membership.findMany({
      where: { organizationId: caller.organizationId },
      include: withUser,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return { items: rows.map(toMemberDto) };
  }

  /** Someone with an account joins at once; anyone else gets an invitation. */
  async add(caller: Caller, dto: AddMemberDto): Promise<AddMemberOutcome> {
    assertMayChange(caller, null, dto.role);
    const user = await this.prisma.user.findUnique({ where: { email: dto.email }, select: { id: true } });
    if (!user) return { kind: 'invitation', invitation: await this.invitations.invite(caller, dto) };
    try {
      const membership = await this.prisma.membership.create({
        data: { organizationId: caller.organizationId, userId: user.id, role: dto.role },
        include: withUser,
      });
      return { kind: 'member', member: toMemberDto(membership) };
    } catch (error) {
      if (isUniqueViolation(error)) throw new ProblemException('conflict', `${dto.email} is already a member.`);
      throw error;
    }
  }

  async changeRole(caller: Caller, userId: string, dto: ChangeRoleDto): Promise<MemberDto> {
    return this.prisma.$transaction(async (tx) => {
      const membership = await this.lockedMembership(tx, caller, userId);
      assertMayChange(caller, membership.role, dto.role);
      await this.assertOwnerRemains(tx, caller, membership.role, dto.role);
      const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: dto.role }, include: withUser });
      return toMemberDto(updated);
    });
  }

  /** Removes the membership and ends the member's sessions in this organization. */
  async remove(caller: Caller, userId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const membership = await this.lockedMembership(tx, caller, userId);
      assertMayChange(caller, membership.role, null);
      await this.assertOwnerRemains(tx, caller, membership.role, null);
      await tx.membership.delete({ where: { id: membership.id } });
      await this.sessions.endAllFor(tx, userId, caller.organizationId);
    });
  }

  private async lockedMembership(tx: Prisma.TransactionClient, caller: Caller, userId: string) {
    await lockOrganization(tx, caller.organizationId);
    const membership = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId: caller.organizationId, userId } } });
    if (!membership) throw notFound('Member');
    return membership;
  }

  private async assertOwnerRemains(tx: Prisma.TransactionClient, caller: Caller, from: Role, to: Role | null): Promise<void> {
    if (from !== 'owner') return;
    const owners = await tx.membership.count({ where: { organizationId: caller.organizationId, role: 'owner' } });
    if (removesLastOwner(from, to, owners)) {
      throw new ProblemException('conflict', 'This is the organization’s last owner: make someone else an owner first.');
    }
  }
}

function assertMayChange(caller: Caller, from: Role | null, to: Role | null): void {
  const refusal = roleChangeRefusal(caller.role, from, to);
  if (refusal) throw new ProblemException('forbidden', refusal);
}
