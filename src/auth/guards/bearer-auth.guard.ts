import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ProblemException } from '../../common/problem';
import type { Caller } from '../caller';
import { IS_CANDIDATE_ROUTE } from '../candidate-route.decorator';
import { IS_PUBLIC } from '../public.decorator';

/**
 * Global: every route needs a bearer credential unless marked @Public() or
 * @CandidateRoute() (which brings its own guard).
 * Opt-out rather than opt-in, so a new route is never public by omission.
 */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    // Candidate routes authenticate with their own guard (see @CandidateRoute()).
    const isCandidateRoute = this.reflector.getAllAndOverride<boolean | undefined>(IS_CANDIDATE_ROUTE, [context.getHandler(), context.getClass()]);
    if (isCandidateRoute) return true;
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser = Caller>(error: unknown, caller: TUser | false): TUser {
    if (error) throw error;
    if (!caller) {
      throw new ProblemException('unauthenticated', 'Send an access token or API key as `Authorization: Bearer <token>`.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="assay"' },
      });
    }
    return caller;
  }
}
