import type { DomainEventMap } from '../events/domain-events';

/** The domain events an endpoint can subscribe to. */
export const WEBHOOK_EVENTS = ['session.submitted', 'session.graded', 'review.decided'] as const satisfies readonly (keyof DomainEventMap)[];
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** Sent only on request (`POST /v1/webhooks/{id}/test`), to every endpoint whatever it subscribes to. */
export const PING_EVENT = 'ping';
export type DeliveryEventName = WebhookEventName | typeof PING_EVENT;
export const DELIVERY_EVENTS: readonly DeliveryEventName[] = [...WEBHOOK_EVENTS, PING_EVENT];

/** The JSON body of every delivery. `id` is the delivery id: receivers dedupe on it, since a retry may repeat a delivery that did arrive. */
export interface WebhookPayload {
  id: string;
  type: DeliveryEventName;
  createdAt: string;
  data: Record<string, string | number | boolean | null>;
}

/**
 * What an event tells the receiver: ids and outcomes only, copied field by field
 * so that whatever else a publisher adds to an event (answer text, candidate
 * details) never leaves assay by accident.
 */
export function webhookData<E extends WebhookEventName>(event: E, payload: DomainEventMap[E]): WebhookPayload['data'] {
  switch (event) {
    case 'session.submitted': {
      const p = payload as DomainEventMap['session.submitted'];
      return { sessionId: p.sessionId, interviewId: p.interviewId, submittedAt: p.submittedAt, submittedBy: p.submittedBy };
    }
    case 'session.graded': {
      const p = payload as DomainEventMap['session.graded'];
      return { sessionId: p.sessionId, interviewId: p.interviewId, gradedAt: p.gradedAt, points: p.points, maxPoints: p.maxPoints, passed: p.passed };
    }
    case 'review.decided': {
      const p = payload as DomainEventMap['review.decided'];
      return { sessionId: p.sessionId, interviewId: p.interviewId, decision: p.decision, decidedAt: p.decidedAt, reviewerId: p.reviewerId };
    }
    default:
      throw new Error(`No webhook data for event ${String(event)}`);
  }
}

export function buildPayload(id: string, type: DeliveryEventName, createdAt: Date, data: WebhookPayload['data']): WebhookPayload {
  return { id, type, createdAt: createdAt.toISOString(), data };
}

/** The exact body sent: fixed key order, whatever order the database returns the stored JSON in (jsonb sorts keys). */
export function payloadBody(payload: WebhookPayload): string {
  return JSON.stringify({ id: payload.id, type: payload.type, createdAt: payload.createdAt, data: payload.data });
}

/** Reads a stored payload back; throws on anything this module did not write. */
export function readPayload(stored: unknown): WebhookPayload {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new Error('The stored webhook payload is not an object.');
  const { id, type, createdAt, data } = stored as Record<string, unknown>;
  if (typeof id !== 'string' || typeof createdAt !== 'string' || !DELIVERY_EVENTS.includes(type as DeliveryEventName)) {
    throw new Error('The stored webhook payload lacks id, type or createdAt.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('The stored webhook payload has no data object.');
  for (const value of Object.values(data)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) throw new Error('The stored webhook payload data is not flat.');
  }
  return { id, type: type as DeliveryEventName, createdAt, data: data as WebhookPayload['data'] };
}
