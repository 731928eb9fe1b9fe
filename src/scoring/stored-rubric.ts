/**
 * Checking a rubric document the way the API reports problems: every engine
 * error as a JSON Pointer and a sentence. Pure, so the CLI checks seed and
 * stored rubrics exactly as the API does.
 */
import type { FieldError } from '../common/problem';
import { validateRubric, type Rubric } from './engine';
import { rubricPathToPointer } from './rubric-pointer';

export type RubricCheck = { ok: true; rubric: Rubric } | { ok: false; errors: FieldError[] };

/** `pointerPrefix` locates the rubric inside a request body, e.g. `/rubric`. */
export function checkRubric(json: unknown, pointerPrefix = ''): RubricCheck {
  const result = validateRubric(json);
  if (result.ok) return { ok: true, rubric: result.rubric };
  return { ok: false, errors: result.errors.map((error) => ({ pointer: rubricPathToPointer(error.path, pointerPrefix), detail: error.message })) };
}

export function describeErrors(errors: readonly FieldError[]): string {
  return errors.map((error) => `${error.pointer || '(the rubric)'}: ${error.detail}`).join('; ');
}
