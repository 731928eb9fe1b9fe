import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RubricDto } from './rubric.dto';

export class SuggestRubricDto {
  @ApiPropertyOptional({ maxLength: 100000, description: 'Suggest from this model answer instead of the question’s current one (a draft in an editor).' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  modelAnswer?: string;
}

export class SuggestedRubricDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: 'integer', description: 'The question version whose prompt (and model answer, unless one was given) was used.' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'How many model answers (the library’s and your organization’s) weighed how specific each word is.' })
  corpusSize!: number;

  @ApiProperty({ type: RubricDto, description: 'Not saved: review it, then PUT it as the question’s rubric.' })
  rubric!: RubricDto;
}
