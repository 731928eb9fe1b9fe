import type { Attributes, ReviewEvent, ReviewInput, ReviewLink, ReviewResource, ReviewSpan, SpanKindName, StatusCodeName } from '../review-input';
import { TraceIndex } from '../trace-index';

export const TRACE_A = '4bf92f3577b34da6a3ce929d0e0e4736';
export const TRACE_B = '0af7651916cd43dd8448eb211c80319c';
/** 2023-11-14T22:13:20Z, in nanoseconds: every span's times are offsets from it. */
const EPOCH_NANOS = 1_700_000_000_000_000_000n;

export interface SpanInit {
  name: string;
  kind?: SpanKindName;
  /** Index returned by service(); the first service by default. */
  service?: number;
  parent?: ReviewSpan | string;
  parentIsRemote?: boolean;
  traceId?: string;
  spanId?: string;
  startMs?: number;
  durationMs?: number;
  attributes?: Attributes;
  events?: { name: string; atMs?: number; attributes?: Attributes }[];
  links?: ReviewLink[];
  status?: StatusCodeName;
}

export function nanosAt(ms: number): bigint {
  return EPOCH_NANOS + BigInt(Math.round(ms * 1e6));
}

/**
 * Builds review input for rule specs:
 *
 *   const t = new TraceBuilder();
 *   const api = t.service('api');
 *   const root = t.span({ service: api, name: 'GET /orders', kind: 'server', durationMs: 100 });
 *   t.span({ service: api, parent: root, name: 'SELECT orders', kind: 'client' });
 *   rule.check(t.index(), DEFAULT_REVIEW_OPTIONS);
 */
export class TraceBuilder {
  private readonly resources: ReviewResource[] = [];
  private readonly spans: ReviewSpan[] = [];
  private nextId = 1;

  /** A resource with this service.name (none when undefined), plus any other attributes. */
  service(name: string | undefined, attributes: Attributes = {}): number {
    this.resources.push({ attributes: name === undefined ? { ...attributes } : { 'service.name': name, ...attributes } });
    return this.resources.length - 1;
  }

  span(init: SpanInit): ReviewSpan {
    if (this.resources.length === 0) this.service('default');
    const parent = typeof init.parent === 'string' ? undefined : init.parent;
    const startMs = init.startMs ?? 0;
    const span: ReviewSpan = {
      traceId: init.traceId ?? parent?.traceId ?? TRACE_A,
      spanId: init.spanId ?? (this.nextId++).toString(16).padStart(16, '0'),
      name: init.name,
      kind: init.kind ?? 'internal',
      startTimeUnixNano: nanosAt(startMs),
      endTimeUnixNano: nanosAt(startMs + (init.durationMs ?? 10)),
      attributes: init.attributes ?? {},
      events: (init.events ?? []).map((event): ReviewEvent => ({ name: event.name, timeUnixNano: nanosAt(event.atMs ?? startMs), attributes: event.attributes ?? {} })),
      links: init.links ?? [],
      status: { code: init.status ?? 'unset' },
      resourceIndex: init.service ?? 0,
    };
    const parentSpanId = typeof init.parent === 'string' ? init.parent : init.parent?.spanId;
    if (parentSpanId !== undefined) span.parentSpanId = parentSpanId;
    if (init.parentIsRemote !== undefined) span.parentIsRemote = init.parentIsRemote;
    this.spans.push(span);
    return span;
  }

  /** `count` spans with the same init, e.g. per-iteration children. */
  spansLike(count: number, init: SpanInit): ReviewSpan[] {
    return Array.from({ length: count }, (_, i) => this.span({ ...init, startMs: (init.startMs ?? 0) + i }));
  }

  input(): ReviewInput {
    return { resources: this.resources.map((r) => ({ attributes: { ...r.attributes } })), spans: [...this.spans] };
  }

  index(): TraceIndex {
    return new TraceIndex(this.input());
  }
}
