import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEFAULT_RESULT_SORT, RESULT_SORTS } from '../compute/sort-results';

export const REPORT_FORMATS = ['json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const RESULTS_FORMATS = ['json', 'csv'] as const;
export type ResultsFormat = (typeof RESULTS_FORMATS)[number];

export class ReportQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'Overrides the Accept header: json, csv (one row per item and a totals row), md (Markdown) or html (a printable page).',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class ResultsQueryDto {
  @ApiPropertyOptional({
    enum: RESULT_SORTS,
    default: DEFAULT_RESULT_SORT,
    description: 'A field, `-` first for descending. Sessions without the value (not yet submitted or graded) come last either way.',
  })
  @IsOptional()
  @IsIn(RESULT_SORTS)
  sort?: string;

  @ApiPropertyOptional({ enum: RESULTS_FORMATS, description: 'Overrides the Accept header: json or csv.' })
  @IsOptional()
  @IsIn(RESULTS_FORMATS)
  format?: ResultsFormat;
}
