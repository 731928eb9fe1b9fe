import type { ReviewRule, RuleHit } from '../finding';
import { groupBy } from '../group-by';
import type { ReviewSpan } from '../review-input';
import { describeSpans, plural } from '../span-text';
import { type RawIdKind, templateOf } from './span-name-templates';

const USELESS_TRACES_QUESTION = 'a-services-traces-are-present-but-useless-every-span-is';
/** When the span carries http.route, the semantic conventions already give the right name: "{method} {http.route}". */
const SEMANTIC_CONVENTIONS_QUESTION = 'what-are-semantic-conventions-and-why-do-they-matter';

const KIND_WORDS: Record<RawIdKind, string> = { uuid: 'a UUID', email: 'an email address', hex: 'a long hex id', number: 'a numeric path segment' };

/** Span names are for grouping; a raw id in the name gives every request its own operation. */
export const highCardinalitySpanNameRule: ReviewRule = {
  code: 'high-cardinality-span-name',
  severity: 'warning',
  title: 'Span names contain raw ids instead of a template',
  questionSlugs: [USELESS_TRACES_QUESTION, SEMANTIC_CONVENTIONS_QUESTION],
  check(trace) {
    const named = trace.spans.flatMap((span) => {
      const found = templateOf(span.name);
      return found ? [{ span, ...found }] : [];
    });
    const hits: RuleHit[] = [];
    for (const group of groupBy(named, (entry) => `${trace.serviceOf(entry.span)}\n${entry.template}`).values()) {
      const spans: ReviewSpan[] = group.map((entry) => entry.span);
      const kinds = [...new Set(group.flatMap((entry) => entry.kinds))].map((kind) => KIND_WORDS[kind]);
      const route = spans.map((span) => span.attributes['http.route']).find((value): value is string => typeof value === 'string' && value !== '');
      hits.push({
        detail:
          `${plural(spans.length, 'span')} of service '${trace.serviceOf(spans[0])}' (${describeSpans(spans)}) embed ${kinds.join(' and ')} in the name. ` +
          `Every distinct id becomes its own operation, so spans cannot be grouped or compared and the operation list explodes. ` +
          `Name the operation, not the instance: '${group[0].template}'` +
          (route ? ` (the semantic conventions name HTTP spans '{method} {http.route}', and http.route here is '${route}')` : '') +
          `, and put the id in an attribute.`,
        spanIds: spans.map((span) => span.spanId),
        questionSlug: route ? SEMANTIC_CONVENTIONS_QUESTION : USELESS_TRACES_QUESTION,
      });
    }
    return hits;
  },
};
