import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FLAG_CODES, type FlagCode } from '../engine';
import { ANSWER_PROPERTY, AnswerField } from './answer-field';

const IdListField = () => applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(100), IsString({ each: true }), MaxLength(200, { each: true }));

/**
 * A rubric test case. As a request body (adding a case) it is checked field
 * by field here; ids are then checked against the rubric by the engine.
 */
export class RubricTestExpectDto {
  @ApiPropertyOptional({ example: 'strong', description: 'Band the answer must land in.' })
  @IsOptional()
  @IsString()
  band?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minFraction?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  maxFraction?: number;

  @ApiPropertyOptional({ type: [String], description: 'Concept ids that must match.' })
  @IdListField()
  concepts?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Concept ids that must not match.' })
  @IdListField()
  missing?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Misconception ids that must trigger.' })
  @IdListField()
  misconceptions?: string[];

  @ApiPropertyOptional({ enum: FLAG_CODES, isArray: true, description: 'Flags that must be raised.' })
  @IsOptional()
  @IsArray()
  @IsIn(FLAG_CODES, { each: true })
  flags?: FlagCode[];
}

export class RubricTestCaseDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'partial: names spans but not traces' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty(ANSWER_PROPERTY)
  @AnswerField()
  answer!: string;

  @ApiProperty({ type: RubricTestExpectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RubricTestExpectDto)
  expect!: RubricTestExpectDto;
}
