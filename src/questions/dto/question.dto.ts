import { ApiProperty } from '@nestjs/swagger';
import { LEVELS, type Level } from '../parser/document.types';
import { QUESTION_KINDS, type QuestionKind } from '../content/question-content';
import { ProbeDto } from './probe.dto';

export const QUESTION_SOURCES = ['library', 'organization'] as const;
export type QuestionSourceName = (typeof QUESTION_SOURCES)[number];

/** A question as the API shows it: identity plus the content of its current version. */
export class QuestionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'when-would-you-use-a-span-link-instead-of-a-parent-child' })
  slug!: string;

  @ApiProperty({ enum: QUESTION_SOURCES, description: '`library`: built in and read-only (fork it to edit). `organization`: your own.' })
  source!: QuestionSourceName;

  @ApiProperty({ example: 'Sampling' })
  section!: string;

  @ApiProperty({ enum: QUESTION_KINDS, description: '`quiz` for short cheat-sheet items.' })
  kind!: QuestionKind;

  @ApiProperty({ enum: LEVELS, isArray: true, description: 'Every level the question spans: "junior → middle" is ["junior", "middle"].' })
  levels!: Level[];

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty()
  prompt!: string;

  @ApiProperty({ description: 'Model answer; code blocks are fenced with ```.' })
  modelAnswer!: string;

  @ApiProperty({ type: [ProbeDto] })
  probes!: ProbeDto[];

  @ApiProperty({ type: [String], description: 'Common wrong answers ("wrong instinct").' })
  misconceptions!: string[];

  @ApiProperty({ type: [String], description: 'What an interviewer listens for.' })
  listeningFor!: string[];

  @ApiProperty({ example: 1, description: 'Number of the current version.' })
  version!: number;

  @ApiProperty({ format: 'uuid', description: 'Id of the current version; the ETag is this id in quotes.' })
  versionId!: string;

  @ApiProperty({ description: 'Whether the current version carries a scoring rubric.' })
  hasRubric!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archivedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The question this one was forked from.' })
  forkedFromId!: string | null;
}
