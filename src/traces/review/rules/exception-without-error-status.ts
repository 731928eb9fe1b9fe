import type { ReviewRule, RuleHit } from '../finding';
import type { ReviewSpan } from '../review-input';
import { describeSpans, plural } from '../span-text';

const RECORD_EXCEPTION_QUESTION = 'why-pair-recordexception-with-setstatus-error-isnt-one';

function exceptionSummary(span: ReviewSpan): string | undefined {
  const event = span.events.find((e) => e.name === 'exception');
  const type = event?.attributes['exception.type'];
  const message = event?.attributes['exception.message'];
  const parts = [type, message].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length ? parts.join(': ') : undefined;
}

/** recordException without setStatus(ERROR): a green span hiding a failure from every error filter. */
export const exceptionWithoutErrorStatusRule: ReviewRule = {
  code: 'exception-without-error-status',
  severity: 'warning',
  title: 'A span recorded an exception but its status is not ERROR',
  questionSlugs: [RECORD_EXCEPTION_QUESTION],
  check(trace) {
    const hits: RuleHit[] = [];
    for (const traceId of trace.traceIds) {
      const spans = trace.spansOf(traceId).filter((span) => span.status.code !== 'error' && span.events.some((event) => event.name === 'exception'));
      if (spans.length === 0) continue;
      const first = exceptionSummary(spans[0]);
      const statuses = [...new Set(spans.map((span) => span.status.code.toUpperCase()))].join(' or ');
      hits.push({
        detail:
          `In trace ${traceId}, ${plural(spans.length, 'span')} (${describeSpans(spans)}) carry an 'exception' event${first ? ` (${first})` : ''} but status ${statuses}. ` +
          `Backends and error dashboards filter on status, so these failures look successful and the error rate undercounts. ` +
          `Pair recordException with setStatus(ERROR, message) where the exception escapes the operation.`,
        spanIds: spans.map((span) => span.spanId),
        questionSlug: RECORD_EXCEPTION_QUESTION,
      });
    }
    return hits;
  },
};
