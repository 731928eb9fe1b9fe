import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { InterviewItemInputDto } from './interview-item-input.dto';
import { DESCRIPTION_MAX, MAX_ITEMS, TIME_LIMIT_MAX, TIME_LIMIT_MIN, TITLE_MAX } from './limits';
import { Trimmed } from './field-transforms';

/** Validation shared by the create and update bodies, so both accept exactly the same values. */
export const TitleField = () => applyDecorators(Trimmed(), IsString(), MinLength(1), MaxLength(TITLE_MAX));
export const DescriptionField = () => applyDecorators(Trimmed(), IsString(), MaxLength(DESCRIPTION_MAX));
export const TimeLimitField = () => applyDecorators(IsInt(), Min(TIME_LIMIT_MIN), Max(TIME_LIMIT_MAX));
export const ThresholdField = () => applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), Max(1));
export const ItemsField = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_ITEMS),
    ValidateNested({ each: true }),
    Type(() => InterviewItemInputDto),
  );
