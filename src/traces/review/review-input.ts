/**
 * What the trace reviewer reads: spans already validated and normalized
 * (lower-case hex ids, nanosecond bigints, kinds and statuses by name).
 * Plain data, no framework types.
 */
export type SpanKindName = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type StatusCodeName = 'unset' | 'ok' | 'error';

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

export interface ReviewEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: Attributes;
}

export interface ReviewLink {
  traceId: string;
  spanId: string;
}

export interface ReviewSpan {
  traceId: string;
  spanId: string;
  /** Absent for a root span. */
  parentSpanId?: string;
  /** From the OTLP span flags: true/false when the exporter said whether the parent is remote, undefined when it did not. */
  parentIsRemote?: boolean;
  name: string;
  kind: SpanKindName;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  events: ReviewEvent[];
  links: ReviewLink[];
  status: { code: StatusCodeName; message?: string };
  /** Index into ReviewInput.resources. */
  resourceIndex: number;
}

export interface ReviewResource {
  attributes: Attributes;
}

export interface ReviewInput {
  resources: ReviewResource[];
  spans: ReviewSpan[];
}
