import { Client } from 'pg';
import { addMember, bearer, DEFAULT_PASSWORD, freshClientIp, logIn, signUp, uniqueEmail } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

describe('members and invitations', () => {
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

  const accept = (body: object) => t.http().post('/v1/auth/accept-invitation').set('X-Forwarded-For', freshClientIp()).send(body);
  const invite = (token: string, body: object) => t.http().post('/v1/members').set(bearer(token)).send(body);

  describe('GET /v1/members', () => {
    it('lists every member with their role, oldest first, to any role', async () => {
      const owner = await signUp(t.http);
      const reviewer = await addMember(t.http, owner, 'reviewer');
      const response = await t.http().get('/v1/members').set(bearer(reviewer.accessToken));
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        { userId: owner.user.id, email: owner.email, name: owner.user.name, role: 'owner', joinedAt: expect.any(String) },
        { userId: reviewer.user.id, email: reviewer.email, name: reviewer.user.name, role: 'reviewer', joinedAt: expect.any(String) },
      ]);
    });
  });

  describe('POST /v1/members', () => {
    it('adds an existing account directly: 201 with the member', async () => {
      const owner = await signUp(t.http);
      const other = await signUp(t.http, { name: 'Existing Person' });
      const response = await invite(owner.accessToken, { email: other.email.toUpperCase(), role: 'interviewer' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ userId: other.user.id, email: other.email, name: 'Existing Person', role: 'interviewer', joinedAt: expect.any(String) });
      const pair = await logIn(t.http, { email: other.email, password: other.password, organizationId: owner.organization.id });
      const me = await t.http().get('/v1/me').set(bearer(pair.accessToken));
      expect(me.body.role).toBe('interviewer');
    });

    it('refuses adding someone who is already a member with 409', async () => {
      const owner = await signUp(t.http);
      const member = await addMember(t.http, owner, 'reviewer');
      const response = await invite(owner.accessToken, { email: member.email, role: 'admin' });
      expect(response.status).toBe(409);
    });

    it('invites an unknown email: 202 with a one-time token that expires in 7 days', async () => {
      const owner = await signUp(t.http);
      const email = uniqueEmail('invitee');
      const before = Date.now();
      const response = await invite(owner.accessToken, { email, role: 'reviewer', name: 'Ivy Invitee' });
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ email, role: 'reviewer', name: 'Ivy Invitee', status: 'pending', acceptedAt: null, revokedAt: null });
      expect(response.body.token).toMatch(/^assay_inv_[\w-]{43}$/);
      const expiresInMs = Date.parse(response.body.expiresAt) - before;
      expect(expiresInMs).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
      expect(expiresInMs).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);

      const list = await t.http().get('/v1/invitations').set(bearer(owner.accessToken));
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: response.body.id, email, status: 'pending' })]);
      expect(list.body.items[0]).not.toHaveProperty('token');
    });

    it('refuses a second pending invitation for the same email with 409', async () => {
      const owner = await signUp(t.http);
      const email = uniqueEmail('twice');
      expect((await invite(owner.accessToken, { email, role: 'reviewer' })).status).toBe(202);
      expect((await invite(owner.accessToken, { email, role: 'admin' })).status).toBe(409);
    });

    it('lets only an owner add or invite an owner', async () => {
      const owner = await signUp(t.http);
      const admin = await addMember(t.http, owner, 'admin');
      const byAdmin = await invite(admin.accessToken, { email: uniqueEmail(), role: 'owner' });
      expect(byAdmin.status).toBe(403);
      expect(byAdmin.body.detail).toMatch(/only an owner/i);
      expect((await invite(owner.accessToken, { email: uniqueEmail(), role: 'owner' })).status).toBe(202);
    });
  });

  describe('POST /v1/auth/accept-invitation', () => {
    it('creates the account and the membership and logs in, with the name the inviter gave', async () => {
      const owner = await signUp(t.http);
      const email = uniqueEmail('new');
      const invitation = await invite(owner.accessToken, { email, role: 'interviewer', name: 'Nia New' });
      const response = await accept({ token: invitation.body.token, password: DEFAULT_PASSWORD });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ tokenType: 'Bearer', refreshToken: expect.stringMatching(/^assay_rt_/) });
      const me = await t.http().get('/v1/me').set(bearer(response.body.accessToken));
      expect(me.body).toMatchObject({ organization: owner.organization, role: 'interviewer', user: { email, name: 'Nia New' } });

      const list = await t.http().get('/v1/invitations').set(bearer(owner.accessToken));
      expect(list.body.items[0]).toMatchObject({ id: invitation.body.id, status: 'accepted', acceptedAt: expect.any(String) });
      // The new account logs in like any other.
      await logIn(t.http, { email, password: DEFAULT_PASSWORD });
    });

    it('prefers the name the invitee gives, and requires one when the inviter gave none', async () => {
      const owner = await signUp(t.http);
      const nameless = await invite(owner.accessToken, { email: uniqueEmail(), role: 'reviewer' });
      const missing = await accept({ token: nameless.body.token, password: DEFAULT_PASSWORD });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([{ pointer: '/name', detail: 'name is required for a new account' }]);
      const named = await accept({ token: nameless.body.token, password: DEFAULT_PASSWORD, name: 'Chosen Name' });
      expect(named.status).toBe(201);
      const me = await t.http().get('/v1/me').set(bearer(named.body.accessToken));
      expect(me.body.user.name).toBe('Chosen Name');
    });

    it('lets an existing account accept with its password, and refuses a wrong one', async () => {
      const owner = await signUp(t.http);
      const email = uniqueEmail('later');
      const invitation = await invite(owner.accessToken, { email, role: 'reviewer' });
      // The invitee signs up elsewhere before accepting.
      const elsewhere = await signUp(t.http, { email, name: 'Lee Later' });

      const wrong = await accept({ token: invitation.body.token, password: 'definitely the wrong one' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.type).toBe('https://assay.dev/problems/invalid-credentials');

      const right = await accept({ token: invitation.body.token, password: elsewhere.password, name: 'Ignored' });
      expect(right.status).toBe(201);
      const me = await t.http().get('/v1/me').set(bearer(right.body.accessToken));
      expect(me.body).toMatchObject({ organization: owner.organization, role: 'reviewer', user: { id: elsewhere.user.id, name: 'Lee Later' } });
      expect(me.body.memberships).toHaveLength(2);
    });

    it('admits one acceptance per token', async () => {
      const owner = await signUp(t.http);
      const invitation = await invite(owner.accessToken, { email: uniqueEmail(), role: 'reviewer', name: 'Once' });
      expect((await accept({ token: invitation.body.token, password: DEFAULT_PASSWORD })).status).toBe(201);
      const again = await accept({ token: invitation.body.token, password: DEFAULT_PASSWORD });
      expect(again.status).toBe(401);
      expect(again.body.type).toBe('https://assay.dev/problems/invalid-token');
    });

    it('refuses revoked, expired and unknown tokens with 401', async () => {
      const owner = await signUp(t.http);
      const revoked = await invite(owner.accessToken, { email: uniqueEmail(), role: 'reviewer', name: 'R' });
      expect((await t.http().delete(`/v1/invitations/${revoked.body.id}`).set(bearer(owner.accessToken))).status).toBe(204);
      const expired = await invite(owner.accessToken, { email: uniqueEmail(), role: 'reviewer', name: 'E' });
      await db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.body.id]);

      for (const token of [revoked.body.token, expired.body.token, `assay_inv_${'z'.repeat(43)}`]) {
        const response = await accept({ token, password: DEFAULT_PASSWORD });
        expect(response.status).toBe(401);
      }
      const list = await t.http().get('/v1/invitations').set(bearer(owner.accessToken));
      expect(Object.fromEntries(list.body.items.map((i: { id: string; status: string }) => [i.id, i.status]))).toEqual({
        [revoked.body.id]: 'revoked',
        [expired.body.id]: 'expired',
      });
    });
  });

  describe('DELETE /v1/invitations/{id}', () => {
    it('revokes idempotently, and refuses an accepted invitation with 409', async () => {
      const owner = await signUp(t.http);
      const pending = await invite(owner.accessToken, { email: uniqueEmail(), role: 'reviewer', name: 'P' });
      expect((await t.http().delete(`/v1/invitations/${pending.body.id}`).set(bearer(owner.accessToken))).status).toBe(204);
      expect((await t.http().delete(`/v1/invitations/${pending.body.id}`).set(bearer(owner.accessToken))).status).toBe(204);

      const accepted = await invite(owner.accessToken, { email: uniqueEmail(), role: 'reviewer', name: 'A' });
      await accept({ token: accepted.body.token, password: DEFAULT_PASSWORD });
      expect((await t.http().delete(`/v1/invitations/${accepted.body.id}`).set(bearer(owner.accessToken))).status).toBe(409);
    });
  });

  describe('PATCH /v1/members/{userId}', () => {
    it('changes the role, and the member’s existing token acts with the new role at once', async () => {
      const owner = await signUp(t.http);
      const admin = await addMember(t.http, owner, 'admin');
      expect((await t.http().get('/v1/invitations').set(bearer(admin.accessToken))).status).toBe(200);

      const response = await t.http().patch(`/v1/members/${admin.user.id}`).set(bearer(owner.accessToken)).send({ role: 'reviewer' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ userId: admin.user.id, role: 'reviewer' });

      expect((await t.http().get('/v1/invitations').set(bearer(admin.accessToken))).status).toBe(403);
      expect((await t.http().get('/v1/me').set(bearer(admin.accessToken))).body.role).toBe('reviewer');
    });

    it('lets only an owner grant or take away the owner role', async () => {
      const owner = await signUp(t.http);
      const admin = await addMember(t.http, owner, 'admin');
      const reviewer = await addMember(t.http, owner, 'reviewer');
      expect((await t.http().patch(`/v1/members/${reviewer.user.id}`).set(bearer(admin.accessToken)).send({ role: 'owner' })).status).toBe(403);
      expect((await t.http().patch(`/v1/members/${owner.user.id}`).set(bearer(admin.accessToken)).send({ role: 'admin' })).status).toBe(403);
      expect((await t.http().patch(`/v1/members/${reviewer.user.id}`).set(bearer(admin.accessToken)).send({ role: 'interviewer' })).status).toBe(200);
      expect((await t.http().patch(`/v1/members/${reviewer.user.id}`).set(bearer(owner.accessToken)).send({ role: 'owner' })).status).toBe(200);
    });

    it('refuses to demote the last owner with 409, and allows it once there is another', async () => {
      const owner = await signUp(t.http);
      const demote = () => t.http().patch(`/v1/members/${owner.user.id}`).set(bearer(owner.accessToken)).send({ role: 'admin' });
      const lastOwner = await demote();
      expect(lastOwner.status).toBe(409);
      expect(lastOwner.body.detail).toMatch(/last owner/);

      const second = await addMember(t.http, owner, 'admin');
      await t.http().patch(`/v1/members/${second.user.id}`).set(bearer(owner.accessToken)).send({ role: 'owner' });
      expect((await demote()).status).toBe(200);
    });

    it('never leaves an organization ownerless when two owners demote each other at once', async () => {
      const owner = await signUp(t.http);
      const second = await addMember(t.http, owner, 'admin');
      await t.http().patch(`/v1/members/${second.user.id}`).set(bearer(owner.accessToken)).send({ role: 'owner' });
      const results = await Promise.all([
        t.http().patch(`/v1/members/${second.user.id}`).set(bearer(owner.accessToken)).send({ role: 'admin' }),
        t.http().patch(`/v1/members/${owner.user.id}`).set(bearer(second.accessToken)).send({ role: 'admin' }),
      ]);
      // The loser gets 409 (last owner) or, when its role was re-read after the winner committed, 403.
      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND role = 'owner'`, [owner.organization.id]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('DELETE /v1/members/{userId}', () => {
    it('removes the member: their access token stops working and their refresh token is revoked', async () => {
      const owner = await signUp(t.http);
      const member = await addMember(t.http, owner, 'interviewer');
      expect((await t.http().get('/v1/me').set(bearer(member.accessToken))).status).toBe(200);

      expect((await t.http().delete(`/v1/members/${member.user.id}`).set(bearer(owner.accessToken))).status).toBe(204);

      const me = await t.http().get('/v1/me').set(bearer(member.accessToken));
      expect(me.status).toBe(401);
      expect(me.body.detail).toMatch(/no longer a member/);
      const refresh = await t.http().post('/v1/auth/refresh').set('X-Forwarded-For', freshClientIp()).send({ refreshToken: member.refreshToken });
      expect(refresh.status).toBe(401);
      const list = await t.http().get('/v1/members').set(bearer(owner.accessToken));
      expect(list.body.items.map((m: { userId: string }) => m.userId)).toEqual([owner.user.id]);
    });

    it('refuses to remove the last owner with 409', async () => {
      const owner = await signUp(t.http);
      const response = await t.http().delete(`/v1/members/${owner.user.id}`).set(bearer(owner.accessToken));
      expect(response.status).toBe(409);
    });

    it('lets only an owner remove an owner', async () => {
      const owner = await signUp(t.http);
      const admin = await addMember(t.http, owner, 'admin');
      expect((await t.http().delete(`/v1/members/${owner.user.id}`).set(bearer(admin.accessToken))).status).toBe(403);
    });

    it('answers 404 for a user who is not a member', async () => {
      const owner = await signUp(t.http);
      const response = await t.http().delete('/v1/members/00000000-0000-4000-8000-000000000000').set(bearer(owner.accessToken));
      expect(response.status).toBe(404);
    });
  });
});
