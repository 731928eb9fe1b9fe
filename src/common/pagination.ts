import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `limit` of a cursor-paginated list: an integer from 1 to `max`, `fallback` when absent. */
export function PageLimit(options: { max: number; fallback: number }) {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: options.max, default: options.fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(options.max),
  );
}

/** `cursor` of a cursor-paginated list: the opaque `nextCursor` of the previous page. */
export function PageCursor(options: { maxLength: number }) {
  return applyDecorators(
    ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' }),
    IsOptional(),
    IsString(),
    MaxLength(options.maxLength),
  );
}
