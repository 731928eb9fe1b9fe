import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsPositive, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LEVELS, type Level } from '../../questions/parser/document.types';
import { ITEM_KINDS, OptionalFor, RequiredFor, type ItemKindName } from './item-kind';
import { DEFAULT_POINTS, DEFAULT_WEIGHT, DRAW_COUNT_MAX, POINTS_MAX, WEIGHT_MAX } from './limits';
import { Omittable, Trimmed } from './field-transforms';

/** One item as a client writes it: an explicit question, or a draw rule. */
export class InterviewItemInputDto {
  @ApiProperty({ enum: ITEM_KINDS, description: '`question`: one explicit question (its version is pinned at publish). `draw`: `count` questions matching section/levels/tag, drawn per candidate.' })
  @IsIn(ITEM_KINDS)
  kind!: ItemKindName;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for `question` items: a library question or one of your organization’s, not archived.' })
  @RequiredFor('question', IsUUID())
  questionId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: DRAW_COUNT_MAX, description: 'Required for `draw` items: how many questions to draw.' })
  @RequiredFor('draw', IsInt(), Min(1), Max(DRAW_COUNT_MAX))
  count?: number;

  @ApiPropertyOptional({ example: 'Sampling', minLength: 1, maxLength: 200, description: '`draw` only: the section to draw from (case-insensitive).' })
  @OptionalFor('draw', Trimmed(), IsString(), MinLength(1), MaxLength(200))
  section?: string;

  @ApiPropertyOptional({
    enum: LEVELS,
    isArray: true,
    example: ['senior', 'staff'],
    description: '`draw` only: a level range; the lowest and highest level given bound it (["middle", "staff"] means middle to staff). A question matches when any level it spans is in the range.',
  })
  @OptionalFor('draw', IsArray(), ArrayMinSize(1), ArrayMaxSize(LEVELS.length), IsIn(LEVELS, { each: true }))
  levels?: Level[];

  @ApiPropertyOptional({ example: 'tail-sampling', minLength: 1, maxLength: 100, description: '`draw` only: questions carrying this tag.' })
  @OptionalFor('draw', Trimmed(), IsString(), MinLength(1), MaxLength(100))
  tag?: string;

  @ApiPropertyOptional({ default: DEFAULT_WEIGHT, exclusiveMinimum: true, minimum: 0, maximum: WEIGHT_MAX, description: 'Relative weight of the item in the total.' })
  @Omittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(WEIGHT_MAX)
  weight?: number;

  @ApiPropertyOptional({ default: DEFAULT_POINTS, exclusiveMinimum: true, minimum: 0, maximum: POINTS_MAX, description: 'What the item (each drawn question, for a draw rule) is worth.' })
  @Omittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(POINTS_MAX)
  points?: number;

  @ApiPropertyOptional({ default: false, description: 'Follow each question with its "What if …?" probes as sub-items, sharing the item’s points.' })
  @Omittable()
  @IsBoolean()
  includeProbes?: boolean;
}
