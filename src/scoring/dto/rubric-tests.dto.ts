import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { FLAG_CODES, type FlagCode } from '../engine';
import { RubricTestCaseDto, RubricTestExpectDto } from './rubric-test-case.dto';
import { RubricDto } from './rubric.dto';

export class RubricTestListDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ format: 'uuid', description: 'The ETag is this id in quotes.' })
  versionId!: string;

  @ApiProperty({ type: [RubricTestCaseDto] })
  items!: RubricTestCaseDto[];
}

export class RunRubricTestsDto {
  @ApiPropertyOptional({ type: RubricDto, description: 'Run the test cases of this draft rubric instead of the question’s current one (not saved).' })
  @IsOptional()
  @IsObject()
  rubric?: Record<string, unknown>;
}

export class RubricTestActualDto {
  @ApiPropertyOptional()
  band?: string;

  @ApiProperty({ minimum: 0, maximum: 1 })
  fraction!: number;

  @ApiProperty({ type: [String], description: 'Matched concept ids.' })
  concepts!: string[];

  @ApiProperty({ type: [String], description: 'Triggered misconception ids.' })
  misconceptions!: string[];

  @ApiProperty({ enum: FLAG_CODES, isArray: true })
  flags!: FlagCode[];
}

export class RubricTestCaseResultDto {
  @ApiProperty()
  name!: string;

  @ApiProperty()
  passed!: boolean;

  @ApiProperty({ type: RubricTestExpectDto })
  expected!: RubricTestExpectDto;

  @ApiProperty({ type: RubricTestActualDto })
  actual!: RubricTestActualDto;

  @ApiProperty({ type: [String], example: ['concept "span-timed-operation" should match but did not'], description: 'Why the case failed; empty when it passed.' })
  failures!: string[];
}

export class RubricTestReportDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ description: 'Whether the request’s draft rubric was used.' })
  draft!: boolean;

  @ApiProperty({ type: [RubricTestCaseResultDto] })
  cases!: RubricTestCaseResultDto[];

  @ApiProperty({ type: 'integer' })
  passed!: number;

  @ApiProperty({ type: 'integer' })
  failed!: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share of passing cases; 1 when the rubric has none.' })
  agreement!: number;
}
