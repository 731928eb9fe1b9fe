/**
 * Turns the SDK's finished spans (e.g. from an InMemorySpanExporter) into the
 * OTLP/JSON request an OTLP/HTTP JSON exporter would send for them, so
 * assay's own telemetry can be fed to the reviewer. Mirrors the encoding of
 * @opentelemetry/otlp-transformer's JsonTraceSerializer: hex ids, decimal
 * string nanoseconds, kinds shifted by one, span flags with the is-remote bits.
 */
import type { Attributes as OtelAttributes, HrTime } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import type { OtlpAnyValue, OtlpKeyValue, OtlpResource, OtlpResourceSpans, OtlpScopeSpans, OtlpSpan, OtlpTraceRequest } from '../otlp/otlp-json';
import { SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE, SPAN_FLAGS_CONTEXT_IS_REMOTE } from '../otlp/otlp-json';

type ReadableSpan = tracing.ReadableSpan;

export function fromReadableSpans(spans: readonly ReadableSpan[]): OtlpTraceRequest {
  // Spans of one SDK share one Resource object and one scope per tracer: group by identity, like the exporter.
  const byResource = new Map<ReadableSpan['resource'], Map<string, ReadableSpan[]>>();
  for (const span of spans) {
    const scopes = byResource.get(span.resource) ?? new Map<string, ReadableSpan[]>();
    byResource.set(span.resource, scopes);
    const scope = span.instrumentationScope;
    const scopeKey = `${scope.name}@${scope.version ?? ''}:${scope.schemaUrl ?? ''}`;
    const group = scopes.get(scopeKey);
    if (group) group.push(span);
    else scopes.set(scopeKey, [span]);
  }
  const resourceSpans: OtlpResourceSpans[] = [];
  for (const [resource, scopes] of byResource) {
    const scopeSpans: OtlpScopeSpans[] = [...scopes.values()].map((group) => ({
      scope: { name: group[0].instrumentationScope.name, version: group[0].instrumentationScope.version },
      spans: group.map(toOtlpSpan),
      schemaUrl: group[0].instrumentationScope.schemaUrl,
    }));
    const otlpResource: OtlpResource = { attributes: toKeyValues(resource.attributes), droppedAttributesCount: 0 };
    if (resource.schemaUrl) otlpResource.schemaUrl = resource.schemaUrl;
    resourceSpans.push({ resource: otlpResource, scopeSpans, schemaUrl: otlpResource.schemaUrl });
  }
  return { resourceSpans };
}

function toOtlpSpan(span: ReadableSpan): OtlpSpan {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId || undefined,
    traceState: context.traceState?.serialize(),
    name: span.name,
    // The API's SpanKind has no UNSPECIFIED, so OTLP's enum is the API's plus one.
    kind: span.kind + 1,
    startTimeUnixNano: hrTimeToNanos(span.startTime),
    endTimeUnixNano: hrTimeToNanos(span.endTime),
    attributes: toKeyValues(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((event) => ({
      attributes: toKeyValues(event.attributes ?? {}),
      name: event.name,
      timeUnixNano: hrTimeToNanos(event.time),
      droppedAttributesCount: event.droppedAttributesCount ?? 0,
    })),
    droppedEventsCount: span.droppedEventsCount,
    status: { code: span.status.code, message: span.status.message },
    links: span.links.map((link) => ({
      attributes: toKeyValues(link.attributes ?? {}),
      spanId: link.context.spanId,
      traceId: link.context.traceId,
      traceState: link.context.traceState?.serialize(),
      droppedAttributesCount: link.droppedAttributesCount ?? 0,
      flags: spanFlags(link.context.traceFlags, link.context.isRemote),
    })),
    droppedLinksCount: span.droppedLinksCount,
    flags: spanFlags(context.traceFlags, span.parentSpanContext?.isRemote),
  };
}

/** Low byte: W3C trace flags; plus "is-remote is known" and, for a remote parent, "is remote". */
function spanFlags(traceFlags: number, parentIsRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE | (parentIsRemote ? SPAN_FLAGS_CONTEXT_IS_REMOTE : 0);
}

function hrTimeToNanos([seconds, nanos]: HrTime): string {
  return (BigInt(Math.trunc(seconds)) * 1_000_000_000n + BigInt(Math.trunc(nanos))).toString();
}

function toKeyValues(attributes: OtelAttributes): OtlpKeyValue[] {
  return Object.keys(attributes).map((key) => ({ key, value: toAnyValue(attributes[key]) }));
}

function toAnyValue(value: unknown): OtlpAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (value instanceof Uint8Array) return { bytesValue: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
  if (typeof value === 'object' && value !== null) {
    return { kvlistValue: { values: Object.entries(value).map(([key, item]) => ({ key, value: toAnyValue(item) })) } };
  }
  return {};
}
