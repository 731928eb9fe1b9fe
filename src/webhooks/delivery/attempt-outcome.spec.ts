import { readAttemptLog, settleAttempt } from './attempt-outcome';

const startedAt = new Date('2026-03-01T10:00:00.000Z');
const finishedAt = new Date('2026-03-01T10:00:00.250Z');
const base = { startedAt, finishedAt, retryDelaySeconds: 2, maxAttempts: 9 };

describe('settling a delivery attempt', () => {
  it.each([200, 201, 202, 204, 299])('succeeds on HTTP %i', (statusCode) => {
    expect(settleAttempt({ ...base, attempt: 3, result: { statusCode } })).toEqual({
      status: 'succeeded',
      lastStatusCode: statusCode,
      lastError: null,
      deliveredAt: finishedAt,
      nextAttemptAt: null,
      retry: false,
      record: { attempt: 3, at: '2026-03-01T10:00:00.000Z', durationMs: 250, statusCode, error: null },
    });
  });

  it.each([199, 300, 302, 400, 404, 410, 429, 500, 503])('retries on HTTP %i', (statusCode) => {
    const settled = settleAttempt({ ...base, attempt: 1, result: { statusCode } });
    expect(settled).toMatchObject({ status: 'pending', lastStatusCode: statusCode, lastError: `The endpoint answered HTTP ${statusCode}`, retry: true, deliveredAt: null });
    expect(settled.record).toEqual({ attempt: 1, at: startedAt.toISOString(), durationMs: 250, statusCode, error: `The endpoint answered HTTP ${statusCode}` });
  });

  it('retries when no answer came, keeping the reason', () => {
    expect(settleAttempt({ ...base, attempt: 2, result: { error: 'No response within 5000 ms' } })).toMatchObject({
      status: 'pending',
      lastStatusCode: null,
      lastError: 'No response within 5000 ms',
      retry: true,
      record: { statusCode: null, error: 'No response within 5000 ms' },
    });
  });

  it('shows the earliest next attempt, doubling per attempt like the queue', () => {
    const after = (attempt: number) => settleAttempt({ ...base, attempt, result: { statusCode: 500 } }).nextAttemptAt!.getTime() - finishedAt.getTime();
    expect([1, 2, 3, 4, 8].map(after)).toEqual([2000, 4000, 8000, 16000, 256000]);
  });

  it('fails for good on the last attempt, and also past it', () => {
    for (const attempt of [9, 10]) {
      expect(settleAttempt({ ...base, attempt, result: { statusCode: 500 } })).toMatchObject({ status: 'failed', retry: false, nextAttemptAt: null, lastStatusCode: 500 });
    }
    expect(settleAttempt({ ...base, attempt: 1, maxAttempts: 1, result: { error: 'ECONNREFUSED' } })).toMatchObject({ status: 'failed', lastError: 'ECONNREFUSED' });
  });

  it('still succeeds on the last attempt', () => {
    expect(settleAttempt({ ...base, attempt: 9, result: { statusCode: 200 } }).status).toBe('succeeded');
  });

  it('keeps error texts short', () => {
    const settled = settleAttempt({ ...base, attempt: 1, result: { error: 'x'.repeat(2000) } });
    expect(settled.lastError).toHaveLength(500);
    expect(settled.lastError!.endsWith('…')).toBe(true);
  });

  it('never reports a negative duration when the clock steps back', () => {
    expect(settleAttempt({ ...base, finishedAt: new Date(startedAt.getTime() - 5), attempt: 1, result: { statusCode: 200 } }).record.durationMs).toBe(0);
  });
});

describe('reading a stored attempt log', () => {
  const entry = { attempt: 1, at: '2026-03-01T10:00:00.000Z', durationMs: 12, statusCode: 500, error: 'The endpoint answered HTTP 500' };

  it('returns the entries the worker wrote, with their fields only', () => {
    expect(readAttemptLog([entry, { ...entry, attempt: 2, statusCode: null, error: 'ECONNREFUSED', extra: 'dropped' }])).toEqual([
      entry,
      { attempt: 2, at: entry.at, durationMs: 12, statusCode: null, error: 'ECONNREFUSED' },
    ]);
  });

  it('skips anything else', () => {
    expect(readAttemptLog(null)).toEqual([]);
    expect(readAttemptLog({ attempt: 1 })).toEqual([]);
    expect(readAttemptLog([null, 'x', { ...entry, attempt: '1' }, { ...entry, statusCode: '500' }, entry])).toEqual([entry]);
  });
});
