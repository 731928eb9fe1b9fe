import type { Caller } from '../../auth/caller';
import { ProblemException, type FieldError } from '../../common/problem';
import { resolveItems, ResolveItemsError } from '../draw/resolve-items';
import type { Db } from '../store/interview-record';
import { currentVersions } from '../store/question-pool';
import { planItems, resolveErrors } from './item-plans';
import type { ItemRow } from './item-rows';

/** Any seed proves a draw satisfiable: the assignment fills every slot whenever distinct questions exist at all. */
const VALIDATION_SEED = 'validation';

/**
 * Checks a draft's items against the bank as it is now: explicit questions
 * must be visible to the caller (library or own) and not archived, no
 * question may appear twice, and every draw rule must find enough questions.
 * Throws a 400 naming each offending field.
 */
export async function validateItems(db: Db, caller: Caller, rows: readonly ItemRow[]): Promise<void> {
  const versions = await currentVersions(db, caller, rows.flatMap((row) => (row.questionId ? [row.questionId] : [])));
  const errors: FieldError[] = [];
  rows.forEach((row, index) => {
    if (row.kind !== 'question' || row.questionId === null) return;
    const version = versions.get(row.questionId);
    const pointer = `/items/${index}/questionId`;
    if (!version) errors.push({ pointer, detail: 'is not a question in the library or your organization' });
    else if (version.question.archivedAt) errors.push({ pointer, detail: 'is an archived question' });
  });
  if (errors.length === 0) {
    const planned = await planItems(db, caller, rows, 'current');
    try {
      if (planned.ok) resolveItems(planned.plans, VALIDATION_SEED);
    } catch (error) {
      if (!(error instanceof ResolveItemsError)) throw error;
      errors.push(...resolveErrors(error));
    }
  }
  if (errors.length > 0) {
    throw new ProblemException('validation-failed', `The items have ${errors.length} problem(s): ${errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ')}`, { errors });
  }
}
