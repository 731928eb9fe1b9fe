import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DomainEvents } from '../src/events/domain-events';
import { WebhookDeliveryWorker } from '../src/webhooks/delivery/webhook-delivery.worker';
import { verifySignature } from '../src/webhooks/signature';
import { Account, bearer, signUp } from './factories/accounts';
import { createWebhook, listDeliveries, ReceivedRequest, Receiver, startReceiver, unusedLoopbackUrl, waitForDelivery } from './factories/webhooks';
import { createTestApp, TestApp } from './support/test-app';

// Two retries (three attempts) one second apart, doubling: failures settle in seconds, not minutes.
const RETRY_LIMIT = 2;

describe('webhook deliveries', () => {
  let t: TestApp;
  let db: Client;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_RETRY_LIMIT: String(RETRY_LIMIT), WEBHOOK_RETRY_DELAY_SECONDS: '1' });
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await db.end();
    await t.close();
  });

  async function receiver(statusFor?: (n: number) => number): Promise<Receiver> {
    const started = await startReceiver(statusFor);
    receivers.push(started);
    return started;
  }

  /** What a receiver must do: check the signature over the raw body with the secret it was given, within the tolerance. */
  function expectSigned(request: ReceivedRequest, secret: string): void {
    const result = verifySignature({
      secret,
      body: request.body,
      timestampHeader: request.headers['assay-webhook-timestamp'] as string,
      signatureHeader: request.headers['assay-webhook-signature'] as string,
    });
    expect(result).toEqual({ valid: true, timestamp: Number(request.headers['assay-webhook-timestamp']) });
  }

  function graded(organizationId: string) {
    return { organizationId, sessionId: randomUUID(), interviewId: randomUUID(), gradedAt: new Date().toISOString(), points: 17.5, maxPoints: 25, passed: true };
  }

  it('delivers a signed test ping to a real loopback server, and logs it', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: `${server.url}?source=assay`, events: ['review.decided'] });

    const queued = await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken));
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ webhookId: hook.id, event: 'ping', status: 'pending', attempts: 0, attemptLog: [] });

    const [request] = await server.waitForRequests(1);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hook?source=assay');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'assay-webhook-id': queued.body.id,
      'assay-webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'assay-webhook-signature': expect.stringMatching(/^v1=[0-9a-f]{64}$/),
      'user-agent': expect.stringMatching(/^assay-webhooks\//),
    });
    expect(Math.abs(Number(request.headers['assay-webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expectSigned(request, hook.secret);
    expect(verifySignature({ secret: `${hook.secret}x`, body: request.body, timestampHeader: request.headers['assay-webhook-timestamp'] as string, signatureHeader: request.headers['assay-webhook-signature'] as string }).valid).toBe(false);
    expect(request.body.toString('utf8')).toBe(
      JSON.stringify({ id: queued.body.id, type: 'ping', createdAt: queued.body.createdAt, data: { webhookId: hook.id } }),
    );

    const delivery = await waitForDelivery(t.http, owner, hook.id, (d) => d.id === queued.body.id && d.status === 'succeeded');
    expect(delivery).toEqual({
      ...queued.body,
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
      attemptLog: [{ attempt: 1, at: expect.any(String), durationMs: expect.any(Number), statusCode: 204, error: null }],
    });
  });

  it('fans a domain event out to the subscribed, enabled endpoints of that organization only', async () => {
    const owner = await signUp(t.http);
    const stranger = await signUp(t.http);
    const subscribed = await receiver();
    const otherEvent = await receiver();
    const disabled = await receiver();
    const strangers = await receiver();
    const hook = await createWebhook(t.http, owner, { url: subscribed.url, events: ['session.graded'] });
    const notSubscribed = await createWebhook(t.http, owner, { url: otherEvent.url, events: ['review.decided'] });
    const off = await createWebhook(t.http, owner, { url: disabled.url, events: ['session.graded'] });
    await t.http().patch(`/v1/webhooks/${off.id}`).set(bearer(owner.accessToken)).send({ disabled: true }).expect(200);
    const theirs = await createWebhook(t.http, stranger, { url: strangers.url, events: ['session.graded'] });

    const event = graded(owner.organization.id);
    await t.app.get(DomainEvents).publish('session.graded', event);

    const [request] = await subscribed.waitForRequests(1);
    expectSigned(request, hook.secret);
    const body = JSON.parse(request.body.toString('utf8'));
    expect(body).toEqual({
      id: request.headers['assay-webhook-id'],
      type: 'session.graded',
      createdAt: expect.any(String),
      // Ids and outcomes only; not even the organization id.
      data: { sessionId: event.sessionId, interviewId: event.interviewId, gradedAt: event.gradedAt, points: 17.5, maxPoints: 25, passed: true },
    });
    await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'succeeded');

    // The stranger's own event reaches the stranger only.
    await t.app.get(DomainEvents).publish('session.graded', graded(stranger.organization.id));
    await strangers.waitForRequests(1);
    expect(subscribed.requests).toHaveLength(1);

    expect(otherEvent.requests).toHaveLength(0);
    expect(disabled.requests).toHaveLength(0);
    expect(await listDeliveries(t.http, owner, notSubscribed.id)).toEqual([]);
    expect(await listDeliveries(t.http, owner, off.id)).toEqual([]);
    const theirDeliveries = await listDeliveries(t.http, stranger, theirs.id);
    expect(theirDeliveries).toHaveLength(1);
    expect(JSON.stringify(theirDeliveries)).not.toContain(event.sessionId);
  });

  it('delivers session.submitted and review.decided with their own data', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: server.url, events: ['session.submitted', 'review.decided'] });
    const ids = { organizationId: owner.organization.id, sessionId: randomUUID(), interviewId: randomUUID() };
    const events = t.app.get(DomainEvents);
    await events.publish('session.submitted', { ...ids, submittedAt: '2026-03-01T10:00:00.000Z', submittedBy: 'deadline' });
    await events.publish('review.decided', { ...ids, decision: 'advance', decidedAt: '2026-03-02T10:00:00.000Z', reviewerId: null });

    const requests = await server.waitForRequests(2);
    const bodies = requests.map((request) => JSON.parse(request.body.toString('utf8')) as { type: string; data: unknown });
    requests.forEach((request) => expectSigned(request, hook.secret));
    expect(bodies.map((b) => [b.type, b.data]).sort()).toEqual([
      ['review.decided', { sessionId: ids.sessionId, interviewId: ids.interviewId, decision: 'advance', decidedAt: '2026-03-02T10:00:00.000Z', reviewerId: null }],
      ['session.submitted', { sessionId: ids.sessionId, interviewId: ids.interviewId, submittedAt: '2026-03-01T10:00:00.000Z', submittedBy: 'deadline' }],
    ]);
  });

  it('retries a failing endpoint with backoff until it succeeds, logging both attempts', async () => {
    const owner = await signUp(t.http);
    const server = await receiver((n) => (n === 1 ? 500 : 200));
    const hook = await createWebhook(t.http, owner, { url: server.url, events: ['session.graded'] });
    await t.app.get(DomainEvents).publish('session.graded', graded(owner.organization.id));

    const firstFailed = await waitForDelivery(t.http, owner, hook.id, (d) => d.attempts === 1, 10_000);
    expect(firstFailed).toMatchObject({ status: 'pending', lastStatusCode: 500, lastError: 'The endpoint answered HTTP 500', nextAttemptAt: expect.any(String) });

    const delivery = await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'succeeded');
    expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null, deliveredAt: expect.any(String) });
    expect(delivery.attemptLog).toEqual([
      { attempt: 1, at: expect.any(String), durationMs: expect.any(Number), statusCode: 500, error: 'The endpoint answered HTTP 500' },
      { attempt: 2, at: expect.any(String), durationMs: expect.any(Number), statusCode: 200, error: null },
    ]);
    // The backoff waited at least the base delay between the attempts.
    expect(Date.parse(delivery.attemptLog[1].at) - Date.parse(delivery.attemptLog[0].at)).toBeGreaterThanOrEqual(1000);

    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    // The same delivery (same id and body, so receivers can dedupe), each attempt signed afresh.
    expect(second.headers['assay-webhook-id']).toBe(first.headers['assay-webhook-id']);
    expect(second.body.equals(first.body)).toBe(true);
    expectSigned(first, hook.secret);
    expectSigned(second, hook.secret);

    const attemptLines = t.logs.filter((line) => line.msg === 'webhook delivery attempt' && line.deliveryId === delivery.id);
    expect(attemptLines.map((line) => [line.attempt, line.statusCode, line.outcome])).toEqual([
      [1, 500, 'pending'],
      [2, 200, 'succeeded'],
    ]);
  });

  it('marks a delivery failed after the last retry, and sends nothing more', async () => {
    const owner = await signUp(t.http);
    const server = await receiver(() => 503);
    const hook = await createWebhook(t.http, owner, { url: server.url, events: ['review.decided'] });
    await t.app.get(DomainEvents).publish('review.decided', {
      organizationId: owner.organization.id,
      sessionId: randomUUID(),
      interviewId: randomUUID(),
      decision: 'reject',
      decidedAt: new Date().toISOString(),
      reviewerId: owner.user.id,
    });

    const delivery = await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'failed', 25_000);
    expect(delivery).toMatchObject({ attempts: RETRY_LIMIT + 1, lastStatusCode: 503, lastError: 'The endpoint answered HTTP 503', nextAttemptAt: null, deliveredAt: null });
    expect(delivery.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
    ]);
    expect(server.requests).toHaveLength(RETRY_LIMIT + 1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(server.requests).toHaveLength(RETRY_LIMIT + 1);
  });

  it('records a refused connection as an attempt without a status code', async () => {
    const owner = await signUp(t.http);
    const hook = await createWebhook(t.http, owner, { url: await unusedLoopbackUrl() });
    await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);
    const delivery = await waitForDelivery(t.http, owner, hook.id, (d) => d.attempts >= 1);
    expect(delivery).toMatchObject({ lastStatusCode: null, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(delivery.attemptLog[0]).toMatchObject({ attempt: 1, statusCode: null, error: expect.stringContaining('ECONNREFUSED') });
  });

  it('signs with the new secret as soon as it is rotated', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: server.url });
    const rotated = await t.http().post(`/v1/webhooks/${hook.id}/rotate-secret`).set(bearer(owner.accessToken));
    await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);
    const [request] = await server.waitForRequests(1);
    expectSigned(request, rotated.body.secret);
    const withOld = verifySignature({
      secret: hook.secret,
      body: request.body,
      timestampHeader: request.headers['assay-webhook-timestamp'] as string,
      signatureHeader: request.headers['assay-webhook-signature'] as string,
    });
    expect(withOld).toEqual({ valid: false, reason: 'no-valid-signature' });
  });

  it('sends a test ping to a disabled endpoint, but no events', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: server.url, events: ['session.graded'] });
    await t.http().patch(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken)).send({ disabled: true }).expect(200);
    await t.app.get(DomainEvents).publish('session.graded', graded(owner.organization.id));
    await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);
    const [request] = await server.waitForRequests(1);
    expect(JSON.parse(request.body.toString('utf8')).type).toBe('ping');
    await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'succeeded');
    expect((await listDeliveries(t.http, owner, hook.id)).map((d) => d.event)).toEqual(['ping']);
  });

  it('abandons a queued delivery whose endpoint was disabled before it went out', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: server.url, events: ['session.graded'] });
    const delivery = await createPendingDelivery(owner, hook.id, 'session.graded');
    await t.http().patch(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken)).send({ disabled: true }).expect(200);
    await t.app.get(WebhookDeliveryWorker).deliver({ deliveryId: delivery, maxAttempts: 3 });
    const [logged] = await listDeliveries(t.http, owner, hook.id);
    expect(logged).toMatchObject({ id: delivery, status: 'failed', attempts: 0, lastError: 'The endpoint was disabled before this delivery went out.' });
    expect(server.requests).toHaveLength(0);
  });

  it('is idempotent: running a settled delivery’s job again sends nothing and changes nothing', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: server.url });
    const queued = await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);
    const delivered = await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'succeeded');

    await t.app.get(WebhookDeliveryWorker).deliver({ deliveryId: queued.body.id, maxAttempts: 3 });
    await t.app.get(WebhookDeliveryWorker).deliver({ deliveryId: randomUUID(), maxAttempts: 3 }); // deleted / unknown
    await t.app.get(WebhookDeliveryWorker).deliver({ deliveryId: 'not-a-uuid' }); // malformed job data
    expect(server.requests).toHaveLength(1);
    expect(await listDeliveries(t.http, owner, hook.id)).toEqual([delivered]);
  });

  it('fails a delivery whose stored secret no longer decrypts, without sending it (the secret is bound to its endpoint)', async () => {
    const owner = await signUp(t.http);
    const server = await receiver();
    const hook = await createWebhook(t.http, owner, { url: server.url });
    const other = await createWebhook(t.http, owner, { url: server.url });
    // Copying another endpoint's ciphertext onto this row must not let it sign with that secret.
    await db.query('UPDATE webhook_endpoints SET secret_encrypted = (SELECT secret_encrypted FROM webhook_endpoints WHERE id = $2) WHERE id = $1', [hook.id, other.id]);
    await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);
    const delivery = await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'failed');
    expect(delivery).toMatchObject({ attempts: 0, lastError: expect.stringContaining('cannot be decrypted') });
    expect(server.requests).toHaveLength(0);
  });

  it('pages the delivery log newest first and filters it by status', async () => {
    const owner = await signUp(t.http);
    const hook = await createWebhook(t.http, owner, { url: (await receiver()).url });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202)).body.id);
    await waitForDelivery(t.http, owner, hook.id, () => true);
    const page = (query: Record<string, unknown>) => t.http().get(`/v1/webhooks/${hook.id}/deliveries`).query(query).set(bearer(owner.accessToken));

    const first = await page({ limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.items.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[1]]);
    const second = await page({ limit: 2, cursor: first.body.nextCursor });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });

    for (const id of ids) await waitForDelivery(t.http, owner, hook.id, (d) => d.id === id && d.status === 'succeeded');
    expect((await page({ status: 'succeeded' })).body.items).toHaveLength(3);
    expect((await page({ status: 'failed' })).body.items).toEqual([]);
  });

  /** A pending delivery row with no job behind it (written through SQL), so the test decides when its job runs. */
  async function createPendingDelivery(owner: Account, webhookId: string, event: 'session.graded'): Promise<string> {
    const id = randomUUID();
    const { organizationId, ...data } = graded(owner.organization.id);
    await db.query(`INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event, payload) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      webhookId,
      organizationId,
      event,
      JSON.stringify({ id, type: event, createdAt: new Date().toISOString(), data }),
    ]);
    return id;
  }
});
