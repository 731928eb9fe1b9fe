import { Client } from 'pg';
import { addMember, bearer, createApiKey, signUp } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

describe('API keys', () => {
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

  it('creates a key whose secret is shown once and works as a bearer token', async () => {
    const owner = await signUp(t.http);
    const response = await t.http().post('/v1/api-keys').set(bearer(owner.accessToken)).send({ name: '  CI pipeline ', role: 'interviewer' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: 'CI pipeline',
      prefix: expect.stringMatching(/^assay_ak_[0-9a-f]{12}$/),
      role: 'interviewer',
      createdAt: expect.any(String),
      secret: expect.stringMatching(/^assay_ak_[0-9a-f]{12}_[\w-]{43}$/),
    });
    expect(response.body.secret.startsWith(`${response.body.prefix}_`)).toBe(true);

    const me = await t.http().get('/v1/me').set(bearer(response.body.secret));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      kind: 'apiKey',
      organization: owner.organization,
      role: 'interviewer',
      apiKey: { id: response.body.id, name: 'CI pipeline', prefix: response.body.prefix },
    });
  });

  it('lists keys without secrets, with lastUsedAt once used', async () => {
    const owner = await signUp(t.http);
    const used = await createApiKey(t.http, owner, 'reviewer', 'used');
    const unused = await createApiKey(t.http, owner, 'admin', 'unused');
    await t.http().get('/v1/members').set(bearer(used.secret));

    const response = await t.http().get('/v1/api-keys').set(bearer(owner.accessToken));
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      { id: unused.id, name: 'unused', prefix: unused.prefix, role: 'admin', createdAt: unused.createdAt, lastUsedAt: null, revokedAt: null },
      { id: used.id, name: 'used', prefix: used.prefix, role: 'reviewer', createdAt: used.createdAt, lastUsedAt: expect.any(String), revokedAt: null },
    ]);
    expect(JSON.stringify(response.body)).not.toContain(used.secret);
  });

  it('never creates an owner key', async () => {
    const owner = await signUp(t.http);
    const response = await t.http().post('/v1/api-keys').set(bearer(owner.accessToken)).send({ name: 'root', role: 'owner' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ pointer: '/role', detail: 'role must be one of: admin, interviewer, reviewer' }]);
  });

  it('stops working the moment it is revoked, and revoking again changes nothing', async () => {
    const owner = await signUp(t.http);
    const key = await createApiKey(t.http, owner, 'admin');
    expect((await t.http().get('/v1/members').set(bearer(key.secret))).status).toBe(200);

    expect((await t.http().delete(`/v1/api-keys/${key.id}`).set(bearer(owner.accessToken))).status).toBe(204);
    const refused = await t.http().get('/v1/members').set(bearer(key.secret));
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('https://assay.dev/problems/invalid-token');

    const [first] = (await db.query('SELECT revoked_at FROM api_keys WHERE id = $1', [key.id])).rows;
    expect((await t.http().delete(`/v1/api-keys/${key.id}`).set(bearer(owner.accessToken))).status).toBe(204);
    const [second] = (await db.query('SELECT revoked_at FROM api_keys WHERE id = $1', [key.id])).rows;
    expect(second.revoked_at).toEqual(first.revoked_at);
    const listed = await t.http().get('/v1/api-keys').set(bearer(owner.accessToken));
    expect(listed.body.items[0].revokedAt).toBe(first.revoked_at.toISOString());
  });

  it.each([
    ['a tampered secret', (secret: string) => `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`],
    ['an unknown prefix', (secret: string) => secret.replace(/^assay_ak_[0-9a-f]{12}/, 'assay_ak_000000000000')],
    ['a malformed key', () => 'assay_ak_nonsense'],
  ])('refuses %s with 401', async (_label, mutate) => {
    const owner = await signUp(t.http);
    const key = await createApiKey(t.http, owner, 'admin');
    const response = await t.http().get('/v1/me').set(bearer(mutate(key.secret)));
    expect(response.status).toBe(401);
  });

  it('acts with its own role: a reviewer key cannot manage members or keys, an admin key can', async () => {
    const owner = await signUp(t.http);
    const reviewerKey = await createApiKey(t.http, owner, 'reviewer');
    const adminKey = await createApiKey(t.http, owner, 'admin');
    const invitee = { email: `key-invite-${Date.now()}@example.test`, role: 'reviewer' };

    expect((await t.http().post('/v1/members').set(bearer(reviewerKey.secret)).send(invitee)).status).toBe(403);
    expect((await t.http().post('/v1/api-keys').set(bearer(reviewerKey.secret)).send({ name: 'x', role: 'reviewer' })).status).toBe(403);

    const invited = await t.http().post('/v1/members').set(bearer(adminKey.secret)).send(invitee);
    expect(invited.status).toBe(202);
    const { rows } = await db.query('SELECT invited_by_id FROM invitations WHERE id = $1', [invited.body.id]);
    expect(rows[0].invited_by_id).toBeNull();
  });

  it('an admin key cannot grant the owner role', async () => {
    const owner = await signUp(t.http);
    const member = await addMember(t.http, owner, 'reviewer');
    const adminKey = await createApiKey(t.http, owner, 'admin');
    const response = await t.http().patch(`/v1/members/${member.user.id}`).set(bearer(adminKey.secret)).send({ role: 'owner' });
    expect(response.status).toBe(403);
  });

  it('an interviewer cannot create API keys', async () => {
    const owner = await signUp(t.http);
    const interviewer = await addMember(t.http, owner, 'interviewer');
    const response = await t.http().post('/v1/api-keys').set(bearer(interviewer.accessToken)).send({ name: 'mine', role: 'reviewer' });
    expect(response.status).toBe(403);
    expect(response.body.requiredRoles).toEqual(['owner', 'admin']);
  });
});
