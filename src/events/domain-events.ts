import { Injectable, Logger } from '@nestjs/common';

/** Events other parts of assay (webhooks, metrics) react to. Payloads carry ids and outcomes, never answer text or PII. */
export interface DomainEventMap {
  'session.submitted': { organizationId: string; sessionId: string; interviewId: string; submittedAt: string; submittedBy: 'candidate' | 'deadline' };
  'session.graded': { organizationId: string; sessionId: string; interviewId: string; gradedAt: string; points: number; maxPoints: number; passed: boolean };
  'review.decided': { organizationId: string; sessionId: string; interviewId: string; decision: 'advance' | 'hold' | 'reject'; decidedAt: string; reviewerId: string | null };
}

export type DomainEventName = keyof DomainEventMap;
type Listener<E extends DomainEventName> = (payload: DomainEventMap[E]) => Promise<void>;

/**
 * In-process publish/subscribe. Listeners must be durable on their own (the
 * webhooks listener only enqueues a job), so publishing never blocks on
 * delivery and a failing listener never fails the publisher's request.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('DomainEvents');
  private readonly listeners = new Map<DomainEventName, Listener<DomainEventName>[]>();

  subscribe<E extends DomainEventName>(event: E, listener: Listener<E>): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as unknown as Listener<DomainEventName>);
    this.listeners.set(event, list);
  }

  async publish<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): Promise<void> {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        await listener(payload);
      } catch (error) {
        this.logger.error({ err: error, event }, 'event listener failed');
      }
    }
  }
}
