import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FLAG_CODES, type FlagCode } from '../engine';

/** The engine's ScoreResult (src/scoring/engine/types.ts), field for field. */
export class ScoreEvidenceDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'UTF-16 offset of the first character in the answer.' })
  start!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'UTF-16 offset just past the last character: `answer.slice(start, end) === text`.' })
  end!: number;

  @ApiProperty({ example: 'single operation' })
  text!: string;
}

export class ScoredConceptDto {
  @ApiProperty({ example: 'span-timed-operation' })
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  weight!: number;

  @ApiProperty()
  required!: boolean;

  @ApiProperty()
  matched!: boolean;

  @ApiProperty({ description: 'Points earned: the weight when matched, else 0.' })
  earned!: number;

  @ApiProperty({ type: [ScoreEvidenceDto], description: 'The words that earned the concept.' })
  evidence!: ScoreEvidenceDto[];

  @ApiPropertyOptional({ description: 'The pattern (as written in the rubric) that matched.' })
  matchedPattern?: string;
}

export class ScoredMisconceptionDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  penalty!: number;

  @ApiPropertyOptional()
  feedback?: string;

  @ApiProperty({ type: [ScoreEvidenceDto] })
  evidence!: ScoreEvidenceDto[];

  @ApiPropertyOptional()
  matchedPattern?: string;
}

export class ScoreMissedConceptDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'What the answer should have said.' })
  feedback!: string;
}

export class ScoreFlagResultDto {
  @ApiProperty({ enum: FLAG_CODES })
  code!: FlagCode;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ type: [ScoreEvidenceDto] })
  evidence?: ScoreEvidenceDto[];
}

export class ScoreResultDto {
  @ApiProperty({ example: '1.0.0', description: 'Changes whenever the same rubric and answer could score differently.' })
  engineVersion!: string;

  @ApiProperty({ minimum: 0, example: 4.5 })
  score!: number;

  @ApiProperty({ minimum: 0, example: 7 })
  maxScore!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.6429 })
  fraction!: number;

  @ApiPropertyOptional({ example: 'partial', description: 'Absent when the rubric defines no bands.' })
  band?: string;

  @ApiProperty({ type: [ScoredConceptDto], description: 'Every concept of the rubric, matched or not.' })
  concepts!: ScoredConceptDto[];

  @ApiProperty({ type: [ScoredMisconceptionDto], description: 'Triggered misconceptions only.' })
  misconceptions!: ScoredMisconceptionDto[];

  @ApiProperty({ type: [ScoreMissedConceptDto] })
  missed!: ScoreMissedConceptDto[];

  @ApiProperty({ type: [ScoreFlagResultDto] })
  flags!: ScoreFlagResultDto[];
}
