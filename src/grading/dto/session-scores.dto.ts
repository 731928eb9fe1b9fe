import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const SESSION_STATUSES = ['invited', 'in_progress', 'submitted', 'graded', 'cancelled'] as const;

export class GradingMatchedConceptDto {
  @ApiProperty({ example: 'span-timed-operation' })
  id!: string;

  @ApiProperty({ example: 'A span is one timed operation' })
  label!: string;

  @ApiProperty({ example: 3, description: 'What the concept earned (its weight).' })
  earned!: number;

  @ApiProperty({ type: [String], description: 'The words of the answer that earned it.', example: ['span is a single operation'] })
  evidence!: string[];
}

export class GradingMissedConceptDto {
  @ApiProperty({ example: 'root-span' })
  id!: string;

  @ApiProperty({ example: 'The root span is the entry point of the request' })
  label!: string;

  @ApiProperty({ description: 'Whether the rubric requires it (a missing required concept caps the score).' })
  required!: boolean;
}

export class GradingMisconceptionDto {
  @ApiProperty({ example: 'span-is-a-log-line' })
  id!: string;

  @ApiProperty({ example: 'A span is just a log line' })
  label!: string;

  @ApiProperty({ example: 1 })
  penalty!: number;

  @ApiProperty({ type: [String], description: 'The words of the answer that stated it.' })
  evidence!: string[];
}

/** Why an automatic score is what it is, in brief; the report has the full explanation. */
export class GradingEvidenceDto {
  @ApiProperty({ type: [GradingMatchedConceptDto] })
  matched!: GradingMatchedConceptDto[];

  @ApiProperty({ type: [GradingMissedConceptDto] })
  missed!: GradingMissedConceptDto[];

  @ApiProperty({ type: [GradingMisconceptionDto] })
  misconceptions!: GradingMisconceptionDto[];

  @ApiProperty({ type: [String], example: ['required_missing'], description: 'Engine flags: empty, truncated, keyword_stuffing, contradiction, off_topic, repeats_prompt, required_missing.' })
  flags!: string[];
}

/** One automatic grading of an item. */
export class GradingScoreDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Whether this is the item’s live automatic score; earlier gradings are kept as history.' })
  current!: boolean;

  @ApiProperty({ example: 6.25, description: 'fraction × the item’s points.' })
  points!: number;

  @ApiProperty({ example: 0.625 })
  fraction!: number;

  @ApiProperty({ example: 5, description: 'The engine’s score, in rubric weight units.' })
  score!: number;

  @ApiProperty({ example: 8 })
  maxScore!: number;

  @ApiProperty({ type: String, nullable: true, example: 'partial' })
  band!: string | null;

  @ApiProperty({ example: '1.0.0' })
  engineVersion!: string;

  @ApiProperty({ format: 'uuid', description: 'The question version whose rubric graded the answer.' })
  rubricVersionId!: string;

  @ApiProperty({ example: 3, description: 'The answer revision graded; 0 when the candidate saved no answer.' })
  answerRevision!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class GradingCurrentScoreDto extends GradingScoreDto {
  @ApiProperty({ type: GradingEvidenceDto })
  evidence!: GradingEvidenceDto;
}

export class GradingOverrideDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 7.5 })
  points!: number;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The automatic score the reviewer saw.' })
  basedOnScoreId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class GradingItemScoresDto {
  @ApiProperty({ format: 'uuid' })
  sessionItemId!: string;

  @ApiProperty({ example: 1 })
  position!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null for a question; the probe’s index for a follow-up.' })
  probeIndex!: number | null;

  @ApiProperty()
  prompt!: string;

  @ApiProperty({ example: 'Sampling' })
  section!: string;

  @ApiProperty({ example: 1 })
  weight!: number;

  @ApiProperty({ example: 10, description: 'What the item is worth.' })
  maxPoints!: number;

  // Absent rather than null: OpenAPI 3.0 cannot make a referenced schema nullable.
  @ApiPropertyOptional({ type: GradingCurrentScoreDto, description: 'The current automatic score; absent until the item is graded.' })
  automatic?: GradingCurrentScoreDto;

  @ApiPropertyOptional({ type: GradingOverrideDto, description: 'The current reviewer override; absent when nobody overrode the item.' })
  override?: GradingOverrideDto;

  @ApiProperty({ example: 7.5, description: 'The override’s points, else the automatic points, else 0.' })
  effectivePoints!: number;

  @ApiProperty({ description: 'True when a re-grade moved the automatic points after the reviewer overrode them.' })
  autoScoreChanged!: boolean;

  @ApiProperty({ type: [GradingScoreDto], description: 'Every automatic grading of the item, newest first.' })
  history!: GradingScoreDto[];
}

export class GradingTotalsDto {
  @ApiProperty({ example: 17.5, description: 'Σ effective points (reviewer overrides first).' })
  points!: number;

  @ApiProperty({ example: 15 })
  automaticPoints!: number;

  @ApiProperty({ example: 30 })
  maxPoints!: number;

  @ApiProperty({ example: 0.5833, description: 'Σ points×weight×fraction / Σ points×weight, with overrides.' })
  fraction!: number;

  @ApiProperty({ example: 0.5 })
  automaticFraction!: number;

  @ApiProperty({ example: 0.6 })
  passingThreshold!: number;

  @ApiProperty({ type: Boolean, nullable: true, description: 'fraction ≥ passingThreshold; null until the session is graded.' })
  passed!: boolean | null;
}

export class SessionScoresDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: (typeof SESSION_STATUSES)[number];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  gradedAt!: string | null;

  @ApiProperty({ type: GradingTotalsDto })
  totals!: GradingTotalsDto;

  @ApiProperty({ type: [GradingItemScoresDto] })
  items!: GradingItemScoresDto[];
}
