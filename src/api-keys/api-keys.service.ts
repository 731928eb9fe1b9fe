import { Injectable } from '@nestjs/common';
import { generateApiKey } from '../auth/api-key-format';
import type { Caller } from '../auth/caller';
import { notFound } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { toApiKeyDto, toCreatedApiKeyDto } from './api-keys.mapper';
import { ApiKeyListDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@Injectable()
export class ApiKeysService {
  constructor(private readonly prisma: PrismaService) {}

  async create(caller: Caller, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const { key, prefix, secretHash } = generateApiKey();
    const row = await this.prisma.apiKey.create({
      data: { organizationId: caller.organizationId, name: dto.name, role: dto.role, prefix, secretHash, createdById: caller.userId },
    });
    return toCreatedApiKeyDto(row, key);
  }

  async list(caller: Caller): Promise<ApiKeyListDto> {
    const rows = await this.prisma.apiKey.findMany({ where: { organizationId: caller.organizationId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    return { items: rows.map(toApiKeyDto) };
  }

  /** Takes effect on the key's next request (the guard reads revokedAt every time). Revoking twice keeps the first date. */
  async revoke(caller: Caller, id: string): Promise<void> {
    const key = await this.prisma.apiKey.findFirst({ where: { id, organizationId: caller.organizationId }, select: { id: true } });
    if (!key) throw notFound('API key');
    await this.prisma.apiKey.updateMany({ where: { id, organizationId: caller.organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
  }
}
