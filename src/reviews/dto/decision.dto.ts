import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NoNulCharacter, Trimmed } from './text-rules';

export const DECISIONS = ['advance', 'hold', 'reject'] as const;
export type DecisionName = (typeof DECISIONS)[number];
export const NOTE_MAX = 2000;

export class CreateDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: DecisionName;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, default: '' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @NoNulCharacter()
  @MaxLength(NOTE_MAX)
  note?: string;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ enum: DECISIONS })
  decision!: DecisionName;

  @ApiProperty()
  note!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The reviewer; null when an API key decided.' })
  reviewerId!: string | null;

  @ApiProperty({ description: 'The latest decision is the session’s current one.' })
  current!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class DecisionListDto {
  @ApiProperty({ type: String, nullable: true, example: 'advance', description: 'The latest decision (advance, hold or reject), or null when none was made.' })
  currentDecision!: DecisionName | null;

  @ApiProperty({ type: [DecisionDto], description: 'Every decision, oldest first.' })
  items!: DecisionDto[];
}
