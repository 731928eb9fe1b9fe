import type { AuditEvent, ReviewComment, ReviewDecision, ScoreOverride } from '../generated/prisma/client';
import type { Agreement } from './calibration/agreement';
import type { ConceptCalibration } from './calibration/concept-disagreements';
import type { AuditActorDto, AuditEntryDto } from './dto/audit-entry.dto';
import type { CalibrationDto } from './dto/calibration.dto';
import type { CommentDto } from './dto/comment.dto';
import type { DecisionDto } from './dto/decision.dto';
import type { ScoreOverrideDto } from './dto/override.dto';

/** Figures are stored and compared at 4 decimals, like the engine's scores. */
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const round4OrNull = (value: number | null): number | null => (value === null ? null : round4(value));

/** An override with what it needs around it: its item, the score it was based on, and the item's current score. */
export interface OverrideView {
  override: ScoreOverride;
  itemPosition: number;
  itemPoints: number;
  basedOnPoints: number | null;
  currentScore: { id: string; points: number } | null;
}

export function toOverrideDto({ override, itemPosition, itemPoints, basedOnPoints, currentScore }: OverrideView): ScoreOverrideDto {
  const moved = currentScore !== null && basedOnPoints !== null && currentScore.id !== override.basedOnScoreId && round4(currentScore.points) !== round4(basedOnPoints);
  return {
    id: override.id,
    sessionId: override.sessionId,
    itemPosition,
    points: override.points,
    itemPoints,
    reason: override.reason,
    reviewerId: override.reviewerId,
    current: override.current,
    basedOnScoreId: override.basedOnScoreId,
    automaticPointsAtOverride: basedOnPoints,
    automaticPoints: currentScore?.points ?? null,
    automaticScoreMoved: moved,
    createdAt: override.createdAt.toISOString(),
  };
}

export function toCommentDto(comment: ReviewComment, itemPosition: number | null): CommentDto {
  return {
    id: comment.id,
    sessionId: comment.sessionId,
    itemPosition,
    body: comment.body,
    authorId: comment.authorId,
    createdAt: comment.createdAt.toISOString(),
  };
}

export function toDecisionDto(decision: ReviewDecision, current: boolean): DecisionDto {
  return {
    id: decision.id,
    sessionId: decision.sessionId,
    decision: decision.decision,
    note: decision.note,
    reviewerId: decision.reviewerId,
    current,
    createdAt: decision.createdAt.toISOString(),
  };
}

export function toAuditEntryDto(event: AuditEvent, actor: AuditActorDto, itemPosition: number | null): AuditEntryDto {
  return {
    id: event.id,
    at: event.createdAt.toISOString(),
    actor,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    itemPosition,
    before: asObject(event.before),
    after: asObject(event.after),
  };
}

export function toCalibrationDto(questionId: string, version: number | null, gradedItems: number, figures: Agreement, concepts: ConceptCalibration[]): CalibrationDto {
  const difference = (d: Agreement['meanAbsoluteDifference']) => (d === null ? null : { points: round4(d.points), fraction: round4(d.fraction) });
  return {
    questionId,
    version,
    gradedItems,
    overriddenItems: figures.overriddenItems,
    meanAbsoluteDifference: difference(figures.meanAbsoluteDifference),
    meanSignedDifference: difference(figures.meanSignedDifference),
    correlation: round4OrNull(figures.correlation),
    concepts: concepts.map((concept) => ({
      ...concept,
      matched: roundOutcome(concept.matched),
      missed: roundOutcome(concept.missed),
    })),
  };
}

function roundOutcome(outcome: ConceptCalibration['matched']): ConceptCalibration['matched'] {
  return {
    ...outcome,
    movedUp: { count: outcome.movedUp.count, meanDifference: round4OrNull(outcome.movedUp.meanDifference) },
    movedDown: { count: outcome.movedDown.count, meanDifference: round4OrNull(outcome.movedDown.meanDifference) },
  };
}

/** Audit snapshots are objects by convention; a scalar written by someone else is wrapped rather than dropped. */
function asObject(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}
