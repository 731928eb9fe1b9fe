import { ApiProperty } from '@nestjs/swagger';

export const SESSION_STATUSES = ['invited', 'in_progress', 'submitted', 'graded', 'cancelled'] as const;
export type SessionStatusName = (typeof SESSION_STATUSES)[number];
export const SUBMITTERS = ['candidate', 'deadline'] as const;
export type SubmitterName = (typeof SUBMITTERS)[number];

/** A candidate session as the organization sees it: never its token, nor its hash. */
export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  candidateName!: string;

  @ApiProperty({ example: 'ada@example.com' })
  candidateEmail!: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatusName;

  @ApiProperty({ description: 'Questions and follow-up probes resolved for this candidate.' })
  itemCount!: number;

  @ApiProperty({ example: '9f2c4b1e0a7d4c3b8e6f5a4d3c2b1a09', description: 'Seed the draw rules used for this candidate, so the set can be reproduced.' })
  drawSeed!: string;

  @ApiProperty({ format: 'date-time', description: 'Until then the access token works (once started, at least until the deadline and its grace).' })
  tokenExpiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set by the server when the candidate starts.' })
  deadlineAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, enum: [...SUBMITTERS, null], nullable: true, description: '`deadline` when the session was finalised at its deadline.' })
  submittedBy!: SubmitterName | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  gradedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** The answer to an invitation: the only time the candidate's access token is ever shown. */
export class InvitedSessionDto extends SessionDto {
  @ApiProperty({
    example: 'assay_cs_Zm9vYmFyEXAMPLEq8w1Jf0bKx5c2Vn7LmTgHsRdYuIo0a1b2c3',
    description: 'Give it to the candidate; they send it as `Authorization: Bearer <token>` to /v1/candidate/session. Shown once; only its hash is stored.',
  })
  accessToken!: string;
}

export class InvitedSessionListDto {
  @ApiProperty({ type: [InvitedSessionDto] })
  items!: InvitedSessionDto[];
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] })
  items!: SessionDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor!: string | null;
}
