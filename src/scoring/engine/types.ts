/**
 * Public shapes of the scoring engine. A rubric is authored as JSON
 * (see ../README.md); everything here is plain data so results can be stored
 * and diffed as-is.
 */

/** Bumped whenever the same rubric + answer could score differently. */
export const ENGINE_VERSION = '1.0.0';

export type Polarity = 'affirmative' | 'negative' | 'any';

export interface PatternObject {
  match: string;
  /** Max distance, in words, between the first and last matched word. Default 10. */
  within?: number;
  /** Items must appear in the written order. */
  ordered?: boolean;
  polarity?: Polarity;
}

export type PatternSpec = string | PatternObject;

export interface Concept {
  id: string;
  label: string;
  weight: number;
  required?: boolean;
  feedback?: string;
  patterns: PatternSpec[];
}

export interface Misconception {
  id: string;
  label: string;
  penalty: number;
  feedback?: string;
  /**
   * Concept ids this misconception contradicts (answers stating both are
   * flagged for review). Default: concepts whose patterns share a content word.
   */
  contradicts?: string[];
  patterns: PatternSpec[];
}

export interface Band {
  label: string;
  minFraction: number;
}

export interface RubricOptions {
  /** Fraction cap when a required concept is missing. Default 0.5. */
  requiredCap?: number;
  /** Fraction cap when the answer is flagged as keyword stuffing. Default 0.4. */
  stuffingCap?: number;
  /** Default `within` for patterns that do not set one. Default 10. */
  within?: number;
  /** Misspelling tolerance. Default true. */
  fuzzy?: boolean;
  /** Expand pattern words with the shared domain thesaurus. Default true. */
  thesaurus?: boolean;
  /** Concepts matched only by words of the prompt earn nothing. Default true. */
  demotePromptWords?: boolean;
}

export interface RubricTestExpect {
  band?: string;
  minFraction?: number;
  maxFraction?: number;
  /** Concept ids that must match. */
  concepts?: string[];
  /** Concept ids that must not match. */
  missing?: string[];
  /** Misconception ids that must trigger. */
  misconceptions?: string[];
  /** Flag codes that must be raised. */
  flags?: FlagCode[];
}

export interface RubricTestCase {
  name: string;
  answer: string;
  expect: RubricTestExpect;
}

export interface Rubric {
  schemaVersion: 1;
  question: string;
  synonyms?: Record<string, string[]>;
  concepts: Concept[];
  misconceptions?: Misconception[];
  bands?: Band[];
  options?: RubricOptions;
  tests?: RubricTestCase[];
}

/** `answer.slice(start, end) === text`; offsets are UTF-16 code units. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export const FLAG_CODES = [
  'empty',
  'truncated',
  'keyword_stuffing',
  'contradiction',
  'off_topic',
  'repeats_prompt',
  'required_missing',
] as const;

export type FlagCode = (typeof FLAG_CODES)[number];

export interface Flag {
  code: FlagCode;
  message: string;
  evidence?: Evidence[];
}

export interface ConceptResult {
  id: string;
  label: string;
  weight: number;
  required: boolean;
  matched: boolean;
  earned: number;
  evidence: Evidence[];
  /** The pattern (as written in the rubric) that matched. */
  matchedPattern?: string;
}

export interface MisconceptionResult {
  id: string;
  label: string;
  penalty: number;
  feedback?: string;
  evidence: Evidence[];
  matchedPattern?: string;
}

export interface MissedConcept {
  id: string;
  label: string;
  feedback: string;
}

export interface ScoreResult {
  engineVersion: string;
  score: number;
  maxScore: number;
  fraction: number;
  band?: string;
  concepts: ConceptResult[];
  /** Triggered misconceptions only. */
  misconceptions: MisconceptionResult[];
  missed: MissedConcept[];
  flags: Flag[];
}

export interface ScoreInput {
  prompt?: string;
  answer: string;
}

export interface ValidationError {
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; rubric: Rubric }
  | { ok: false; errors: ValidationError[] };

export interface RubricTestCaseResult {
  name: string;
  passed: boolean;
  expected: RubricTestExpect;
  actual: {
    band?: string;
    fraction: number;
    concepts: string[];
    misconceptions: string[];
    flags: FlagCode[];
  };
  failures: string[];
}

export interface RubricTestReport {
  cases: RubricTestCaseResult[];
  passed: number;
  failed: number;
  /** passed / cases; 1 when the rubric has no tests. */
  agreement: number;
}
