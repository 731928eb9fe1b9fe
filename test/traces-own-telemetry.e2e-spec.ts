import { spanExporter } from './support/telemetry';
import type { tracing } from '@opentelemetry/sdk-node';
import { fromReadableSpans } from '../src/traces/review/from-readable-spans';
import { Account, bearer, signUp } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

/**
 * assay reviews its own telemetry: real requests through the real SDK and
 * instrumentations, their spans converted to OTLP/JSON and posted back.
 */
type Span = tracing.ReadableSpan;

interface Finding {
  code: string;
  severity: string;
  detail: string;
  spanIds: string[];
}

const INCOMING_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

/** Runs `scenario` and returns its finished spans by trace id, once no span has arrived for a while (late async spans included). */
async function tracesOf(scenario: () => Promise<unknown>): Promise<Map<string, Span[]>> {
  spanExporter.reset();
  await scenario();
  let count = -1;
  while (count !== spanExporter.getFinishedSpans().length) {
    count = spanExporter.getFinishedSpans().length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const byTrace = new Map<string, Span[]>();
  for (const span of spanExporter.getFinishedSpans()) {
    const traceId = span.spanContext().traceId;
    byTrace.set(traceId, [...(byTrace.get(traceId) ?? []), span]);
  }
  return byTrace;
}

describe('assay’s own traces, reviewed by assay', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  async function review(spans: Span[]): Promise<{ summary: Record<string, number>; findings: Finding[] }> {
    const response = await t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).send(fromReadableSpans(spans));
    expect(response.status).toBe(200);
    return response.body as { summary: Record<string, number>; findings: Finding[] };
  }

  const scenarios: [string, () => Promise<unknown>, number][] = [
    ['signing up (signup, then GET /v1/me)', () => signUp(t.http), 2],
    ['listing questions', () => t.http().get('/v1/questions').set(bearer(owner.accessToken)).expect(200), 1],
    ['a readiness probe continuing a caller’s traceparent', () => t.http().get('/readyz').set('traceparent', `00-${INCOMING_TRACE}-${CALLER_SPAN}-01`).expect(200), 1],
    ['a request the API rejects (400)', () => t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).send({ resourceSpans: 'x' }).expect(400), 1],
  ];

  it.each(scenarios)('%s: no error or warning', async (_label, scenario, traceCount) => {
    const traces = await tracesOf(scenario);
    expect(traces.size).toBe(traceCount);
    for (const spans of traces.values()) {
      const { summary, findings } = await review(spans);
      expect(summary.spans).toBe(spans.length);
      expect(summary.traces).toBe(1);
      const unexpected = findings.filter((finding) => finding.severity !== 'info');
      expect(unexpected).toEqual([]);
    }
  });

  it('treats the server span of a continued trace as an entry, not an orphan or a root', async () => {
    const traces = await tracesOf(() => t.http().get('/readyz').set('traceparent', `00-${INCOMING_TRACE}-${CALLER_SPAN}-01`).expect(200));
    const spans = traces.get(INCOMING_TRACE)!;
    const { summary, findings } = await review(spans);
    expect(summary).toMatchObject({ traces: 1, services: 1, rootSpans: 0 });
    expect(findings.map((f) => f.code)).not.toContain('orphan-spans');
    // Without the is-remote flag the caller's missing span is exactly what an orphan is.
    const withoutFlags = fromReadableSpans(spans);
    for (const resource of withoutFlags.resourceSpans) for (const scope of resource.scopeSpans ?? []) for (const span of scope.spans ?? []) delete span.flags;
    const response = await t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).send(withoutFlags);
    expect((response.body.findings as Finding[]).filter((f) => f.code === 'orphan-spans').map((f) => f.spanIds)).toEqual([
      [spans.find((span) => span.parentSpanContext?.spanId === CALLER_SPAN)!.spanContext().spanId],
    ]);
  });

  it('records each database call once: no CLIENT span wraps another for the same statement', async () => {
    const traces = await tracesOf(() => t.http().get('/v1/questions').set(bearer(owner.accessToken)).expect(200));
    const [spans] = [...traces.values()];
    const { findings } = await review(spans);
    expect(findings.filter((finding) => finding.code === 'double-wrapped-client')).toEqual([]);
    expect(spans.some((span) => span.name.startsWith('pg.query:'))).toBe(true);
    expect(spans.some((span) => span.name === 'prisma:client:db_query')).toBe(false);
  });
});
