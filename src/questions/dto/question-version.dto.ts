import { ApiProperty } from '@nestjs/swagger';
import { LEVELS, type Level } from '../parser/document.types';
import { QUESTION_KINDS, RUBRIC_SOURCES, type QuestionKind, type RubricSource } from '../content/question-content';
import { ProbeDto } from './probe.dto';

export class QuestionVersionContentDto {
  @ApiProperty({ enum: QUESTION_KINDS })
  kind!: QuestionKind;

  @ApiProperty()
  section!: string;

  @ApiProperty({ enum: LEVELS, isArray: true })
  levels!: Level[];

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty()
  prompt!: string;

  @ApiProperty()
  modelAnswer!: string;

  @ApiProperty({ type: [ProbeDto] })
  probes!: ProbeDto[];

  @ApiProperty({ type: [String] })
  misconceptions!: string[];

  @ApiProperty({ type: [String] })
  listeningFor!: string[];

  @ApiProperty()
  hasRubric!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'curated', description: `Where the rubric came from: ${RUBRIC_SOURCES.join(', ')}; null without a rubric.` })
  rubricSource!: RubricSource | null;
}

/** One immutable version of a question. */
export class QuestionVersionDto {
  @ApiProperty({ format: 'uuid' })
  versionId!: string;

  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'SHA-256 of the canonical content.' })
  contentHash!: string;

  @ApiProperty({ type: QuestionVersionContentDto })
  content!: QuestionVersionContentDto;
}

export class QuestionVersionListDto {
  @ApiProperty({ type: [QuestionVersionDto], description: 'Newest first.' })
  items!: QuestionVersionDto[];
}
