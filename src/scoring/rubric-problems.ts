import type { FieldError } from '../common/problem';
import { ProblemException } from '../common/problem';
import { describeErrors } from './stored-rubric';

export function invalidRubric(errors: FieldError[]): ProblemException {
  return new ProblemException('validation-failed', `The rubric has ${errors.length} problem(s): ${describeErrors(errors)}`, { errors });
}

export function noRubric(questionId: string): ProblemException {
  return new ProblemException(
    'not-found',
    `Question ${questionId} has no rubric yet. Write one with PUT /v1/questions/${questionId}/rubric (POST …/rubric/suggest drafts one from the model answer).`,
  );
}

/** A stored rubric the engine rejects (attached before validation, or by an older engine): fix it with PUT. */
export function brokenStoredRubric(questionId: string, errors: FieldError[], version?: number): ProblemException {
  const which = version === undefined ? 'current version' : `version ${version}`;
  return new ProblemException(
    'conflict',
    `The rubric of question ${questionId} (${which}) is not valid: ${describeErrors(errors)}. Replace it with PUT /v1/questions/${questionId}/rubric.`,
    { errors },
  );
}
