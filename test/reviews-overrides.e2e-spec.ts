import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { createReviewSession, overridePath, regradeItem, removeOverride, rubricAnswer, setOverride, SPAN_QUESTION, SAMPLING_QUESTION, type ReviewSession } from './factories/reviews';
import { createTestApp, type TestApp } from './support/test-app';

interface AuditItem {
  action: string;
  entityType: string;
  entityId: string;
  itemPosition: number | null;
  actor: { kind: string; id: string | null; name: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

describe('reviewer overrides', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let partial: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    reviewer = await addMember(t.http, owner, 'reviewer', { name: 'Rae Reviewer' });
    partial = await rubricAnswer(t, SPAN_QUESTION, 'partial');
  });

  afterAll(async () => {
    await t.close();
  });

  const gradedSession = (points = 10): Promise<ReviewSession> =>
    createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: partial, points }, { slug: SAMPLING_QUESTION, answer: 'I do not know.', points: 5 }] });
  const put = (who: Account, sessionId: string, position: number | string, body: unknown) => t.http().put(overridePath(sessionId, position)).set(bearer(who.accessToken)).send(body as object);
  const trail = async (sessionId: string): Promise<AuditItem[]> => {
    const response = await t.http().get(`/v1/sessions/${sessionId}/audit`).set(bearer(owner.accessToken));
    expect(response.status).toBe(200);
    return response.body.items as AuditItem[];
  };

  describe('PUT /v1/sessions/{id}/items/{position}/override', () => {
    it('sets the reviewed points on top of the real automatic score it was based on', async () => {
      const session = await gradedSession();
      const [item] = session.items;
      // The factory scored a partial answer with the curated rubric: something, but not everything.
      expect(item.automaticPoints).toBeGreaterThan(0);
      expect(item.automaticPoints).toBeLessThan(10);

      const response = await put(reviewer, session.id, 1, { points: 8.5, reason: '  Explains the parent chain in other words.  ' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: expect.any(String),
        sessionId: session.id,
        itemPosition: 1,
        points: 8.5,
        itemPoints: 10,
        reason: 'Explains the parent chain in other words.',
        reviewerId: reviewer.user.id,
        current: true,
        basedOnScoreId: item.scoreId,
        automaticPointsAtOverride: item.automaticPoints,
        automaticPoints: item.automaticPoints,
        automaticScoreMoved: false,
        createdAt: expect.any(String),
      });
    });

    it('accepts the bounds 0 and the item’s points, and refuses anything outside with 400', async () => {
      const session = await gradedSession(5);
      expect((await put(reviewer, session.id, 1, { points: 0, reason: 'Nothing right.' })).status).toBe(200);
      expect((await put(reviewer, session.id, 1, { points: 5, reason: 'All of it.' })).status).toBe(200);

      const above = await put(reviewer, session.id, 1, { points: 5.01, reason: 'Too generous.' });
      expect(above.status).toBe(400);
      expect(above.body.errors).toEqual([{ pointer: '/points', detail: 'points must not be greater than 5' }]);
      const below = await put(reviewer, session.id, 1, { points: -1, reason: 'Negative.' });
      expect(below.status).toBe(400);
      expect(below.body.errors[0].pointer).toBe('/points');

      // The refused ones changed nothing: the last accepted override is current.
      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(reviewer.accessToken));
      expect(list.body.items.filter((o: { current: boolean }) => o.current).map((o: { points: number }) => o.points)).toEqual([5]);
    });

    it('requires a reason of 3 to 2000 characters', async () => {
      const session = await gradedSession();
      for (const body of [{ points: 5 }, { points: 5, reason: '' }, { points: 5, reason: '  ab  ' }, { points: 5, reason: 'x'.repeat(2001) }, { points: 5, reason: 42 }]) {
        const response = await put(reviewer, session.id, 1, body);
        expect(response.status).toBe(400);
        expect([...new Set(response.body.errors.map((e: { pointer: string }) => e.pointer))]).toEqual(['/reason']);
      }
      expect((await put(reviewer, session.id, 1, { points: 5, reason: 'abc' })).status).toBe(200);
      expect((await put(reviewer, session.id, 1, { points: 5, reason: 'x'.repeat(2000) })).status).toBe(200);
    });

    it('refuses sessions that are not graded with 409, and items without a score', async () => {
      for (const status of ['invited', 'in_progress', 'submitted', 'cancelled'] as const) {
        const session = await createReviewSession(t, owner, { status, items: [{ slug: SPAN_QUESTION, answer: partial }] });
        const response = await put(reviewer, session.id, 1, { points: 5, reason: 'Too early.' });
        expect(response.status).toBe(409);
        expect(response.body.detail).toContain(status);
      }
      const unscored = await createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: partial, unscored: true }] });
      const response = await put(reviewer, unscored.id, 1, { points: 5, reason: 'No score yet.' });
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/no automatic score/);
    });

    it('answers 404 for an item the session does not have', async () => {
      const session = await gradedSession();
      expect((await put(reviewer, session.id, 3, { points: 1, reason: 'Nope.' })).status).toBe(404);
      expect((await put(reviewer, session.id, 0, { points: 1, reason: 'Nope.' })).status).toBe(404);
    });

    it('keeps every override in the history, with only the newest current, and audits before → after points', async () => {
      const session = await gradedSession();
      const automatic = session.items[0].automaticPoints!;
      const first = await setOverride(t.http, reviewer, session.id, 1, { points: 7, reason: 'First look.' });
      const second = await setOverride(t.http, reviewer, session.id, 1, { points: 6, reason: 'On reflection, less.' });

      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(owner.accessToken));
      expect(list.status).toBe(200);
      expect(list.body.items.map((o: { id: string; points: number; current: boolean }) => [o.id, o.points, o.current])).toEqual([
        [first.id, 7, false],
        [second.id, 6, true],
      ]);

      const events = (await trail(session.id)).filter((e) => e.action.startsWith('override.'));
      expect(events).toEqual([
        expect.objectContaining({
          action: 'override.set',
          entityType: 'session_item',
          entityId: session.items[0].id,
          itemPosition: 1,
          actor: { kind: 'user', id: reviewer.user.id, name: 'Rae Reviewer' },
          before: { points: automatic, overridden: false, overrideId: null, automaticPoints: automatic },
          after: { points: 7, overridden: true, overrideId: first.id, automaticPoints: automatic, reason: 'First look.' },
        }),
        expect.objectContaining({
          action: 'override.set',
          before: { points: 7, overridden: true, overrideId: first.id, automaticPoints: automatic },
          after: { points: 6, overridden: true, overrideId: second.id, automaticPoints: automatic, reason: 'On reflection, less.' },
        }),
      ]);
    });

    it('treats the same override again as a no-op (PUT is idempotent)', async () => {
      const session = await gradedSession();
      const first = await setOverride(t.http, reviewer, session.id, 1, { points: 7, reason: 'Same again.' });
      const again = await setOverride(t.http, reviewer, session.id, 1, { points: 7, reason: 'Same again.' });
      expect(again.id).toBe(first.id);
      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(owner.accessToken));
      expect(list.body.items).toHaveLength(1);
      expect((await trail(session.id)).filter((e) => e.action === 'override.set')).toHaveLength(1);
    });

    it('lets several reviewers override in turn; each sees the previous reviewer’s points as “before”', async () => {
      const session = await gradedSession();
      const second = await addMember(t.http, owner, 'reviewer', { name: 'Sam Second' });
      const admin = await addMember(t.http, owner, 'admin');
      const a = await setOverride(t.http, reviewer, session.id, 1, { points: 9, reason: 'Generous read.' });
      const b = await setOverride(t.http, second, session.id, 1, { points: 4, reason: 'Misses the root span.' });
      const c = await setOverride(t.http, admin, session.id, 1, { points: 6, reason: 'Split the difference.' });
      expect([a.reviewerId, b.reviewerId, c.reviewerId]).toEqual([reviewer.user.id, second.user.id, admin.user.id]);

      const events = (await trail(session.id)).filter((e) => e.action === 'override.set');
      expect(events.map((e) => [e.actor.id, e.before!.points, e.after!.points])).toEqual([
        [reviewer.user.id, session.items[0].automaticPoints, 9],
        [second.user.id, 9, 4],
        [admin.user.id, 4, 6],
      ]);
      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(owner.accessToken));
      expect(list.body.items.filter((o: { current: boolean }) => o.current)).toEqual([expect.objectContaining({ id: c.id, points: 6 })]);
    });

    it('keeps exactly one current override when reviewers race on the same item', async () => {
      const session = await gradedSession();
      const others = await Promise.all([addMember(t.http, owner, 'reviewer'), addMember(t.http, owner, 'reviewer'), addMember(t.http, owner, 'admin')]);
      const responses = await Promise.all(others.map((who, index) => put(who, session.id, 1, { points: index + 2, reason: `Racing reviewer ${index}` })));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(owner.accessToken));
      expect(list.body.items).toHaveLength(3);
      expect(list.body.items.filter((o: { current: boolean }) => o.current)).toHaveLength(1);
      // Serialised: each audit event's "before" is the previous one's "after", ending at the current override.
      const events = (await trail(session.id)).filter((e) => e.action === 'override.set');
      expect(events[0].before!.points).toBe(session.items[0].automaticPoints);
      for (let i = 1; i < events.length; i += 1) expect(events[i].before!.points).toBe(events[i - 1].after!.points);
      expect(events.at(-1)!.after!.overrideId).toBe(list.body.items.find((o: { current: boolean }) => o.current).id);
    });

    it('records an API key’s override with the key as the actor', async () => {
      const session = await gradedSession();
      const key = await createApiKey(t.http, owner, 'reviewer', 'Review bot');
      const override = await setOverride(t.http, key, session.id, 2, { points: 1, reason: 'Bot says one point.' });
      expect(override).toMatchObject({ itemPosition: 2, points: 1, itemPoints: 5, reviewerId: null });
      const [event] = (await trail(session.id)).filter((e) => e.action === 'override.set');
      expect(event.actor).toEqual({ kind: 'api_key', id: key.id, name: 'Review bot' });
      expect(event.itemPosition).toBe(2);
    });

    it('flags an override whose automatic score moved after a re-grade, keeping it current', async () => {
      const session = await gradedSession();
      const item = session.items[0];
      const override = await setOverride(t.http, reviewer, session.id, 1, { points: 9, reason: 'Better than scored.' });
      const newScoreId = await regradeItem(t, item, session.id, 0.9);
      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(reviewer.accessToken));
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: override.id, current: true, basedOnScoreId: item.scoreId, automaticPointsAtOverride: item.automaticPoints, automaticPoints: 9, automaticScoreMoved: true }),
      ]);
      // Overriding again is based on the new score, and is no longer flagged.
      const renewed = await setOverride(t.http, reviewer, session.id, 1, { points: 9, reason: 'Still nine after the re-grade.' });
      expect(renewed).toMatchObject({ basedOnScoreId: newScoreId, automaticPointsAtOverride: 9, automaticScoreMoved: false });
    });
  });

  describe('DELETE /v1/sessions/{id}/items/{position}/override', () => {
    it('removes the current override, keeps it in the history, and audits the return to automatic points', async () => {
      const session = await gradedSession();
      const automatic = session.items[0].automaticPoints!;
      const override = await setOverride(t.http, reviewer, session.id, 1, { points: 9, reason: 'Generous.' });
      await removeOverride(t.http, reviewer, session.id, 1, 'Overrode the wrong item.');

      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(owner.accessToken));
      expect(list.body.items).toEqual([expect.objectContaining({ id: override.id, current: false, points: 9 })]);
      const removal = (await trail(session.id)).find((e) => e.action === 'override.removed')!;
      expect(removal).toMatchObject({
        itemPosition: 1,
        actor: { kind: 'user', id: reviewer.user.id },
        before: { points: 9, overridden: true, overrideId: override.id },
        after: { points: automatic, overridden: false, overrideId: null, reason: 'Overrode the wrong item.' },
      });

      // Nothing left to remove.
      const again = await t.http().delete(overridePath(session.id, 1)).set(bearer(reviewer.accessToken)).send({ reason: 'Twice.' });
      expect(again.status).toBe(404);
    });

    it('requires a reason', async () => {
      const session = await gradedSession();
      await setOverride(t.http, reviewer, session.id, 1, { points: 9, reason: 'Generous.' });
      const none = await t.http().delete(overridePath(session.id, 1)).set(bearer(reviewer.accessToken));
      expect(none.status).toBe(400);
      const short = await t.http().delete(overridePath(session.id, 1)).set(bearer(reviewer.accessToken)).send({ reason: 'no' });
      expect(short.status).toBe(400);
      expect(short.body.errors[0].pointer).toBe('/reason');
      const list = await t.http().get(`/v1/sessions/${session.id}/overrides`).set(bearer(owner.accessToken));
      expect(list.body.items[0].current).toBe(true);
    });

    it('refuses sessions that are not graded with 409', async () => {
      const session = await createReviewSession(t, owner, { status: 'submitted', items: [{ slug: SPAN_QUESTION, answer: partial }] });
      const response = await t.http().delete(overridePath(session.id, 1)).set(bearer(reviewer.accessToken)).send({ reason: 'Not yet.' });
      expect(response.status).toBe(409);
    });
  });
});
