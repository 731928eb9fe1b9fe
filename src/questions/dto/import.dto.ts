import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';

export const IMPORT_FORMATS = ['interview-document'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export class ImportQuestionsDto {
  @ApiProperty({ description: 'The text of an interview document (the seed bank’s format). Bounded by the request body limit.' })
  @IsString()
  @MinLength(1)
  document!: string;

  @ApiPropertyOptional({ enum: IMPORT_FORMATS, default: 'interview-document' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: ImportFormat;
}

export const IMPORT_STATUSES = ['created', 'updated', 'unchanged'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export class ImportWarningDto {
  @ApiProperty({ example: 12, description: '1-based line in the document.' })
  line!: number;

  @ApiProperty()
  message!: string;
}

export class ImportedQuestionDto {
  @ApiProperty()
  slug!: string;

  @ApiProperty({ enum: IMPORT_STATUSES })
  status!: ImportStatus;

  @ApiProperty({ description: 'The question’s current version after the import.' })
  version!: number;
}

export class ImportReportDto {
  @ApiProperty()
  created!: number;

  @ApiProperty()
  updated!: number;

  @ApiProperty()
  unchanged!: number;

  @ApiProperty({ type: [ImportWarningDto] })
  warnings!: ImportWarningDto[];

  @ApiProperty({ type: [ImportedQuestionDto] })
  questions!: ImportedQuestionDto[];
}
