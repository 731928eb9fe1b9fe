/**
 * Turns an interview's items into one candidate's session items,
 * deterministically from a seed: the same items, pools and seed always give
 * the same questions in the same order, whatever order the pools came in.
 *
 * - Items keep the interview's order; a draw rule expands to its `count`
 *   questions (in their seeded order), and with `includeProbes` every
 *   question is followed directly by its follow-up probes (see probe-items.ts
 *   for their rubric and points).
 * - No question appears twice in a session: explicit items win over draw
 *   rules, and draw rules never repeat a question, between or within rules.
 *   A question and its fork count as one question (`familyId`).
 * - Each draw rule shuffles its own pool with its own stream of the seed, so
 *   editing one rule does not reshuffle the others.
 */
import { assignDraws } from './assign-draws';
import { withProbes } from './probe-items';
import { seededShuffle, seededStream } from './seeded-random';
import type { DrawPlan, ItemPlan, PoolQuestion, ResolvedItem } from './types';

export type ResolveProblem =
  | { kind: 'duplicate-question'; itemIndex: number; firstItemIndex: number; questionId: string }
  | { kind: 'not-enough-questions'; itemIndex: number; count: number; available: number; unfilled: number };

/** The items cannot be resolved; `problems` says which item and why (item indexes are 0-based into the plans). */
export class ResolveItemsError extends Error {
  constructor(readonly problems: ResolveProblem[]) {
    super(problems.map(describeProblem).join('; '));
    this.name = 'ResolveItemsError';
  }
}

export function resolveItems(plans: readonly ItemPlan[], seed: string): ResolvedItem[] {
  const explicitFamilies = claimExplicitQuestions(plans);
  const draws = plans.flatMap((plan, itemIndex) => (plan.kind === 'draw' ? [{ plan, itemIndex }] : []));
  const orders = draws.map(({ plan, itemIndex }) => preferenceOrder(plan, explicitFamilies, seed, itemIndex));
  const assignment = assignDraws(draws.map(({ plan }, i) => ({ count: plan.count, candidates: orders[i].map((q) => q.familyId) })));

  const shortfalls: ResolveProblem[] = draws.flatMap(({ plan, itemIndex }, i) =>
    assignment.unfilled[i] > 0 ? [{ kind: 'not-enough-questions' as const, itemIndex, count: plan.count, available: orders[i].length, unfilled: assignment.unfilled[i] }] : [],
  );
  if (shortfalls.length > 0) throw new ResolveItemsError(shortfalls);

  const drawn = new Map<number, PoolQuestion[]>();
  draws.forEach(({ itemIndex }, i) => {
    const byFamily = new Map(orders[i].map((question) => [question.familyId, question]));
    drawn.set(itemIndex, assignment.picks[i].flatMap((family) => byFamily.get(family) ?? []));
  });

  const items: ResolvedItem[] = [];
  plans.forEach((plan, itemIndex) => {
    const questions = plan.kind === 'question' ? [plan.question] : (drawn.get(itemIndex) ?? []);
    for (const question of questions) items.push(...expand(plan, question, items.length + 1));
  });
  return items;
}

/** Explicit items reserve their questions; the same question twice is an error, not a silent drop. */
function claimExplicitQuestions(plans: readonly ItemPlan[]): Set<string> {
  const firstIndex = new Map<string, number>();
  const problems: ResolveProblem[] = [];
  plans.forEach((plan, itemIndex) => {
    if (plan.kind !== 'question') return;
    const first = firstIndex.get(plan.question.familyId);
    if (first === undefined) firstIndex.set(plan.question.familyId, itemIndex);
    else problems.push({ kind: 'duplicate-question', itemIndex, firstItemIndex: first, questionId: plan.question.questionId });
  });
  if (problems.length > 0) throw new ResolveItemsError(problems);
  return new Set(firstIndex.keys());
}

/**
 * The rule's pool in a canonical order (by question id, so the database's
 * row order never matters), one entry per question family, without the
 * explicit items' questions, then shuffled by the rule's stream of the seed.
 */
function preferenceOrder(plan: DrawPlan, explicitFamilies: ReadonlySet<string>, seed: string, itemIndex: number): PoolQuestion[] {
  const sorted = [...plan.pool].sort((a, b) => compare(a.questionId, b.questionId) || compare(a.versionId, b.versionId));
  const seen = new Set<string>();
  const unique = sorted.filter((question) => {
    if (seen.has(question.familyId) || explicitFamilies.has(question.familyId)) return false;
    seen.add(question.familyId);
    return true;
  });
  return seededShuffle(unique, seededStream(seed, `draw:${itemIndex}`));
}

function expand(plan: ItemPlan, question: PoolQuestion, firstPosition: number): ResolvedItem[] {
  const base = {
    interviewItemId: plan.interviewItemId,
    questionId: question.questionId,
    questionVersionId: question.versionId,
    section: question.section,
    levels: [...question.levels],
    weight: plan.weight,
    rubricVersionId: question.versionId,
  };
  const split = plan.includeProbes ? withProbes(question, plan.points) : { questionPoints: plan.points, probes: [] };
  return [
    { ...base, position: firstPosition, probeIndex: null, prompt: question.prompt, points: split.questionPoints, rubric: question.rubric },
    ...split.probes.map((probe, i) => ({ ...base, position: firstPosition + 1 + i, probeIndex: probe.probeIndex, prompt: probe.prompt, points: probe.points, rubric: probe.rubric })),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeProblem(problem: ResolveProblem): string {
  if (problem.kind === 'duplicate-question') {
    return `item ${problem.itemIndex} repeats question ${problem.questionId} of item ${problem.firstItemIndex}`;
  }
  return `item ${problem.itemIndex} draws ${problem.count} question(s) but only ${problem.available} match (${problem.unfilled} could not be filled)`;
}
