import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { LEVELS } from '../parser/document.types';
import { QUESTION_KINDS } from '../content/question-content';
import { ProbeDto } from './probe.dto';

/**
 * Validation shared by create and update bodies, so both accept exactly the
 * same shapes and limits.
 */
export const SectionField = () => applyDecorators(IsString(), MinLength(1), MaxLength(200));
export const KindField = () => applyDecorators(IsIn(QUESTION_KINDS));
export const LevelsField = () => applyDecorators(IsArray(), ArrayMaxSize(LEVELS.length), IsIn(LEVELS, { each: true }));
export const PromptField = () => applyDecorators(IsString(), MinLength(1), MaxLength(10000));
export const ModelAnswerField = () => applyDecorators(IsString(), MaxLength(100000));
export const TextListField = () => applyDecorators(IsArray(), ArrayMaxSize(100), IsString({ each: true }), MaxLength(5000, { each: true }));
export const TagsField = () => applyDecorators(IsArray(), ArrayMaxSize(50), IsString({ each: true }), MinLength(1, { each: true }), MaxLength(100, { each: true }));
export const ProbesField = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => ProbeDto),
  );
