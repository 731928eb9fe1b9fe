import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { toApiKeyMe, toUserMe } from './auth.mapper';
import type { Caller } from './caller';
import { MeDto } from './dto/me.dto';

@Injectable()
export class MeService {
  constructor(private readonly prisma: PrismaService) {}

  async describe(caller: Caller): Promise<MeDto> {
    const organization = await this.prisma.organization.findUniqueOrThrow({ where: { id: caller.organizationId }, select: { id: true, name: true } });
    if (caller.apiKeyId) {
      const apiKey = await this.prisma.apiKey.findFirstOrThrow({
        where: { id: caller.apiKeyId, organizationId: caller.organizationId },
        select: { id: true, name: true, prefix: true },
      });
      return toApiKeyMe(organization, caller.role, apiKey);
    }
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: caller.userId! },
      select: {
        id: true,
        email: true,
        name: true,
        memberships: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { role: true, organization: { select: { id: true, name: true } } } },
      },
    });
    return toUserMe(organization, caller.role, user);
  }
}
