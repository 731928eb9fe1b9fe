import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { RPCType, setRPCMetadata } from '@opentelemetry/core';
import { tracing } from '@opentelemetry/sdk-node';
import { ENGINE_VERSION, scoreAnswer, type Rubric, type ScoreResult } from './engine';
import { enrichRequestSpan, SCORE_ANSWER_SPAN, scoreResultAttributes, scoreWithSpan, scoringSpanStats } from './scoring-span';

const rubric: Rubric = {
  schemaVersion: 1,
  question: 'caching',
  concepts: [
    { id: 'cache', label: 'Uses a cache', weight: 2, required: true, patterns: ['cache*'] },
    { id: 'evict', label: 'Plans eviction', weight: 1, patterns: ['[evict*|ttl]'] },
  ],
  misconceptions: [{ id: 'free', label: 'Caches are free', penalty: 1, patterns: [{ match: 'cache* free', within: 4 }] }],
  bands: [
    { label: 'good', minFraction: 0.7 },
    { label: 'poor', minFraction: 0 },
  ],
};
// States the cache concept and the misconception sharing its word: a `contradiction` flag.
const ANSWER = 'Put a Zanzibar cache in front; caches are free anyway.';
const score = (): ScoreResult => scoreAnswer(rubric, { prompt: 'How would you speed it up?', answer: ANSWER });

describe('scoring spans', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const recording = new tracing.BasicTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
  const dropping = new tracing.BasicTracerProvider({ sampler: new tracing.AlwaysOffSampler(), spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
  const manager = new AsyncLocalStorageContextManager().enable();
  beforeAll(() => context.setGlobalContextManager(manager));
  afterAll(() => context.disable());
  beforeEach(() => exporter.reset());

  it('records one INTERNAL span with ids, result attributes and one event per flag code, and returns the result unchanged', () => {
    const builds = scoringSpanStats.attributeBuilds;
    const result = scoreWithSpan(recording.getTracer('spec'), { questionId: 'q-1', rubricVersionId: 'v-1' }, score);
    expect(result).toEqual(score());
    expect(result.flags.map((flag) => flag.code)).toContain('contradiction');

    const [span, ...others] = exporter.getFinishedSpans();
    expect(others).toEqual([]);
    expect(span.name).toBe(SCORE_ANSWER_SPAN);
    expect(span.kind).toBe(SpanKind.INTERNAL);
    expect(span.attributes).toEqual({
      'assay.question.id': 'q-1',
      'assay.rubric.version_id': 'v-1',
      'assay.engine.version': ENGINE_VERSION,
      'assay.score.fraction': result.fraction,
      'assay.score.band': 'poor',
      'assay.concepts.matched': ['cache'],
      'assay.concepts.missed': ['evict'],
      'assay.misconceptions.matched': ['free'],
    });
    expect(span.events.map((event) => [event.name, event.attributes])).toEqual(result.flags.map((flag) => ['assay.flag', { 'assay.flag.code': flag.code }]));
    expect(scoringSpanStats.attributeBuilds).toBe(builds + 1);
    expect(JSON.stringify([span.attributes, span.events])).not.toMatch(/Zanzibar|anyway/);
  });

  it('marks a draft rubric instead of naming a version it does not have', () => {
    scoreWithSpan(recording.getTracer('spec'), { questionId: 'q-1' }, score);
    const [span] = exporter.getFinishedSpans();
    expect(span.attributes['assay.rubric.draft']).toBe(true);
    expect(span.attributes).not.toHaveProperty('assay.rubric.version_id');
  });

  it('leaves the band out when the rubric has none', () => {
    const attributes = scoreResultAttributes(scoreAnswer({ ...rubric, bands: [] }, { answer: ANSWER }));
    expect(attributes).not.toHaveProperty('assay.score.band');
    expect(attributes['assay.concepts.matched']).toEqual(['cache']);
  });

  it('builds nothing for a span that is not recording, and still scores', () => {
    const builds = scoringSpanStats.attributeBuilds;
    const result = scoreWithSpan(dropping.getTracer('spec'), { questionId: 'q-1', rubricVersionId: 'v-1' }, score);
    expect(result).toEqual(score());
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(scoringSpanStats.attributeBuilds).toBe(builds);
  });

  it('marks the span failed with the exception when scoring throws, and rethrows', () => {
    const failure = new TypeError('answer must be a string');
    expect(() =>
      scoreWithSpan(recording.getTracer('spec'), { questionId: 'q-1', rubricVersionId: 'v-1' }, () => {
        throw failure;
      }),
    ).toThrow(failure);
    const [span] = exporter.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'answer must be a string' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('makes the scoring span the active one while scoring, under the caller’s span', () => {
    const tracer = recording.getTracer('spec');
    const outer = tracer.startSpan('handler');
    let active: string | undefined;
    context.with(trace.setSpan(context.active(), outer), () =>
      scoreWithSpan(tracer, { questionId: 'q-1' }, () => {
        active = trace.getActiveSpan()?.spanContext().spanId;
        return score();
      }),
    );
    outer.end();
    const scoring = exporter.getFinishedSpans().find((span) => span.name === SCORE_ANSWER_SPAN)!;
    expect(active).toBe(scoring.spanContext().spanId);
    expect(scoring.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
  });

  describe('enrichRequestSpan', () => {
    it('sets the attributes on the request’s SERVER span, not on the active span', () => {
      const tracer = recording.getTracer('spec');
      const server = tracer.startSpan('POST /x', { kind: SpanKind.SERVER });
      const handler = tracer.startSpan('handler');
      const request = setRPCMetadata(trace.setSpan(context.active(), handler), { type: RPCType.HTTP, span: server });
      context.with(request, () => enrichRequestSpan({ 'assay.question.id': 'q-1' }));
      handler.end();
      server.end();
      const spans = exporter.getFinishedSpans();
      expect(spans.find((span) => span.name === 'POST /x')!.attributes['assay.question.id']).toBe('q-1');
      expect(spans.find((span) => span.name === 'handler')!.attributes).not.toHaveProperty('assay.question.id');
    });

    it('does nothing outside an HTTP request (a job, the CLI)', () => {
      const tracer = recording.getTracer('spec');
      const job = tracer.startSpan('job');
      expect(() => context.with(trace.setSpan(context.active(), job), () => enrichRequestSpan({ 'assay.question.id': 'q-1' }))).not.toThrow();
      job.end();
      expect(exporter.getFinishedSpans()[0].attributes).not.toHaveProperty('assay.question.id');
    });
  });
});
