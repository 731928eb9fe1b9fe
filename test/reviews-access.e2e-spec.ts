import type { Test } from 'supertest';
import { PrismaService } from '../src/database/prisma.service';
import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { comment, createReviewSession, decide, rubricAnswer, setOverride, SPAN_QUESTION, type ReviewSession } from './factories/reviews';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Who reaches the review routes. The rule (src/reviews/review-roles.ts): owners, admins and reviewers change a
 * review and read its audit trail; interviewers (and interviewer keys) only read overrides, comments, decisions
 * and calibration; candidates and strangers reach nothing.
 */
describe('review routes: access and malformed input', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let interviewer: Account;
  let stranger: Account;
  let session: ReviewSession;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    [reviewer, interviewer] = await Promise.all([addMember(t.http, owner, 'reviewer'), addMember(t.http, owner, 'interviewer')]);
    stranger = await signUp(t.http);
    session = await createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: await rubricAnswer(t, SPAN_QUESTION, 'partial') }] });
    // Something to read on every route.
    await setOverride(t.http, reviewer, session.id, 1, { points: 6, reason: 'Seeded for the access tests.' });
    await comment(t.http, reviewer, session.id, { body: 'Seeded comment.' });
    await decide(t.http, reviewer, session.id, 'hold');
  });

  afterAll(async () => {
    await t.close();
  });

  type Route = { name: string; writes: boolean; readableByAll: boolean; call: (sessionId: string, token?: string) => Test };
  const withAuth = (test: Test, token?: string) => (token ? test.set(bearer(token)) : test);
  const sessionRoutes: Route[] = [
    { name: 'PUT override', writes: true, readableByAll: false, call: (id, token) => withAuth(t.http().put(`/v1/sessions/${id}/items/1/override`), token).send({ points: 7, reason: 'Access test.' }) },
    { name: 'DELETE override', writes: true, readableByAll: false, call: (id, token) => withAuth(t.http().delete(`/v1/sessions/${id}/items/1/override`), token).send({ reason: 'Access test.' }) },
    { name: 'GET overrides', writes: false, readableByAll: true, call: (id, token) => withAuth(t.http().get(`/v1/sessions/${id}/overrides`), token) },
    { name: 'POST comment', writes: true, readableByAll: false, call: (id, token) => withAuth(t.http().post(`/v1/sessions/${id}/comments`), token).send({ body: 'Access test.' }) },
    { name: 'GET comments', writes: false, readableByAll: true, call: (id, token) => withAuth(t.http().get(`/v1/sessions/${id}/comments`), token) },
    { name: 'POST decision', writes: true, readableByAll: false, call: (id, token) => withAuth(t.http().post(`/v1/sessions/${id}/decisions`), token).send({ decision: 'advance' }) },
    { name: 'GET decisions', writes: false, readableByAll: true, call: (id, token) => withAuth(t.http().get(`/v1/sessions/${id}/decisions`), token) },
    { name: 'GET audit', writes: false, readableByAll: false, call: (id, token) => withAuth(t.http().get(`/v1/sessions/${id}/audit`), token) },
  ];
  const calibration = (idOrSlug: string, token?: string) => withAuth(t.http().get(`/v1/questions/${idOrSlug}/calibration`), token);

  async function reviewRowCounts(sessionId: string) {
    const prisma = t.app.get(PrismaService);
    const [overrides, current, comments, decisions, events] = await Promise.all([
      prisma.scoreOverride.count({ where: { sessionId } }),
      prisma.scoreOverride.findFirst({ where: { sessionId, current: true }, select: { id: true } }),
      prisma.reviewComment.count({ where: { sessionId } }),
      prisma.reviewDecision.count({ where: { sessionId } }),
      prisma.auditEvent.count({ where: { organizationId: owner.organization.id } }),
    ]);
    return { overrides, current: current?.id ?? null, comments, decisions, events };
  }

  describe('another organization', () => {
    it('gets 404 on every session route, and changes nothing', async () => {
      const before = await reviewRowCounts(session.id);
      for (const route of sessionRoutes) {
        const response = await route.call(session.id, stranger.accessToken);
        expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: 404 });
        expect(JSON.stringify(response.body)).not.toContain('Seeded');
      }
      expect(await reviewRowCounts(session.id)).toEqual(before);
    });

    it('gets the same 404 for a session id that does not exist at all', async () => {
      for (const route of sessionRoutes) {
        const missing = await route.call('0b7d8f5e-3c1a-4e2b-9f00-5d6c7b8a9e10', owner.accessToken);
        expect({ route: route.name, status: missing.status }).toEqual({ route: route.name, status: 404 });
      }
    });

    it('gets the organization’s own figures (none) from calibration, never ours', async () => {
      const response = await calibration(SPAN_QUESTION, stranger.accessToken);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ gradedItems: 0, overriddenItems: 0, concepts: [] });
    });
  });

  describe('roles', () => {
    it('lets reviewers, admins and owners use every route', async () => {
      const admin = await addMember(t.http, owner, 'admin');
      for (const who of [reviewer, admin, owner]) {
        const fresh = await createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: 'A span is one timed operation.' }] });
        for (const route of sessionRoutes) {
          const response = await route.call(fresh.id, who.accessToken);
          expect({ who: who.role, route: route.name, ok: response.status < 300 }).toEqual({ who: who.role, route: route.name, ok: true });
        }
      }
      expect((await calibration(SPAN_QUESTION, reviewer.accessToken)).status).toBe(200);
    });

    it('lets interviewers (people and keys) read overrides, comments, decisions and calibration, and nothing else', async () => {
      const key = await createApiKey(t.http, owner, 'interviewer');
      const before = await reviewRowCounts(session.id);
      for (const token of [interviewer.accessToken, key.secret]) {
        for (const route of sessionRoutes) {
          const response = await route.call(session.id, token);
          expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: route.readableByAll ? 200 : 403 });
        }
        expect((await calibration(SPAN_QUESTION, token)).status).toBe(200);
      }
      expect(await reviewRowCounts(session.id)).toEqual(before);
    });

    it('lets a reviewer API key review', async () => {
      const key = await createApiKey(t.http, owner, 'reviewer');
      const fresh = await createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: 'A span is one timed operation.' }] });
      for (const route of sessionRoutes) {
        const response = await route.call(fresh.id, key.secret);
        expect({ route: route.name, ok: response.status < 300 }).toEqual({ route: route.name, ok: true });
      }
    });
  });

  describe('candidates and anonymous callers', () => {
    it('refuses the session’s own candidate token with 401 on every route', async () => {
      // The token really is the candidate's: it opens their session on the candidate API.
      const own = await t.http().get('/v1/candidate/session').set(bearer(session.candidateToken));
      expect(own.status).toBe(200);
      for (const route of sessionRoutes) {
        const response = await route.call(session.id, session.candidateToken);
        expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: 401 });
        const text = JSON.stringify(response.body);
        for (const secret of ['Seeded', 'score', 'points', 'reason']) expect(text).not.toContain(secret);
      }
      expect((await calibration(SPAN_QUESTION, session.candidateToken)).status).toBe(401);
    });

    it('refuses requests without credentials with 401', async () => {
      for (const route of sessionRoutes) expect((await route.call(session.id)).status).toBe(401);
      expect((await calibration(SPAN_QUESTION)).status).toBe(401);
    });
  });

  describe('malformed input', () => {
    it('refuses a session id that is not a UUID with 400 on every route', async () => {
      for (const route of sessionRoutes) {
        const response = await route.call('not-a-uuid', reviewer.accessToken);
        expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: 400 });
        expect(response.body.errors).toEqual([{ pointer: 'path:id', detail: 'id must be a UUID' }]);
      }
    });

    it('refuses an item position that is not a non-negative integer with 400', async () => {
      for (const position of ['abc', '1.5', '-1', '1e2', '0x10', '+1', '99999999999', '%20']) {
        for (const method of ['put', 'delete'] as const) {
          const response = await t.http()[method](`/v1/sessions/${session.id}/items/${position}/override`).set(bearer(reviewer.accessToken)).send(method === 'put' ? { points: 1, reason: 'Bad position.' } : { reason: 'Bad position.' });
          expect({ position, method, status: response.status }).toEqual({ position, method, status: 400 });
          expect(response.body.errors[0].pointer).toBe('path:position');
        }
      }
    });

    it('refuses malformed JSON, non-JSON bodies, non-object bodies and unknown fields on every write', async () => {
      const writes: [string, 'put' | 'delete' | 'post', string, object][] = [
        ['PUT override', 'put', `/v1/sessions/${session.id}/items/1/override`, { points: 1, reason: 'Valid reason.' }],
        ['DELETE override', 'delete', `/v1/sessions/${session.id}/items/1/override`, { reason: 'Valid reason.' }],
        ['POST comment', 'post', `/v1/sessions/${session.id}/comments`, { body: 'Valid body.' }],
        ['POST decision', 'post', `/v1/sessions/${session.id}/decisions`, { decision: 'hold' }],
      ];
      const before = await reviewRowCounts(session.id);
      for (const [name, method, path, valid] of writes) {
        const request = () => t.http()[method](path).set(bearer(reviewer.accessToken));
        const broken = await request().set('Content-Type', 'application/json').send('{"points": 1,');
        expect({ name, status: broken.status }).toEqual({ name, status: 400 });
        const text = await request().set('Content-Type', 'text/plain').send('points=1');
        expect({ name, status: text.status }).toEqual({ name, status: 415 });
        const array = await request().send([valid]);
        expect({ name, status: array.status }).toEqual({ name, status: 400 });
        const nullBody = await request().set('Content-Type', 'application/json').send('null');
        expect({ name, status: nullBody.status }).toEqual({ name, status: 400 });
        const extra = await request().send({ ...valid, sessionId: session.id });
        expect({ name, status: extra.status }).toEqual({ name, status: 400 });
        expect(extra.body.errors).toContainEqual({ pointer: '/sessionId', detail: 'is not a known field' });
      }
      expect(await reviewRowCounts(session.id)).toEqual(before);
    });

    it('refuses text PostgreSQL cannot store (a NUL character) with 400 on every write', async () => {
      const nul = 'bad \u0000 text';
      const cases: [string, () => Test, string][] = [
        ['PUT override', () => t.http().put(`/v1/sessions/${session.id}/items/1/override`).send({ points: 1, reason: nul }), '/reason'],
        ['DELETE override', () => t.http().delete(`/v1/sessions/${session.id}/items/1/override`).send({ reason: nul }), '/reason'],
        ['POST comment', () => t.http().post(`/v1/sessions/${session.id}/comments`).send({ body: nul }), '/body'],
        ['POST decision', () => t.http().post(`/v1/sessions/${session.id}/decisions`).send({ decision: 'hold', note: nul }), '/note'],
      ];
      for (const [name, call, pointer] of cases) {
        const response = await call().set(bearer(reviewer.accessToken));
        expect({ name, status: response.status }).toEqual({ name, status: 400 });
        expect(response.body.errors).toEqual([{ pointer, detail: `${pointer.slice(1)} must not contain the NUL character (U+0000)` }]);
      }
    });

    it('refuses points that are not finite numbers', async () => {
      for (const points of ['5', null, true, 1.23456, [1], { value: 1 }]) {
        const response = await t.http().put(`/v1/sessions/${session.id}/items/1/override`).set(bearer(reviewer.accessToken)).send({ points, reason: 'Weird points.' });
        expect({ points, status: response.status }).toEqual({ points, status: 400 });
        expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/points');
      }
    });
  });
});
