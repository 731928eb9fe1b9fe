import type { ReviewRule, RuleHit } from '../finding';
import { groupBy } from '../group-by';
import type { ReviewSpan } from '../review-input';
import { describeSpans, plural } from '../span-text';

const SPAN_KIND_QUESTION = 'what-is-span-kind-and-why-does-it-matter';

/** OTLP lets receivers read UNSPECIFIED as INTERNAL, the API's default. */
export function isInternalKind(span: ReviewSpan): boolean {
  return span.kind === 'internal' || span.kind === 'unspecified';
}

/** A service whose spans are all INTERNAL has no visible boundaries: no SERVER to stitch to, no CLIENT to measure. */
export const allInternalRule: ReviewRule = {
  code: 'all-internal',
  severity: 'warning',
  title: 'Every span of the service is INTERNAL, so the backend cannot see its boundaries',
  questionSlugs: [SPAN_KIND_QUESTION],
  check(trace) {
    const hits: RuleHit[] = [];
    for (const [service, spans] of groupBy(trace.spans, (span) => trace.serviceOf(span))) {
      if (!spans.every(isInternalKind)) continue;
      hits.push({
        detail:
          `All ${plural(spans.length, 'span')} of service '${service}' (${describeSpans(spans)}) are INTERNAL; none is SERVER, CLIENT, PRODUCER or CONSUMER. ` +
          `The backend cannot tell which spans are service boundaries, so the service map loses this service's edges and inter-service latency cannot be measured. ` +
          `Mark inbound handlers SERVER and outbound calls CLIENT (hand-rolled spans need an explicit kind).`,
        spanIds: spans.map((span) => span.spanId),
        questionSlug: SPAN_KIND_QUESTION,
      });
    }
    return hits;
  },
};
