import type { TraceIndex } from './trace-index';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'missing-service-name',
  'all-internal',
  'orphan-spans',
  'multiple-roots',
  'consumer-parented-to-producer',
  'exception-without-error-status',
  'high-cardinality-span-name',
  'per-iteration-span-explosion',
  'client-server-gap',
  'child-before-parent',
  'double-wrapped-client',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Thresholds a caller may tune; see DEFAULT_REVIEW_OPTIONS for what each means. */
export interface ReviewOptions {
  /** Same-named siblings under one parent from which the spans count as per-iteration. */
  siblingExplosionThreshold: number;
  /** A CLIENT/SERVER gap must be at least this long … */
  clientServerGapMinMs: number;
  /** … and at least this share of the CLIENT span's duration. */
  clientServerGapMinRatio: number;
  /** A child may start this much before its parent before it counts as skew (absorbs millisecond-precision timestamps). */
  clockSkewToleranceMs: number;
  /** A wrapper CLIENT span with no protocol attributes counts as a duplicate when its only CLIENT child covers this share of it. */
  doubleWrapMinCoverage: number;
}

export const DEFAULT_REVIEW_OPTIONS: ReviewOptions = {
  siblingExplosionThreshold: 20,
  clientServerGapMinMs: 100,
  clientServerGapMinRatio: 0.5,
  clockSkewToleranceMs: 1,
  doubleWrapMinCoverage: 0.8,
};

/** What a rule reports; the analyzer adds the rule's code, severity and title. */
export interface RuleHit {
  detail: string;
  spanIds: string[];
  /** The bank question (slug) that explains this particular hit; one of the rule's questionSlugs. */
  questionSlug: string;
}

export interface ReviewRule {
  code: FindingCode;
  severity: Severity;
  title: string;
  /** Every bank question the rule may cite; a unit test checks each exists in the seed bank. */
  questionSlugs: readonly string[];
  check(trace: TraceIndex, options: ReviewOptions): RuleHit[];
}

export interface Finding extends RuleHit {
  code: FindingCode;
  severity: Severity;
  title: string;
}
