import type { WebhookDelivery, WebhookEndpoint } from '../generated/prisma/client';
import { readAttemptLog, type DeliveryStatus } from './delivery/attempt-outcome';
import type { WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import type { WebhookDto, WebhookWithSecretDto } from './dto/webhook.dto';
import { readPayload, type DeliveryEventName, type WebhookEventName } from './webhook-events';

/** The only place webhook rows become response bodies; the encrypted secret never leaves. */
export function toWebhookDto(endpoint: WebhookEndpoint): WebhookDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events as WebhookEventName[],
    description: endpoint.description,
    secretPrefix: endpoint.secretPrefix,
    disabled: endpoint.disabledAt !== null,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

export function toWebhookWithSecretDto(endpoint: WebhookEndpoint, secret: string): WebhookWithSecretDto {
  return { ...toWebhookDto(endpoint), secret };
}

export function toWebhookDeliveryDto(delivery: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: delivery.id,
    webhookId: delivery.endpointId,
    event: delivery.event as DeliveryEventName,
    status: delivery.status as DeliveryStatus,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    payload: readPayload(delivery.payload),
    attemptLog: readAttemptLog(delivery.attemptLog),
  };
}
