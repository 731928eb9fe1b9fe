import type { Prisma } from '../generated/prisma/client';
import type { ItemRow } from './items/item-rows';
import type { Interview } from './store/interview-record';

/** Audit snapshots: the interview's own fields and its items by reference (ids, counts, points), never question text. */
export function interviewSnapshot(interview: Interview): Prisma.InputJsonObject {
  return {
    title: interview.title,
    description: interview.description,
    timeLimitMinutes: interview.timeLimitMinutes,
    passingThreshold: interview.passingThreshold,
    status: interview.status,
  };
}

export function itemsSnapshot(items: readonly ItemRow[]): Prisma.InputJsonArray {
  return items.map((item) =>
    item.kind === 'question'
      ? { kind: item.kind, questionId: item.questionId, questionVersionId: item.questionVersionId, weight: item.weight, points: item.points, includeProbes: item.includeProbes }
      : { kind: item.kind, count: item.drawCount, section: item.drawSection, levels: item.drawLevels, tag: item.drawTag, weight: item.weight, points: item.points, includeProbes: item.includeProbes },
  );
}

export function withItemsSnapshot(interview: Interview & { items: readonly ItemRow[] }): Prisma.InputJsonObject {
  return { ...interviewSnapshot(interview), items: itemsSnapshot(interview.items) };
}

export const INTERVIEW_ENTITY = 'interview';
