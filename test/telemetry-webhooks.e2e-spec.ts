import './support/trace-outgoing-http';
import { spanExporter, tracesOutgoingHttp } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { bearer, signUp, type Account } from './factories/accounts';
import { enqueueGrading, gradingInterview, libraryVersion, SPAN_SLUG, submittedSession, waitForGraded } from './factories/grading';
import { createWebhook, startReceiver, type ReceivedRequest, type Receiver } from './factories/webhooks';
import { isDescendant, spansOfTrace, waitForSpans } from './support/spans';
import { createTestApp, type TestApp } from './support/test-app';

type Span = tracing.ReadableSpan;

const HTTP_INSTRUMENTATION = '@opentelemetry/instrumentation-http';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The trace context a receiver reads from a delivery, in both formats. */
function contextOf(request: ReceivedRequest) {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const traceparent = header('traceparent');
  const match = TRACEPARENT.exec(traceparent ?? '');
  if (!match) throw new Error(`the delivery carried no valid traceparent (got ${JSON.stringify(traceparent)}); headers: ${JSON.stringify(request.headers)}`);
  return {
    w3c: { traceId: match[1], parentId: match[2], flags: match[3] },
    b3: { traceId: header('x-b3-traceid'), spanId: header('x-b3-spanid'), sampled: header('x-b3-sampled') },
  };
}

const isDeliveryConsumer = (s: Span) => s.name === 'deliver-webhook process' && s.kind === SpanKind.CONSUMER;
const isDeliveryProducer = (s: Span) => s.name === 'deliver-webhook publish' && s.kind === SpanKind.PRODUCER;

/**
 * Webhook deliveries across the process boundary: the receiver can continue
 * the trace in either format (W3C and B3), and the trace itself has the right
 * shape: request → PRODUCER, then a NEW trace rooted at the CONSUMER (linked,
 * not parented, to the producer) → HTTP CLIENT span → the receiver.
 */
describe('webhook delivery telemetry', () => {
  let t: TestApp;
  let owner: Account;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  /**
   * Waits for the delivery received as the `n`-th request, and the spans on
   * both sides of it: the CLIENT span that sent it, its CONSUMER root and the
   * PRODUCER the consumer links to.
   */
  async function deliveryTrace(n: number) {
    const [request] = (await receiver.waitForRequests(n)).slice(n - 1);
    const headers = contextOf(request);
    const spans = await waitForSpans(
      spanExporter,
      (all) => {
        const client = all.find((s) => s.spanContext().spanId === headers.w3c.parentId);
        const consumer = all.find((s) => isDeliveryConsumer(s) && s.spanContext().traceId === headers.w3c.traceId);
        return !!client && !!consumer && consumer.links.every((link) => all.some((s) => s.spanContext().spanId === link.context.spanId));
      },
      10_000,
    );
    const client = spans.find((s) => s.spanContext().spanId === headers.w3c.parentId)!;
    const trace = spansOfTrace(spans, headers.w3c.traceId);
    const consumer = trace.find(isDeliveryConsumer)!;
    return { request, headers, spans, trace, client, consumer };
  }

  it('runs with outgoing HTTP traced (otherwise deliveries carry no trace context at all)', () => {
    expect(tracesOutgoingHttp).toBe(true);
  });

  it('injects W3C traceparent and B3 headers naming the delivery’s CLIENT span, under a root CONSUMER linked to the request’s PRODUCER', async () => {
    const hook = await createWebhook(t.http, owner, { url: receiver.url, events: ['review.decided'] });
    spanExporter.reset();
    const queued = await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken));
    expect(queued.status).toBe(202);
    const deliveryId = (queued.body as { id: string }).id;

    const { request, headers, spans, trace, client, consumer } = await deliveryTrace(1);
    expect(request.headers['assay-webhook-id']).toBe(deliveryId);

    // Both formats, naming the same trace and the same parent span, sampled.
    expect(headers.w3c.flags).toBe('01');
    expect(headers.b3).toEqual({ traceId: headers.w3c.traceId, spanId: headers.w3c.parentId, sampled: '1' });

    // The parent the receiver sees is the HTTP instrumentation's CLIENT span for this POST.
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(client.instrumentationScope.name).toBe(HTTP_INSTRUMENTATION);
    expect(client.spanContext().traceId).toBe(headers.w3c.traceId);
    expect(client.attributes['http.request.method'] ?? client.attributes['http.method']).toBe('POST');
    expect(client.attributes['http.response.status_code'] ?? client.attributes['http.status_code']).toBe(204);

    // …inside the job's CONSUMER span, which starts a trace of its own.
    expect(isDescendant(client, consumer, trace)).toBe(true);
    expect(consumer.parentSpanContext).toBeUndefined();
    expect(consumer.attributes).toMatchObject({ 'messaging.destination.name': 'deliver-webhook', 'assay.webhook.delivery.id': deliveryId, 'assay.webhook.event': 'ping' });

    // Linked (not parented) to the PRODUCER span, which sits in the trace of the request that queued the delivery.
    expect(consumer.links).toHaveLength(1);
    const [link] = consumer.links;
    const producer = spans.find((s) => s.spanContext().spanId === link.context.spanId)!;
    expect(isDeliveryProducer(producer)).toBe(true);
    expect(link.context.traceId).toBe(producer.spanContext().traceId);
    expect(producer.spanContext().traceId).not.toBe(headers.w3c.traceId);
    const server = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['http.route'] === '/v1/webhooks/:id/test')!;
    expect(server).toBeDefined();
    expect(producer.spanContext().traceId).toBe(server.spanContext().traceId);
    expect(isDescendant(producer, server, spans)).toBe(true);
  });

  it('links a delivery caused by a background event (session.graded) to the PRODUCER inside the grading job’s trace', async () => {
    await createWebhook(t.http, owner, { url: receiver.url, events: ['session.graded'] });
    const interview = await gradingInterview(t, owner, [{ version: await libraryVersion(t, SPAN_SLUG) }]);
    const session = await submittedSession(t, interview, ['A span is one timed operation; a trace is the tree of spans sharing a trace id.']);
    const before = receiver.requests.length;
    spanExporter.reset();
    await enqueueGrading(t, session);
    await waitForGraded(t, session.id);

    const { request, headers, spans, client, consumer, trace } = await deliveryTrace(before + 1);
    expect(JSON.parse(request.body.toString('utf8'))).toMatchObject({ type: 'session.graded', data: { sessionId: session.id } });
    expect(headers.b3).toEqual({ traceId: headers.w3c.traceId, spanId: headers.w3c.parentId, sampled: '1' });
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(isDescendant(client, consumer, trace)).toBe(true);
    expect(consumer.parentSpanContext).toBeUndefined();

    // The event was published while grading: the delivery's producer hangs under the grading consumer, in that trace.
    const producer = spans.find((s) => s.spanContext().spanId === consumer.links[0]?.context.spanId)!;
    expect(isDeliveryProducer(producer)).toBe(true);
    const grading = spans.find((s) => s.name === 'grade-session process' && s.kind === SpanKind.CONSUMER && s.spanContext().traceId === producer.spanContext().traceId);
    expect(grading).toBeDefined();
    expect(isDescendant(producer, grading!, spans)).toBe(true);
    expect(grading!.spanContext().traceId).not.toBe(consumer.spanContext().traceId);
  });
});
