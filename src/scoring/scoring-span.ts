import { context, SpanKind, SpanStatusCode, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';
import type { ScoreResult } from './engine';

/**
 * Telemetry of scoring, shared by every caller of the engine. Spans carry ids,
 * numbers and codes only: never the answer, the evidence (which quotes the
 * answer) or anything about the candidate, because traces leave the service.
 */
export const SCORE_ANSWER_SPAN = 'assay.score_answer';
export const SCORE_FLAG_EVENT = 'assay.flag';

export const ATTR_QUESTION_ID = 'assay.question.id';
export const ATTR_RUBRIC_VERSION_ID = 'assay.rubric.version_id';
export const ATTR_RUBRIC_DRAFT = 'assay.rubric.draft';
export const ATTR_ENGINE_VERSION = 'assay.engine.version';
export const ATTR_SCORE_FRACTION = 'assay.score.fraction';
export const ATTR_SCORE_BAND = 'assay.score.band';
export const ATTR_CONCEPTS_MATCHED = 'assay.concepts.matched';
export const ATTR_CONCEPTS_MISSED = 'assay.concepts.missed';
export const ATTR_MISCONCEPTIONS_MATCHED = 'assay.misconceptions.matched';
export const ATTR_FLAG_CODE = 'assay.flag.code';
export const ATTR_BATCH_SIZE = 'assay.batch.size';

/** Which answer is scored, by reference: what a span may say about it. */
export interface ScoringSubject {
  questionId: string;
  /** The stored rubric's question version; absent for a draft rubric, which has no version yet. */
  rubricVersionId?: string;
}

/**
 * How often the result attributes were built. Building them walks every
 * concept of the result, which an unsampled request must not pay for; tests
 * read this to prove the work is skipped, as nothing else observable is.
 */
export const scoringSpanStats = { attributeBuilds: 0 };

/** The result's attributes. Call only for a recording span: this is the work sampling saves. */
export function scoreResultAttributes(result: ScoreResult): Attributes {
  scoringSpanStats.attributeBuilds += 1;
  const attributes: Attributes = {
    [ATTR_ENGINE_VERSION]: result.engineVersion,
    [ATTR_SCORE_FRACTION]: result.fraction,
    [ATTR_CONCEPTS_MATCHED]: result.concepts.filter((concept) => concept.matched).map((concept) => concept.id),
    [ATTR_CONCEPTS_MISSED]: result.missed.map((missed) => missed.id),
    [ATTR_MISCONCEPTIONS_MATCHED]: result.misconceptions.map((misconception) => misconception.id),
  };
  if (result.band !== undefined) attributes[ATTR_SCORE_BAND] = result.band;
  return attributes;
}

/**
 * Scores one answer inside an INTERNAL `assay.score_answer` span: a business
 * operation of its own, so it never wraps (or duplicates) the HTTP and
 * database spans the instrumentations already make. The ids go on at the
 * start, where a sampler can see them; the result's attributes and one
 * `assay.flag` event per flag only when the span is recording. Loops over
 * many answers must not call this per answer: span the batch once instead.
 */
export function scoreWithSpan(tracer: Tracer, subject: ScoringSubject, score: () => ScoreResult): ScoreResult {
  const attributes: Attributes = { [ATTR_QUESTION_ID]: subject.questionId };
  if (subject.rubricVersionId === undefined) attributes[ATTR_RUBRIC_DRAFT] = true;
  else attributes[ATTR_RUBRIC_VERSION_ID] = subject.rubricVersionId;
  return tracer.startActiveSpan(SCORE_ANSWER_SPAN, { kind: SpanKind.INTERNAL, attributes }, (span) => {
    try {
      const result = score();
      if (span.isRecording()) recordResult(span, result);
      return result;
    } catch (error) {
      const exception = error instanceof Error ? error : new Error(String(error));
      span.recordException(exception);
      span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
      throw error;
    } finally {
      span.end();
    }
  });
}

function recordResult(span: Span, result: ScoreResult): void {
  span.setAttributes(scoreResultAttributes(result));
  // The code only: a flag's message and evidence quote the answer.
  for (const flag of result.flags) span.addEvent(SCORE_FLAG_EVENT, { [ATTR_FLAG_CODE]: flag.code });
}

/**
 * Puts attributes on the request's own SERVER span (made by the HTTP
 * instrumentation), so the request can be found by them: enriching the
 * existing span rather than wrapping the request in another. Outside an HTTP
 * request (a job, the CLI) there is no such span and nothing happens.
 */
export function enrichRequestSpan(attributes: Attributes): void {
  const span = getRPCMetadata(context.active())?.span;
  if (span?.isRecording()) span.setAttributes(attributes);
}
