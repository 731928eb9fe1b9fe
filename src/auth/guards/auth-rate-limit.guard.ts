import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../../common/problem';
import { AuthRateLimiter } from './auth-rate-limiter';

/**
 * Throttles routes that take credentials or mint sessions (signup, login,
 * refresh, accepting invitations): config.authRateLimitPerMinute requests
 * per client IP and route, in fixed one-minute windows.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: AuthRateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const verdict = this.limiter.hit(request.routeOptions.url ?? request.url, request.ip);
    if (verdict.allowed) return true;
    throw new ProblemException('rate-limited', `Too many attempts from your address; try again in ${verdict.retryAfterSeconds} s.`, {
      headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
    });
  }
}
