import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LEVELS, type Level } from '../parser/document.types';
import { QUESTION_KINDS, type QuestionKind } from '../content/question-content';
import { ProbeDto } from './probe.dto';
import { KindField, LevelsField, ModelAnswerField, ProbesField, PromptField, SectionField, TagsField, TextListField } from './question-fields';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class CreateQuestionDto {
  @ApiPropertyOptional({ description: 'Defaults to a slug made from the prompt.', pattern: SLUG_PATTERN.source, maxLength: 80 })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words of letters and digits joined by single hyphens' })
  slug?: string;

  @ApiPropertyOptional({ enum: QUESTION_KINDS, default: 'question' })
  @IsOptional()
  @KindField()
  kind?: QuestionKind;

  @ApiProperty({ example: 'Sampling', maxLength: 200 })
  @SectionField()
  section!: string;

  @ApiPropertyOptional({ enum: LEVELS, isArray: true, default: [] })
  @IsOptional()
  @LevelsField()
  levels?: Level[];

  @ApiPropertyOptional({ type: [String], default: [] })
  @IsOptional()
  @TagsField()
  tags?: string[];

  @ApiProperty({ maxLength: 10000 })
  @PromptField()
  prompt!: string;

  @ApiPropertyOptional({ maxLength: 100000, default: '' })
  @IsOptional()
  @ModelAnswerField()
  modelAnswer?: string;

  @ApiPropertyOptional({ type: [ProbeDto], default: [] })
  @IsOptional()
  @ProbesField()
  probes?: ProbeDto[];

  @ApiPropertyOptional({ type: [String], default: [] })
  @IsOptional()
  @TextListField()
  misconceptions?: string[];

  @ApiPropertyOptional({ type: [String], default: [] })
  @IsOptional()
  @TextListField()
  listeningFor?: string[];
}
