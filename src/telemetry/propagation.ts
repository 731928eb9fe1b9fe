import { TextMapPropagator } from '@opentelemetry/api';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { core } from '@opentelemetry/sdk-node';

/**
 * W3C trace context and baggage, plus B3 for services still on Zipkin's
 * format. B3 extraction reads both the multi-header (X-B3-TraceId …) and the
 * single `b3` header; injection writes W3C and B3 multi-header, so a peer on
 * either format continues the trace. OTEL_PROPAGATORS, when set, wins.
 */
export function createPropagator(): TextMapPropagator | undefined {
  if (process.env.OTEL_PROPAGATORS) return undefined; // NodeSDK builds it from the standard variable
  return new core.CompositePropagator({
    propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator(), new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER })],
  });
}
