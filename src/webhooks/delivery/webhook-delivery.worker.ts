import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { PrismaService } from '../../database/prisma.service';
import { JobQueue } from '../../jobs/job-queue.service';
import { payloadBody, PING_EVENT, readPayload } from '../webhook-events';
import { WebhookSecrets } from '../webhook-secrets';
import { signPayload } from '../signature';
import { readAttemptLog, settleAttempt, type AttemptResult } from './attempt-outcome';
import { DELIVER_WEBHOOK_JOB, isDeliverWebhookJob } from './deliver-webhook-job';
import { postJson } from './post-json';

export const DELIVERY_TIMEOUT_MS = 5000;
/**
 * Parallel deliveries per process, so one slow receiver (up to the timeout)
 * does not hold up the rest. The first worker polls at the queue's usual pace
 * (a fresh delivery goes out within about half a second); the helpers, there
 * for bursts and slow receivers, poll less often to keep idle load low.
 */
const WORKERS = 4;
const POLL_SECONDS = { first: 0.5, helpers: 2 };

/** Thrown to make pg-boss retry (or finally fail) the job; the delivery row already says why. */
export class WebhookAttemptFailedError extends Error {
  constructor(deliveryId: string, attempt: number, reason: string) {
    super(`Webhook delivery ${deliveryId} attempt ${attempt} failed: ${reason}`);
    this.name = 'WebhookAttemptFailedError';
  }
}

/**
 * Sends one delivery per job: signs the body, POSTs it, records the attempt.
 * Idempotent: a delivery that is no longer pending is left alone, and the
 * attempt is recorded only if no other run recorded one meanwhile. A crash
 * after the POST but before the record means the receiver may see the same
 * delivery twice, which is why the payload id (= assay-webhook-id) is stable.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger('WebhookDelivery');

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly secrets: WebhookSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    for (let i = 0; i < WORKERS; i += 1) {
      const pollingIntervalSeconds = i === 0 ? POLL_SECONDS.first : POLL_SECONDS.helpers;
      await this.jobs.work(DELIVER_WEBHOOK_JOB, (data) => this.deliver(data), { pollingIntervalSeconds });
    }
  }

  async deliver(data: unknown): Promise<void> {
    if (!isDeliverWebhookJob(data)) {
      this.logger.warn({ msg: 'dropped a malformed deliver-webhook job' });
      return;
    }
    const delivery = await this.prisma.webhookDelivery.findUnique({ where: { id: data.deliveryId }, include: { endpoint: true } });
    // Gone with its endpoint, or settled by an earlier run of this job.
    if (!delivery || delivery.status !== 'pending') return;
    const { endpoint } = delivery;
    trace.getActiveSpan()?.setAttributes({ 'assay.webhook.id': endpoint.id, 'assay.webhook.delivery.id': delivery.id, 'assay.webhook.event': delivery.event });

    if (endpoint.disabledAt !== null && delivery.event !== PING_EVENT) {
      return this.abandon(delivery.id, 'The endpoint was disabled before this delivery went out.');
    }
    if (delivery.attempts >= data.maxAttempts) return this.abandon(delivery.id, 'No attempts left.');
    let secret: string;
    let body: string;
    try {
      secret = this.secrets.reveal(endpoint);
      body = payloadBody(readPayload(delivery.payload));
    } catch (error) {
      // Retrying cannot help: the key changed or the row was altered.
      return this.abandon(delivery.id, (error as Error).message);
    }

    const attempt = delivery.attempts + 1;
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': `assay-webhooks/${this.config.serviceVersion}`,
      'assay-webhook-id': delivery.id,
      'assay-webhook-timestamp': String(timestamp),
      'assay-webhook-signature': signPayload(secret, timestamp, body),
    };
    const startedAt = new Date();
    let result: AttemptResult;
    try {
      result = await postJson(endpoint.url, body, headers, DELIVERY_TIMEOUT_MS);
    } catch (error) {
      result = { error: (error as Error).message };
    }
    const settled = settleAttempt({
      attempt,
      maxAttempts: data.maxAttempts,
      result,
      startedAt,
      finishedAt: new Date(),
      retryDelaySeconds: this.config.webhooks.retryDelaySeconds,
    });

    const recorded = await this.prisma.webhookDelivery.updateMany({
      // Compare-and-set on the attempt count: a concurrent run cannot make this attempt vanish or count twice.
      where: { id: delivery.id, status: 'pending', attempts: delivery.attempts },
      data: {
        status: settled.status,
        attempts: attempt,
        lastStatusCode: settled.lastStatusCode,
        lastError: settled.lastError,
        nextAttemptAt: settled.nextAttemptAt,
        deliveredAt: settled.deliveredAt,
        attemptLog: [...readAttemptLog(delivery.attemptLog), settled.record].map((entry) => ({ ...entry })),
      },
    });
    this.logger.log({
      msg: 'webhook delivery attempt',
      webhookId: endpoint.id,
      deliveryId: delivery.id,
      event: delivery.event,
      attempt,
      statusCode: settled.lastStatusCode,
      durationMs: settled.record.durationMs,
      outcome: settled.status,
    });
    if (recorded.count === 1 && settled.status !== 'succeeded') {
      throw new WebhookAttemptFailedError(delivery.id, attempt, settled.lastError ?? 'unknown');
    }
  }

  /** Settles a delivery as failed without sending it; no retry can change the outcome. */
  private async abandon(deliveryId: string, reason: string): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({ where: { id: deliveryId, status: 'pending' }, data: { status: 'failed', lastError: reason, nextAttemptAt: null } });
    this.logger.warn({ msg: 'webhook delivery abandoned', deliveryId, reason });
  }
}
