import { ApiProperty } from '@nestjs/swagger';
import { PERCENTILE_DEFINITION } from '../compute/percentile';

// Nullable values are nullable scalars inside always-present objects: an
// OpenAPI 3.0 `nullable` $ref cannot be expressed so that validators accept null.

export const SESSION_STATUSES = ['invited', 'in_progress', 'submitted', 'graded', 'cancelled'] as const;
export const DECISIONS = ['advance', 'hold', 'reject'] as const;
export const LEVEL_NAMES = ['junior', 'middle', 'senior', 'staff'] as const;

export class EvidenceSpanDto {
  @ApiProperty({ description: 'UTF-16 offset of the first matched character in the answer.' })
  start!: number;

  @ApiProperty({ description: 'UTF-16 offset just past the match: answer.slice(start, end) === text.' })
  end!: number;

  @ApiProperty({ example: 'batch span processor' })
  text!: string;
}

export class MatchedConceptDto {
  @ApiProperty({ example: 'batch-dropped-or-no-flush' })
  conceptId!: string;

  @ApiProperty({ example: 'The batch processor dropped it or never flushed' })
  label!: string;

  @ApiProperty()
  weight!: number;

  @ApiProperty({ description: 'Rubric weight this concept earned.' })
  earned!: number;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ type: [EvidenceSpanDto], description: 'The answer’s words that earned the concept.' })
  matches!: EvidenceSpanDto[];
}

export class MissedConceptDto {
  @ApiProperty()
  conceptId!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'What the answer should have said.' })
  feedback!: string;

  @ApiProperty()
  required!: boolean;
}

export class TriggeredMisconceptionDto {
  @ApiProperty()
  misconceptionId!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'Rubric weight subtracted.' })
  penalty!: number;

  @ApiProperty({ type: String, nullable: true })
  feedback!: string | null;

  @ApiProperty({ type: [EvidenceSpanDto] })
  matches!: EvidenceSpanDto[];
}

export class ScoreFlagDto {
  @ApiProperty({ example: 'required_missing', description: 'empty, truncated, keyword_stuffing, contradiction, off_topic, repeats_prompt, required_missing, …' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ type: [EvidenceSpanDto] })
  matches!: EvidenceSpanDto[];
}

export class AutomaticScoreDto {
  @ApiProperty({ type: Number, nullable: true, description: 'The engine’s fraction × the item’s points; null until the item is scored.' })
  points!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '0..1' })
  fraction!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rubric score (Σ earned weights − penalties).' })
  score!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rubric maximum (Σ weights).' })
  maxScore!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'partial' })
  band!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1.0.0' })
  engineVersion!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  scoredAt!: string | null;
}

export class ReviewedScoreDto {
  @ApiProperty({ type: Number, nullable: true, description: 'The reviewer’s points; null when nobody overrode the item.' })
  points!: number | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewerName!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  overriddenAt!: string | null;

  @ApiProperty({ description: 'True when the automatic score changed (re-grading) after the reviewer overrode it.' })
  autoScoreChanged!: boolean;
}

export class ReportItemDto {
  @ApiProperty({ example: 1 })
  position!: number;

  @ApiProperty({ format: 'uuid' })
  sessionItemId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Index of the follow-up probe; null for the question itself.' })
  probeIndex!: number | null;

  @ApiProperty()
  prompt!: string;

  @ApiProperty({ example: 'Sampling' })
  section!: string;

  @ApiProperty({ enum: LEVEL_NAMES, isArray: true })
  levels!: string[];

  @ApiProperty()
  weight!: number;

  @ApiProperty({ description: 'What the item is worth.' })
  maxPoints!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The candidate’s latest saved answer; null when never answered.' })
  answer!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  answerRevision!: number | null;

  @ApiProperty({ type: AutomaticScoreDto })
  automatic!: AutomaticScoreDto;

  @ApiProperty({ type: ReviewedScoreDto })
  reviewed!: ReviewedScoreDto;

  @ApiProperty({ type: Number, nullable: true, description: 'Reviewed points when overridden, else automatic points; null when neither exists.' })
  effectivePoints!: number | null;

  @ApiProperty({ type: [MatchedConceptDto], description: 'Highlighted evidence: each matched concept with the words that earned it.' })
  evidence!: MatchedConceptDto[];

  @ApiProperty({ type: [MissedConceptDto] })
  missedConcepts!: MissedConceptDto[];

  @ApiProperty({ type: [TriggeredMisconceptionDto] })
  misconceptions!: TriggeredMisconceptionDto[];

  @ApiProperty({ type: [ScoreFlagDto] })
  flags!: ScoreFlagDto[];
}

export class BreakdownRowDto {
  @ApiProperty({ example: 'Sampling', description: 'Section name, or level (junior, middle, senior, staff, unleveled).' })
  key!: string;

  @ApiProperty()
  itemCount!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null until the session is graded.' })
  automaticPoints!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Reviewed points; null until the session is graded.' })
  points!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Weighted like the total’s fraction; null until the session is graded.' })
  fraction!: number | null;
}

export class BreakdownsDto {
  @ApiProperty({ type: [BreakdownRowDto], description: 'By section, in the order sections first appear.' })
  sections!: BreakdownRowDto[];

  @ApiProperty({
    type: [BreakdownRowDto],
    description: 'By level, junior → staff. A question spanning several levels counts in each, so rows may overlap.',
  })
  levels!: BreakdownRowDto[];
}

export class ReportTotalsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Σ automatic points; null until the session is graded.' })
  automaticPoints!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ effective points (overrides replace automatic points); null until graded.' })
  reviewedPoints!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Weighted fraction of the automatic points alone (see `fraction`).' })
  automaticFraction!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ weight × effective points / Σ weight × max points (plain points / max points when every weight is 1); pass/fail and the percentile use it.' })
  fraction!: number | null;

  @ApiProperty({ description: 'The interview’s passing threshold (fraction 0..1).' })
  passingThreshold!: number;

  @ApiProperty({ type: Boolean, nullable: true, description: 'fraction ≥ passingThreshold; null until graded.' })
  passed!: boolean | null;

  @ApiProperty()
  itemCount!: number;

  @ApiProperty()
  scoredItemCount!: number;

  @ApiProperty()
  overriddenItemCount!: number;
}

export class PercentileDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100, description: 'Null until the session is graded.' })
  value!: number | null;

  @ApiProperty({ description: 'How many graded sessions of the interview it is computed over.' })
  gradedSessions!: number;

  @ApiProperty({ example: PERCENTILE_DEFINITION })
  definition!: string;
}

export class ReportCandidateDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'Organization-internal.' })
  email!: string;
}

export class ReportInterviewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  passingThreshold!: number;
}

export class ReportTimestampsDto {
  @ApiProperty({ format: 'date-time' })
  invitedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadlineAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'candidate', description: 'candidate, or deadline when finalised automatically.' })
  submittedBy!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  gradedAt!: string | null;
}

export class ReportDecisionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DECISIONS })
  decision!: (typeof DECISIONS)[number];

  @ApiProperty()
  note!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reviewerName!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SessionReportDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: ReportInterviewDto })
  interview!: ReportInterviewDto;

  @ApiProperty({ type: ReportCandidateDto })
  candidate!: ReportCandidateDto;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: (typeof SESSION_STATUSES)[number];

  @ApiProperty({ type: ReportTimestampsDto })
  timestamps!: ReportTimestampsDto;

  @ApiProperty({ type: ReportTotalsDto })
  totals!: ReportTotalsDto;

  @ApiProperty({ type: PercentileDto })
  percentile!: PercentileDto;

  @ApiProperty({ type: [ReportDecisionDto], description: 'Every reviewer decision, oldest first.' })
  decisions!: ReportDecisionDto[];

  @ApiProperty({ type: String, nullable: true, example: 'advance', description: 'The newest decision (advance, hold or reject); null when none.' })
  latestDecision!: (typeof DECISIONS)[number] | null;

  @ApiProperty({ type: BreakdownsDto })
  breakdowns!: BreakdownsDto;

  @ApiProperty({ type: [ReportItemDto] })
  items!: ReportItemDto[];

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;
}
