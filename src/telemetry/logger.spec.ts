import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { tracing } from '@opentelemetry/sdk-node';
import { Writable } from 'node:stream';
import { createRootLogger, traceContextFields } from './logger';

describe('log lines and trace context', () => {
  const provider = new tracing.BasicTracerProvider();
  const tracer = provider.getTracer('logger-spec');
  const manager = new AsyncLocalStorageContextManager().enable();
  beforeAll(() => context.setGlobalContextManager(manager));
  afterAll(() => context.disable());

  function capture() {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: createRootLogger({ logLevel: 'info', serviceVersion: '1.2.3' }, destination) };
  }

  it('carries no trace fields outside a span (never all zeros)', () => {
    expect(traceContextFields()).toEqual({});
    const { lines, logger } = capture();
    logger.info('startup');
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[0]).not.toHaveProperty('span_id');
  });

  it('carries the active span’s ids as 32/16 lowercase hex', () => {
    const { lines, logger } = capture();
    const span = tracer.startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    span.end();
    expect(lines[0].trace_id).toBe(span.spanContext().traceId);
    expect(lines[0].span_id).toBe(span.spanContext().spanId);
    expect(lines[0].trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0].span_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores an invalid (all-zero) span context', () => {
    const invalid = trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 });
    const fields = context.with(trace.setSpan(context.active(), invalid), () => traceContextFields());
    expect(fields).toEqual({});
  });
});
