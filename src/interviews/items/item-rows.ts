import type { InterviewItemKind, Level } from '../../generated/prisma/client';
import { levelRange } from '../draw/level-range';
import type { InterviewItemInputDto } from '../dto/interview-item-input.dto';
import { DEFAULT_POINTS, DEFAULT_WEIGHT } from '../dto/limits';
import type { DrawFilter } from '../store/question-pool';

/** An item as stored, minus its ids: what a client's input becomes, with defaults applied and levels widened to their range. */
export interface ItemRow {
  position: number;
  kind: InterviewItemKind;
  questionId: string | null;
  questionVersionId: string | null;
  drawCount: number | null;
  drawSection: string | null;
  drawLevels: Level[];
  drawTag: string | null;
  weight: number;
  points: number;
  includeProbes: boolean;
}

export function toItemRows(inputs: readonly InterviewItemInputDto[]): ItemRow[] {
  return inputs.map((input, index) => {
    const common = {
      position: index + 1,
      questionVersionId: null,
      weight: input.weight ?? DEFAULT_WEIGHT,
      points: input.points ?? DEFAULT_POINTS,
      includeProbes: input.includeProbes ?? false,
    };
    if (input.kind === 'question') {
      return { ...common, kind: 'question', questionId: input.questionId ?? null, drawCount: null, drawSection: null, drawLevels: [], drawTag: null };
    }
    return {
      ...common,
      kind: 'draw',
      questionId: null,
      drawCount: input.count ?? null,
      drawSection: input.section ?? null,
      drawLevels: levelRange(input.levels ?? []),
      drawTag: input.tag ?? null,
    };
  });
}

/** A copy of stored items for a new draft: same items, pins dropped. */
export function copyItemRows(items: readonly ItemRow[]): ItemRow[] {
  return items.map((item) => ({
    position: item.position,
    kind: item.kind,
    questionId: item.questionId,
    questionVersionId: null,
    drawCount: item.drawCount,
    drawSection: item.drawSection,
    drawLevels: [...item.drawLevels],
    drawTag: item.drawTag,
    weight: item.weight,
    points: item.points,
    includeProbes: item.includeProbes,
  }));
}

export function drawFilterOf(item: Pick<ItemRow, 'drawSection' | 'drawLevels' | 'drawTag'>): DrawFilter {
  return { section: item.drawSection, levels: item.drawLevels, tag: item.drawTag };
}
