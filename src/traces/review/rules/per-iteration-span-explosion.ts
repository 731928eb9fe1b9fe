import type { ReviewRule, RuleHit } from '../finding';
import { groupBy } from '../group-by';
import { describeSpan, describeSpans, plural } from '../span-text';
import { isInternalKind } from './all-internal';

const AUTO_INSTRUMENTATION_QUESTION = 'you-turned-on-auto-instrumentation-and-now-have-thousands-of';
const NOT_ADDING_A_SPAN_QUESTION = 'when-did-you-decide-not-to-add-a-span';

/**
 * Many same-named siblings under one parent are a loop: per-row spans or an
 * N+1 of calls. Calls (CLIENT and friends) point at chatty auto-instrumentation
 * or a query loop; INTERNAL spans at hand-written per-iteration spans.
 */
export const perIterationSpanExplosionRule: ReviewRule = {
  code: 'per-iteration-span-explosion',
  severity: 'warning',
  title: 'Many identical sibling spans under one parent: a span per loop iteration',
  questionSlugs: [AUTO_INSTRUMENTATION_QUESTION, NOT_ADDING_A_SPAN_QUESTION],
  check(trace, options) {
    const hits: RuleHit[] = [];
    for (const parent of trace.spans) {
      for (const [name, siblings] of groupBy(trace.childrenOf(parent), (child) => child.name)) {
        if (siblings.length < options.siblingExplosionThreshold) continue;
        const calls = siblings.some((span) => !isInternalKind(span));
        hits.push({
          detail:
            `${describeSpan(parent)} in service '${trace.serviceOf(parent)}' has ${plural(siblings.length, `child span named '${name}'`, `child spans named '${name}'`)} ` +
            `(${describeSpans(siblings)}; threshold ${options.siblingExplosionThreshold}). ` +
            (calls
              ? `One call per iteration is usually an N+1 or a chatty instrumentation: batch the calls, fix the query loop, or tune the instrumentation; the waterfall is unreadable and the span budget pays for each one.`
              : `Spans should map to operations a human would investigate, not to every loop iteration: span the batch once (e.g. with a batch.size attribute and events for notable items) instead of each item.`),
          spanIds: siblings.map((span) => span.spanId),
          questionSlug: calls ? AUTO_INSTRUMENTATION_QUESTION : NOT_ADDING_A_SPAN_QUESTION,
        });
      }
    }
    return hits;
  },
};
