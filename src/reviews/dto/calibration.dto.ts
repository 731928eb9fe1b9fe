import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Difference } from '../calibration/agreement';

export class CalibrationQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Only automatic scores graded with this version of the question’s rubric.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}

/**
 * Inlined rather than a nullable $ref: OpenAPI 3.0 cannot make a referenced schema nullable
 * (the referenced `type: object` still refuses null), and responses are validated against the spec.
 */
const NULLABLE_DIFFERENCE: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  required: ['points', 'fraction'],
  properties: {
    points: { type: 'number', example: 1.5 },
    fraction: { type: 'number', example: 0.15, description: 'As a fraction of the item’s points.' },
  },
};

export class MovementDto {
  @ApiProperty()
  count!: number;

  @ApiProperty({ type: Number, nullable: true, example: 0.2, description: 'Mean (reviewed − automatic) as a fraction of item points; null when count is 0.' })
  meanDifference!: number | null;
}

export class ConceptStateOutcomeDto {
  @ApiProperty({ description: 'Overridden items where the concept was in this state.' })
  count!: number;

  @ApiProperty({ type: MovementDto, description: 'Overrides that added points.' })
  movedUp!: MovementDto;

  @ApiProperty({ type: MovementDto, description: 'Overrides that took points away.' })
  movedDown!: MovementDto;

  @ApiProperty({ description: 'Overrides that kept the automatic points.' })
  unchanged!: number;
}

export class ConceptCalibrationDto {
  @ApiProperty({ example: 'span-timed-operation' })
  conceptId!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ description: 'Overridden items whose automatic score judged this concept.' })
  overriddenItems!: number;

  @ApiProperty({ type: ConceptStateOutcomeDto, description: 'When the engine found the concept.' })
  matched!: ConceptStateOutcomeDto;

  @ApiProperty({ type: ConceptStateOutcomeDto, description: 'When the engine missed the concept.' })
  missed!: ConceptStateOutcomeDto;

  @ApiProperty({ description: 'Overrides against the engine’s verdict on this concept: points added when it was missed, or taken away when it matched. Concepts are ranked by it.' })
  disagreements!: number;
}

export class CalibrationDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The rubric version filter, or null for every version.' })
  version!: number | null;

  @ApiProperty({ description: 'Automatically graded items of this question in your organization’s sessions.' })
  gradedItems!: number;

  @ApiProperty({ description: 'Of those, items with a current reviewer override.' })
  overriddenItems!: number;

  @ApiProperty({ ...NULLABLE_DIFFERENCE, description: 'Mean |reviewed − automatic|; null without overrides.' })
  meanAbsoluteDifference!: Difference | null;

  @ApiProperty({ ...NULLABLE_DIFFERENCE, description: 'Mean (reviewed − automatic): positive when reviewers add points on the whole; null without overrides.' })
  meanSignedDifference!: Difference | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Pearson’s r of automatic and reviewed fractions; null with fewer than 3 overrides or no variance.' })
  correlation!: number | null;

  @ApiProperty({ type: [ConceptCalibrationDto], description: 'The 10 concepts reviewers most often disagree with the engine about.' })
  concepts!: ConceptCalibrationDto[];
}
