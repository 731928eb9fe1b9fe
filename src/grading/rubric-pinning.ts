/**
 * Which rubric a session item is re-graded with. Pure.
 *
 * Re-grading re-pins each item to its question's CURRENT version:
 * - the question itself gets the current version's rubric;
 * - a follow-up probe gets a rubric suggested afresh from the current
 *   version's probe (the same suggestion publishing uses, see
 *   interviews/draw/probe-items.ts), so a probe keeps its pinned rubric until
 *   its question changes;
 * - an item already pinned to the current version keeps its pin.
 * An item keeps its pin, too, when re-pinning could only grade it against
 * something the candidate was never asked: the current version has no rubric,
 * or the probe at that index now asks another question (or is gone, or has
 * nothing to grade against). `rubricVersionId` is the question version whose
 * content the rubric grades, for probes as for questions.
 */
import { probeRubric } from '../interviews/draw/probe-items';
import type { JsonObject, PoolQuestion } from '../interviews/draw/types';

export interface PinnedItem {
  probeIndex: number | null;
  /** What the candidate was asked: the question's or the probe's prompt. */
  prompt: string;
  rubricVersionId: string;
}

export type KeepReason = 'already-current' | 'no-rubric' | 'probe-changed' | 'probe-ungradeable';

export type Repin = { kind: 'keep'; reason: KeepReason } | { kind: 'repin'; rubric: JsonObject; rubricVersionId: string };

export function repinRubric(item: PinnedItem, current: PoolQuestion): Repin {
  if (item.rubricVersionId === current.versionId) return { kind: 'keep', reason: 'already-current' };
  if (item.probeIndex === null) {
    return current.rubric === null ? { kind: 'keep', reason: 'no-rubric' } : { kind: 'repin', rubric: current.rubric, rubricVersionId: current.versionId };
  }
  const probe = current.probes[item.probeIndex];
  if (!probe || normalize(probe.question) !== normalize(item.prompt)) return { kind: 'keep', reason: 'probe-changed' };
  const rubric = probeRubric(current, item.probeIndex);
  return rubric ? { kind: 'repin', rubric, rubricVersionId: current.versionId } : { kind: 'keep', reason: 'probe-ungradeable' };
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
