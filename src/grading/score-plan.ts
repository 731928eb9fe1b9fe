/**
 * Decides, for each item of a session, which automatic score should be
 * current, and scores only what has never been scored: an item whose answer
 * revision, pinned rubric and engine version were graded before reuses that
 * score. This is what makes a retried or duplicated grading a no-op. Pure.
 */
import { ENGINE_VERSION, scoreAnswer, type FlagCode, type ScoreResult } from '../scoring/engine';
import type { RubricCache } from './rubric-cache';

export interface GradableItem {
  id: string;
  position: number;
  prompt: string;
  /** What the item is worth. */
  points: number;
  rubric: unknown;
  rubricVersionId: string;
  /** The candidate's current answer; null when they never saved one. */
  answer: { text: string; revision: number } | null;
}

/** The identity of a grading: the same answer, rubric and engine always score the same. */
export interface ScoreKey {
  sessionItemId: string;
  rubricVersionId: string;
  engineVersion: string;
  answerRevision: number;
}

export interface KnownScore extends ScoreKey {
  id: string;
  points: number;
}

export interface NewScore extends ScoreKey {
  score: number;
  maxScore: number;
  fraction: number;
  /** fraction × the item's points. */
  points: number;
  result: ScoreResult;
}

export type ItemPlan<I extends GradableItem = GradableItem> =
  | { kind: 'reuse'; item: I; key: ScoreKey; points: number; scoreId: string }
  | { kind: 'score'; item: I; key: ScoreKey; points: number; score: NewScore; flags: FlagCode[] };

/** An item nobody answered is graded as the empty string: 0 points, flagged `empty` by the engine. */
export const NO_ANSWER_REVISION = 0;

export function keyOf(item: GradableItem, engineVersion = ENGINE_VERSION): ScoreKey {
  return { sessionItemId: item.id, rubricVersionId: item.rubricVersionId, engineVersion, answerRevision: item.answer?.revision ?? NO_ANSWER_REVISION };
}

export function sameKey(a: ScoreKey, b: ScoreKey): boolean {
  return a.sessionItemId === b.sessionItemId && a.rubricVersionId === b.rubricVersionId && a.engineVersion === b.engineVersion && a.answerRevision === b.answerRevision;
}

export function planScores<I extends GradableItem>(items: readonly I[], known: readonly KnownScore[], rubrics: RubricCache): ItemPlan<I>[] {
  return items.map((item): ItemPlan<I> => {
    const key = keyOf(item);
    const existing = known.find((score) => sameKey(score, key));
    if (existing) return { kind: 'reuse', item, key, points: existing.points, scoreId: existing.id };
    const result = scoreAnswer(rubrics.get(item.rubric), { prompt: item.prompt, answer: item.answer?.text ?? '' });
    const points = result.fraction * item.points;
    return {
      kind: 'score',
      item,
      key,
      points,
      score: { ...key, engineVersion: result.engineVersion, score: result.score, maxScore: result.maxScore, fraction: result.fraction, points, result },
      flags: result.flags.map((flag) => flag.code),
    };
  });
}
