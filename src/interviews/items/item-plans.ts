import type { Caller } from '../../auth/caller';
import { ProblemException, type FieldError } from '../../common/problem';
import type { VersionWithQuestion } from '../../questions/question-record';
import { ResolveItemsError, type ResolveProblem } from '../draw/resolve-items';
import type { ItemPlan, PoolQuestion } from '../draw/types';
import type { Db } from '../store/interview-record';
import { currentVersions, drawPool, toPoolQuestion, versionsById } from '../store/question-pool';
import { drawFilterOf, type ItemRow } from './item-rows';

/** An item to plan: a stored item (with its id) or a client's input not stored yet. */
export type PlannableItem = ItemRow & { id?: string };

/**
 * Which version an explicit item stands for: the version pinned at publish,
 * or (for drafts, which have no pins) the question's current version.
 */
export type VersionChoice = 'pinned' | 'current';

/**
 * One plan per item, index for index (so the resolver's item indexes are the
 * items'), or, when some explicit question cannot be found among those the
 * caller may see, the indexes of those items and no plans at all.
 */
export type PlannedItems = { ok: true; plans: ItemPlan[] } | { ok: false; unresolved: number[] };

/** Builds the draw resolver's input from items: explicit items with their question version, draw rules with their current pools. */
export async function planItems(db: Db, caller: Caller, items: readonly PlannableItem[], versions: VersionChoice): Promise<PlannedItems> {
  const explicit = items.filter((item) => item.kind === 'question');
  const found: Map<string, VersionWithQuestion> =
    versions === 'pinned'
      ? await versionsById(db, caller, explicit.flatMap((item) => (item.questionVersionId ? [item.questionVersionId] : [])))
      : await currentVersions(db, caller, explicit.flatMap((item) => (item.questionId ? [item.questionId] : [])));
  const pools = new Map<string, Promise<PoolQuestion[]>>();
  const poolFor = (item: ItemRow) => {
    const key = JSON.stringify(drawFilterOf(item));
    if (!pools.has(key)) pools.set(key, drawPool(db, caller, drawFilterOf(item)));
    return pools.get(key) ?? Promise.resolve([]);
  };

  const plans: ItemPlan[] = [];
  const unresolved: number[] = [];
  for (const [index, item] of items.entries()) {
    const common = { interviewItemId: item.id ?? `item-${index}`, weight: item.weight, points: item.points, includeProbes: item.includeProbes };
    if (item.kind === 'draw') {
      plans.push({ ...common, kind: 'draw', count: item.drawCount ?? 0, pool: await poolFor(item) });
      continue;
    }
    const key = versions === 'pinned' ? item.questionVersionId : item.questionId;
    const version = key ? found.get(key) : undefined;
    if (version) plans.push({ ...common, kind: 'question', question: toPoolQuestion(version) });
    else unresolved.push(index);
  }
  return unresolved.length > 0 ? { ok: false, unresolved } : { ok: true, plans };
}

/** Explicit items whose question the caller can no longer see, as field errors. */
export function unresolvedErrors(indexes: readonly number[]): FieldError[] {
  return indexes.map((index) => ({ pointer: `/items/${index}/questionId`, detail: 'is no longer a question in the library or your organization' }));
}

/** The resolver's problems as field errors on the items array. */
export function resolveErrors(error: ResolveItemsError): FieldError[] {
  return error.problems.map((problem) => fieldErrorFor(problem));
}

function fieldErrorFor(problem: ResolveProblem): FieldError {
  if (problem.kind === 'duplicate-question') {
    return { pointer: `/items/${problem.itemIndex}/questionId`, detail: `repeats the question of item ${problem.firstItemIndex} (a question and its fork count as one)` };
  }
  const detail =
    problem.available < problem.count
      ? `draws ${problem.count} question(s) but only ${problem.available} match (library and your organization, not archived, with a rubric, not already an explicit item)`
      : `draws ${problem.count} question(s) from ${problem.available} matching ones, but other draw rules of this interview need the same questions`;
  return { pointer: `/items/${problem.itemIndex}/count`, detail };
}

/** Publishing or previewing found items that can no longer be resolved: a 409, with the items named. */
export function unresolvable(action: string, errors: FieldError[]): ProblemException {
  return new ProblemException('conflict', `Cannot ${action}: ${errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ')}`, { errors });
}
