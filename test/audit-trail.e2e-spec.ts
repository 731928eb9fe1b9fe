import { AuditLog } from '../src/audit/audit-log.service';
import type { Caller } from '../src/auth/caller';
import { PrismaService } from '../src/database/prisma.service';
import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { comment, createReviewSession, decide, rubricAnswer, setOverride, SPAN_QUESTION, SAMPLING_QUESTION } from './factories/reviews';
import { createTestApp, type TestApp } from './support/test-app';

describe('audit trail', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let audit: AuditLog;
  let prisma: PrismaService;

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditLog);
    prisma = t.app.get(PrismaService);
    owner = await signUp(t.http, { name: 'Olive Owner' });
    reviewer = await addMember(t.http, owner, 'reviewer', { name: 'Rae Reviewer' });
  });

  afterAll(async () => {
    await t.close();
  });

  const callerOf = (account: Account): Caller => ({ organizationId: account.organization.id, role: account.role, userId: account.user.id, apiKeyId: null });
  const gradedSession = async () =>
    createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: await rubricAnswer(t, SPAN_QUESTION, 'partial') }, { slug: SAMPLING_QUESTION, answer: 'No idea.' }] });

  describe('AuditLog.record', () => {
    it('stores actor, entity, action and before/after for the caller’s organization', async () => {
      const session = await gradedSession();
      await audit.record(callerOf(reviewer), { entityType: 'session', entityId: session.id, action: 'test.changed', before: { a: 1 }, after: { a: 2 } });
      const rows = await prisma.auditEvent.findMany({ where: { entityId: session.id, action: 'test.changed' } });
      expect(rows).toEqual([
        expect.objectContaining({ organizationId: owner.organization.id, actorUserId: reviewer.user.id, actorApiKeyId: null, entityType: 'session', before: { a: 1 }, after: { a: 2 } }),
      ]);
    });

    it('commits and rolls back with the transaction it is given', async () => {
      const session = await gradedSession();
      await expect(
        prisma.$transaction(async (tx) => {
          await audit.record(callerOf(reviewer), { entityType: 'session', entityId: session.id, action: 'test.rolled-back' }, tx);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await prisma.auditEvent.count({ where: { entityId: session.id, action: 'test.rolled-back' } })).toBe(0);
    });
  });

  describe('GET /v1/sessions/{id}/audit', () => {
    it('lists every change to the session and its parts, oldest first, with who made it', async () => {
      const session = await gradedSession();
      const key = await createApiKey(t.http, owner, 'reviewer', 'Calibration bot');
      const answer = await prisma.answer.findFirstOrThrow({ where: { sessionItemId: session.items[1].id } });
      // Changes other modules record about the session, its answers and scores, written out of order: the trail sorts by time.
      const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
      await audit.record(callerOf(owner), { entityType: 'item_score', entityId: session.items[0].scoreId!, action: 'score.test-event', after: 'a bare value', at: ago(1) });
      await audit.recordSystem(owner.organization.id, { entityType: 'session', entityId: session.id, action: 'session.submitted', after: { status: 'submitted' }, at: ago(3) });
      await audit.record(callerOf(owner), { entityType: 'answer', entityId: answer.id, action: 'answer.test-event', at: ago(2) });
      const override = await setOverride(t.http, reviewer, session.id, 1, { points: 9, reason: 'Good enough.' });
      const note = await comment(t.http, key, session.id, { body: 'Flagging for calibration.', itemPosition: 2 });
      const decision = await decide(t.http, owner, session.id, 'advance');

      // Another session's events never leak in.
      const other = await gradedSession();
      await setOverride(t.http, reviewer, other.id, 1, { points: 1, reason: 'Other session.' });

      const response = await t.http().get(`/v1/sessions/${session.id}/audit`).set(bearer(reviewer.accessToken));
      expect(response.status).toBe(200);
      expect(response.body.items.map((e: { action: string; entityId: string; itemPosition: number | null; actor: unknown }) => [e.action, e.entityId, e.itemPosition, e.actor])).toEqual([
        ['session.submitted', session.id, null, { kind: 'system', id: null, name: null }],
        ['answer.test-event', answer.id, 2, { kind: 'user', id: owner.user.id, name: 'Olive Owner' }],
        ['score.test-event', session.items[0].scoreId, 1, { kind: 'user', id: owner.user.id, name: 'Olive Owner' }],
        ['override.set', session.items[0].id, 1, { kind: 'user', id: reviewer.user.id, name: 'Rae Reviewer' }],
        ['comment.created', note.id, 2, { kind: 'api_key', id: key.id, name: 'Calibration bot' }],
        ['decision.recorded', decision.id, null, { kind: 'user', id: owner.user.id, name: 'Olive Owner' }],
      ]);
      const at = response.body.items.map((e: { at: string }) => Date.parse(e.at));
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // A snapshot that is not an object is wrapped rather than dropped.
      expect(response.body.items[2].after).toEqual({ value: 'a bare value' });
      expect(response.body.items[3].after).toMatchObject({ points: 9, overrideId: override.id });
    });

    it('is empty for a session nobody has changed through the API', async () => {
      const session = await gradedSession();
      const response = await t.http().get(`/v1/sessions/${session.id}/audit`).set(bearer(owner.accessToken));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [] });
    });
  });
});
