import type { ReviewOptions, ReviewRule, RuleHit } from '../finding';
import { groupBy } from '../group-by';
import type { ReviewSpan } from '../review-input';
import { describeSpan, durationNanos, plural } from '../span-text';
import type { TraceIndex } from '../trace-index';
import { compareCallIdentity, protocolOf } from './call-identity';

const DOUBLE_INSTRUMENTATION_QUESTION = 'two-engineers-each-instrumented-the-http-call-to-a';

/**
 * Why the inner CLIENT span describes the same call as its CLIENT parent, or
 * undefined when it does not. Different protocols are layers (an SDK call
 * over HTTP), not duplicates; a wrapper without protocol attributes is a
 * duplicate when the inner call fills it.
 */
function sameCallReason(outer: ReviewSpan, inner: ReviewSpan, options: ReviewOptions): string | undefined {
  const outerProtocol = protocolOf(outer.attributes);
  const innerProtocol = protocolOf(inner.attributes);
  if (outerProtocol && innerProtocol) {
    if (outerProtocol !== innerProtocol) return undefined;
    const { shared, conflicting } = compareCallIdentity(outer.attributes, inner.attributes);
    if (conflicting.length > 0) return undefined;
    return shared.length ? `both are ${outerProtocol} calls with the same ${shared.join(', ')}` : `both are ${outerProtocol} calls`;
  }
  const outerNanos = durationNanos(outer);
  if (outerNanos <= 0n) return undefined;
  const coverage = Number(durationNanos(inner)) / Number(outerNanos);
  if (coverage < options.doubleWrapMinCoverage) return undefined;
  return `the inner span fills ${Math.round(coverage * 100)}% of the outer one`;
}

function findPairs(trace: TraceIndex, traceId: string, options: ReviewOptions): { outer: ReviewSpan; inner: ReviewSpan; reason: string }[] {
  return trace.spansOf(traceId).flatMap((outer) => {
    if (outer.kind !== 'client') return [];
    const children = trace.childrenOf(outer);
    if (children.length !== 1) return [];
    const inner = children[0];
    if (inner.kind !== 'client' || trace.serviceOf(inner) !== trace.serviceOf(outer)) return [];
    const reason = sameCallReason(outer, inner, options);
    return reason ? [{ outer, inner, reason }] : [];
  });
}

/** Two CLIENT spans for one call (auto AND manual instrumentation): every downstream call is counted twice. */
export const doubleWrappedClientRule: ReviewRule = {
  code: 'double-wrapped-client',
  severity: 'warning',
  title: 'A CLIENT span wraps a near-identical CLIENT span: one call, instrumented twice',
  questionSlugs: [DOUBLE_INSTRUMENTATION_QUESTION],
  check(trace, options) {
    const hits: RuleHit[] = [];
    for (const traceId of trace.traceIds) {
      const pairs = findPairs(trace, traceId, options);
      if (pairs.length === 0) continue;
      const shapes = [...groupBy(pairs, ({ outer, inner }) => `'${outer.name}' wraps '${inner.name}'`)].map(
        ([, group]) => `${describeSpan(group[0].outer)} wraps ${describeSpan(group[0].inner)}${group.length > 1 ? ` (and ${plural(group.length - 1, 'more pair')} named alike)` : ''}: ${group[0].reason}`,
      );
      const services = [...new Set(pairs.map(({ outer }) => `'${trace.serviceOf(outer)}'`))].join(', ');
      hits.push({
        detail:
          `In trace ${traceId}, ${plural(pairs.length, 'CLIENT span has', 'CLIENT spans have')} a near-identical CLIENT span as ${pairs.length === 1 ? 'its' : 'their'} only child ` +
          `(service ${services}): ${shapes.slice(0, 3).join('; ')}${shapes.length > 3 ? `; and ${shapes.length - 3} more` : ''}. ` +
          `Two instrumentations measure the same call, so call counts double and durations nest confusingly. ` +
          `Keep one CLIENT span per call: drop the duplicate, or make the outer span an INTERNAL business operation, or enrich the existing span instead of wrapping it.`,
        spanIds: pairs.flatMap(({ outer, inner }) => [outer.spanId, inner.spanId]),
        questionSlug: DOUBLE_INSTRUMENTATION_QUESTION,
      });
    }
    return hits;
  },
};
