import { Context, propagation } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';

/**
 * Baggage travels to every downstream service, so it may only ever carry
 * small, non-personal routing values. This processor copies an allow-list of
 * such keys onto each span as attributes (baggage is not copied by itself);
 * anything else in the baggage is ignored, never recorded.
 */
export const BAGGAGE_ALLOW_LIST: readonly string[] = ['tenant.id', 'deployment.cohort'];
const MAX_VALUE_LENGTH = 128;

export class BaggageSpanProcessor implements tracing.SpanProcessor {
  constructor(private readonly allowList: readonly string[] = BAGGAGE_ALLOW_LIST) {}

  onStart(span: tracing.Span, parentContext: Context): void {
    const baggage = propagation.getBaggage(parentContext);
    if (!baggage) return;
    for (const key of this.allowList) {
      const value = baggage.getEntry(key)?.value;
      if (value && value.length <= MAX_VALUE_LENGTH) span.setAttribute(`baggage.${key}`, value);
    }
  }

  onEnd(): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
