import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LEVELS, type Level } from '../../questions/parser/document.types';
import { ITEM_KINDS, type ItemKindName } from './item-kind';

export const INTERVIEW_STATUSES = ['draft', 'published', 'archived'] as const;
export type InterviewStatusName = (typeof INTERVIEW_STATUSES)[number];

export const SCORING_DESCRIPTION =
  'How a session is totalled: each session item i (a question, or one of its probes) is worth points_i, counts with weight_i, ' +
  'and the engine grades it with fraction_i (0..1). Total fraction = Σ points_i × weight_i × fraction_i / Σ points_i × weight_i; ' +
  'the candidate passes when it is at least `passingThreshold`. A draw rule gives each drawn question the rule’s points and weight. ' +
  'With `includeProbes`, a question and its probes share the item’s points evenly (each probe gets points / (probes + 1), rounded ' +
  'to 4 decimals; the question keeps the rest) and all inherit its weight, so including probes never changes what the item is worth.';

export class InterviewItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', example: 1, description: '1-based order of the item in the interview.' })
  position!: number;

  @ApiProperty({ enum: ITEM_KINDS })
  kind!: ItemKindName;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '`question` items: the question.' })
  questionId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '`question` items: the question version pinned at publish; null while the interview is a draft.' })
  questionVersionId!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '`draw` items: how many questions each candidate gets.' })
  count!: number | null;

  @ApiProperty({ type: String, nullable: true, description: '`draw` items: the section drawn from; null for any.' })
  section!: string | null;

  @ApiProperty({ enum: LEVELS, isArray: true, description: '`draw` items: the level range (every level in it); empty for any level.' })
  levels!: Level[];

  @ApiProperty({ type: String, nullable: true, description: '`draw` items: the required tag; null for any.' })
  tag!: string | null;

  @ApiProperty({ example: 1 })
  weight!: number;

  @ApiProperty({ example: 10 })
  points!: number;

  @ApiProperty()
  includeProbes!: boolean;
}

@ApiSchema({ description: `An interview: draft (editable) → published (immutable; duplicate it to change it) → archived (no new sessions). ${SCORING_DESCRIPTION}` })
export class InterviewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: 'integer', example: 60 })
  timeLimitMinutes!: number;

  @ApiProperty({ example: 0.6, description: `Fraction of the weighted total needed to pass. ${SCORING_DESCRIPTION}` })
  passingThreshold!: number;

  @ApiProperty({ enum: INTERVIEW_STATUSES })
  status!: InterviewStatusName;

  @ApiProperty({ type: [InterviewItemDto] })
  items!: InterviewItemDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The interview this draft was duplicated from.' })
  duplicatedFromId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who created it; null when an API key did.' })
  createdById!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archivedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class InterviewListDto {
  @ApiProperty({ type: [InterviewDto], description: 'Newest first.' })
  items!: InterviewDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
