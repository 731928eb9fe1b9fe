import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LEVELS, type Level } from '../parser/document.types';
import { QUESTION_KINDS, type QuestionKind } from '../content/question-content';
import { ProbeDto } from './probe.dto';
import { KindField, LevelsField, ModelAnswerField, ProbesField, PromptField, SectionField, TagsField, TextListField } from './question-fields';

/** Fields to change; omitted fields keep their current value. The slug never changes. */
export class UpdateQuestionDto {
  @ApiPropertyOptional({ enum: QUESTION_KINDS })
  @IsOptional()
  @KindField()
  kind?: QuestionKind;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @SectionField()
  section?: string;

  @ApiPropertyOptional({ enum: LEVELS, isArray: true })
  @IsOptional()
  @LevelsField()
  levels?: Level[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @TagsField()
  tags?: string[];

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @PromptField()
  prompt?: string;

  @ApiPropertyOptional({ maxLength: 100000 })
  @IsOptional()
  @ModelAnswerField()
  modelAnswer?: string;

  @ApiPropertyOptional({ type: [ProbeDto] })
  @IsOptional()
  @ProbesField()
  probes?: ProbeDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @TextListField()
  misconceptions?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @TextListField()
  listeningFor?: string[];
}
