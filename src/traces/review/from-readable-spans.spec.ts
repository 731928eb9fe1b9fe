import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
// A dependency of the OTLP exporter, imported here only to prove the converter encodes exactly as the real JSON exporter does.
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resources, tracing } from '@opentelemetry/sdk-node';
import { readOtlpTrace } from '../otlp/read-otlp-trace';
import { fromReadableSpans } from './from-readable-spans';

const REMOTE_PARENT = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true };

/** Real SDK spans: a remote-parented server span with children of every kind, attribute type, event, link and status. */
function recordSpans(): tracing.ReadableSpan[] {
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new tracing.BasicTracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': 'checkout', 'service.version': '1.2.3' }),
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  const http = provider.getTracer('@opentelemetry/instrumentation-http', '0.223.0');
  const manual = provider.getTracer('checkout');
  const server = http.startSpan('POST /checkout', { kind: SpanKind.SERVER, attributes: { 'http.route': '/checkout', 'http.response.status_code': 500 } }, trace.setSpanContext(ROOT_CONTEXT, REMOTE_PARENT));
  const inServer = trace.setSpan(ROOT_CONTEXT, server);
  const client = http.startSpan('GET', { kind: SpanKind.CLIENT, attributes: { 'url.full': 'https://pricing/price', ratio: 0.25, retried: false, tags: ['a', 'b'] } }, inServer);
  client.end();
  const producer = manual.startSpan('orders publish', { kind: SpanKind.PRODUCER }, inServer);
  producer.end();
  const consumer = manual.startSpan('orders process', { kind: SpanKind.CONSUMER, links: [{ context: producer.spanContext(), attributes: { 'messaging.batch': 1 } }] }, ROOT_CONTEXT);
  consumer.addEvent('cache.miss', { key: 'cart:1' });
  consumer.end();
  const failing = manual.startSpan('charge card', { kind: SpanKind.INTERNAL }, inServer);
  failing.recordException(new TypeError('card declined'));
  failing.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
  failing.end();
  server.setStatus({ code: SpanStatusCode.OK });
  server.end();
  return exporter.getFinishedSpans();
}

describe('fromReadableSpans', () => {
  const spans = recordSpans();
  const converted = JSON.parse(JSON.stringify(fromReadableSpans(spans))) as unknown;

  it('encodes spans exactly as the OTLP/JSON exporter does', () => {
    const exported = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans))) as unknown;
    expect(converted).toEqual(exported);
  });

  it('groups by resource and instrumentation scope', () => {
    const request = fromReadableSpans(spans);
    expect(request.resourceSpans).toHaveLength(1);
    expect(request.resourceSpans[0].scopeSpans?.map((scope) => [scope.scope?.name, scope.spans?.length])).toEqual([
      ['@opentelemetry/instrumentation-http', 2],
      ['checkout', 3],
    ]);
  });

  it('produces input the reviewer accepts, with kinds, statuses and the remote parent intact', () => {
    const result = readOtlpTrace(converted);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const byName = new Map(result.input.spans.map((span) => [span.name, span]));
    expect(result.input.resources).toEqual([{ attributes: expect.objectContaining({ 'service.name': 'checkout' }) }]);
    expect(byName.get('POST /checkout')).toMatchObject({ kind: 'server', parentSpanId: REMOTE_PARENT.spanId, parentIsRemote: true, status: { code: 'ok' } });
    expect(byName.get('GET')).toMatchObject({ kind: 'client', parentIsRemote: false, attributes: { ratio: 0.25, retried: false, tags: ['a', 'b'] } });
    expect(byName.get('orders publish')?.kind).toBe('producer');
    expect(byName.get('orders process')).toMatchObject({ kind: 'consumer', links: [{ spanId: byName.get('orders publish')?.spanId }], events: [{ name: 'cache.miss' }] });
    expect(byName.get('charge card')).toMatchObject({ kind: 'internal', status: { code: 'error', message: 'card declined' }, events: [{ name: 'exception' }] });
    expect(byName.get('orders process')?.parentSpanId).toBeUndefined();
  });

  it('keeps nanosecond times', () => {
    const [span] = spans;
    const [seconds, nanos] = span.startTime;
    const request = fromReadableSpans([span]);
    expect(request.resourceSpans[0].scopeSpans?.[0].spans?.[0].startTimeUnixNano).toBe((BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString());
  });

  it('turns no spans into an empty request', () => {
    expect(fromReadableSpans([])).toEqual({ resourceSpans: [] });
  });
});
