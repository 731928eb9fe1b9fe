// NodeSDK builds its sampler from the standard variables once, when
// ./support/telemetry starts it, so they are set before that module loads.
// `import` statements run before any statement of this file (they are
// hoisted), so the static imports below are only ones that neither start the
// SDK nor load the app; ./support/telemetry and the app are `require`d after
// the variables are set, in that order.
const samplerBefore = { sampler: process.env.OTEL_TRACES_SAMPLER, arg: process.env.OTEL_TRACES_SAMPLER_ARG };
process.env.OTEL_TRACES_SAMPLER = 'parentbased_traceidratio';
process.env.OTEL_TRACES_SAMPLER_ARG = '0';

import { SpanKind } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { bearer, signUp, type Account } from './factories/accounts';
import { createQuestion } from './factories/questions';
import { putRubric, widgetRubric, type RubricView } from './factories/rubrics';
import { isDescendant, spansOfTrace, waitForSpans } from './support/spans';
import type { TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded after the sampler variables are set, on purpose (see the top) */
const { spanExporter } = require('./support/telemetry') as typeof import('./support/telemetry');
const { createTestApp } = require('./support/test-app') as typeof import('./support/test-app');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Parent-based ratio sampling, configured only by the standard variables
 * (OTEL_TRACES_SAMPLER=parentbased_traceidratio, ratio 0): a new trace is
 * never kept, but the caller's decision wins. A sampled traceparent gets the
 * whole trace (no hole where a span was dropped), an unsampled one gets
 * nothing, and log lines carry the trace id either way.
 */
type Span = tracing.ReadableSpan;

const CALLER_SPAN = '00f067aa0ba902b7';
let traceSequence = 0;
const nextTraceId = () => `5a4e${(traceSequence += 1).toString(16).padStart(28, '0')}`;
const traceparent = (traceId: string, flags: '00' | '01') => `00-${traceId}-${CALLER_SPAN}-${flags}`;

const isServer = (span: Span) => span.kind === SpanKind.SERVER;
const PREVIEW_ROUTE = '/v1/questions/:id/rubric/preview';

describe('trace sampling from the standard environment variables', () => {
  let t: TestApp;
  let owner: Account;
  let rubric: RubricView;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    rubric = await putRubric(t.http, owner, await createQuestion(t.http, owner), widgetRubric('sampled'));
  });
  afterAll(async () => {
    await t.close();
    for (const [name, value] of [
      ['OTEL_TRACES_SAMPLER', samplerBefore.sampler],
      ['OTEL_TRACES_SAMPLER_ARG', samplerBefore.arg],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  beforeEach(() => {
    spanExporter.reset();
    t.logs.length = 0;
  });

  const preview = () => t.http().post(`/v1/questions/${rubric.questionId}/rubric/preview`).set(bearer(owner.accessToken)).send({ answer: 'Put a cache in front.' });

  /**
   * Sends a sampled request and waits for its SERVER span: every span of the
   * requests sent before it has ended by then, so whatever they exported is
   * in. Returns every finished span that is not the barrier's.
   */
  async function spansBefore(): Promise<Span[]> {
    const barrier = nextTraceId();
    await t.http().get('/healthz').set('traceparent', traceparent(barrier, '01')).expect(200);
    const spans = await waitForSpans(spanExporter, (all) => spansOfTrace(all, barrier).some(isServer));
    return spans.filter((span) => span.spanContext().traceId !== barrier);
  }

  it('keeps no span of a request without traceparent: ratio 0 at the root', async () => {
    const response = await preview().expect(200);
    expect(response.body.questionId).toBe(rubric.questionId);
    expect(await spansBefore()).toEqual([]);
  });

  it('keeps the whole trace of a sampled traceparent: SERVER, Nest, business and database spans, all in that trace, none missing', async () => {
    const traceId = nextTraceId();
    await preview().set('traceparent', traceparent(traceId, '01')).expect(200);
    const spans = await waitForSpans(spanExporter, (all) => {
      const trace = spansOfTrace(all, traceId);
      return trace.some(isServer) && trace.some((span) => span.name === 'assay.score_answer');
    });
    const trace = spansOfTrace(spans, traceId);
    const server = trace.find(isServer)!;
    expect(server.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(server.name).toBe(`POST ${PREVIEW_ROUTE}`);

    const nest = trace.filter((span) => span.instrumentationScope.name === '@opentelemetry/instrumentation-nestjs-core');
    expect(nest.map((span) => span.attributes['nestjs.type']).sort()).toEqual(['handler', 'request_context']);
    const database = trace.filter((span) => span.kind === SpanKind.CLIENT);
    expect(database.length).toBeGreaterThan(0);
    for (const span of database) expect(span.attributes['db.system.name'] ?? span.attributes['db.system']).toBe('postgresql');
    expect(trace.filter((span) => span.name === 'assay.score_answer')).toHaveLength(1);

    // Whole: every span hangs under the SERVER span through spans that were all kept.
    for (const span of trace) if (span !== server) expect(isDescendant(span, server, trace)).toBe(true);
    // And nothing of this request landed in another trace.
    expect((await spansBefore()).filter((span) => span.spanContext().traceId !== traceId)).toEqual([]);
  });

  it('keeps no span of an unsampled traceparent, yet its log lines still carry its trace id', async () => {
    const traceId = nextTraceId();
    await preview().set('traceparent', traceparent(traceId, '00')).expect(200);
    expect(await spansBefore()).toEqual([]);

    const line = t.logs.find((log) => log.msg === 'request completed' && log.route === PREVIEW_ROUTE);
    expect(line).toBeDefined();
    expect(line!.trace_id).toBe(traceId);
    expect(line!.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(line!.span_id).not.toBe(CALLER_SPAN);
  });
});
