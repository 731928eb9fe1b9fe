import type { ApiKey } from '../generated/prisma/client';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

/** The only place ApiKey rows become response bodies; secretHash never leaves. */
export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export function toCreatedApiKeyDto(key: ApiKey, secret: string): CreatedApiKeyDto {
  return { id: key.id, name: key.name, prefix: key.prefix, role: key.role, createdAt: key.createdAt.toISOString(), secret };
}
