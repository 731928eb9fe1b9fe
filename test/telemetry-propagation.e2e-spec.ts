import { sentStatements } from './support/sql-recorder';
import { spanExporter } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import { spansOfTrace, waitForSpans } from './support/spans';
import { createTestApp, TestApp } from './support/test-app';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT = 'b7ad6b7169203331';
const serverSpanOf = (traceId: string) => (s: { kind: SpanKind; spanContext(): { traceId: string } }) =>
  s.kind === SpanKind.SERVER && s.spanContext().traceId === traceId;

describe('propagation, baggage, sampling and sqlcommenter', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => spanExporter.reset());

  it('carries the caller’s tracestate along with the trace (vendor state survives the hop)', async () => {
    await t.http().get('/healthz').set('traceparent', `00-${TRACE_ID}-${PARENT}-01`).set('tracestate', 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    const spans = await waitForSpans(spanExporter, (all) => all.some(serverSpanOf(TRACE_ID)));
    expect(spans.find(serverSpanOf(TRACE_ID))!.spanContext().traceState?.serialize()).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
  });

  it('continues a B3 multi-header trace (X-B3-TraceId / X-B3-SpanId / X-B3-Sampled)', async () => {
    await t.http().get('/healthz').set({ 'X-B3-TraceId': TRACE_ID, 'X-B3-SpanId': PARENT, 'X-B3-Sampled': '1' });
    const spans = await waitForSpans(spanExporter, (all) => all.some(serverSpanOf(TRACE_ID)));
    expect(spans.find(serverSpanOf(TRACE_ID))!.parentSpanContext?.spanId).toBe(PARENT);
  });

  it('continues a B3 single-header trace (b3: traceid-spanid-sampled)', async () => {
    await t.http().get('/healthz').set('b3', `${TRACE_ID}-${PARENT}-1`);
    const spans = await waitForSpans(spanExporter, (all) => all.some(serverSpanOf(TRACE_ID)));
    expect(spans.find(serverSpanOf(TRACE_ID))!.parentSpanContext?.spanId).toBe(PARENT);
  });

  it('copies allow-listed baggage (tenant.id) onto spans and ignores everything else', async () => {
    await t
      .http()
      .get('/readyz')
      .set('traceparent', `00-${TRACE_ID}-${PARENT}-01`)
      .set('baggage', 'tenant.id=acme,user.email=ada%40example.com');
    const spans = await waitForSpans(spanExporter, (all) => all.some(serverSpanOf(TRACE_ID)) && all.some((s) => s.name.startsWith('pg.query')));
    const trace = spansOfTrace(spans, TRACE_ID);
    for (const span of trace) {
      expect(span.attributes['baggage.tenant.id']).toBe('acme');
      expect(JSON.stringify(span.attributes)).not.toContain('example.com');
    }
  });

  it('records nothing for an unsampled incoming trace, and the whole trace for a sampled one', async () => {
    const unsampled = '11111111111111111111111111111111';
    await t.http().get('/readyz').set('traceparent', `00-${unsampled}-${PARENT}-00`);
    await t.http().get('/readyz').set('traceparent', `00-${TRACE_ID}-${PARENT}-01`);
    const spans = await waitForSpans(spanExporter, (all) => all.some(serverSpanOf(TRACE_ID)) && all.some((s) => s.name.startsWith('pg.query')));
    expect(spansOfTrace(spans, unsampled)).toHaveLength(0);
    const sampled = spansOfTrace(spans, TRACE_ID);
    expect(sampled.map((s) => s.kind)).toEqual(expect.arrayContaining([SpanKind.SERVER, SpanKind.CLIENT]));
  });

  it('puts the trace context into the SQL it sends (sqlcommenter)', async () => {
    sentStatements.length = 0;
    await t.http().get('/readyz').set('traceparent', `00-${TRACE_ID}-${PARENT}-01`);
    const commented = sentStatements.filter((sql) => sql.includes(`traceparent='00-${TRACE_ID}-`));
    expect(commented.length).toBeGreaterThan(0);
    expect(commented[0]).toMatch(/\/\*.*traceparent='00-[0-9a-f]{32}-[0-9a-f]{16}-01'.*\*\/\s*$/);
  });

  it('does not mark the server span failed for a client error (4xx)', async () => {
    await t.http().get('/v1/questions').set('traceparent', `00-${TRACE_ID}-${PARENT}-01`); // no credentials: 401
    const spans = await waitForSpans(spanExporter, (all) => all.some(serverSpanOf(TRACE_ID)));
    const server = spans.find(serverSpanOf(TRACE_ID))!;
    expect(server.attributes['http.response.status_code']).toBe(401);
    expect(server.status.code).toBe(0); // UNSET
    expect(server.events.filter((e) => e.name === 'exception')).toHaveLength(0);
  });
});
