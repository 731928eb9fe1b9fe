import type { ReviewInput, ReviewResource, ReviewSpan } from './review-input';

/** How backends label spans whose resource has no service.name. */
export const UNKNOWN_SERVICE = 'unknown_service';

/** The resource's service.name when it is a non-empty string. */
export function declaredServiceName(resource: ReviewResource | undefined): string | undefined {
  const value = resource?.attributes['service.name'];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Lookups the rules share: spans per trace, parent and children by id, the
 * service of each span. Span ids are only unique within a trace, so every
 * lookup is scoped by trace id.
 */
export class TraceIndex {
  readonly spans: readonly ReviewSpan[];
  readonly resources: readonly ReviewResource[];
  private readonly byTrace = new Map<string, ReviewSpan[]>();
  private readonly byId = new Map<string, ReviewSpan>();
  private readonly children = new Map<string, ReviewSpan[]>();

  constructor(input: ReviewInput) {
    this.spans = input.spans;
    this.resources = input.resources;
    for (const span of input.spans) {
      const traceSpans = this.byTrace.get(span.traceId);
      if (traceSpans) traceSpans.push(span);
      else this.byTrace.set(span.traceId, [span]);
      this.byId.set(key(span.traceId, span.spanId), span);
    }
    for (const span of input.spans) {
      if (span.parentSpanId === undefined || !this.byId.has(key(span.traceId, span.parentSpanId))) continue;
      const parentKey = key(span.traceId, span.parentSpanId);
      const siblings = this.children.get(parentKey);
      if (siblings) siblings.push(span);
      else this.children.set(parentKey, [span]);
    }
  }

  /** Trace ids in the order their first span appeared. */
  get traceIds(): string[] {
    return [...this.byTrace.keys()];
  }

  spansOf(traceId: string): readonly ReviewSpan[] {
    return this.byTrace.get(traceId) ?? [];
  }

  parentOf(span: ReviewSpan): ReviewSpan | undefined {
    return span.parentSpanId === undefined ? undefined : this.byId.get(key(span.traceId, span.parentSpanId));
  }

  childrenOf(span: ReviewSpan): readonly ReviewSpan[] {
    return this.children.get(key(span.traceId, span.spanId)) ?? [];
  }

  /** The service a backend would file the span under: several resources without service.name merge into one unknown_service. */
  serviceOf(span: ReviewSpan): string {
    return declaredServiceName(this.resources[span.resourceIndex]) ?? UNKNOWN_SERVICE;
  }

  /** Service names in first-seen order. */
  get services(): string[] {
    return [...new Set(this.spans.map((span) => this.serviceOf(span)))];
  }
}

function key(traceId: string, spanId: string): string {
  return `${traceId}/${spanId}`;
}
