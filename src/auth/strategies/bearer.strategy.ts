import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { Caller } from '../caller';
import { CallerAuthenticator } from '../caller-authenticator';

type StrategyRequest = Parameters<Strategy<() => void>['authenticate']>[0];

/** `Authorization: Bearer <access token | API key>` → Caller on request.user. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly callers: CallerAuthenticator) {
    super();
  }

  validate(token: string): Promise<Caller> {
    return this.callers.authenticate(token);
  }

  /**
   * passport-http-bearer also accepts `?access_token=` and a body field of
   * that name. Query strings end up in access logs and the body field would
   * slip past DTO whitelisting, so only the header is shown to it.
   */
  override authenticate(request: StrategyRequest, options?: object): void {
    const headerOnly = { headers: { authorization: request.headers.authorization } } as StrategyRequest;
    super.authenticate(headerOnly, options);
  }
}
