import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsString, Length, Min } from 'class-validator';
import { NoNulCharacter, Trimmed } from './text-rules';

export const REASON_MIN = 3;
export const REASON_MAX = 2000;

export class SetOverrideDto {
  @ApiProperty({ example: 7.5, minimum: 0, description: 'The reviewed points, from 0 to the item’s points (at most 4 decimals).' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  points!: number;

  @ApiProperty({ minLength: REASON_MIN, maxLength: REASON_MAX, example: 'Explains head sampling correctly in other words the rubric misses.' })
  @Trimmed()
  @IsString()
  @NoNulCharacter()
  @Length(REASON_MIN, REASON_MAX)
  reason!: string;
}

export class RemoveOverrideDto {
  @ApiProperty({ minLength: REASON_MIN, maxLength: REASON_MAX, example: 'Overrode the wrong item.' })
  @Trimmed()
  @IsString()
  @NoNulCharacter()
  @Length(REASON_MIN, REASON_MAX)
  reason!: string;
}

/** One reviewer override of an item's points; the newest one of an item is `current`, earlier ones are history. */
export class ScoreOverrideDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ example: 1 })
  itemPosition!: number;

  @ApiProperty({ example: 7.5, description: 'The reviewed points.' })
  points!: number;

  @ApiProperty({ example: 10, description: 'What the item is worth.' })
  itemPoints!: number;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The reviewer; null when an API key made the override (the audit trail names the key).' })
  reviewerId!: string | null;

  @ApiProperty({ description: 'Whether this is the item’s live override.' })
  current!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The automatic score the reviewer saw.' })
  basedOnScoreId!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 5, description: 'Automatic points of the score the reviewer saw.' })
  automaticPointsAtOverride!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 5, description: 'Automatic points of the item’s current score.' })
  automaticPoints!: number | null;

  @ApiProperty({ description: 'True when the item was re-graded after the override and its automatic points changed: the reviewer saw other figures.' })
  automaticScoreMoved!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ScoreOverrideListDto {
  @ApiProperty({ type: [ScoreOverrideDto], description: 'Every override of the session, current and past, oldest first.' })
  items!: ScoreOverrideDto[];
}
