export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];

/** One line of a delivery's attempt log. */
export interface AttemptRecord {
  attempt: number;
  /** When the request was sent. */
  at: string;
  durationMs: number;
  /** null when no HTTP answer came (refused, timed out, …). */
  statusCode: number | null;
  error: string | null;
}

export type AttemptResult = { statusCode: number } | { error: string };

export interface SettledAttempt {
  status: DeliveryStatus;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  /** Earliest time the queue will try again; null once the delivery is settled. */
  nextAttemptAt: Date | null;
  record: AttemptRecord;
  /** Whether the job should fail so the queue retries it. */
  retry: boolean;
}

const ERROR_MAX_LENGTH = 500;

/**
 * What one attempt means for the delivery: 2xx succeeds; anything else is
 * retried until the last attempt, which fails the delivery for good.
 *
 * `nextAttemptAt` mirrors pg-boss's exponential backoff, which waits
 * `delay · 2^(n-1) · (1 + random)` seconds after the n-th failed attempt:
 * the value shown is its lower bound.
 */
export function settleAttempt(input: {
  attempt: number;
  maxAttempts: number;
  result: AttemptResult;
  startedAt: Date;
  finishedAt: Date;
  retryDelaySeconds: number;
}): SettledAttempt {
  const { attempt, maxAttempts, result, startedAt, finishedAt } = input;
  const statusCode = 'statusCode' in result ? result.statusCode : null;
  const succeeded = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const error = succeeded ? null : truncate('error' in result ? result.error : `The endpoint answered HTTP ${statusCode}`);
  const record: AttemptRecord = { attempt, at: startedAt.toISOString(), durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()), statusCode, error };
  if (succeeded) return { status: 'succeeded', lastStatusCode: statusCode, lastError: null, deliveredAt: finishedAt, nextAttemptAt: null, record, retry: false };
  if (attempt >= maxAttempts) return { status: 'failed', lastStatusCode: statusCode, lastError: error, deliveredAt: null, nextAttemptAt: null, record, retry: false };
  const backoffSeconds = input.retryDelaySeconds * 2 ** (attempt - 1);
  return {
    status: 'pending',
    lastStatusCode: statusCode,
    lastError: error,
    deliveredAt: null,
    nextAttemptAt: new Date(finishedAt.getTime() + backoffSeconds * 1000),
    record,
    retry: true,
  };
}

function truncate(text: string): string {
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH - 1)}…` : text;
}

/** The attempt log as written by the delivery worker, tolerating entries it never wrote. */
export function readAttemptLog(stored: unknown): AttemptRecord[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isAttemptRecord).map(({ attempt, at, durationMs, statusCode, error }) => ({ attempt, at, durationMs, statusCode, error }));
}

function isAttemptRecord(value: unknown): value is AttemptRecord {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.attempt === 'number' &&
    typeof entry.at === 'string' &&
    typeof entry.durationMs === 'number' &&
    (entry.statusCode === null || typeof entry.statusCode === 'number') &&
    (entry.error === null || typeof entry.error === 'string')
  );
}
