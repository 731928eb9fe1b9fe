import { spanExporter } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import { isDescendant, spansOfTrace, waitForSpans } from './support/spans';
import { createTestApp, TestApp } from './support/test-app';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';

describe('telemetry groundwork', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => spanExporter.reset());

  const isServerSpanOf = (traceId: string) => (s: { kind: SpanKind; spanContext(): { traceId: string } }) =>
    s.kind === SpanKind.SERVER && s.spanContext().traceId === traceId;

  it('continues an incoming W3C traceparent: same trace id, server span parented to the caller', async () => {
    const res = await t.http().get('/readyz').set('traceparent', `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`);
    expect(res.status).toBe(200);
    const spans = await waitForSpans(spanExporter, (all) => all.some(isServerSpanOf(TRACE_ID)));
    const server = spans.find(isServerSpanOf(TRACE_ID))!;
    expect(server.parentSpanContext?.spanId).toBe(PARENT_SPAN_ID);
    // Named by route template with the stable attribute, not by raw path.
    expect(server.name).toBe('GET /readyz');
    expect(server.attributes['http.route']).toBe('/readyz');
    expect(server.attributes['http.request.method'] ?? server.attributes['http.method']).toBe('GET');
  });

  it('puts database spans under the request’s server span', async () => {
    await t.http().get('/readyz').set('traceparent', `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`);
    const spans = await waitForSpans(
      spanExporter,
      (all) => all.some(isServerSpanOf(TRACE_ID)) && all.some((s) => s.name.startsWith('pg.query')),
    );
    const trace = spansOfTrace(spans, TRACE_ID);
    const server = trace.find(isServerSpanOf(TRACE_ID))!;
    const database = trace.filter((s) => s.name.startsWith('pg.') || s.name === 'prisma:client:db_query');
    expect(database.length).toBeGreaterThan(0);
    for (const span of database) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(isDescendant(span, server, trace)).toBe(true);
    }
    const query = database.find((s) => s.name.startsWith('pg.query'))!;
    expect(query.attributes['db.system'] ?? query.attributes['db.system.name']).toBe('postgresql');
  });

  it('stamps the request’s log lines with its trace and span ids', async () => {
    t.logs.length = 0;
    await t.http().get('/healthz').set('traceparent', `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`);
    const line = t.logs.find((l) => l.msg === 'request completed' && l.route === '/healthz');
    expect(line).toBeDefined();
    expect(line!.trace_id).toBe(TRACE_ID);
    expect(line!.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(line!.span_id).not.toBe('0000000000000000');
  });

  it('starts a new trace when no traceparent arrives', async () => {
    await t.http().get('/healthz');
    const spans = await waitForSpans(spanExporter, (all) => all.some((s) => s.kind === SpanKind.SERVER));
    const server = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(server.parentSpanContext?.spanId).toBeUndefined();
    expect(server.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server.spanContext().traceId).not.toBe(TRACE_ID);
  });

  it('describes the service in the resource', async () => {
    await t.http().get('/healthz');
    const [span] = await waitForSpans(spanExporter, (all) => all.length > 0);
    const attributes = span.resource.attributes;
    expect(attributes['service.name']).toBe('assay');
    expect(attributes['service.version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(attributes['deployment.environment.name']).toBe('test');
  });
});
