import { Module } from '@nestjs/common';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker';
import { WebhooksController } from './http/webhooks.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookFanout } from './webhook-fanout';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksService } from './webhooks.service';

/** Signed, retried, logged HTTP callbacks for session and review events (see README.md for the signature scheme). */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveriesService, WebhookSecrets, WebhookDispatcher, WebhookFanout, WebhookDeliveryWorker],
})
export class WebhooksModule {}
