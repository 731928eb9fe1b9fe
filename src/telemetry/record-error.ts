import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { getRPCMetadata } from '@opentelemetry/core';

/**
 * A server error marks the request's SERVER span failed *and* says why:
 * recordException alone leaves the span green on error dashboards, and an
 * ERROR status alone leaves no stack to read. Client errors (4xx) never come
 * here: the caller made the mistake, the server did not fail.
 */
export function recordServerError(error: unknown): void {
  const exception = error instanceof Error ? error : new Error(String(error));
  const active = context.active();
  const spans = new Set([getRPCMetadata(active)?.span, trace.getSpan(active)].filter((span) => span?.isRecording()));
  for (const span of spans) {
    span!.recordException(exception);
    span!.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
  }
}
