import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

export const REGRADE_MAX_SESSIONS = 1000;

export class RegradeDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: REGRADE_MAX_SESSIONS,
    description: 'Re-grade only these sessions of the interview (each submitted or graded). Omit to re-grade every submitted or graded session.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REGRADE_MAX_SESSIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  sessionIds?: string[];
}

export class RegradeAcceptedDto {
  @ApiProperty({ example: 2, description: 'How many sessions were queued for re-grading.' })
  queued!: number;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The queued sessions; poll their scores to see the new ones.' })
  sessionIds!: string[];
}
