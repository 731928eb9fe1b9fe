import { spanExporter } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import { waitForSpans } from './support/spans';
import { createTestApp, TestApp } from './support/test-app';

const TRACE_ID = '7bf92f3577b34da6a3ce929d0e0e4731';

describe('GET /metrics (OpenMetrics with exemplars)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves request-latency histograms by route template whose exemplar leads to the exported trace', async () => {
    spanExporter.reset();
    await t.http().get('/readyz').set('traceparent', `00-${TRACE_ID}-1111111111111111-01`).expect(200);
    const res = await t.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('application/openmetrics-text');
    const lines = res.text.split('\n');
    const bucket = lines.find((l) => l.startsWith('http_server_request_duration_seconds_bucket') && l.includes('http_route="/readyz"') && l.includes('# {'));
    expect(bucket).toBeDefined();
    const exemplarTrace = /trace_id="([0-9a-f]{32})"/.exec(bucket!)?.[1];
    expect(exemplarTrace).toBe(TRACE_ID);
    // Follow the exemplar: the trace it names was exported, with its server span.
    const spans = await waitForSpans(spanExporter, (all) => all.some((s) => s.spanContext().traceId === exemplarTrace && s.kind === SpanKind.SERVER));
    expect(spans.find((s) => s.spanContext().traceId === exemplarTrace && s.kind === SpanKind.SERVER)!.name).toBe('GET /readyz');
    expect(res.text).toContain('# TYPE assay_grading_duration_seconds histogram');
    expect(res.text).toContain('# TYPE assay_answer_score_fraction histogram');
    expect(res.text.trimEnd().endsWith('# EOF')).toBe(true);
  });

  it('uses route templates as labels, never raw paths with ids', async () => {
    await t.http().get('/v1/questions/3f1e1c1e-0000-4000-8000-000000000000');
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).not.toContain('3f1e1c1e-0000-4000-8000-000000000000');
  });

  it('gives no exemplar for an unsampled request', async () => {
    const unsampled = '8bf92f3577b34da6a3ce929d0e0e4732';
    await t.http().get('/healthz').set('traceparent', `00-${unsampled}-1111111111111111-00`).expect(200);
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).not.toContain(unsampled);
  });
});
