import { DomainEvents, type DomainEventMap } from '../src/events/domain-events';
import { ReviewsService } from '../src/reviews/reviews.service';
import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { comment, createReviewSession, decide, removeOverride, rubricAnswer, setOverride, SPAN_QUESTION, SAMPLING_QUESTION } from './factories/reviews';
import { createTestApp, type TestApp } from './support/test-app';

describe('review decisions and comments', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let strong: string;
  const decided: DomainEventMap['review.decided'][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(DomainEvents).subscribe('review.decided', async (payload) => {
      decided.push(payload);
    });
    owner = await signUp(t.http);
    reviewer = await addMember(t.http, owner, 'reviewer');
    strong = await rubricAnswer(t, SPAN_QUESTION, 'strong');
  });

  afterAll(async () => {
    await t.close();
  });

  const gradedSession = () => createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: strong }, { slug: SAMPLING_QUESTION, answer: 'Head sampling decides at the start.' }] });
  const eventsFor = (sessionId: string) => decided.filter((event) => event.sessionId === sessionId);

  describe('POST /v1/sessions/{id}/decisions', () => {
    it('lists no decisions for a session nobody decided on', async () => {
      const session = await gradedSession();
      const list = await t.http().get(`/v1/sessions/${session.id}/decisions`).set(bearer(owner.accessToken));
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ currentDecision: null, items: [] });
    });

    it('records a decision, publishes review.decided, and keeps the history with the latest current', async () => {
      const session = await gradedSession();
      const first = await t.http().post(`/v1/sessions/${session.id}/decisions`).set(bearer(reviewer.accessToken)).send({ decision: 'hold', note: '  Wants a second opinion. ' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        sessionId: session.id,
        decision: 'hold',
        note: 'Wants a second opinion.',
        reviewerId: reviewer.user.id,
        current: true,
        createdAt: expect.any(String),
      });
      expect(eventsFor(session.id)).toEqual([
        { organizationId: owner.organization.id, sessionId: session.id, interviewId: session.interviewId, decision: 'hold', decidedAt: first.body.createdAt, reviewerId: reviewer.user.id },
      ]);

      const second = await decide(t.http, owner, session.id, 'advance');
      const list = await t.http().get(`/v1/sessions/${session.id}/decisions`).set(bearer(reviewer.accessToken));
      expect(list.status).toBe(200);
      expect(list.body.items.map((d: { id: string; decision: string; current: boolean; note: string }) => [d.id, d.decision, d.current, d.note])).toEqual([
        [first.body.id, 'hold', false, 'Wants a second opinion.'],
        [second.id, 'advance', true, ''],
      ]);
      expect(list.body.currentDecision).toBe('advance');
      expect(list.body.items[1]).toMatchObject({ reviewerId: owner.user.id });
      expect(eventsFor(session.id).map((e) => e.decision)).toEqual(['hold', 'advance']);
    });

    it('audits each decision with the one it replaced', async () => {
      const session = await gradedSession();
      const first = await decide(t.http, reviewer, session.id, 'reject', 'Weak on propagation.');
      const second = await decide(t.http, reviewer, session.id, 'advance');
      const trail = await t.http().get(`/v1/sessions/${session.id}/audit`).set(bearer(reviewer.accessToken));
      const events = trail.body.items.filter((e: { action: string }) => e.action === 'decision.recorded');
      expect(events).toEqual([
        expect.objectContaining({ entityType: 'review_decision', entityId: first.id, before: { decision: null, decisionId: null }, after: { decision: 'reject', decisionId: first.id, note: 'Weak on propagation.' } }),
        expect.objectContaining({ entityType: 'review_decision', entityId: second.id, before: { decision: 'reject', decisionId: first.id }, after: { decision: 'advance', decisionId: second.id, note: '' } }),
      ]);
    });

    it('accepts a submitted session still being graded, and refuses one the candidate has not submitted with 409', async () => {
      const submitted = await createReviewSession(t, owner, { status: 'submitted', items: [{ slug: SPAN_QUESTION, answer: strong }] });
      expect((await decide(t.http, reviewer, submitted.id, 'hold')).decision).toBe('hold');
      for (const status of ['invited', 'in_progress', 'cancelled'] as const) {
        const session = await createReviewSession(t, owner, { status, items: [{ slug: SPAN_QUESTION, answer: strong }] });
        const response = await t.http().post(`/v1/sessions/${session.id}/decisions`).set(bearer(reviewer.accessToken)).send({ decision: 'reject' });
        expect(response.status).toBe(409);
        expect(eventsFor(session.id)).toEqual([]);
      }
    });

    it('refuses unknown decisions and overlong notes with 400, publishing nothing', async () => {
      const session = await gradedSession();
      for (const body of [{}, { decision: 'maybe' }, { decision: 'ADVANCE' }, { decision: 'advance', note: 'x'.repeat(2001) }, { decision: 'advance', note: 3 }, { decision: 'advance', extra: true }]) {
        const response = await t.http().post(`/v1/sessions/${session.id}/decisions`).set(bearer(reviewer.accessToken)).send(body);
        expect(response.status).toBe(400);
      }
      expect(eventsFor(session.id)).toEqual([]);
    });

    it('publishes a null reviewer for an API key’s decision', async () => {
      const session = await gradedSession();
      const key = await createApiKey(t.http, owner, 'reviewer');
      const body = await decide(t.http, key, session.id, 'reject');
      expect(body).toMatchObject({ decision: 'reject', current: true });
      expect(eventsFor(session.id)).toEqual([expect.objectContaining({ decision: 'reject', reviewerId: null })]);
    });
  });

  describe('comments', () => {
    it('adds comments on the session and on an item, lists them oldest first to any member, and audits them', async () => {
      const session = await gradedSession();
      const interviewer = await addMember(t.http, owner, 'interviewer');
      const general = await t.http().post(`/v1/sessions/${session.id}/comments`).set(bearer(reviewer.accessToken)).send({ body: '  Clear writer.  ' });
      expect(general.status).toBe(201);
      expect(general.body).toEqual({ id: expect.any(String), sessionId: session.id, itemPosition: null, body: 'Clear writer.', authorId: reviewer.user.id, createdAt: expect.any(String) });
      const onItem = await comment(t.http, owner, session.id, { body: 'Sampling answer is thin.', itemPosition: 2 });

      const list = await t.http().get(`/v1/sessions/${session.id}/comments`).set(bearer(interviewer.accessToken));
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { id: string; itemPosition: number | null; body: string; authorId: string }) => [c.id, c.itemPosition, c.body, c.authorId])).toEqual([
        [general.body.id, null, 'Clear writer.', reviewer.user.id],
        [onItem.id, 2, 'Sampling answer is thin.', owner.user.id],
      ]);

      const trail = await t.http().get(`/v1/sessions/${session.id}/audit`).set(bearer(owner.accessToken));
      expect(trail.body.items.filter((e: { action: string }) => e.action === 'comment.created')).toEqual([
        expect.objectContaining({ entityType: 'review_comment', entityId: general.body.id, itemPosition: null, before: null, after: { itemPosition: null, body: 'Clear writer.' } }),
        expect.objectContaining({ entityType: 'review_comment', entityId: onItem.id, itemPosition: 2, after: { itemPosition: 2, body: 'Sampling answer is thin.' } }),
      ]);
    });

    it('refuses an empty or overlong body and an item the session does not have with 400', async () => {
      const session = await gradedSession();
      const cases: [object, string][] = [
        [{}, '/body'],
        [{ body: '   ' }, '/body'],
        [{ body: 'x'.repeat(5001) }, '/body'],
        [{ body: 7 }, '/body'],
        [{ body: 'ok', itemPosition: 3 }, '/itemPosition'],
        [{ body: 'ok', itemPosition: 1.5 }, '/itemPosition'],
        [{ body: 'ok', itemPosition: -1 }, '/itemPosition'],
        [{ body: 'ok', itemPosition: '1' }, '/itemPosition'],
      ];
      for (const [body, pointer] of cases) {
        const response = await t.http().post(`/v1/sessions/${session.id}/comments`).set(bearer(reviewer.accessToken)).send(body);
        expect(response.status).toBe(400);
        expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      }
      const list = await t.http().get(`/v1/sessions/${session.id}/comments`).set(bearer(reviewer.accessToken));
      expect(list.body.items).toEqual([]);
    });
  });

  describe('ReviewsService.reviewSummary', () => {
    it('gives the reports the overrides by item, the latest decision and the number of comments', async () => {
      const session = await gradedSession();
      const summaries = t.app.get(ReviewsService);
      const empty = await summaries.reviewSummary({ organizationId: owner.organization.id, role: 'reviewer', userId: reviewer.user.id, apiKeyId: null }, session.id);
      expect(empty).toEqual({ sessionId: session.id, overridesByItem: new Map(), latestDecision: null, commentsCount: 0 });

      const first = await setOverride(t.http, reviewer, session.id, 1, { points: 6, reason: 'Too generous.' });
      const second = await setOverride(t.http, owner, session.id, 1, { points: 7, reason: 'Seven.' });
      const removed = await setOverride(t.http, reviewer, session.id, 2, { points: 1, reason: 'One.' });
      await removeOverride(t.http, reviewer, session.id, 2);
      await comment(t.http, reviewer, session.id, { body: 'One' });
      await comment(t.http, reviewer, session.id, { body: 'Two', itemPosition: 1 });
      await decide(t.http, reviewer, session.id, 'hold');
      const latest = await decide(t.http, owner, session.id, 'advance');

      const summary = await summaries.reviewSummary({ organizationId: owner.organization.id, role: 'owner', userId: owner.user.id, apiKeyId: null }, session.id);
      expect(summary.commentsCount).toBe(2);
      expect(summary.latestDecision).toMatchObject({ id: latest.id, decision: 'advance', current: true });
      expect([...summary.overridesByItem.keys()].sort()).toEqual([1, 2]);
      const item1 = summary.overridesByItem.get(1)!;
      expect(item1.current).toMatchObject({ id: second.id, points: 7, automaticPoints: session.items[0].automaticPoints });
      expect(item1.history.map((o) => o.id)).toEqual([first.id, second.id]);
      expect(summary.overridesByItem.get(2)).toEqual({ current: null, history: [expect.objectContaining({ id: removed.id, current: false })] });
    });

    it('refuses another organization’s session as not found', async () => {
      const session = await gradedSession();
      const stranger = await signUp(t.http);
      await expect(
        t.app.get(ReviewsService).reviewSummary({ organizationId: stranger.organization.id, role: 'owner', userId: stranger.user.id, apiKeyId: null }, session.id),
      ).rejects.toMatchObject({ code: 'not-found' });
    });
  });
});
