/**
 * Webhook factories, through the public API, and a loopback receiver.
 *
 *   const receiver = await startReceiver();                       // http://127.0.0.1:<random port>/hook
 *   const hook = await createWebhook(t.http, owner, { url: receiver.url, events: ['session.graded'] });
 *   const [request] = await receiver.waitForRequests(1);
 *   verifySignature({ secret: hook.secret, body: request.body, ... });
 *   const delivery = await waitForDelivery(t.http, owner, hook.id, (d) => d.status === 'succeeded');
 */
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import type { Account } from './accounts';
import { bearer } from './accounts';
import type { TestApp } from '../support/test-app';

type Http = TestApp['http'];
type Credentials = Pick<Account, 'accessToken'>;

export type WebhookEventName = 'session.submitted' | 'session.graded' | 'review.decided';

export interface WebhookBody {
  id: string;
  url: string;
  events: WebhookEventName[];
  description: string;
  secretPrefix: string;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export interface WebhookWithSecret extends WebhookBody {
  secret: string;
}

export interface DeliveryBody {
  id: string;
  webhookId: string;
  event: WebhookEventName | 'ping';
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  payload: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  attemptLog: { attempt: number; at: string; durationMs: number; statusCode: number | null; error: string | null }[];
}

export async function createWebhook(
  http: Http,
  admin: Credentials,
  input: { url: string; events?: WebhookEventName[]; description?: string },
): Promise<WebhookWithSecret> {
  const response = await http()
    .post('/v1/webhooks')
    .set(bearer(admin.accessToken))
    .send({ events: ['session.submitted', 'session.graded', 'review.decided'], ...input });
  expectStatus(response, 201, 'creating a webhook');
  return response.body as WebhookWithSecret;
}

export async function listDeliveries(http: Http, admin: Credentials, webhookId: string): Promise<DeliveryBody[]> {
  const response = await http().get(`/v1/webhooks/${webhookId}/deliveries`).query({ limit: 100 }).set(bearer(admin.accessToken));
  expectStatus(response, 200, 'listing deliveries');
  return (response.body as { items: DeliveryBody[] }).items;
}

/** Polls the delivery log (through the API) until a delivery matches; deliveries run in a background worker. */
export async function waitForDelivery(
  http: Http,
  admin: Credentials,
  webhookId: string,
  predicate: (delivery: DeliveryBody) => boolean,
  timeoutMs = 20_000,
): Promise<DeliveryBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = (await listDeliveries(http, admin, webhookId)).find(predicate);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`No matching delivery for webhook ${webhookId} within ${timeoutMs} ms: ${JSON.stringify(await listDeliveries(http, admin, webhookId))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as received: what the signature covers. */
  body: Buffer;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 and a random port. `statusFor(n)` decides the
 * status of the n-th request (1-based); 204 by default.
 */
export async function startReceiver(statusFor: (n: number) => number = () => 204): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(statusFor(requests.length), { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    async waitForRequests(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`The receiver got ${requests.length} of ${count} requests within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return requests.slice(0, count);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A URL on which nothing listens (the port was just freed). */
export async function unusedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hook`;
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
  }
}
