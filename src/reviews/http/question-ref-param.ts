import { Param, type PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../common/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Slugs are kebab-case words (see questions/parser/slug.ts); the bound is generous, the alphabet is not. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/i;

/**
 * A question id or slug. Checked before it reaches a query: a NUL byte or other
 * text PostgreSQL cannot store would otherwise fail deep in the driver.
 */
class QuestionRefPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (UUID.test(value) || SLUG.test(value)) return value;
    throw new ProblemException('validation-failed', `The path parameter ${this.name} must be a question id (UUID) or slug.`, {
      errors: [{ pointer: `path:${this.name}`, detail: `${this.name} must be a question id (UUID) or slug` }],
    });
  }
}

export const QuestionRefParam = (name: string) => Param(name, new QuestionRefPipe(name));
