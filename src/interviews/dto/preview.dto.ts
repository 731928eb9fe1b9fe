import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { INTERVIEW_STATUSES, type InterviewStatusName } from './interview.dto';
import { SEED_MAX } from './limits';

/**
 * One item as a candidate sees it. Deliberately without rubric, model answer,
 * probe answers, weights or anything scored: the candidate session API
 * returns items in this same shape (plus the candidate's saved answer).
 */
export class CandidateItemDto {
  @ApiProperty({ type: 'integer', example: 1, description: '1-based; a question’s probes follow it directly.' })
  position!: number;

  @ApiProperty()
  prompt!: string;

  @ApiProperty({ example: 'Sampling' })
  section!: string;

  @ApiProperty({ description: 'True for a follow-up probe of the question before it.' })
  isProbe!: boolean;

  @ApiProperty({ example: 10, description: 'What the item is worth.' })
  points!: number;
}

export class InterviewPreviewDto {
  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty({ enum: INTERVIEW_STATUSES })
  status!: InterviewStatusName;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: 'integer', example: 60 })
  timeLimitMinutes!: number;

  @ApiProperty({ description: 'The seed the draw rules were resolved with; a candidate whose session has this seed gets exactly these items.' })
  seed!: string;

  @ApiProperty({ type: [CandidateItemDto] })
  items!: CandidateItemDto[];
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ maxLength: SEED_MAX, description: 'Resolve draw rules with this seed; default: a fixed preview seed.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(SEED_MAX)
  seed?: string;
}
