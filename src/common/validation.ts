import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from './problem';

/**
 * Whitelisting at the edge: unknown fields are rejected (not silently dropped)
 * so a client learns about a typo instead of losing data.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const summary = fieldErrors.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; ');
      return new ProblemException('validation-failed', `The request has ${fieldErrors.length} invalid field(s): ${summary}`, { errors: fieldErrors });
    },
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const pointer = `${parent}/${escapePointer(error.property)}`;
    for (const message of Object.values(error.constraints ?? {})) {
      result.push({ pointer, detail: message.replace(/^property (\S+) should not exist$/, 'is not a known field') });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, pointer));
  }
  return result;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
