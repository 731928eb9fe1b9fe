import { byLevel, bySection, type BreakdownGroup, type BreakdownItem } from './compute/breakdowns';
import { PERCENTILE_DEFINITION, percentileRank } from './compute/percentile';
import { readStoredResult, type EvidenceSpan } from './compute/stored-result';
import { computeTotals, passes, round4, type PointTotals } from './compute/totals';
import type { ResultRowDto } from './dto/interview-results.dto';
import type { BreakdownRowDto, EvidenceSpanDto, ReportItemDto, SessionReportDto } from './dto/session-report.dto';

/**
 * The only place stored rows become report and result bodies. Pure: the
 * service loads (organization-scoped) rows and hands them over as plain data.
 */

type Status = SessionReportDto['status'];
type Decision = SessionReportDto['decisions'][number]['decision'];

export interface SessionSource {
  id: string;
  status: Status;
  candidateName: string;
  candidateEmail: string;
  createdAt: Date;
  startedAt: Date | null;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  gradedAt: Date | null;
}

export interface ItemSource {
  id: string;
  position: number;
  probeIndex: number | null;
  prompt: string;
  section: string;
  levels: string[];
  weight: number;
  points: number;
  answer: { text: string; revision: number } | null;
  /** The current automatic score. */
  score: { id: string; points: number; fraction: number; score: number; maxScore: number; engineVersion: string; createdAt: Date; result: unknown } | null;
  /** The current reviewer override. */
  override: { points: number; reason: string; reviewerId: string | null; createdAt: Date } | null;
  /** The override stands on an automatic score that has since moved (grading's combineItemScores decides). */
  autoScoreChanged: boolean;
}

export interface DecisionSource {
  id: string;
  decision: Decision;
  note: string;
  reviewerId: string | null;
  createdAt: Date;
}

export interface ReportSource {
  session: SessionSource;
  interview: { id: string; title: string; passingThreshold: number };
  items: ItemSource[];
  /** Oldest first. */
  decisions: DecisionSource[];
  /** Names of the people who overrode or decided, by user id. */
  reviewerNames: ReadonlyMap<string, string>;
  /** Reviewed fraction of every graded session of the interview, by session id. */
  gradedFractions: ReadonlyMap<string, number>;
  now: Date;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
const spans = (evidence: EvidenceSpan[]): EvidenceSpanDto[] => evidence.map(({ start, end, text }) => ({ start, end, text }));

export const isGraded = (status: Status): boolean => status === 'graded';

function itemPoints(item: ItemSource) {
  return { maxPoints: item.points, weight: item.weight, automaticPoints: item.score?.points ?? null, overridePoints: item.override?.points ?? null };
}

function toItemDto(item: ItemSource, reviewerNames: ReadonlyMap<string, string>): ReportItemDto {
  const result = item.score ? readStoredResult(item.score.result) : null;
  const concepts = result?.concepts ?? [];
  const requiredById = new Map(concepts.map((concept) => [concept.id, concept.required]));
  const effective = item.override?.points ?? item.score?.points ?? null;
  return {
    position: item.position,
    sessionItemId: item.id,
    probeIndex: item.probeIndex,
    prompt: item.prompt,
    section: item.section,
    levels: item.levels,
    weight: item.weight,
    maxPoints: item.points,
    answer: item.answer?.text ?? null,
    answerRevision: item.answer?.revision ?? null,
    automatic: {
      points: item.score ? round4(item.score.points) : null,
      fraction: item.score ? round4(item.score.fraction) : null,
      score: item.score?.score ?? null,
      maxScore: item.score?.maxScore ?? null,
      band: result?.band ?? null,
      engineVersion: item.score?.engineVersion ?? null,
      scoredAt: iso(item.score?.createdAt ?? null),
    },
    reviewed: {
      points: item.override ? round4(item.override.points) : null,
      reason: item.override?.reason ?? null,
      reviewerId: item.override?.reviewerId ?? null,
      reviewerName: item.override?.reviewerId ? (reviewerNames.get(item.override.reviewerId) ?? null) : null,
      overriddenAt: iso(item.override?.createdAt ?? null),
      autoScoreChanged: item.autoScoreChanged,
    },
    effectivePoints: effective === null ? null : round4(effective),
    evidence: concepts
      .filter((concept) => concept.matched)
      .map((concept) => ({
        conceptId: concept.id,
        label: concept.label,
        weight: concept.weight,
        earned: concept.earned,
        required: concept.required,
        matches: spans(concept.evidence),
      })),
    missedConcepts: (result?.missed ?? []).map((missed) => ({
      conceptId: missed.id,
      label: missed.label,
      feedback: missed.feedback,
      required: requiredById.get(missed.id) ?? false,
    })),
    misconceptions: (result?.misconceptions ?? []).map((m) => ({
      misconceptionId: m.id,
      label: m.label,
      penalty: m.penalty,
      feedback: m.feedback,
      matches: spans(m.evidence),
    })),
    flags: (result?.flags ?? []).map((flag) => ({ code: flag.code, message: flag.message, matches: spans(flag.evidence) })),
  };
}

function toBreakdownRow(group: BreakdownGroup, graded: boolean): BreakdownRowDto {
  return {
    key: group.key,
    itemCount: group.itemCount,
    automaticPoints: graded ? round4(group.automaticPoints) : null,
    points: graded ? round4(group.points) : null,
    maxPoints: round4(group.maxPoints),
    fraction: graded ? round4(group.fraction) : null,
  };
}

export function toSessionReportDto(source: ReportSource): SessionReportDto {
  const { session, interview } = source;
  const graded = isGraded(session.status);
  const totals = computeTotals(source.items.map(itemPoints));
  const breakdownItems: BreakdownItem[] = source.items.map((item) => ({ ...itemPoints(item), section: item.section, levels: item.levels }));
  const population = new Map(source.gradedFractions);
  if (graded) population.set(session.id, totals.fraction);
  else population.delete(session.id);
  const latest = source.decisions.at(-1) ?? null;
  const name = (id: string | null) => (id ? (source.reviewerNames.get(id) ?? null) : null);
  return {
    sessionId: session.id,
    interview: { id: interview.id, title: interview.title, passingThreshold: interview.passingThreshold },
    candidate: { name: session.candidateName, email: session.candidateEmail },
    status: session.status,
    timestamps: {
      invitedAt: session.createdAt.toISOString(),
      startedAt: iso(session.startedAt),
      deadlineAt: iso(session.deadlineAt),
      submittedAt: iso(session.submittedAt),
      submittedBy: session.submittedBy,
      gradedAt: iso(session.gradedAt),
    },
    totals: {
      ...aggregateFields(totals, graded, interview.passingThreshold),
      passingThreshold: interview.passingThreshold,
      itemCount: totals.itemCount,
      scoredItemCount: totals.scoredItemCount,
      overriddenItemCount: totals.overriddenItemCount,
    },
    percentile: {
      value: graded ? percentileRank(totals.fraction, [...population.values()]) : null,
      gradedSessions: population.size,
      definition: PERCENTILE_DEFINITION,
    },
    decisions: source.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      note: d.note,
      reviewerId: d.reviewerId,
      reviewerName: name(d.reviewerId),
      createdAt: d.createdAt.toISOString(),
    })),
    latestDecision: latest?.decision ?? null,
    breakdowns: {
      sections: bySection(breakdownItems).map((group) => toBreakdownRow(group, graded)),
      levels: byLevel(breakdownItems).map((group) => toBreakdownRow(group, graded)),
    },
    items: source.items.map((item) => toItemDto(item, source.reviewerNames)),
    generatedAt: source.now.toISOString(),
  };
}

/** Aggregates are only meaningful once every answer has been graded; before that they are null. */
function aggregateFields(totals: PointTotals, graded: boolean, passingThreshold: number) {
  return {
    automaticPoints: graded ? round4(totals.automaticPoints) : null,
    reviewedPoints: graded ? round4(totals.reviewedPoints) : null,
    maxPoints: round4(totals.maxPoints),
    automaticFraction: graded ? round4(totals.automaticFraction) : null,
    fraction: graded ? round4(totals.fraction) : null,
    passed: graded ? passes(totals.fraction, passingThreshold) : null,
  };
}

export interface ResultSource {
  session: SessionSource;
  totals: PointTotals;
  latestDecision: { decision: Decision; createdAt: Date } | null;
}

export function toResultRowDto(source: ResultSource, passingThreshold: number): ResultRowDto {
  const { session } = source;
  const aggregates = aggregateFields(source.totals, isGraded(session.status), passingThreshold);
  return {
    sessionId: session.id,
    candidateName: session.candidateName,
    candidateEmail: session.candidateEmail,
    status: session.status,
    createdAt: session.createdAt.toISOString(),
    submittedAt: iso(session.submittedAt),
    gradedAt: iso(session.gradedAt),
    automaticPoints: aggregates.automaticPoints,
    reviewedPoints: aggregates.reviewedPoints,
    maxPoints: aggregates.maxPoints,
    fraction: aggregates.fraction,
    passed: aggregates.passed,
    latestDecision: source.latestDecision?.decision ?? null,
    latestDecisionAt: iso(source.latestDecision?.createdAt ?? null),
  };
}
