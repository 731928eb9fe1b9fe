import { spanExporter } from './support/telemetry';
import { SpanKind } from '@opentelemetry/api';
import type { JsonObject } from '../src/interviews/draw/types';
import { ENGINE_VERSION } from '../src/scoring/engine';
import { bearer, signUp, type Account } from './factories/accounts';
import {
  currentVersion,
  enqueueGrading,
  forkQuestion,
  gradingInterview,
  libraryVersion,
  PROPAGATION_SLUG,
  replaceRubric,
  SPAN_SLUG,
  submittedSession,
  waitForGraded,
  type SubmittedSession,
} from './factories/grading';
import { isDescendant, waitForSpans } from './support/spans';
import { createTestApp, type TestApp } from './support/test-app';

const TRACE_ID = '5bf92f3577b34da6a3ce929d0e0e4737';
const PARENT_SPAN_ID = '10f067aa0ba902b8';
// Distinctive words, so a leak of answer text into any span would be found.
const SPAN_ANSWER = 'Zanzibar says a span is one timed operation with a start and end timestamp. A trace is the tree of spans that share the same trace ID.';
const PROBE_ANSWER = 'Quixotic: a log line has no duration and no parent, a span has both.';

describe('grading telemetry', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  const allAttributeText = () =>
    spanExporter
      .getFinishedSpans()
      .flatMap((span) => [...Object.values(span.attributes), ...span.events.flatMap((event) => Object.values(event.attributes ?? {}))])
      .map((value) => JSON.stringify(value))
      .join('\n');

  it('scores a session inside one grading.score_batch span under the job’s consumer span, with flags as events and no answer text', async () => {
    const span = await libraryVersion(t, SPAN_SLUG);
    const propagation = await libraryVersion(t, PROPAGATION_SLUG);
    const interview = await gradingInterview(t, owner, [{ version: span }, { version: propagation }]);
    const session = await submittedSession(t, interview, [SPAN_ANSWER, null]);
    spanExporter.reset();
    await enqueueGrading(t, session);
    await waitForGraded(t, session.id);

    // The consumer span ends after the batch (and after the session.graded listeners), so wait for both.
    const spans = await waitForSpans(spanExporter, (all) => {
      const batch = all.find((s) => s.name === 'grading.score_batch' && s.attributes['assay.session.id'] === session.id);
      return !!batch && all.some((s) => s.name === 'grade-session process' && s.kind === SpanKind.CONSUMER && isDescendant(batch, s, all));
    });
    const batches = spans.filter((s) => s.name === 'grading.score_batch' && s.attributes['assay.session.id'] === session.id);
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch.attributes).toMatchObject({ 'assay.engine.version': ENGINE_VERSION, 'assay.items.count': 2, 'assay.batch.size': 2, 'assay.scores.reused': 0 });
    // Inside the job's consumer span (through the grading transaction's span).
    const consumers = spans.filter((s) => s.name === 'grade-session process' && s.kind === SpanKind.CONSUMER && isDescendant(batch, s, spans));
    expect(consumers).toHaveLength(1);
    // The unanswered item is flagged on the batch span, by position, without text.
    expect(batch.events.filter((event) => event.name === 'grading.flagged')).toEqual([
      expect.objectContaining({ attributes: expect.objectContaining({ 'assay.item.position': 2, 'assay.flags': expect.arrayContaining(['empty']) }) }),
    ]);
    expect(allAttributeText()).not.toMatch(/Zanzibar/);
  });

  it('re-grades a batch of sessions in ONE consumer span linked to each originating job, with one score batch per session', async () => {
    const library = await libraryVersion(t, SPAN_SLUG);
    const fork = await forkQuestion(t, owner, library.questionId);
    const original = await currentVersion(t, fork.id);
    const propagation = await libraryVersion(t, PROPAGATION_SLUG);
    const interview = await gradingInterview(t, owner, [{ version: original, includeProbes: true }, { version: propagation }]);
    const sessions: SubmittedSession[] = [];
    for (let i = 0; i < 3; i += 1) {
      const session = await submittedSession(t, interview, [SPAN_ANSWER, PROBE_ANSWER, 'Propagation carries the context across services in headers.']);
      await enqueueGrading(t, session);
      await waitForGraded(t, session.id);
      sessions.push(session);
    }
    const rubric = original.rubric as { concepts: JsonObject[] } & JsonObject;
    await replaceRubric(t, owner, fork.id, { ...rubric, concepts: rubric.concepts.map((concept) => ({ ...concept, weight: 1 })) });

    spanExporter.reset();
    const response = await t.http().post(`/v1/interviews/${interview.id}/regrade`).set(bearer(owner.accessToken)).set('traceparent', `00-${TRACE_ID}-${PARENT_SPAN_ID}-01`).send({});
    expect(response.status).toBe(202);
    expect(response.body.queued).toBe(3);

    const isRegradeConsumer = (s: { name: string; kind: SpanKind }) => s.name === 'regrade-sessions process' && s.kind === SpanKind.CONSUMER;
    const spans = await waitForSpans(
      spanExporter,
      (all) => all.filter((s) => s.name === 'grading.score_batch').length >= 3 && all.some(isRegradeConsumer),
      15_000,
    );
    const producers = spans.filter((s) => s.name === 'regrade-sessions publish' && s.kind === SpanKind.PRODUCER);
    expect(producers).toHaveLength(3);
    for (const producer of producers) expect(producer.spanContext().traceId).toBe(TRACE_ID);

    const consumers = spans.filter(isRegradeConsumer);
    expect(consumers).toHaveLength(1);
    const [consumer] = consumers;
    expect(consumer.attributes['messaging.batch.message_count']).toBe(3);
    // A new trace, linked (not parented) to each job's producer.
    expect(consumer.parentSpanContext?.spanId).toBeUndefined();
    expect(consumer.spanContext().traceId).not.toBe(TRACE_ID);
    expect(consumer.links.map((link) => link.context.spanId).sort()).toEqual(producers.map((p) => p.spanContext().spanId).sort());
    for (const link of consumer.links) expect(link.context.traceId).toBe(TRACE_ID);

    const batches = spans.filter((s) => s.name === 'grading.score_batch');
    expect(batches).toHaveLength(3);
    expect(batches.map((s) => s.attributes['assay.session.id']).sort()).toEqual(sessions.map((s) => s.id).sort());
    for (const batch of batches) {
      expect(isDescendant(batch, consumer, spans)).toBe(true);
      // The changed question and its probe are scored again; the unchanged library question is reused.
      expect(batch.attributes).toMatchObject({ 'assay.items.count': 3, 'assay.batch.size': 2, 'assay.scores.reused': 1, 'assay.engine.version': ENGINE_VERSION });
    }
    expect(allAttributeText()).not.toMatch(/Zanzibar|Quixotic|carries the context/);
  });
});
