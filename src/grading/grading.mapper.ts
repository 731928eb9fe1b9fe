import type { ItemScore, ScoreOverride } from '../generated/prisma/client';
import type { GradingScoreDto, GradingEvidenceDto, GradingOverrideDto, GradingItemScoresDto, SessionScoresDto } from './dto/session-scores.dto';
import type { SessionItemScores, SessionScoresSnapshot } from './session-scores.service';
import { round4, sessionTotals } from './totals';

/** The only place grading rows become response bodies. */
export function toSessionScoresDto({ session, items }: SessionScoresSnapshot): SessionScoresDto {
  const totals = sessionTotals(
    items.map(({ item, automatic, override }) => ({ maxPoints: item.points, weight: item.weight, automaticPoints: automatic?.points ?? null, overridePoints: override?.points ?? null })),
    session.passingThreshold,
  );
  return {
    sessionId: session.id,
    interviewId: session.interviewId,
    status: session.status,
    gradedAt: session.gradedAt?.toISOString() ?? null,
    totals: {
      points: round4(totals.points),
      automaticPoints: round4(totals.automaticPoints),
      maxPoints: round4(totals.maxPoints),
      fraction: round4(totals.fraction),
      automaticFraction: round4(totals.automaticFraction),
      passingThreshold: session.passingThreshold,
      passed: session.status === 'graded' ? totals.passed : null,
    },
    items: items.map(toItemScoresDto),
  };
}

function toItemScoresDto({ item, automatic, override, effectivePoints, autoScoreChanged, history }: SessionItemScores): GradingItemScoresDto {
  return {
    sessionItemId: item.id,
    position: item.position,
    probeIndex: item.probeIndex,
    prompt: item.prompt,
    section: item.section,
    weight: item.weight,
    maxPoints: item.points,
    // Absent rather than null (see the DTO).
    ...(automatic ? { automatic: { ...toAutomaticScoreDto(automatic), evidence: evidenceSummary(automatic.result) } } : {}),
    ...(override ? { override: toOverrideDto(override) } : {}),
    effectivePoints: round4(effectivePoints),
    autoScoreChanged,
    history: history.map(toAutomaticScoreDto),
  };
}

function toAutomaticScoreDto(score: ItemScore): GradingScoreDto {
  return {
    id: score.id,
    current: score.current,
    points: round4(score.points),
    fraction: round4(score.fraction),
    score: score.score,
    maxScore: score.maxScore,
    band: readObject(score.result).band ?? null,
    engineVersion: score.engineVersion,
    rubricVersionId: score.rubricVersionId,
    answerRevision: score.answerRevision,
    createdAt: score.createdAt.toISOString(),
  };
}

function toOverrideDto(override: ScoreOverride): GradingOverrideDto {
  return {
    id: override.id,
    points: round4(override.points),
    reason: override.reason,
    reviewerId: override.reviewerId,
    basedOnScoreId: override.basedOnScoreId,
    createdAt: override.createdAt.toISOString(),
  };
}

// The stored result is the engine's ScoreResult, but JSON outlives engine versions: read it defensively.
interface StoredResult {
  band?: string;
  concepts: Record<string, unknown>[];
  misconceptions: Record<string, unknown>[];
  flags: Record<string, unknown>[];
}

function evidenceSummary(result: unknown): GradingEvidenceDto {
  const { concepts, misconceptions, flags } = readObject(result);
  return {
    matched: concepts.filter((concept) => concept.matched === true).map((concept) => ({ id: text(concept.id), label: text(concept.label), earned: number(concept.earned), evidence: evidenceTexts(concept.evidence) })),
    missed: concepts.filter((concept) => concept.matched !== true).map((concept) => ({ id: text(concept.id), label: text(concept.label), required: concept.required === true })),
    misconceptions: misconceptions.map((misconception) => ({
      id: text(misconception.id),
      label: text(misconception.label),
      penalty: number(misconception.penalty),
      evidence: evidenceTexts(misconception.evidence),
    })),
    flags: flags.map((flag) => text(flag.code)).filter(Boolean),
  };
}

function readObject(value: unknown): StoredResult {
  const result = isRecord(value) ? value : {};
  return {
    band: typeof result.band === 'string' ? result.band : undefined,
    concepts: records(result.concepts),
    misconceptions: records(result.misconceptions),
    flags: records(result.flags),
  };
}

function evidenceTexts(value: unknown): string[] {
  return records(value).flatMap((evidence) => (typeof evidence.text === 'string' ? [evidence.text] : []));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
