import type { tracing } from '@opentelemetry/sdk-node';

type Span = tracing.ReadableSpan;

/** The server span may end just after the response arrives: poll rather than read once. */
export async function waitForSpans(
  exporter: tracing.InMemorySpanExporter,
  predicate: (spans: Span[]) => boolean,
  timeoutMs = 3000,
): Promise<Span[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spans = exporter.getFinishedSpans();
    if (predicate(spans)) return spans;
    if (Date.now() > deadline) throw new Error(`Spans did not arrive in time; have: ${spans.map((s) => s.name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function spansOfTrace(spans: Span[], traceId: string): Span[] {
  return spans.filter((span) => span.spanContext().traceId === traceId);
}

/** True when `span` hangs (transitively) under `ancestor` in the same trace. */
export function isDescendant(span: Span, ancestor: Span, all: Span[]): boolean {
  const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
  let parentId = span.parentSpanContext?.spanId;
  for (let hops = 0; parentId && hops < 100; hops += 1) {
    if (parentId === ancestor.spanContext().spanId) return true;
    parentId = byId.get(parentId)?.parentSpanContext?.spanId;
  }
  return false;
}
