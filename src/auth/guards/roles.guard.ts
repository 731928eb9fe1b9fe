import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../../common/problem';
import type { Caller, Role } from '../caller';
import { REQUIRED_ROLES } from '../roles.decorator';

/** Global, registered after BearerAuthGuard: enforces @Roles(...) on the authenticated caller. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const caller = context.switchToHttp().getRequest<{ user?: Caller }>().user;
    if (!caller) throw new ProblemException('unauthenticated', 'This route needs an authenticated caller.');
    if (required.includes(caller.role)) return true;
    throw new ProblemException('forbidden', `This needs the role ${required.join(' or ')}; you act as ${caller.role}.`, {
      requiredRoles: required,
    });
  }
}
