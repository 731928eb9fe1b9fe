import { Injectable } from '@nestjs/common';
import { digestsEqual, sha256Hex } from '../../auth/secrets';
import { invalidAccessToken } from '../../auth/tokens/access-tokens';
import { PrismaService } from '../../database/prisma.service';
import type { CandidateCaller } from './candidate-caller';
import { isWellFormedCandidateToken } from './candidate-token';

/** Turns a candidate token into the one session it opens. */
@Injectable()
export class CandidateAuthenticator {
  constructor(private readonly prisma: PrismaService) {}

  async authenticate(token: string, now = new Date()): Promise<CandidateCaller> {
    const presentedHash = isWellFormedCandidateToken(token) ? sha256Hex(token) : null;
    const session = presentedHash
      ? await this.prisma.session.findUnique({
          where: { tokenHash: presentedHash },
          select: { id: true, organizationId: true, tokenHash: true, tokenExpiresAt: true, status: true },
        })
      : null;
    // One answer for unknown, expired and cancelled: nothing to learn by probing.
    if (!session || !presentedHash || !digestsEqual(session.tokenHash, presentedHash) || session.status === 'cancelled' || session.tokenExpiresAt <= now) {
      throw invalidAccessToken('The candidate access token is invalid, has expired, or its session was cancelled.');
    }
    return { sessionId: session.id, organizationId: session.organizationId };
  }
}
