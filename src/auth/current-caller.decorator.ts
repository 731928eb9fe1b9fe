import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Caller } from './caller';

/** The authenticated caller, as the global guard put it on the request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ user?: Caller }>();
  if (!request.user) throw new Error('CurrentCaller used on a route without authentication.');
  return request.user;
});
