import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client';
import { JobQueue } from '../jobs/job-queue.service';
import { DELIVER_WEBHOOK_JOB, type DeliverWebhookJob } from './delivery/deliver-webhook-job';
import { buildPayload, type DeliveryEventName, type WebhookEventName, type WebhookPayload } from './webhook-events';

/**
 * Turns an event into deliveries: one WebhookDelivery row per endpoint, then
 * one queued job per row. The row is committed before its job exists, so the
 * worker always finds it.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('WebhookDispatcher');

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every enabled endpoint of the organization subscribed to `event` gets a delivery; returns how many were queued. */
  async dispatch(organizationId: string, event: WebhookEventName, data: WebhookPayload['data']): Promise<number> {
    const endpoints = await this.prisma.webhookEndpoint.findMany({
      where: { organizationId, disabledAt: null, events: { has: event } },
      select: { id: true, organizationId: true },
    });
    let queued = 0;
    for (const endpoint of endpoints) {
      // One endpoint's failure must not cost the others their delivery.
      try {
        await this.deliver(endpoint, event, data);
        queued += 1;
      } catch (error) {
        this.logger.error({ err: error, webhookId: endpoint.id, event, msg: 'could not create a webhook delivery' });
      }
    }
    return queued;
  }

  async deliver(endpoint: Pick<WebhookEndpoint, 'id' | 'organizationId'>, event: DeliveryEventName, data: WebhookPayload['data']): Promise<WebhookDelivery> {
    const id = randomUUID();
    const createdAt = new Date();
    const delivery = await this.prisma.webhookDelivery.create({
      data: { id, endpointId: endpoint.id, organizationId: endpoint.organizationId, event, payload: { ...buildPayload(id, event, createdAt, data) }, createdAt },
    });
    await this.enqueue(delivery);
    return delivery;
  }

  private async enqueue(delivery: WebhookDelivery): Promise<void> {
    const { retryLimit, retryDelaySeconds } = this.config.webhooks;
    const job: DeliverWebhookJob = { deliveryId: delivery.id, maxAttempts: retryLimit + 1 };
    try {
      await this.jobs.send(DELIVER_WEBHOOK_JOB, job, { singletonKey: delivery.id, retryLimit, retryDelaySeconds, retryBackoff: true });
    } catch (error) {
      // Without a job nothing would ever settle the row: say so in the log the organization reads.
      this.logger.error({ err: error, deliveryId: delivery.id, msg: 'could not queue a webhook delivery' });
      await this.prisma.webhookDelivery
        .update({ where: { id: delivery.id }, data: { status: 'failed', lastError: 'The delivery could not be queued.' } })
        .catch(() => undefined);
      throw error;
    }
  }
}
