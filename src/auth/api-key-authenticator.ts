import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { parseApiKeyPrefix } from './api-key-format';
import type { Caller } from './caller';
import { digestsEqual, sha256Hex } from './secrets';
import { invalidAccessToken } from './tokens/access-tokens';

/** lastUsedAt is a hint for people auditing keys; minute precision spares a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly prisma: PrismaService) {}

  async authenticate(presented: string): Promise<Caller> {
    const prefix = parseApiKeyPrefix(presented);
    const key = prefix ? await this.prisma.apiKey.findUnique({ where: { prefix } }) : null;
    // One answer for unknown, wrong and revoked keys: nothing to learn by probing.
    if (!key || !digestsEqual(key.secretHash, sha256Hex(presented)) || key.revokedAt) {
      throw invalidAccessToken('The API key is invalid or has been revoked.');
    }
    const now = Date.now();
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
    }
    return { organizationId: key.organizationId, role: key.role, userId: null, apiKeyId: key.id };
  }
}
