import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { ANSWER_PROPERTY, AnswerField } from './answer-field';
import { RubricDto } from './rubric.dto';
import { ScoreResultDto } from './score-result.dto';

export class PreviewRubricDto {
  @ApiProperty(ANSWER_PROPERTY)
  @AnswerField()
  answer!: string;

  @ApiPropertyOptional({ type: RubricDto, description: 'A draft rubric to score with instead of the question’s current one (not saved).' })
  @IsOptional()
  @IsObject()
  rubric?: Record<string, unknown>;
}

/** The engine's full explanation, for the question it was scored against. */
export class RubricPreviewDto extends ScoreResultDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: 'integer', description: 'The question version whose prompt (and, unless a draft was given, rubric) was used.' })
  version!: number;

  @ApiProperty({ description: 'Whether the request’s draft rubric was used.' })
  draft!: boolean;
}
