import type { ReviewRule, RuleHit } from '../finding';
import { groupBy } from '../group-by';
import { describeSpans, plural } from '../span-text';
import { declaredServiceName, UNKNOWN_SERVICE } from '../trace-index';

const RESOURCE_QUESTION = 'what-is-the-resource-and-whats-the-single-most-important';

/**
 * service.name is how a backend groups spans into services; without it (or
 * with the SDK's unknown_service:<process> fallback) the service map collapses.
 */
export const missingServiceNameRule: ReviewRule = {
  code: 'missing-service-name',
  severity: 'error',
  title: 'The resource has no real service.name, so its spans render as unknown_service',
  questionSlugs: [RESOURCE_QUESTION],
  check(trace) {
    const hits: RuleHit[] = [];
    for (const [resourceIndex, spans] of groupBy(trace.spans, (span) => span.resourceIndex)) {
      const resource = trace.resources[resourceIndex];
      const name = declaredServiceName(resource);
      if (name !== undefined && !name.startsWith(UNKNOWN_SERVICE)) continue;
      const raw = resource?.attributes['service.name'];
      const problem =
        name !== undefined
          ? `has service.name '${name}', the SDK's fallback when none was configured`
          : raw === undefined
            ? 'has no service.name attribute'
            : `has a service.name that is not a non-empty string (${JSON.stringify(raw)})`;
      hits.push({
        detail:
          `Resource #${resourceIndex} ${problem}, so its ${plural(spans.length, 'span')} (${describeSpans(spans)}) show up as ${UNKNOWN_SERVICE}: ` +
          `the backend cannot put them on the service map or filter by service, and every other service without a name merges into the same blob. ` +
          `Set service.name (OTEL_SERVICE_NAME) on the Resource.`,
        spanIds: spans.map((span) => span.spanId),
        questionSlug: RESOURCE_QUESTION,
      });
    }
    return hits;
  },
};
