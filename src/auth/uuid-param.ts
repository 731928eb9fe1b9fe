import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from '../common/problem';

/**
 * A path parameter that must be a UUID. Anything else is a problem+json 400
 * naming the parameter, instead of reaching a uuid column and failing there.
 */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ProblemException('validation-failed', `The path parameter ${name} must be a UUID.`, {
          errors: [{ pointer: `path:${name}`, detail: `${name} must be a UUID` }],
        }),
    }),
  );
