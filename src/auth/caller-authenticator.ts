import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { looksLikeApiKey } from './api-key-format';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import type { Caller } from './caller';
import { AccessTokens, invalidAccessToken } from './tokens/access-tokens';

/** Turns a bearer credential (access token or API key) into the Caller it stands for. */
@Injectable()
export class CallerAuthenticator {
  constructor(
    private readonly prisma: PrismaService,
    private readonly accessTokens: AccessTokens,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async authenticate(token: string): Promise<Caller> {
    if (looksLikeApiKey(token)) return this.apiKeys.authenticate(token);
    const { userId, organizationId } = await this.accessTokens.verify(token);
    // The token outlives role changes and removals by up to its TTL; the
    // membership row (a unique-index lookup) is the truth on every request.
    const membership = await this.prisma.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      select: { role: true },
    });
    if (!membership) throw invalidAccessToken('You are no longer a member of this organization.');
    return { organizationId, role: membership.role, userId, apiKeyId: null };
  }
}
