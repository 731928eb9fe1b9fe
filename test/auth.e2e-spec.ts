import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bearer, DEFAULT_PASSWORD, freshClientIp, logIn, signUp, uniqueEmail } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

const PROBLEM = 'application/problem+json';

describe('auth: signup, login, sessions, /v1/me', () => {
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

  const post = (path: string, body: object) => t.http().post(path).set('X-Forwarded-For', freshClientIp()).send(body);

  describe('POST /v1/auth/signup', () => {
    it('creates the organization and its owner, and answers with a working token pair', async () => {
      const email = uniqueEmail('signup');
      const response = await post('/v1/auth/signup', { organizationName: '  Acme  ', name: 'Ana Lima', email, password: DEFAULT_PASSWORD });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: t.config.accessTokenTtlSeconds,
        refreshToken: expect.stringMatching(/^assay_rt_[\w-]{43}$/),
        refreshExpiresIn: t.config.refreshTokenTtlSeconds,
      });
      const me = await t.http().get('/v1/me').set(bearer(response.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        kind: 'user',
        organization: { id: expect.any(String), name: 'Acme' },
        role: 'owner',
        user: { id: expect.any(String), email, name: 'Ana Lima' },
        memberships: [{ organization: me.body.organization, role: 'owner' }],
      });
    });

    it('issues an HS256 JWT with sub, org, role and jti claims', async () => {
      const owner = await signUp(t.http);
      const [header, payload] = owner.accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
      expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
      expect(payload).toMatchObject({ sub: owner.user.id, org: owner.organization.id, role: 'owner', jti: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(payload.exp - payload.iat).toBe(t.config.accessTokenTtlSeconds);
    });

    it('stores the email lower-cased and refuses the same address in another case with 409', async () => {
      const email = uniqueEmail('dup');
      await signUp(t.http, { email });
      const response = await post('/v1/auth/signup', { organizationName: 'Other', name: 'Copy', email: email.toUpperCase(), password: DEFAULT_PASSWORD });
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toContain(PROBLEM);
      expect(response.body).toMatchObject({ type: 'https://assay.dev/problems/conflict', status: 409 });
      const { rows } = await db.query('SELECT count(*)::int AS n FROM organizations WHERE name = $1', ['Other']);
      expect(rows[0].n).toBe(0);
    });

    it('answers two simultaneous signups with one email with exactly one 201 and one 409', async () => {
      const email = uniqueEmail('race');
      const body = { organizationName: 'Race', name: 'Racer', email, password: DEFAULT_PASSWORD };
      const statuses = (await Promise.all([post('/v1/auth/signup', body), post('/v1/auth/signup', body)])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
    });

    it('requires a password of at least 12 characters', async () => {
      const response = await post('/v1/auth/signup', { organizationName: 'Acme', name: 'Ana', email: uniqueEmail(), password: 'elevenchars' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ pointer: '/password' })]);
    });
  });

  describe('POST /v1/auth/login', () => {
    it('logs in with the email in any case', async () => {
      const owner = await signUp(t.http);
      const pair = await logIn(t.http, { email: owner.email.toUpperCase(), password: owner.password });
      const me = await t.http().get('/v1/me').set(bearer(pair.accessToken));
      expect(me.body.user.id).toBe(owner.user.id);
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const owner = await signUp(t.http);
      const wrongPassword = await post('/v1/auth/login', { email: owner.email, password: 'not the password at all' });
      const unknownEmail = await post('/v1/auth/login', { email: uniqueEmail('nobody'), password: 'not the password at all' });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(unknownEmail.headers['content-type']).toBe(wrongPassword.headers['content-type']);
      expect(wrongPassword.body).toMatchObject({ type: 'https://assay.dev/problems/invalid-credentials', detail: 'The email or password is incorrect.' });
    });

    it('acts in the oldest membership by default, and in another one when asked', async () => {
      const first = await signUp(t.http);
      const second = await signUp(t.http);
      const joined = await t.http().post('/v1/members').set(bearer(second.accessToken)).send({ email: first.email, role: 'reviewer' });
      expect(joined.status).toBe(201);

      const byDefault = await logIn(t.http, { email: first.email, password: first.password });
      const meDefault = await t.http().get('/v1/me').set(bearer(byDefault.accessToken));
      expect(meDefault.body).toMatchObject({ organization: first.organization, role: 'owner' });
      expect(meDefault.body.memberships).toEqual([
        { organization: first.organization, role: 'owner' },
        { organization: second.organization, role: 'reviewer' },
      ]);

      const chosen = await logIn(t.http, { email: first.email, password: first.password, organizationId: second.organization.id });
      const meChosen = await t.http().get('/v1/me').set(bearer(chosen.accessToken));
      expect(meChosen.body).toMatchObject({ organization: second.organization, role: 'reviewer' });
    });

    it('refuses an organization the user does not belong to with 403', async () => {
      const owner = await signUp(t.http);
      const stranger = await signUp(t.http);
      const response = await post('/v1/auth/login', { email: owner.email, password: owner.password, organizationId: stranger.organization.id });
      expect(response.status).toBe(403);
      expect(response.body.type).toBe('https://assay.dev/problems/forbidden');
    });

    it('rejects a body of the wrong shape with 400 before checking credentials', async () => {
      const response = await post('/v1/auth/login', { email: 42, password: ['x'], remember: true });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://assay.dev/problems/validation-failed');
      expect([...new Set(response.body.errors.map((e: { pointer: string }) => e.pointer))].sort()).toEqual(['/email', '/password', '/remember']);
    });
  });

  describe('POST /v1/auth/refresh', () => {
    it('rotates: the new pair works and the old refresh token is marked rotated', async () => {
      const owner = await signUp(t.http);
      const response = await post('/v1/auth/refresh', { refreshToken: owner.refreshToken });
      expect(response.status).toBe(200);
      expect(response.body.refreshToken).not.toBe(owner.refreshToken);
      const me = await t.http().get('/v1/me').set(bearer(response.body.accessToken));
      expect(me.body.user.id).toBe(owner.user.id);
      const { rows } = await db.query('SELECT rotated_at, family_id FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at', [owner.user.id]);
      expect(rows).toHaveLength(2);
      expect(rows[0].rotated_at).not.toBeNull();
      expect(rows[1].rotated_at).toBeNull();
      expect(rows[1].family_id).toBe(rows[0].family_id);
    });

    it('treats reuse of a rotated token as theft: 401, and the whole session is revoked', async () => {
      const owner = await signUp(t.http);
      const next = await post('/v1/auth/refresh', { refreshToken: owner.refreshToken });
      expect(next.status).toBe(200);

      const replay = await post('/v1/auth/refresh', { refreshToken: owner.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.type).toBe('https://assay.dev/problems/invalid-token');

      // The legitimate-looking newest token dies with its family.
      const afterTheft = await post('/v1/auth/refresh', { refreshToken: next.body.refreshToken });
      expect(afterTheft.status).toBe(401);
    });

    it('lets only one of two simultaneous uses of a token win, and then revokes the session', async () => {
      const owner = await signUp(t.http);
      const results = await Promise.all([post('/v1/auth/refresh', { refreshToken: owner.refreshToken }), post('/v1/auth/refresh', { refreshToken: owner.refreshToken })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
      const winner = results.find((r) => r.status === 200)!;
      expect((await post('/v1/auth/refresh', { refreshToken: winner.body.refreshToken })).status).toBe(401);
    });

    it('keeps other sessions of the same user alive when one is revoked', async () => {
      const owner = await signUp(t.http);
      const other = await logIn(t.http, { email: owner.email, password: owner.password });
      await post('/v1/auth/refresh', { refreshToken: owner.refreshToken });
      await post('/v1/auth/refresh', { refreshToken: owner.refreshToken });
      expect((await post('/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
    });

    it('refuses an expired refresh token with 401', async () => {
      const owner = await signUp(t.http);
      await db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [owner.user.id]);
      const response = await post('/v1/auth/refresh', { refreshToken: owner.refreshToken });
      expect(response.status).toBe(401);
      expect(response.body.detail).toMatch(/expired/);
    });

    it('refuses an unknown token with 401', async () => {
      const response = await post('/v1/auth/refresh', { refreshToken: `assay_rt_${'x'.repeat(43)}` });
      expect(response.status).toBe(401);
    });

    it('reflects the current role in the refreshed access token', async () => {
      const owner = await signUp(t.http);
      const other = await signUp(t.http);
      await t.http().post('/v1/members').set(bearer(owner.accessToken)).send({ email: other.email, role: 'reviewer' });
      const session = await logIn(t.http, { email: other.email, password: other.password, organizationId: owner.organization.id });
      await t.http().patch(`/v1/members/${other.user.id}`).set(bearer(owner.accessToken)).send({ role: 'interviewer' });
      const refreshed = await post('/v1/auth/refresh', { refreshToken: session.refreshToken });
      const claims = JSON.parse(Buffer.from(refreshed.body.accessToken.split('.')[1], 'base64url').toString('utf8'));
      expect(claims.role).toBe('interviewer');
    });
  });

  describe('POST /v1/auth/logout', () => {
    it('ends the session: 204, then the refresh token no longer works', async () => {
      const owner = await signUp(t.http);
      const response = await post('/v1/auth/logout', { refreshToken: owner.refreshToken });
      expect(response.status).toBe(204);
      expect((await post('/v1/auth/refresh', { refreshToken: owner.refreshToken })).status).toBe(401);
    });

    it('is idempotent and says nothing about unknown tokens', async () => {
      const owner = await signUp(t.http);
      expect((await post('/v1/auth/logout', { refreshToken: owner.refreshToken })).status).toBe(204);
      expect((await post('/v1/auth/logout', { refreshToken: owner.refreshToken })).status).toBe(204);
      expect((await post('/v1/auth/logout', { refreshToken: 'assay_rt_unknown' })).status).toBe(204);
    });
  });

  describe('bearer authentication', () => {
    it('answers 401 problem with a WWW-Authenticate challenge when no credential is sent', async () => {
      const response = await t.http().get('/v1/me');
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toContain(PROBLEM);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="assay"');
      expect(response.body.type).toBe('https://assay.dev/problems/unauthenticated');
    });

    it.each([
      ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
      ['a bearer without token', 'Bearer'],
      ['garbage', 'Bearer not-a-jwt'],
      ['a token with spaces', 'Bearer a b'],
    ])('refuses %s with 401', async (_label, header) => {
      const response = await t.http().get('/v1/me').set('Authorization', header);
      expect(response.status).toBe(401);
    });

    it('refuses a JWT signed with another secret, and one with alg "none"', async () => {
      const owner = await signUp(t.http);
      const claims = { sub: owner.user.id, org: owner.organization.id, role: 'owner', jti: randomUUID() };
      const forged = await new JwtService({ secret: 'a-completely-different-secret-of-enough-length' }).signAsync(claims);
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
      for (const token of [forged, unsigned]) {
        const response = await t.http().get('/v1/me').set(bearer(token));
        expect(response.status).toBe(401);
        expect(response.body.type).toBe('https://assay.dev/problems/invalid-token');
      }
    });

    it('refuses an expired access token', async () => {
      const owner = await signUp(t.http);
      const expired = await new JwtService({ secret: t.config.jwtSecret }).signAsync(
        { sub: owner.user.id, org: owner.organization.id, role: 'owner', jti: randomUUID() },
        { expiresIn: -10 },
      );
      expect((await t.http().get('/v1/me').set(bearer(expired))).status).toBe(401);
    });

    it('ignores tokens passed in the query string or the body', async () => {
      const owner = await signUp(t.http);
      expect((await t.http().get(`/v1/me?access_token=${owner.accessToken}`)).status).toBe(401);
      const viaBody = await t.http().post('/v1/api-keys').send({ access_token: owner.accessToken, name: 'k', role: 'reviewer' });
      expect(viaBody.status).toBe(401);
    });

    it('leaves public routes open', async () => {
      expect((await t.http().get('/healthz')).status).toBe(200);
    });
  });
});
