import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { CandidateCaller } from './candidate-caller';
import { CandidateAuthenticator } from './candidate-authenticator';

type StrategyRequest = Parameters<Strategy<() => void>['authenticate']>[0];

/** `Authorization: Bearer assay_cs_…` → CandidateCaller on request.user (used by CandidateAuthGuard). */
@Injectable()
export class CandidateStrategy extends PassportStrategy(Strategy, 'candidate') {
  constructor(private readonly candidates: CandidateAuthenticator) {
    super();
  }

  validate(token: string): Promise<CandidateCaller> {
    return this.candidates.authenticate(token);
  }

  /** Header only, as for organization tokens: query strings end up in logs. */
  override authenticate(request: StrategyRequest, options?: object): void {
    const headerOnly = { headers: { authorization: request.headers.authorization } } as StrategyRequest;
    super.authenticate(headerOnly, options);
  }
}
