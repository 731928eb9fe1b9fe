import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LEVELS, type Level } from '../parser/document.types';
import { QUESTION_KINDS, type QuestionKind } from '../content/question-content';
import { QUESTION_SOURCES, type QuestionSourceName } from './question.dto';
import { PageCursor, PageLimit } from '../../common/pagination';

export const DEFAULT_PAGE_SIZE = 20;

export class ListQuestionsQueryDto {
  @ApiPropertyOptional({ example: 'Sampling', description: 'Section name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  section?: string;

  @ApiPropertyOptional({ enum: LEVELS, description: 'Questions spanning this level (a junior → middle question matches both).' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  tag?: string;

  @ApiPropertyOptional({ enum: QUESTION_SOURCES })
  @IsOptional()
  @IsIn(QUESTION_SOURCES)
  source?: QuestionSourceName;

  @ApiPropertyOptional({ enum: QUESTION_KINDS })
  @IsOptional()
  @IsIn(QUESTION_KINDS)
  kind?: QuestionKind;

  @ApiPropertyOptional({ example: 'span link', description: 'Full-text search (web-search syntax: "quoted phrases", or, -not); results are ranked.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  q?: string;

  @PageLimit({ max: 100, fallback: DEFAULT_PAGE_SIZE })
  limit?: number;

  @PageCursor({ maxLength: 2048 })
  cursor?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Include archived questions.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  archived?: boolean;
}
