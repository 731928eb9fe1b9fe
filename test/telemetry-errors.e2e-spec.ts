import { spanExporter } from './support/telemetry';
import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';
import { Client } from 'pg';
import { ensureDatabase } from '../src/database/ensure-database';
import { withDatabase } from '../src/database/pg-config';
import { bearer, signUp, type Account } from './factories/accounts';
import { waitForSpans } from './support/spans';
import { createTestApp, type TestApp } from './support/test-app';

type Span = tracing.ReadableSpan;

const PARENT = 'a1b2c3d4e5f60718';
const UNDOCUMENTED_500 = 'GET /v1/interviews → 500: status 500 is not documented';
/** A fresh sampled trace per request, so each request's SERVER span is found by its trace id alone. */
const newTraceId = () => randomUUID().replace(/-/g, '');
const traceparent = (traceId: string) => `00-${traceId}-${PARENT}-01`;

const serverSpanOf = (spans: Span[], traceId: string) => spans.find((s) => s.kind === SpanKind.SERVER && s.spanContext().traceId === traceId);
const exceptionEvents = (span: Span) => span.events.filter((event) => event.name === 'exception');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (its globalSetup prepares the database).`);
  return value;
}

/**
 * Server errors mark the request's SERVER span failed AND record why
 * (recordException + setStatus(ERROR)); client errors leave it UNSET with no
 * exception. The 5xx are real: the app runs on a database of its own, which
 * the test then makes refuse every connection while the app is running.
 */
describe('errors on the server span', () => {
  const serverUrl = required('ASSAY_TEST_SERVER_URL');
  const database = `assay_test_${required('ASSAY_TEST_RUN_ID')}_errors_${randomUUID().slice(0, 8)}`;
  const quoted = `"${database}"`;
  let admin: Client;
  let t: TestApp | undefined;
  let owner: Account;

  beforeAll(async () => {
    await ensureDatabase(serverUrl, database, required('ASSAY_TEST_TEMPLATE'));
    admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    t = await createTestApp({ DATABASE_URL: withDatabase(serverUrl, database) });
    owner = await signUp(t.http);
  });

  afterAll(async () => {
    // Let the app reconnect before closing it, so its shutdown (pg-boss stopping, Prisma disconnecting) is clean.
    await admin.query(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS true`);
    try {
      // openapi.yaml documents no 500 (an unexpected failure is by definition not part of the
      // contract), so the validating test app reports the one the last test provokes on purpose.
      await t?.close().catch((error: Error) => expect(error.message).toBe(`Responses did not match openapi.yaml:\n${UNDOCUMENTED_500}`));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      await admin.end();
    }
  });

  beforeEach(() => spanExporter.reset());

  async function call(method: 'get' | 'post', path: string, options: { token?: string; body?: object } = {}) {
    const traceId = newTraceId();
    let pending = t!.http()[method](path).set('traceparent', traceparent(traceId));
    if (options.token) pending = pending.set(bearer(options.token));
    const response = options.body ? await pending.send(options.body) : await pending;
    const spans = await waitForSpans(spanExporter, (all) => !!serverSpanOf(all, traceId));
    return { response, server: serverSpanOf(spans, traceId)! };
  }

  function expectClientErrorUnmarked(server: Span, status: number): void {
    expect(server.attributes['http.response.status_code'] ?? server.attributes['http.status_code']).toBe(status);
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
    expect(exceptionEvents(server)).toHaveLength(0);
  }

  it('leaves the SERVER span UNSET without exception events for a 404 (no such route, no such resource)', async () => {
    const noRoute = await call('get', '/v1/no-such-thing');
    expect(noRoute.response.status).toBe(404);
    expectClientErrorUnmarked(noRoute.server, 404);

    const noResource = await call('get', `/v1/interviews/${randomUUID()}`, { token: owner.accessToken });
    expect(noResource.response.status).toBe(404);
    expect(noResource.response.body).toMatchObject({ status: 404 });
    expectClientErrorUnmarked(noResource.server, 404);
  });

  it('leaves the SERVER span UNSET without exception events for a 400 (validation failed)', async () => {
    const { response, server } = await call('post', '/v1/interviews', { token: owner.accessToken, body: { title: '' } });
    expect(response.status).toBe(400);
    expectClientErrorUnmarked(server, 400);
  });

  it('records the exception AND sets ERROR on the SERVER span when the database becomes unreachable (503 from /readyz)', async () => {
    const healthy = await call('get', '/readyz');
    expect(healthy.response.status).toBe(200);
    expect(healthy.server.status.code).toBe(SpanStatusCode.UNSET);

    // No one (superusers included) may connect any more, and every open connection is cut.
    await admin.query(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);

    const { response, server } = await call('get', '/readyz');
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503, type: 'https://assay.dev/problems/unavailable' });

    expect(server.name).toBe('GET /readyz');
    expect(server.attributes['http.response.status_code'] ?? server.attributes['http.status_code']).toBe(503);
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    const [exception, ...more] = exceptionEvents(server);
    expect(more).toHaveLength(0);
    expect(exception.attributes).toMatchObject({ 'exception.message': 'The database is not reachable.' });
    expect(exception.attributes?.['exception.stacktrace']).toEqual(expect.any(String));

    // The error log line of that request joins the same trace.
    const logged = t!.logs.find((line) => line.msg === 'request failed' && line.trace_id === server.spanContext().traceId && line.route === '/readyz');
    expect(logged).toMatchObject({ level: 'error', statusCode: 503 });
  });

  it('records the underlying error AND sets ERROR for an unexpected failure (500 from an authenticated read)', async () => {
    await admin.query(`ALTER DATABASE ${quoted} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);

    // The caller's membership is read on every request: that read fails, and nothing expects it to.
    const { response, server } = await call('get', '/v1/interviews', { token: owner.accessToken });
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 500, type: 'https://assay.dev/problems/internal-error' });
    expect(server.attributes['http.response.status_code'] ?? server.attributes['http.status_code']).toBe(500);
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    // The exception recorded is the real cause, not the generic problem the client sees.
    const exceptions = exceptionEvents(server);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0].attributes?.['exception.message']).toMatch(/not currently accepting connections/);
    expect(exceptions[0].attributes?.['exception.stacktrace']).toEqual(expect.any(String));
    expect(JSON.stringify(response.body)).not.toMatch(/accepting connections/);
  });
});
