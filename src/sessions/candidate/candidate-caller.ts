import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * A candidate holding a session token. It names exactly one session, so
 * candidate routes take no session id: a candidate can reach only their own.
 */
export interface CandidateCaller {
  sessionId: string;
  organizationId: string;
}

function isCandidateCaller(value: unknown): value is CandidateCaller {
  return typeof value === 'object' && value !== null && 'sessionId' in value && 'organizationId' in value && !('role' in value);
}

/** The candidate the 'candidate' strategy authenticated (routes marked @CandidateRoute()). */
export const CurrentCandidate = createParamDecorator((_data: unknown, context: ExecutionContext): CandidateCaller => {
  const user = context.switchToHttp().getRequest<{ user?: unknown }>().user;
  if (!isCandidateCaller(user)) throw new Error('CurrentCandidate used on a route without @CandidateRoute().');
  return user;
});
