import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Account, addMember, bearer, createApiKey, signUp } from './factories/accounts';
import { createWebhook, unusedLoopbackUrl, WebhookWithSecret } from './factories/webhooks';
import { createTestApp, TestApp } from './support/test-app';

const URL_A = 'https://hooks.example.com/assay';
const SECRET_SHAPE = /^whsec_[\w-]{43}$/;

describe('webhook endpoints', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function auditOf(webhookId: string): Promise<{ action: string; actor_user_id: string | null; actor_api_key_id: string | null; before: unknown; after: unknown }[]> {
    const { rows } = await db.query(
      `SELECT action, actor_user_id, actor_api_key_id, before, after FROM audit_events WHERE entity_type = 'webhook_endpoint' AND entity_id = $1 ORDER BY created_at, id`,
      [webhookId],
    );
    return rows;
  }

  it('registers an endpoint and shows its signing secret once', async () => {
    const owner = await signUp(t.http);
    const response = await t
      .http()
      .post('/v1/webhooks')
      .set(bearer(owner.accessToken))
      .send({ url: `  ${URL_A}  `, events: ['session.graded', 'review.decided'], description: '  ATS  ' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: URL_A,
      events: ['session.graded', 'review.decided'],
      description: 'ATS',
      secretPrefix: response.body.secret.slice(0, 10),
      disabled: false,
      disabledAt: null,
      createdAt: expect.any(String),
      secret: expect.stringMatching(SECRET_SHAPE),
    });

    const read = await t.http().get(`/v1/webhooks/${response.body.id}`).set(bearer(owner.accessToken));
    expect(read.status).toBe(200);
    const { secret, ...withoutSecret } = response.body;
    expect(read.body).toEqual(withoutSecret);
    expect(JSON.stringify(read.body)).not.toContain(secret.slice(10));

    expect(await auditOf(response.body.id)).toEqual([
      {
        action: 'webhook.created',
        actor_user_id: owner.user.id,
        actor_api_key_id: null,
        before: null,
        after: { url: URL_A, events: ['session.graded', 'review.decided'], description: 'ATS', disabled: false, secretPrefix: response.body.secretPrefix },
      },
    ]);
  });

  it('gives every endpoint its own secret, and defaults the description to empty', async () => {
    const owner = await signUp(t.http);
    const first = await createWebhook(t.http, owner, { url: URL_A });
    const second = await createWebhook(t.http, owner, { url: URL_A });
    expect(first.secret).not.toBe(second.secret);
    expect(first.description).toBe('');
  });

  it('lists the organization’s endpoints newest first, without secrets', async () => {
    const owner = await signUp(t.http);
    const older = await createWebhook(t.http, owner, { url: `${URL_A}/1` });
    const newer = await createWebhook(t.http, owner, { url: `${URL_A}/2`, events: ['review.decided'] });
    const response = await t.http().get('/v1/webhooks').set(bearer(owner.accessToken));
    expect(response.status).toBe(200);
    expect(response.body.items.map((w: { id: string }) => w.id)).toEqual([newer.id, older.id]);
    expect(response.body.items[0]).toEqual({ ...newer, secret: undefined });
    for (const hook of [older, newer]) expect(JSON.stringify(response.body)).not.toContain(hook.secret);
  });

  it('keeps the signing secret encrypted at rest: no table holds it in plain text', async () => {
    const owner = await signUp(t.http);
    const hook = await createWebhook(t.http, owner, { url: await unusedLoopbackUrl() });
    const rotated = await t.http().post(`/v1/webhooks/${hook.id}/rotate-secret`).set(bearer(owner.accessToken));
    expect(rotated.status).toBe(200);
    // A delivery and its queued job exist too, so their tables are searched with everything else.
    await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);

    const [row] = (await db.query('SELECT * FROM webhook_endpoints WHERE id = $1', [hook.id])).rows;
    expect(row.secret_encrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row.secret_prefix).toBe(rotated.body.secretPrefix);

    const tables = (await db.query(`SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`)).rows;
    expect(tables.map((table: { name: string }) => table.name)).toEqual(expect.arrayContaining(['public.webhook_endpoints', 'public.webhook_deliveries', 'public.audit_events', 'pgboss.job']));
    const holding = async (table: string, needle: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table} t WHERE strpos(t::text, $1) > 0`, [needle])).rows[0].n as number;
    // The search does find what is stored: the visible prefix and the ciphertext.
    expect(await holding('public.webhook_endpoints', rotated.body.secretPrefix)).toBe(1);
    expect(await holding('public.webhook_endpoints', row.secret_encrypted)).toBe(1);
    for (const secret of [hook.secret, rotated.body.secret as string]) {
      const randomPart = secret.slice(hook.secretPrefix.length); // all but the visible prefix
      for (const needle of [randomPart, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex')]) {
        for (const { name } of tables) {
          expect({ table: name, rowsHoldingTheSecret: await holding(name, needle) }).toEqual({ table: name, rowsHoldingTheSecret: 0 });
        }
      }
    }
  });

  it('rotates the secret: a new one, shown once, and audited by prefix only', async () => {
    const owner = await signUp(t.http);
    const hook = await createWebhook(t.http, owner, { url: URL_A });
    const response = await t.http().post(`/v1/webhooks/${hook.id}/rotate-secret`).set(bearer(owner.accessToken));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...hook, secret: expect.stringMatching(SECRET_SHAPE), secretPrefix: response.body.secret.slice(0, 10) });
    expect(response.body.secret).not.toBe(hook.secret);
    const read = await t.http().get(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken));
    expect(read.body.secretPrefix).toBe(response.body.secretPrefix);
    expect((await auditOf(hook.id)).at(-1)).toMatchObject({
      action: 'webhook.secret_rotated',
      before: { secretPrefix: hook.secretPrefix },
      after: { secretPrefix: response.body.secretPrefix },
    });
  });

  it('changes only the fields sent, disables and re-enables, and audits each change from what to what', async () => {
    const owner = await signUp(t.http);
    const hook = await createWebhook(t.http, owner, { url: URL_A, events: ['session.graded'], description: 'before' });
    const patch = (body: Record<string, unknown>) => t.http().patch(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken)).send(body);

    const changed = await patch({ url: 'https://other.example.com/in', events: ['review.decided', 'session.submitted'] });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...hook, secret: undefined, url: 'https://other.example.com/in', events: ['review.decided', 'session.submitted'] });

    const disabled = await patch({ disabled: true });
    expect(disabled.body).toMatchObject({ disabled: true, disabledAt: expect.any(String), description: 'before' });
    const again = await patch({ disabled: true });
    expect(again.body.disabledAt).toBe(disabled.body.disabledAt);
    const enabled = await patch({ disabled: false, description: '  after ' });
    expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null, description: 'after' });

    const audit = await auditOf(hook.id);
    expect(audit.map((e) => e.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.updated', 'webhook.updated']);
    expect(audit[1]).toMatchObject({
      before: { url: URL_A, events: ['session.graded'] },
      after: { url: 'https://other.example.com/in', events: ['review.decided', 'session.submitted'] },
    });
    expect(audit[2]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect(audit[3]).toMatchObject({ before: { disabled: true, description: 'before' }, after: { disabled: false, description: 'after' } });
  });

  it('deletes an endpoint with its delivery log', async () => {
    const owner = await signUp(t.http);
    const hook = await createWebhook(t.http, owner, { url: await unusedLoopbackUrl() });
    await t.http().post(`/v1/webhooks/${hook.id}/test`).set(bearer(owner.accessToken)).expect(202);
    expect((await t.http().delete(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken))).status).toBe(204);
    expect((await t.http().get(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken))).status).toBe(404);
    expect((await t.http().delete(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken))).status).toBe(404);
    expect((await db.query('SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1', [hook.id])).rows[0].n).toBe(0);
    expect((await auditOf(hook.id)).map((e) => e.action)).toEqual(['webhook.created', 'webhook.test_sent', 'webhook.deleted']);
  });

  describe('roles', () => {
    let owner: Account;
    let hook: WebhookWithSecret;

    beforeAll(async () => {
      owner = await signUp(t.http);
      hook = await createWebhook(t.http, owner, { url: URL_A });
    });

    const routes = (id: () => string) => [
      { name: 'POST /v1/webhooks', send: (token: string) => t.http().post('/v1/webhooks').set(bearer(token)).send({ url: URL_A, events: ['session.graded'] }), ok: 201 },
      { name: 'GET /v1/webhooks', send: (token: string) => t.http().get('/v1/webhooks').set(bearer(token)), ok: 200 },
      { name: 'GET /v1/webhooks/:id', send: (token: string) => t.http().get(`/v1/webhooks/${id()}`).set(bearer(token)), ok: 200 },
      { name: 'PATCH /v1/webhooks/:id', send: (token: string) => t.http().patch(`/v1/webhooks/${id()}`).set(bearer(token)).send({ description: 'x' }), ok: 200 },
      { name: 'POST /v1/webhooks/:id/rotate-secret', send: (token: string) => t.http().post(`/v1/webhooks/${id()}/rotate-secret`).set(bearer(token)), ok: 200 },
      { name: 'GET /v1/webhooks/:id/deliveries', send: (token: string) => t.http().get(`/v1/webhooks/${id()}/deliveries`).set(bearer(token)), ok: 200 },
      { name: 'POST /v1/webhooks/:id/test', send: (token: string) => t.http().post(`/v1/webhooks/${id()}/test`).set(bearer(token)), ok: 202 },
      { name: 'DELETE /v1/webhooks/:id', send: (token: string) => t.http().delete(`/v1/webhooks/${id()}`).set(bearer(token)), ok: 204 },
    ];

    it.each(['interviewer', 'reviewer'] as const)('refuses the %s role (person and API key) on every route, changing nothing', async (role) => {
      const member = await addMember(t.http, owner, role);
      const key = await createApiKey(t.http, owner, role);
      for (const route of routes(() => hook.id)) {
        for (const token of [member.accessToken, key.secret]) {
          const response = await route.send(token);
          expect({ route: route.name, status: response.status, type: response.body.type }).toEqual({
            route: route.name,
            status: 403,
            type: 'https://assay.dev/problems/forbidden',
          });
        }
      }
      const read = await t.http().get(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken));
      expect(read.body).toEqual({ ...hook, secret: undefined });
      expect((await t.http().get('/v1/webhooks').set(bearer(owner.accessToken))).body.items).toHaveLength(1);
    });

    it('lets an admin (person and API key) do everything', async () => {
      const admin = await addMember(t.http, owner, 'admin');
      const key = await createApiKey(t.http, owner, 'admin');
      for (const token of [admin.accessToken, key.secret]) {
        // Loopback with nothing listening: the test ping fails fast instead of waiting on DNS.
        const own = await createWebhook(t.http, { accessToken: token }, { url: await unusedLoopbackUrl() });
        for (const route of routes(() => own.id)) {
          const response = await route.send(token);
          expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: route.ok });
        }
      }
      const [event] = await auditOf((await createWebhook(t.http, { accessToken: key.secret }, { url: URL_A })).id);
      expect(event).toMatchObject({ actor_user_id: null, actor_api_key_id: key.id });
    });

    it('refuses anonymous callers', async () => {
      for (const route of routes(() => hook.id)) {
        const response = await route.send('not-a-token');
        expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: 401 });
      }
    });
  });

  describe('tenant isolation', () => {
    it('answers 404 on every route for another organization’s endpoint, and changes nothing', async () => {
      const owner = await signUp(t.http);
      const stranger = await signUp(t.http);
      const hook = await createWebhook(t.http, owner, { url: URL_A });
      const token = bearer(stranger.accessToken);
      const attempts = [
        t.http().get(`/v1/webhooks/${hook.id}`).set(token),
        t.http().patch(`/v1/webhooks/${hook.id}`).set(token).send({ disabled: true }),
        t.http().post(`/v1/webhooks/${hook.id}/rotate-secret`).set(token),
        t.http().get(`/v1/webhooks/${hook.id}/deliveries`).set(token),
        t.http().post(`/v1/webhooks/${hook.id}/test`).set(token),
        t.http().delete(`/v1/webhooks/${hook.id}`).set(token),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        expect(response.status).toBe(404);
        expect(response.body.type).toBe('https://assay.dev/problems/not-found');
        expect(JSON.stringify(response.body)).not.toContain(URL_A);
      }
      expect((await t.http().get('/v1/webhooks').set(token)).body.items).toEqual([]);
      const read = await t.http().get(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken));
      expect(read.body).toEqual({ ...hook, secret: undefined });
      expect((await db.query('SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1', [hook.id])).rows[0].n).toBe(0);
      expect((await auditOf(hook.id)).map((e) => e.action)).toEqual(['webhook.created']);
    });

    it('answers 404 for ids that exist nowhere', async () => {
      const owner = await signUp(t.http);
      const response = await t.http().get(`/v1/webhooks/${randomUUID()}/deliveries`).set(bearer(owner.accessToken));
      expect(response.status).toBe(404);
    });
  });

  describe('malformed input', () => {
    let owner: Account;
    let hook: WebhookWithSecret;

    beforeAll(async () => {
      owner = await signUp(t.http);
      hook = await createWebhook(t.http, owner, { url: URL_A });
    });

    const create = (body: unknown) => t.http().post('/v1/webhooks').set(bearer(owner.accessToken)).send(body as object);

    it.each([
      ['not a URL', 'hooks.example.com', 'absolute http or https URL'],
      ['another scheme', 'ftp://hooks.example.com/x', 'must use http or https'],
      ['credentials', 'https://user:pw@hooks.example.com/x', 'must not contain credentials'],
      ['a fragment', 'https://hooks.example.com/x#y', 'must not contain a #fragment'],
    ])('refuses a URL with %s, naming /url', async (_name, url, detail) => {
      const response = await create({ url, events: ['session.graded'] });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual([{ pointer: '/url', detail: expect.stringContaining(detail) }]);
      const patched = await t.http().patch(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken)).send({ url });
      expect(patched.status).toBe(400);
      expect(patched.body.errors).toEqual([{ pointer: '/url', detail: expect.stringContaining(detail) }]);
    });

    it.each([
      ['an unknown event', { url: URL_A, events: ['session.deleted'] }, '/events'],
      ['no events', { url: URL_A, events: [] }, '/events'],
      ['a repeated event', { url: URL_A, events: ['session.graded', 'session.graded'] }, '/events'],
      ['events that are not a list', { url: URL_A, events: 'session.graded' }, '/events'],
      ['a missing URL', { events: ['session.graded'] }, '/url'],
      ['a URL that is not a string', { url: 42, events: ['session.graded'] }, '/url'],
      ['an overlong URL', { url: `https://x.example.com/${'a'.repeat(2048)}`, events: ['session.graded'] }, '/url'],
      ['an overlong description', { url: URL_A, events: ['session.graded'], description: 'd'.repeat(501) }, '/description'],
      ['an unknown field', { url: URL_A, events: ['session.graded'], secret: 'whsec_mine' }, '/secret'],
    ])('refuses %s on create', async (_name, body, pointer) => {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    });

    it.each([
      ['a null URL', { url: null }, '/url'],
      ['empty events', { events: [] }, '/events'],
      ['a non-boolean disabled', { disabled: 'yes' }, '/disabled'],
      ['a null description', { description: null }, '/description'],
      ['an unknown field', { secretPrefix: 'whsec_0000' }, '/secretPrefix'],
    ])('refuses %s on update, changing nothing', async (_name, body, pointer) => {
      const response = await t.http().patch(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken)).send(body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect((await t.http().get(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken))).body).toEqual({ ...hook, secret: undefined });
    });

    it('refuses invalid JSON and non-JSON bodies', async () => {
      const broken = await t.http().post('/v1/webhooks').set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"url": ');
      expect(broken.status).toBe(400);
      expect(broken.body.detail).toMatch(/not valid JSON/);
      const patched = await t.http().patch(`/v1/webhooks/${hook.id}`).set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('[1,');
      expect(patched.status).toBe(400);
      const text = await t.http().post('/v1/webhooks').set(bearer(owner.accessToken)).set('Content-Type', 'text/plain').send('url=x');
      expect(text.status).toBe(415);
    });

    it('refuses a path id that is not a UUID on every route', async () => {
      const token = bearer(owner.accessToken);
      const responses = await Promise.all([
        t.http().get('/v1/webhooks/not-a-uuid').set(token),
        t.http().patch('/v1/webhooks/not-a-uuid').set(token).send({ description: 'x' }),
        t.http().delete('/v1/webhooks/not-a-uuid').set(token),
        t.http().post('/v1/webhooks/not-a-uuid/rotate-secret').set(token),
        t.http().get('/v1/webhooks/not-a-uuid/deliveries').set(token),
        t.http().post("/v1/webhooks/1'%20OR%201=1/test").set(token),
      ]);
      for (const response of responses) {
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([{ pointer: 'path:id', detail: 'id must be a UUID' }]);
      }
    });

    it.each([
      ['an unknown status', { status: 'lost' }, 'query:status'],
      ['a zero limit', { limit: 0 }, 'query:limit'],
      ['a huge limit', { limit: 1000 }, 'query:limit'],
      ['a non-numeric limit', { limit: 'ten' }, 'query:limit'],
      ['a forged cursor', { cursor: 'bm90LWEtY3Vyc29y' }, 'query:cursor'],
    ])('refuses %s when listing deliveries', async (_name, query, pointer) => {
      const response = await t.http().get(`/v1/webhooks/${hook.id}/deliveries`).query(query).set(bearer(owner.accessToken));
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.errors)).toContain(pointer.split(':')[1]);
    });
  });
});
