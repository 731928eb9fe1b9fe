import type { ReviewRule, RuleHit } from '../finding';
import { describeSpans } from '../span-text';

const PROPAGATION_QUESTION = 'what-is-context-propagation-in-one-sentence';
const IDS_QUESTION = 'what-are-the-trace-id-and-span-id-and-how-big-are-they';

/**
 * One trace id, several parentless spans: the trace id travelled but the
 * parent span id did not, so the tree falls apart into pieces.
 */
export const multipleRootsRule: ReviewRule = {
  code: 'multiple-roots',
  severity: 'warning',
  title: 'One trace id has several root spans',
  questionSlugs: [PROPAGATION_QUESTION, IDS_QUESTION],
  check(trace) {
    const hits: RuleHit[] = [];
    for (const traceId of trace.traceIds) {
      const roots = trace.spansOf(traceId).filter((span) => span.parentSpanId === undefined);
      if (roots.length < 2) continue;
      const services = [...new Set(roots.map((span) => trace.serviceOf(span)))];
      const acrossServices = services.length > 1;
      hits.push({
        detail:
          `Trace ${traceId} has ${roots.length} root spans (${describeSpans(roots)})` +
          (acrossServices ? ` in services ${services.map((s) => `'${s}'`).join(', ')}` : ` in service '${services[0]}'`) +
          `. A trace has exactly one root; every other span carries the parent span id of the span that caused it. ` +
          (acrossServices
            ? `The trace id crossed the boundary but the parent span id did not: extract the incoming context and start the server span as its child, rather than starting a new root.`
            : `The spans were started without the active span as parent (a dropped context, or an async hop that lost it), so they became roots that merely share the trace id.`),
        spanIds: roots.map((span) => span.spanId),
        questionSlug: acrossServices ? PROPAGATION_QUESTION : IDS_QUESTION,
      });
    }
    return hits;
  },
};
