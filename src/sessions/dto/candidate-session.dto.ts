import { ApiProperty } from '@nestjs/swagger';
import { SESSION_STATUSES, SUBMITTERS, type SessionStatusName, type SubmitterName } from './session.dto';

/**
 * Everything a candidate may see. These classes are the whole of it: no
 * rubric, model answer, probe answer or score has a field here to leak into.
 */
export class CandidateSessionAnswerDto {
  @ApiProperty({ description: 'The latest saved draft; empty before the first save.' })
  text!: string;

  @ApiProperty({ example: 3, description: 'Increases by one with every save that changed the text; 0 before the first save.' })
  revision!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null before the first save.' })
  savedAt!: string | null;
}

export class CandidateSessionItemDto {
  @ApiProperty({ example: 1, description: 'Address of the item: PUT /v1/candidate/session/answers/{position}.' })
  position!: number;

  @ApiProperty({ example: 'What is a span, and what is a trace?' })
  prompt!: string;

  @ApiProperty({ example: 'Fundamentals' })
  section!: string;

  @ApiProperty({ description: 'A follow-up ("What if …?") to the question before it.' })
  isProbe!: boolean;

  @ApiProperty({ example: 10 })
  points!: number;

  @ApiProperty({ type: CandidateSessionAnswerDto, description: 'Your saved draft (revision 0 and empty text before the first save).' })
  answer!: CandidateSessionAnswerDto;
}

export class CandidateSessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  candidateName!: string;

  @ApiProperty({ example: 'Distributed tracing — senior' })
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ example: 60 })
  timeLimitMinutes!: number;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatusName;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set by the server at start; saves are accepted until this plus graceSeconds.' })
  deadlineAt!: string | null;

  @ApiProperty({ example: 30 })
  graceSeconds!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, enum: [...SUBMITTERS, null], nullable: true })
  submittedBy!: SubmitterName | null;

  @ApiProperty({ format: 'date-time', description: 'The server’s clock, to count down against instead of the device’s.' })
  serverTime!: string;

  @ApiProperty({ example: 5 })
  itemCount!: number;

  @ApiProperty({ type: [CandidateSessionItemDto], description: 'Empty until the session is started: the questions are revealed when the clock runs.' })
  items!: CandidateSessionItemDto[];
}

export class SavedAnswerDto {
  @ApiProperty({ example: 1 })
  position!: number;

  @ApiProperty({ example: 4, description: 'The revision now stored; send it as baseRevision with the next save.' })
  revision!: number;

  @ApiProperty({ description: 'False when the text equalled the saved one: nothing new was stored.' })
  changed!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the stored revision was saved; null while nothing is (an empty draft saved first).' })
  savedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadlineAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  serverTime!: string;
}
