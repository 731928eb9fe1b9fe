import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProblemException } from '../../common/problem';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import type { Role } from '../caller';
import { TokenPairDto } from '../dto/token-pair.dto';
import { generateOpaqueToken, SECRET_PREFIX, sha256Hex } from '../secrets';
import { AccessTokens } from './access-tokens';

/** The Prisma client or an interactive transaction, so callers can keep their writes atomic. */
export type Db = PrismaService | Prisma.TransactionClient;

export interface SessionSubject {
  userId: string;
  organizationId: string;
  role: Role;
}

type RotationOutcome = { ok: true; subject: SessionSubject; refreshToken: string } | { ok: false; detail: string };

/**
 * A session is one login: a family of refresh tokens, each used once and
 * replaced by the next. Presenting a token that was already replaced means
 * two parties hold the family, so the whole family is revoked.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session; pass the caller's transaction to make it part of their write. */
  async start(db: Db, subject: SessionSubject): Promise<TokenPairDto> {
    const refreshToken = await this.storeRefreshToken(db, subject, randomUUID());
    return this.pair(subject, refreshToken);
  }

  /** Exchanges a refresh token for a new pair, with reuse detection. */
  async refresh(presented: string): Promise<TokenPairDto> {
    const outcome = await this.prisma.$transaction((tx) => this.rotate(tx, presented));
    // Thrown only after the transaction committed, so a family revoked for reuse stays revoked.
    if (!outcome.ok) throw new ProblemException('invalid-token', outcome.detail);
    return this.pair(outcome.subject, outcome.refreshToken);
  }

  /** Ends the session the token belongs to. Unknown tokens are ignored: logging out twice is fine. */
  async end(presented: string): Promise<void> {
    const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: sha256Hex(presented) }, select: { familyId: true } });
    if (row) await this.revokeFamily(this.prisma, row.familyId);
  }

  /** Ends every session a user has in one organization (after they leave it). */
  async endAllFor(db: Db, userId: string, organizationId: string): Promise<void> {
    await db.refreshToken.updateMany({ where: { userId, organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private async rotate(tx: Prisma.TransactionClient, presented: string): Promise<RotationOutcome> {
    const now = new Date();
    const row = await tx.refreshToken.findUnique({ where: { tokenHash: sha256Hex(presented) } });
    if (!row) return { ok: false, detail: 'The refresh token is not valid.' };
    if (row.revokedAt) return { ok: false, detail: 'The refresh token has been revoked.' };
    if (row.rotatedAt) {
      await this.revokeFamily(tx, row.familyId);
      return { ok: false, detail: 'The refresh token was already used; every token of this session has been revoked.' };
    }
    if (row.expiresAt <= now) return { ok: false, detail: 'The refresh token has expired.' };
    // Conditional claim: of two concurrent uses of one token, exactly one
    // wins; the other is reuse and revokes the family.
    const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: now } });
    if (claimed.count === 0) {
      await this.revokeFamily(tx, row.familyId);
      return { ok: false, detail: 'The refresh token was already used; every token of this session has been revoked.' };
    }
    const membership = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: row.organizationId, userId: row.userId } },
      select: { role: true },
    });
    if (!membership) {
      await this.revokeFamily(tx, row.familyId);
      return { ok: false, detail: 'You are no longer a member of this organization.' };
    }
    const subject = { userId: row.userId, organizationId: row.organizationId, role: membership.role };
    return { ok: true, subject, refreshToken: await this.storeRefreshToken(tx, subject, row.familyId) };
  }

  private async storeRefreshToken(db: Db, subject: SessionSubject, familyId: string): Promise<string> {
    const token = generateOpaqueToken(SECRET_PREFIX.refreshToken);
    await db.refreshToken.create({
      data: {
        userId: subject.userId,
        organizationId: subject.organizationId,
        familyId,
        tokenHash: sha256Hex(token),
        expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      },
    });
    return token;
  }

  private async revokeFamily(db: Db, familyId: string): Promise<void> {
    await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  private async pair(subject: SessionSubject, refreshToken: string): Promise<TokenPairDto> {
    return {
      accessToken: await this.accessTokens.issue(subject.userId, subject.organizationId, subject.role),
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: this.config.refreshTokenTtlSeconds,
    };
  }
}
