import { spanExporter } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { ENGINE_VERSION } from '../src/scoring/engine';
import { SCORE_ANSWER_SPAN, scoringSpanStats } from '../src/scoring/scoring-span';
import { fromReadableSpans } from '../src/traces/review/from-readable-spans';
import { bearer, signUp, type Account } from './factories/accounts';
import { enqueueGrading, gradingInterview, libraryVersion, PROPAGATION_SLUG, SPAN_SLUG, submittedSession, waitForGraded } from './factories/grading';
import { createQuestion } from './factories/questions';
import { putRubric, widgetRubric, type RubricView } from './factories/rubrics';
import { isDescendant, spansOfTrace, waitForSpans } from './support/spans';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Business spans for scoring: one INTERNAL `assay.score_answer` span per
 * preview, under the Nest handler and the HTTP SERVER span, carrying ids and
 * results but never the answer; the SERVER span enriched, no CLIENT span
 * wrapped; the result attributes built only for a recording span; grading a
 * session is one batch span, never a span per answer.
 */
type Span = tracing.ReadableSpan;

const SAMPLED = '01';
const UNSAMPLED = '00';
const CALLER_SPAN = '00f067aa0ba902b7';
let traceSequence = 0;
/** A fresh trace id per request, so each test reads only its own request's spans. */
const nextTraceId = () => `5c0e${(traceSequence += 1).toString(16).padStart(28, '0')}`;
const traceparent = (traceId: string, flags: string) => `00-${traceId}-${CALLER_SPAN}-${flags}`;

// Words no rubric, route or id contains: finding any of them in a span means the answer leaked.
const ANSWER = 'Zanzibar puts a cache in front of the quixotic store, and widgets never fail anyway, says Ulyssean.';
const LEAK_WORDS = ['Zanzibar', 'quixotic', 'Ulyssean', 'anyway'];

/** Every attribute and event attribute value of these spans, as text. */
const recordedText = (spans: readonly Span[]) =>
  spans
    .flatMap((span) => [span.name, ...Object.values(span.attributes), ...span.events.flatMap((event) => [event.name, ...Object.values(event.attributes ?? {})])])
    .map((value) => JSON.stringify(value))
    .join('\n');

/** Scopes of the instrumentations whose spans may hold a database CLIENT span. */
const INSTRUMENTATION_PARENTS = ['prisma', '@opentelemetry/instrumentation-nestjs-core', '@opentelemetry/instrumentation-pg'];

const isServer = (span: Span) => span.kind === SpanKind.SERVER;
const parentOf = (span: Span, all: readonly Span[]) => all.find((candidate) => candidate.spanContext().spanId === span.parentSpanContext?.spanId);

interface PreviewBody {
  fraction: number;
  band?: string;
  concepts: { id: string; matched: boolean }[];
  missed: { id: string }[];
  misconceptions: { id: string }[];
  flags: { code: string }[];
}

describe('scoring telemetry', () => {
  let t: TestApp;
  let owner: Account;
  let rubric: RubricView;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    const question = await createQuestion(t.http, owner);
    // The misconception contradicts the cache concept, so an answer stating both raises a `contradiction` flag.
    const base = widgetRubric(question.slug);
    const [misconception] = base.misconceptions as Record<string, unknown>[];
    rubric = await putRubric(t.http, owner, question, { ...base, misconceptions: [{ ...misconception, contradicts: ['cache-layer'] }] });
  });
  afterAll(() => t.close());
  beforeEach(() => spanExporter.reset());

  const preview = (flags: string, traceId: string, body: Record<string, unknown> = { answer: ANSWER }) =>
    t.http().post(`/v1/questions/${rubric.questionId}/rubric/preview`).set(bearer(owner.accessToken)).set('traceparent', traceparent(traceId, flags)).send(body);

  /** The finished spans of `traceId`, once its SERVER span (the last to end) is in. */
  async function traceOf(traceId: string, also: (spans: Span[]) => boolean): Promise<Span[]> {
    const spans = await waitForSpans(spanExporter, (all) => {
      const trace = spansOfTrace(all, traceId);
      return trace.some(isServer) && also(trace);
    });
    return spansOfTrace(spans, traceId);
  }

  it('scores a preview in one INTERNAL assay.score_answer span under the SERVER span, with the result as attributes and a flag event per flag', async () => {
    const traceId = nextTraceId();
    const response = await preview(SAMPLED, traceId).expect(200);
    const body = response.body as PreviewBody;
    expect(body.flags.map((flag) => flag.code)).toContain('contradiction');

    const trace = await traceOf(traceId, (spans) => spans.some((span) => span.name === SCORE_ANSWER_SPAN));
    const scoring = trace.filter((span) => span.name === SCORE_ANSWER_SPAN);
    expect(scoring).toHaveLength(1);
    const [score] = scoring;
    expect(score.kind).toBe(SpanKind.INTERNAL);

    const server = trace.find(isServer)!;
    expect(server.name).toBe('POST /v1/questions/:id/rubric/preview');
    expect(isDescendant(score, server, trace)).toBe(true);
    // Directly under Nest's handler span: the business step of the handler, not a wrapper of the request.
    expect(parentOf(score, trace)?.attributes['nestjs.type']).toBe('handler');
    // The request's own SERVER span is enriched, so the request can be found by its question.
    expect(server.attributes['assay.question.id']).toBe(rubric.questionId);

    expect(score.attributes).toEqual({
      'assay.question.id': rubric.questionId,
      'assay.rubric.version_id': rubric.versionId,
      'assay.engine.version': ENGINE_VERSION,
      'assay.score.fraction': body.fraction,
      'assay.score.band': body.band,
      'assay.concepts.matched': ['cache-layer'],
      'assay.concepts.missed': ['shard-data'],
      'assay.misconceptions.matched': ['never-fail'],
    });
    expect(body.concepts.filter((concept) => concept.matched).map((concept) => concept.id)).toEqual(['cache-layer']);
    expect(body.missed.map((missed) => missed.id)).toEqual(['shard-data']);
    expect(score.events.map((event) => ({ name: event.name, attributes: event.attributes }))).toEqual(
      body.flags.map((flag) => ({ name: 'assay.flag', attributes: { 'assay.flag.code': flag.code } })),
    );

    // Nothing of the answer anywhere in the trace: not in attributes, not in events (flag messages and evidence quote it).
    const text = recordedText(trace);
    for (const word of LEAK_WORDS) expect(text).not.toContain(word);
  });

  it('enriches the auto-instrumented spans instead of wrapping them: every CLIENT span is pg’s, under Prisma or Nest, and the reviewer finds no double wrap', async () => {
    const traceId = nextTraceId();
    await preview(SAMPLED, traceId).expect(200);
    const trace = await traceOf(traceId, (spans) => spans.some((span) => span.name === SCORE_ANSWER_SPAN));

    const clients = trace.filter((span) => span.kind === SpanKind.CLIENT);
    expect(clients.length).toBeGreaterThan(0);
    for (const client of clients) {
      expect(client.name).toMatch(/^pg\./);
      const parent = parentOf(client, trace)!;
      expect(parent.kind).not.toBe(SpanKind.CLIENT);
      // The parent is an instrumentation's span (Prisma's model operation, or Nest's, or pg's pool), never one of assay's own tracers.
      expect(INSTRUMENTATION_PARENTS).toContain(parent.instrumentationScope.name);
    }
    // Scoring does no I/O, so its span has no children at all.
    const score = trace.find((span) => span.name === SCORE_ANSWER_SPAN)!;
    expect(trace.filter((span) => span.parentSpanContext?.spanId === score.spanContext().spanId)).toEqual([]);
    // The only SERVER span is the instrumentation's: no manual span stands in for the request.
    expect(trace.filter(isServer)).toHaveLength(1);

    const review = await t.http().post('/v1/traces/review').set(bearer(owner.accessToken)).send(fromReadableSpans(trace)).expect(200);
    expect(review.body.summary.spans).toBe(trace.length);
    expect((review.body.findings as { code: string }[]).map((finding) => finding.code)).not.toContain('double-wrapped-client');
  });

  it('marks a preview with a draft rubric as a draft: it has no rubric version yet', async () => {
    const traceId = nextTraceId();
    const response = await preview(SAMPLED, traceId, { answer: ANSWER, rubric: widgetRubric('draft') }).expect(200);
    expect(response.body.draft).toBe(true);
    const trace = await traceOf(traceId, (spans) => spans.some((span) => span.name === SCORE_ANSWER_SPAN));
    const score = trace.find((span) => span.name === SCORE_ANSWER_SPAN)!;
    expect(score.attributes).toMatchObject({ 'assay.question.id': rubric.questionId, 'assay.rubric.draft': true, 'assay.score.fraction': response.body.fraction });
    expect(score.attributes).not.toHaveProperty('assay.rubric.version_id');
  });

  it('builds the result attributes only for a recording span: never for an unsampled traceparent, once for a sampled one', async () => {
    const unsampledTrace = nextTraceId();
    const before = scoringSpanStats.attributeBuilds;
    const unsampled = await preview(UNSAMPLED, unsampledTrace).expect(200);
    expect(scoringSpanStats.attributeBuilds).toBe(before);

    const sampledTrace = nextTraceId();
    const sampled = await preview(SAMPLED, sampledTrace).expect(200);
    expect(scoringSpanStats.attributeBuilds).toBe(before + 1);
    // Same answer, same score: only the telemetry differed.
    expect(unsampled.body).toEqual(sampled.body);

    // The sampled request's trace arriving whole means the unsampled one (sent first) had its chance to export anything.
    await traceOf(sampledTrace, (spans) => spans.some((span) => span.name === SCORE_ANSWER_SPAN));
    const finished = spanExporter.getFinishedSpans();
    expect(spansOfTrace(finished, unsampledTrace)).toEqual([]);
    // Nor did the unsampled request start a trace of its own (a root span would have a new trace id).
    const elsewhere = finished.filter((span) => span.spanContext().traceId !== sampledTrace && (isServer(span) || span.name === SCORE_ANSWER_SPAN));
    expect(elsewhere).toEqual([]);
  });

  it('grades a session of N answers in exactly one grading.score_batch span with assay.batch.size = N, and no span per answer', async () => {
    const versions = await Promise.all([SPAN_SLUG, PROPAGATION_SLUG, 'why-sample-traces-at-all'].map((slug) => libraryVersion(t, slug)));
    const interview = await gradingInterview(t, owner, versions.map((version) => ({ version })));
    const answers = [
      'Zanzibar: a span is one timed operation with a start and an end; a trace is the tree of spans sharing a trace ID.',
      'Propagation carries the quixotic context across services in headers.',
      'Tracing everything is unaffordable, says Ulyssean; keep the errors.',
    ];
    const session = await submittedSession(t, interview, answers);
    const buildsBefore = scoringSpanStats.attributeBuilds;
    spanExporter.reset();
    await enqueueGrading(t, session);
    await waitForGraded(t, session.id);

    const isBatchOfSession = (span: Span) => span.name === 'grading.score_batch' && span.attributes['assay.session.id'] === session.id;
    // The job's consumer span ends last; once it is in, the whole grading trace is.
    const spans = await waitForSpans(spanExporter, (all) => {
      const batch = all.find(isBatchOfSession);
      return !!batch && spansOfTrace(all, batch.spanContext().traceId).some((span) => span.kind === SpanKind.CONSUMER);
    });
    const batches = spans.filter(isBatchOfSession);
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch.attributes).toMatchObject({ 'assay.items.count': answers.length, 'assay.batch.size': answers.length, 'assay.engine.version': ENGINE_VERSION });

    const trace = spansOfTrace(spans, batch.spanContext().traceId);
    // The loop over answers makes no span of any name: the batch span has no children, and no answer got a scoring span.
    expect(trace.filter((span) => span.parentSpanContext?.spanId === batch.spanContext().spanId)).toEqual([]);
    expect(spans.filter((span) => span.name === SCORE_ANSWER_SPAN)).toEqual([]);
    expect(scoringSpanStats.attributeBuilds).toBe(buildsBefore);
    // Per-answer information stays within the batch, as at most one event per answer.
    expect(batch.events.length).toBeLessThanOrEqual(answers.length);
    expect(recordedText(trace)).not.toMatch(/Zanzibar|quixotic|Ulyssean/);
  });
});
