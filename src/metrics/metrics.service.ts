import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { Histogram, Registry } from 'prom-client';

/**
 * Prometheus/OpenMetrics histograms whose exemplars carry the trace id of a
 * real request: a latency spike on a dashboard links straight to a trace of
 * one slow request. (The OpenTelemetry JS metrics SDK cannot emit exemplars
 * yet; prom-client can, in the OpenMetrics exposition format.)
 */
@Injectable()
export class MetricsService {
  // Must be an OpenMetrics registry before any histogram with exemplars joins it.
  readonly registry = openMetricsRegistry();

  private readonly requestDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP server requests, by route template.',
    labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    enableExemplars: true,
    registers: [this.registry],
  });

  private readonly gradingDuration = new Histogram({
    name: 'assay_grading_duration_seconds',
    help: 'Time to grade one submitted session.',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    enableExemplars: true,
    registers: [this.registry],
  });

  private readonly scoreFraction = new Histogram({
    name: 'assay_answer_score_fraction',
    help: 'Distribution of automatic answer scores (score / max score).',
    labelNames: ['band'] as const,
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    enableExemplars: true,
    registers: [this.registry],
  });

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.requestDuration.observe({
      labels: { http_request_method: method, http_route: route, http_response_status_code: statusCode },
      value: seconds,
      exemplarLabels: currentTraceExemplar(),
    });
  }

  observeGrading(outcome: 'graded' | 'failed', seconds: number): void {
    this.gradingDuration.observe({ labels: { outcome }, value: seconds, exemplarLabels: currentTraceExemplar() });
  }

  observeScore(fraction: number, band: string | undefined): void {
    this.scoreFraction.observe({ labels: { band: band ?? 'none' }, value: fraction, exemplarLabels: currentTraceExemplar() });
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function openMetricsRegistry(): Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE> {
  const registry = new Registry<typeof Registry.OPENMETRICS_CONTENT_TYPE>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  return registry;
}

/** Only a sampled trace makes a useful exemplar: an unsampled one was never exported. */
function currentTraceExemplar(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !trace.isSpanContextValid(context) || (context.traceFlags & 1) !== 1) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}
