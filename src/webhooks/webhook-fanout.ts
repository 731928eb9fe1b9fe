import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents, type DomainEventMap } from '../events/domain-events';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WEBHOOK_EVENTS, webhookData, type WebhookEventName } from './webhook-events';

/**
 * Listens to the domain events webhooks offer. The listener only writes rows
 * and queues jobs, so a publisher's request never waits on a receiver.
 */
@Injectable()
export class WebhookFanout implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    for (const event of WEBHOOK_EVENTS) this.listen(event);
  }

  private listen<E extends WebhookEventName>(event: E): void {
    this.events.subscribe(event, async (payload: DomainEventMap[E]) => {
      await this.dispatcher.dispatch(payload.organizationId, event, webhookData(event, payload));
    });
  }
}
