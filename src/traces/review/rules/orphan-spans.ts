import type { ReviewRule, RuleHit } from '../finding';
import { describeSpans, plural } from '../span-text';

const NEVER_SHOWS_UP_QUESTION = 'a-span-never-shows-up-but-span-end-definitely-ran-name-three';

/**
 * A span whose parent is not in the trace hangs in the air: its parent was
 * never exported. Entry spans that continue a remote trace are exempt when
 * the exporter says so (the OTLP is-remote span flag): their parent lives in
 * the caller's service by design.
 */
export const orphanSpansRule: ReviewRule = {
  code: 'orphan-spans',
  severity: 'warning',
  title: 'Spans point at parents that are not in the trace',
  questionSlugs: [NEVER_SHOWS_UP_QUESTION],
  check(trace) {
    const hits: RuleHit[] = [];
    for (const traceId of trace.traceIds) {
      const orphans = trace.spansOf(traceId).filter((span) => span.parentSpanId !== undefined && span.parentIsRemote !== true && !trace.parentOf(span));
      if (orphans.length === 0) continue;
      const missing = [...new Set(orphans.map((span) => span.parentSpanId))];
      hits.push({
        detail:
          `In trace ${traceId}, ${plural(orphans.length, 'span')} (${describeSpans(orphans)}) name a parent that is not in the trace ` +
          `(missing ${plural(missing.length, 'span id')}: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}). ` +
          `The parent span never arrived: it was not sampled, the batch processor dropped it, the process exited before a flush, the export failed, or it never ended. ` +
          `The backend cannot place these spans in the tree. If the parent is the calling service's span, that service's spans are what is missing.`,
        spanIds: orphans.map((span) => span.spanId),
        questionSlug: NEVER_SHOWS_UP_QUESTION,
      });
    }
    return hits;
  },
};
