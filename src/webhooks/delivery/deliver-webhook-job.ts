/** The queue the delivery worker consumes: one job per delivery, retried by pg-boss with exponential backoff. */
export const DELIVER_WEBHOOK_JOB = 'deliver-webhook';

export interface DeliverWebhookJob {
  deliveryId: string;
  /** Fixed when the job is sent, so a config change never leaves a delivery pending with no retries left. */
  maxAttempts: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Job data comes back from the database; a malformed job is dropped rather than retried forever. */
export function isDeliverWebhookJob(data: unknown): data is DeliverWebhookJob {
  if (typeof data !== 'object' || data === null) return false;
  const { deliveryId, maxAttempts } = data as Record<string, unknown>;
  return typeof deliveryId === 'string' && UUID.test(deliveryId) && Number.isInteger(maxAttempts) && (maxAttempts as number) >= 1;
}
