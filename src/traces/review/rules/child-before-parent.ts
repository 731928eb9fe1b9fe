import type { ReviewRule, RuleHit } from '../finding';
import type { ReviewSpan } from '../review-input';
import { describeSpan, formatMs, nanosToMs, plural } from '../span-text';

const SKEW_QUESTION = 'your-traces-spans-have-wildly-inconsistent-timestamps-a';

/** A child cannot start before its parent; when it appears to, two clocks disagree. */
export const childBeforeParentRule: ReviewRule = {
  code: 'child-before-parent',
  severity: 'warning',
  title: 'A child span starts before its parent: clock skew',
  questionSlugs: [SKEW_QUESTION],
  check(trace, options) {
    const toleranceNanos = BigInt(Math.round(options.clockSkewToleranceMs * 1e6));
    const hits: RuleHit[] = [];
    for (const traceId of trace.traceIds) {
      const early: { child: ReviewSpan; parent: ReviewSpan; leadMs: number }[] = [];
      for (const child of trace.spansOf(traceId)) {
        const parent = trace.parentOf(child);
        if (!parent) continue;
        const lead = parent.startTimeUnixNano - child.startTimeUnixNano;
        if (lead > toleranceNanos) early.push({ child, parent, leadMs: nanosToMs(lead) });
      }
      if (early.length === 0) continue;
      const worst = early.reduce((a, b) => (b.leadMs > a.leadMs ? b : a));
      const crossService = early.some(({ child, parent }) => trace.serviceOf(child) !== trace.serviceOf(parent));
      hits.push({
        detail:
          `In trace ${traceId}, ${plural(early.length, 'span starts', 'spans start')} before ${early.length === 1 ? 'its parent' : 'their parents'}; ` +
          `the worst, ${describeSpan(worst.child)} in service '${trace.serviceOf(worst.child)}', starts ${formatMs(worst.leadMs)} before ${describeSpan(worst.parent)} in service '${trace.serviceOf(worst.parent)}'. ` +
          (crossService
            ? `Each service stamps spans with its own wall clock, so this is clock skew between the machines (NTP drift): durations within a service are trustworthy, cross-service timings carry skew-sized error bars.`
            : `Within one process this means a span was given an explicit start time from another clock, or the wall clock jumped.`),
        spanIds: [...new Set(early.flatMap(({ child, parent }) => [parent.spanId, child.spanId]))],
        questionSlug: SKEW_QUESTION,
      });
    }
    return hits;
  },
};
