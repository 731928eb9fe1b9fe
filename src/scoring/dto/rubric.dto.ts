import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import type { Polarity } from '../engine';
import { RubricTestCaseDto } from './rubric-test-case.dto';

/**
 * The rubric document (src/scoring/README.md) as OpenAPI describes it. These
 * classes document; the engine's validateRubric is what checks a rubric, so
 * every problem comes back at once with a JSON Pointer and a sentence.
 */
const POLARITIES: Polarity[] = ['affirmative', 'negative', 'any'];

export class RubricPatternDto {
  @ApiProperty({ maxLength: 300, example: 'start end [time*|timestamp*|duration]', description: 'Pattern text (see the pattern language).' })
  match!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, description: 'Max distance in words between the first and last matched word. Default 10.' })
  within?: number;

  @ApiPropertyOptional({ description: 'Items must appear in the written order.' })
  ordered?: boolean;

  @ApiPropertyOptional({ enum: POLARITIES, description: '`affirmative` (default): a negated match does not count; `negative`: the negation is required; `any`: ignored.' })
  polarity?: Polarity;
}

/** A pattern is a string or an object: `oneOf` so clients see both shapes. */
const PATTERNS_PROPERTY: ApiPropertyOptions = {
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: { oneOf: [{ type: 'string', maxLength: 300, example: 'span [single|one] [operation|unit]' }, { $ref: getSchemaPath(RubricPatternDto) }] },
};

@ApiExtraModels(RubricPatternDto)
export class RubricConceptDto {
  @ApiProperty({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', example: 'span-timed-operation', description: 'Kebab-case, unique in the rubric.' })
  id!: string;

  @ApiProperty({ example: 'A span is one timed operation' })
  label!: string;

  @ApiProperty({ example: 2, description: 'Points the concept is worth; > 0.' })
  weight!: number;

  @ApiPropertyOptional({ description: 'Missing it caps the score at `options.requiredCap`.' })
  required?: boolean;

  @ApiPropertyOptional({ description: 'Shown to the candidate when the concept is missed.' })
  feedback?: string;

  @ApiProperty(PATTERNS_PROPERTY)
  patterns!: (string | RubricPatternDto)[];
}

@ApiExtraModels(RubricPatternDto)
export class RubricMisconceptionDto {
  @ApiProperty({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', example: 'tail-decides-early' })
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ example: 1, description: 'Subtracted from the score when triggered; > 0.' })
  penalty!: number;

  @ApiPropertyOptional()
  feedback?: string;

  @ApiPropertyOptional({ type: [String], description: 'Concept ids this misconception contradicts (an answer stating both is flagged for review).' })
  contradicts?: string[];

  @ApiProperty(PATTERNS_PROPERTY)
  patterns!: (string | RubricPatternDto)[];
}

export class RubricBandDto {
  @ApiProperty({ example: 'strong' })
  label!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.75, description: 'The highest band whose minFraction the score reaches wins.' })
  minFraction!: number;
}

export class RubricOptionsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 0.5, description: 'Fraction cap when a required concept is missing.' })
  requiredCap?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 0.4, description: 'Fraction cap for keyword stuffing.' })
  stuffingCap?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'Default `within` for patterns.' })
  within?: number;

  @ApiPropertyOptional({ default: true, description: 'Misspelling tolerance.' })
  fuzzy?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Expand pattern words with the shared domain thesaurus.' })
  thesaurus?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Concepts matched only by words of the prompt earn nothing.' })
  demotePromptWords?: boolean;
}

export class RubricDto {
  @ApiProperty({ type: 'integer', enum: [1] })
  schemaVersion!: 1;

  @ApiProperty({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', example: 'what-is-a-span-what-is-a-trace', description: 'Slug of the question it grades.' })
  question!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { operation: ['unit of work', 'task'] },
    description: 'Each key and its list form one group of equivalent words or phrases.',
  })
  synonyms?: Record<string, string[]>;

  @ApiProperty({ type: [RubricConceptDto], minItems: 1, maxItems: 100 })
  concepts!: RubricConceptDto[];

  @ApiPropertyOptional({ type: [RubricMisconceptionDto] })
  misconceptions?: RubricMisconceptionDto[];

  @ApiPropertyOptional({ type: [RubricBandDto] })
  bands?: RubricBandDto[];

  @ApiPropertyOptional({ type: RubricOptionsDto })
  options?: RubricOptionsDto;

  @ApiPropertyOptional({ type: [RubricTestCaseDto], description: 'Example answers with what the engine should make of them.' })
  tests?: RubricTestCaseDto[];
}
