import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../../common/problem';

/** Largest item position accepted; anything above is not a position (and would overflow the int column). */
export const MAX_POSITION = 100_000;

/**
 * An item's position in its session, from the raw path: plain decimal digits only, else a problem+json 400
 * naming the parameter. A custom decorator rather than a pipe on @Param: the global ValidationPipe converts a
 * `number` path parameter first (`Number('1e2')` is 100, `Number('0x10')` is 16), so a pipe would judge the
 * converted value instead of what the client sent. Custom decorators are left alone by that pipe.
 */
export const PositionParam = createParamDecorator((name: string, context: ExecutionContext): number => {
  const raw = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string | undefined> }>>().params[name];
  return parsePosition(name, raw);
});

export function parsePosition(name: string, raw: string | undefined): number {
  const position = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(position <= MAX_POSITION)) {
    throw new ProblemException('validation-failed', `The path parameter ${name} must be an integer from 0 to ${MAX_POSITION}.`, {
      errors: [{ pointer: `path:${name}`, detail: `${name} must be an integer from 0 to ${MAX_POSITION}` }],
    });
  }
  return position;
}
