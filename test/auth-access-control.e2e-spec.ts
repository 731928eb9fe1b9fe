import type { Role } from '../src/auth/caller';
import { Account, addMember, bearer, createApiKey, signUp, uniqueEmail } from './factories/accounts';
import { createTestApp, TestApp } from './support/test-app';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

type Send = (t: TestApp, token: string) => Promise<{ status: number; body: { type?: string; detail?: string; requiredRoles?: string[] } }>;

/**
 * Each probe passes the role check without side effects: an unknown id (404)
 * or an empty body (400) proves the guard let the request through.
 */
const ROUTES: { name: string; allowed: Role[]; send: Send }[] = [
  { name: 'GET /v1/members', allowed: ['owner', 'admin', 'interviewer', 'reviewer'], send: (t, token) => t.http().get('/v1/members').set(bearer(token)) },
  { name: 'POST /v1/members', allowed: ['owner', 'admin'], send: (t, token) => t.http().post('/v1/members').set(bearer(token)).send({}) },
  { name: 'PATCH /v1/members/{userId}', allowed: ['owner', 'admin'], send: (t, token) => t.http().patch(`/v1/members/${NO_SUCH_ID}`).set(bearer(token)).send({ role: 'reviewer' }) },
  { name: 'DELETE /v1/members/{userId}', allowed: ['owner', 'admin'], send: (t, token) => t.http().delete(`/v1/members/${NO_SUCH_ID}`).set(bearer(token)) },
  { name: 'GET /v1/invitations', allowed: ['owner', 'admin'], send: (t, token) => t.http().get('/v1/invitations').set(bearer(token)) },
  { name: 'DELETE /v1/invitations/{id}', allowed: ['owner', 'admin'], send: (t, token) => t.http().delete(`/v1/invitations/${NO_SUCH_ID}`).set(bearer(token)) },
  { name: 'POST /v1/api-keys', allowed: ['owner', 'admin'], send: (t, token) => t.http().post('/v1/api-keys').set(bearer(token)).send({}) },
  { name: 'GET /v1/api-keys', allowed: ['owner', 'admin'], send: (t, token) => t.http().get('/v1/api-keys').set(bearer(token)) },
  { name: 'DELETE /v1/api-keys/{id}', allowed: ['owner', 'admin'], send: (t, token) => t.http().delete(`/v1/api-keys/${NO_SUCH_ID}`).set(bearer(token)) },
  { name: 'GET /v1/me', allowed: ['owner', 'admin', 'interviewer', 'reviewer'], send: (t, token) => t.http().get('/v1/me').set(bearer(token)) },
];

describe('access control', () => {
  let t: TestApp;
  /** Bearer tokens by caller label: people by role, and API keys by role. */
  const callers = new Map<string, { role: Role; token: string }>();

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await signUp(t.http);
    callers.set('owner', { role: 'owner', token: owner.accessToken });
    for (const role of ['admin', 'interviewer', 'reviewer'] as const) {
      callers.set(role, { role, token: (await addMember(t.http, owner, role)).accessToken });
      callers.set(`${role} API key`, { role, token: (await createApiKey(t.http, owner, role)).secret });
    }
  });

  afterAll(() => t.close());

  describe('role matrix', () => {
    const cases = ROUTES.flatMap((route) =>
      ['owner', 'admin', 'interviewer', 'reviewer', 'admin API key', 'interviewer API key', 'reviewer API key'].map((caller) => ({ route, caller })),
    );

    it.each(cases)('$route.name as $caller', async ({ route, caller }) => {
      const { role, token } = callers.get(caller)!;
      const response = await route.send(t, token);
      if (route.allowed.includes(role)) {
        expect([200, 400, 404]).toContain(response.status);
      } else {
        expect(response.status).toBe(403);
        expect(response.body.type).toBe('https://assay.dev/problems/forbidden');
        expect(response.body.requiredRoles).toEqual(route.allowed);
        expect(response.body.detail).toContain(route.allowed.join(' or '));
      }
    });
  });

  describe('tenant isolation', () => {
    let mine: Account;
    let theirs: Account;
    let theirMember: Account;
    let theirInvitationId: string;
    let theirKeyId: string;

    beforeAll(async () => {
      mine = await signUp(t.http);
      theirs = await signUp(t.http);
      theirMember = await addMember(t.http, theirs, 'reviewer');
      const invitation = await t.http().post('/v1/members').set(bearer(theirs.accessToken)).send({ email: uniqueEmail(), role: 'reviewer' });
      theirInvitationId = invitation.body.id;
      theirKeyId = (await createApiKey(t.http, theirs, 'reviewer')).id;
    });

    it.each([
      ['PATCH /v1/members/{userId}', () => t.http().patch(`/v1/members/${theirMember.user.id}`).set(bearer(mine.accessToken)).send({ role: 'admin' })],
      ['DELETE /v1/members/{userId}', () => t.http().delete(`/v1/members/${theirMember.user.id}`).set(bearer(mine.accessToken))],
      ['DELETE /v1/members/{userId} (their owner)', () => t.http().delete(`/v1/members/${theirs.user.id}`).set(bearer(mine.accessToken))],
      ['DELETE /v1/invitations/{id}', () => t.http().delete(`/v1/invitations/${theirInvitationId}`).set(bearer(mine.accessToken))],
      ['DELETE /v1/api-keys/{id}', () => t.http().delete(`/v1/api-keys/${theirKeyId}`).set(bearer(mine.accessToken))],
    ])('%s answers 404 for another organization’s resource', async (_name, send) => {
      const response = await send();
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('https://assay.dev/problems/not-found');
    });

    it('left the other organization untouched and out of every list', async () => {
      const members = await t.http().get('/v1/members').set(bearer(theirs.accessToken));
      expect(members.body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: theirMember.user.id, role: 'reviewer' }), expect.objectContaining({ userId: theirs.user.id })]),
      );
      const invitations = await t.http().get('/v1/invitations').set(bearer(theirs.accessToken));
      expect(invitations.body.items).toContainEqual(expect.objectContaining({ id: theirInvitationId, status: 'pending', revokedAt: null }));
      const keys = await t.http().get('/v1/api-keys').set(bearer(theirs.accessToken));
      expect(keys.body.items).toEqual([expect.objectContaining({ id: theirKeyId, revokedAt: null })]);

      const myMembers = await t.http().get('/v1/members').set(bearer(mine.accessToken));
      expect(myMembers.body.items.map((m: { userId: string }) => m.userId)).toEqual([mine.user.id]);
      expect((await t.http().get('/v1/invitations').set(bearer(mine.accessToken))).body.items).toEqual([]);
      expect((await t.http().get('/v1/api-keys').set(bearer(mine.accessToken))).body.items).toEqual([]);
    });
  });
});
