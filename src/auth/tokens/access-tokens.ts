import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { ProblemException } from '../../common/problem';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { ROLES, type Role } from '../caller';

/** Claims of an access token. `role` is informative: requests use the role in the database. */
export interface AccessTokenClaims {
  sub: string;
  org: string;
  role: Role;
  jti: string;
}

export interface AccessTokenSubject {
  userId: string;
  organizationId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short-lived HS256 JWTs naming a user and the organization they act in. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  issue(userId: string, organizationId: string, role: Role): Promise<string> {
    const claims: Omit<AccessTokenClaims, 'jti'> = { sub: userId, org: organizationId, role };
    return this.jwt.signAsync(claims, { jwtid: randomUUID(), expiresIn: this.config.accessTokenTtlSeconds });
  }

  /** Checks signature, algorithm and expiry; throws `invalid-token` otherwise. */
  async verify(token: string): Promise<AccessTokenSubject> {
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
    } catch {
      throw invalidAccessToken();
    }
    // The signature proves we issued it; the shape check guards the queries
    // that follow against a token from an older, different format.
    const { sub, org, role } = claims;
    if (typeof sub !== 'string' || !UUID.test(sub) || typeof org !== 'string' || !UUID.test(org) || !ROLES.includes(role as Role)) {
      throw invalidAccessToken();
    }
    return { userId: sub, organizationId: org };
  }
}

export function invalidAccessToken(detail = 'The access token is invalid or has expired.'): ProblemException {
  return new ProblemException('invalid-token', detail, { headers: { 'WWW-Authenticate': 'Bearer realm="assay", error="invalid_token"' } });
}
