import { ApiProperty } from '@nestjs/swagger';
import { SESSION_STATUSES } from './session-report.dto';

export class ResultRowDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  candidateName!: string;

  @ApiProperty({ description: 'Organization-internal.' })
  candidateEmail!: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: (typeof SESSION_STATUSES)[number];

  @ApiProperty({ format: 'date-time', description: 'When the candidate was invited.' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  gradedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Null until graded.' })
  automaticPoints!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Effective points, overrides included; null until graded.' })
  reviewedPoints!: number | null;

  @ApiProperty()
  maxPoints!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Σ weight × effective points / Σ weight × max points; null until graded.' })
  fraction!: number | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Null until graded.' })
  passed!: boolean | null;

  @ApiProperty({ type: String, nullable: true, example: 'advance', description: 'The newest reviewer decision (advance, hold, reject); null when none.' })
  latestDecision!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  latestDecisionAt!: string | null;
}

export class InterviewResultsDto {
  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  passingThreshold!: number;

  @ApiProperty({ example: '-fraction', description: 'The order applied.' })
  sort!: string;

  @ApiProperty({ type: [ResultRowDto] })
  items!: ResultRowDto[];
}
