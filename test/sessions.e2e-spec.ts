import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { Response } from 'supertest';
import { PrismaService } from '../src/database/prisma.service';
import { SessionInvitations } from '../src/sessions/session-invitations.service';
import { addMember, bearer, createApiKey, signUp, uniqueEmail, type Account } from './factories/accounts';
import { inviteCandidate, publishedInterview, saveAnswer, startedSession, type InvitedSession } from './factories/sessions';
import { createTestApp, TestApp } from './support/test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The organization's side: inviting candidates, listing, reading and cancelling sessions. */
describe('sessions (organization routes)', () => {
  let t: TestApp;
  let db: Client;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
    owner = await signUp(t.http);
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('inviting', () => {
    it('creates a session with its items resolved, and shows a 256-bit token once', async () => {
      const interview = await publishedInterview(t, owner, { questions: 2 });
      const before = Date.now();
      const response = await t
        .http()
        .post(`/v1/interviews/${interview.id}/sessions`)
        .set(bearer(owner.accessToken))
        .send({ candidateName: '  Ada Lovelace ', candidateEmail: 'Ada@Example.com' });
      expect(response.status).toBe(201);
      const session = response.body as InvitedSession;
      expect(session).toMatchObject({ interviewId: interview.id, candidateName: 'Ada Lovelace', candidateEmail: 'ada@example.com', status: 'invited', itemCount: 2, startedAt: null, submittedAt: null });
      expect(session.accessToken).toMatch(/^assay_cs_[A-Za-z0-9_-]{43}$/);
      expect(session.drawSeed).toMatch(/^[0-9a-f]{32}$/);
      const expiresIn = Date.parse(session.tokenExpiresAt) - before;
      expect(expiresIn).toBeGreaterThan(168 * 3600_000 - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(168 * 3600_000 + 60_000);

      const { rows: items } = await db.query('SELECT position, question_version_id, rubric_version_id FROM session_items WHERE session_id = $1 ORDER BY position', [session.id]);
      expect(items.map((item) => item.question_version_id)).toEqual(interview.versions.map((version) => version.id));

      // Readable afterwards, never with the token.
      const read = await t.http().get(`/v1/sessions/${session.id}`).set(bearer(owner.accessToken));
      expect(read.status).toBe(200);
      const { accessToken: _token, ...withoutToken } = session;
      expect(read.body).toEqual(withoutToken);
      expect(JSON.stringify(read.body)).not.toContain(session.accessToken);
    });

    it('honours expiresInHours', async () => {
      const interview = await publishedInterview(t, owner);
      const session = await inviteCandidate(t.http, owner, interview.id, { expiresInHours: 2 });
      expect(Math.abs(Date.parse(session.tokenExpiresAt) - Date.now() - 2 * 3600_000)).toBeLessThan(60_000);
    });

    it('invites up to 100 candidates at once, each with their own token and seed', async () => {
      const interview = await publishedInterview(t, owner);
      const candidates = Array.from({ length: 100 }, (_, i) => ({ candidateName: `Candidate ${i}`, candidateEmail: uniqueEmail('bulk') }));
      const response = await t.http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(owner.accessToken)).send({ candidates });
      expect(response.status).toBe(201);
      const items = response.body.items as InvitedSession[];
      expect(items.map((s) => s.candidateEmail)).toEqual(candidates.map((c) => c.candidateEmail));
      expect(new Set(items.map((s) => s.accessToken)).size).toBe(100);
      expect(new Set(items.map((s) => s.drawSeed)).size).toBe(100);

      const tooMany = await t
        .http()
        .post(`/v1/interviews/${interview.id}/sessions`)
        .set(bearer(owner.accessToken))
        .send({ candidates: [...candidates, { candidateName: 'One more', candidateEmail: uniqueEmail() }] });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors).toEqual([{ pointer: '/candidates', detail: 'candidates must contain no more than 100 elements' }]);
    });

    it('invites all of a bulk list or none of it', async () => {
      const interview = await publishedInterview(t, owner);
      const invalid = await t
        .http()
        .post(`/v1/interviews/${interview.id}/sessions`)
        .set(bearer(owner.accessToken))
        .send({ candidates: [{ candidateName: 'Fine', candidateEmail: uniqueEmail() }, { candidateName: 'Broken', candidateEmail: 'not an email' }] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([{ pointer: '/candidates/1/candidateEmail', detail: 'candidateEmail must be an email' }]);

      // A failure inside the transaction (here: the 2nd session cannot be inserted) rolls back the 1st too.
      await db.query(`CREATE OR REPLACE FUNCTION pg_temp_fail_second() RETURNS trigger AS $$
        BEGIN IF NEW.candidate_name = 'Second' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.query('CREATE TRIGGER fail_second BEFORE INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION pg_temp_fail_second()');
      try {
        // Called on the service: an injected database failure is not an HTTP contract.
        const caller = { organizationId: owner.organization.id, role: 'owner' as const, userId: owner.user.id, apiKeyId: null };
        const invite = t.app.get(SessionInvitations).invite(caller, interview.id, {
          candidates: [
            { candidateName: 'First', candidateEmail: uniqueEmail() },
            { candidateName: 'Second', candidateEmail: uniqueEmail() },
          ],
        });
        await expect(invite).rejects.toThrow(/injected failure/);
      } finally {
        await db.query('DROP TRIGGER fail_second ON sessions');
        await db.query('DROP FUNCTION pg_temp_fail_second()');
      }
      const { rows } = await db.query('SELECT count(*)::int AS n FROM sessions WHERE interview_id = $1', [interview.id]);
      expect(rows[0].n).toBe(0);
    });

    it('accepts candidates only for published interviews', async () => {
      for (const status of ['draft', 'archived'] as const) {
        const interview = await publishedInterview(t, owner, { status });
        const response = await t.http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(owner.accessToken)).send({ candidateName: 'A', candidateEmail: uniqueEmail() });
        expect(response.status).toBe(409);
        expect(response.body.detail).toContain(`The interview is ${status}`);
      }
    });

    it('lets owners, admins, interviewers and their API keys invite; reviewers cannot', async () => {
      const interview = await publishedInterview(t, owner);
      const admin = await addMember(t.http, owner, 'admin');
      const interviewer = await addMember(t.http, owner, 'interviewer');
      const reviewer = await addMember(t.http, owner, 'reviewer');
      const interviewerKey = await createApiKey(t.http, owner, 'interviewer');
      const reviewerKey = await createApiKey(t.http, owner, 'reviewer');
      const invite = (token: string) =>
        t.http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(token)).send({ candidateName: 'A', candidateEmail: uniqueEmail() });
      for (const token of [admin.accessToken, interviewer.accessToken, interviewerKey.secret]) expect((await invite(token)).status).toBe(201);
      for (const token of [reviewer.accessToken, reviewerKey.secret]) {
        const response = await invite(token);
        expect(response.status).toBe(403);
      }
      expect((await invite('')).status).toBe(401);

      // Everyone in the organization can read.
      const list = await t.http().get(`/v1/interviews/${interview.id}/sessions`).set(bearer(reviewer.accessToken));
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(3);
      const cancel = await t.http().post(`/v1/sessions/${list.body.items[0].id}/cancel`).set(bearer(reviewer.accessToken));
      expect(cancel.status).toBe(403);
    });

    it('writes who invited to the audit trail, without the token', async () => {
      const interview = await publishedInterview(t, owner);
      const key = await createApiKey(t.http, owner, 'interviewer');
      const session = await inviteCandidate(t.http, { accessToken: key.secret }, interview.id);
      const { rows } = await db.query(`SELECT actor_user_id, actor_api_key_id, action, after::text FROM audit_events WHERE entity_type = 'session' AND entity_id = $1`, [session.id]);
      expect(rows).toEqual([{ actor_user_id: null, actor_api_key_id: key.id, action: 'session.invited', after: expect.stringContaining('"status": "invited"') }]);
      expect(rows[0].after).not.toContain(session.accessToken);
    });
  });

  describe('listing and reading', () => {
    it('lists an interview’s sessions newest first, by page, filtered by status', async () => {
      const interview = await publishedInterview(t, owner);
      const invited: InvitedSession[] = [];
      for (let i = 0; i < 5; i += 1) invited.push(await inviteCandidate(t.http, owner, interview.id, { candidateName: `C${i}` }));
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response: Response = await t
          .http()
          .get(`/v1/interviews/${interview.id}/sessions`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(bearer(owner.accessToken));
        expect(response.status).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        for (const item of response.body.items) expect(item).not.toHaveProperty('accessToken');
        ids.push(...response.body.items.map((s: InvitedSession) => s.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(ids).toEqual(invited.map((s) => s.id).reverse());

      await t.http().post(`/v1/sessions/${invited[1].id}/cancel`).set(bearer(owner.accessToken));
      const cancelled = await t.http().get(`/v1/interviews/${interview.id}/sessions`).query({ status: 'cancelled' }).set(bearer(owner.accessToken));
      expect(cancelled.body.items.map((s: InvitedSession) => s.id)).toEqual([invited[1].id]);
    });

    it('shows the candidate’s progress: started, deadline, submitted', async () => {
      const { invited, view } = await startedSession(t, owner);
      const running = await t.http().get(`/v1/sessions/${invited.id}`).set(bearer(owner.accessToken));
      expect(running.body).toMatchObject({ status: 'in_progress', startedAt: view.startedAt, deadlineAt: view.deadlineAt });
      await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
      const done = await t.http().get(`/v1/sessions/${invited.id}`).set(bearer(owner.accessToken));
      expect(['submitted', 'graded']).toContain(done.body.status);
      expect(done.body.submittedBy).toBe('candidate');
    });
  });

  describe('cancelling', () => {
    it('stops the candidate’s token at once, keeps saved answers, and is idempotent', async () => {
      const { invited } = await startedSession(t, owner);
      expect((await saveAnswer(t.http, invited.accessToken, 1, { text: 'kept' })).status).toBe(200);
      const cancelled = await t.http().post(`/v1/sessions/${invited.id}/cancel`).set(bearer(owner.accessToken));
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
      const again = await t.http().post(`/v1/sessions/${invited.id}/cancel`).set(bearer(owner.accessToken));
      expect(again.status).toBe(200);
      expect(again.body.updatedAt).toBe(cancelled.body.updatedAt);

      const candidate = await t.http().get('/v1/candidate/session').set(bearer(invited.accessToken));
      expect(candidate.status).toBe(401);
      expect(candidate.body.type).toBe('https://assay.dev/problems/invalid-token');
      const { rows } = await db.query('SELECT text FROM answers WHERE session_id = $1', [invited.id]);
      expect(rows).toEqual([{ text: 'kept' }]);

      const audit = await db.query(`SELECT action, actor_user_id, before::text, after::text FROM audit_events WHERE entity_id = $1 AND action = 'session.cancelled'`, [invited.id]);
      expect(audit.rows).toEqual([{ action: 'session.cancelled', actor_user_id: owner.user.id, before: '{"status": "in_progress"}', after: '{"status": "cancelled"}' }]);
    });

    it('refuses to cancel a submitted session', async () => {
      const { invited } = await startedSession(t, owner);
      await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
      const response = await t.http().post(`/v1/sessions/${invited.id}/cancel`).set(bearer(owner.accessToken));
      expect(response.status).toBe(409);
    });
  });

  describe('tenancy and input', () => {
    it('answers 404 on every route for another organization’s interview or session', async () => {
      const { interview, invited } = await startedSession(t, owner);
      const stranger = await signUp(t.http);
      const routes = [
        t.http().post(`/v1/interviews/${interview.id}/sessions`).send({ candidateName: 'A', candidateEmail: uniqueEmail() }),
        t.http().get(`/v1/interviews/${interview.id}/sessions`),
        t.http().get(`/v1/sessions/${invited.id}`),
        t.http().post(`/v1/sessions/${invited.id}/cancel`),
      ];
      for (const route of routes) {
        const response = await route.set(bearer(stranger.accessToken));
        expect(response.status).toBe(404);
      }
      const { rows } = await db.query('SELECT status::text FROM sessions WHERE id = $1', [invited.id]);
      expect(rows[0].status).toBe('in_progress');
    });

    it('answers 404 for unknown ids and 400 for ids that are not UUIDs', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await t.http().get(`/v1/sessions/${unknown}`).set(bearer(owner.accessToken))).status).toBe(404);
      expect((await t.http().get(`/v1/interviews/${unknown}/sessions`).set(bearer(owner.accessToken))).status).toBe(404);
      expect((await t.http().post(`/v1/interviews/${unknown}/sessions`).set(bearer(owner.accessToken)).send({ candidateName: 'A', candidateEmail: uniqueEmail() })).status).toBe(404);
      expect((await t.http().post(`/v1/sessions/${unknown}/cancel`).set(bearer(owner.accessToken))).status).toBe(404);
      for (const request of [
        t.http().get('/v1/sessions/nope'),
        t.http().post('/v1/sessions/nope/cancel'),
        t.http().get('/v1/interviews/nope/sessions'),
        t.http().post('/v1/interviews/nope/sessions').send({ candidateName: 'A', candidateEmail: uniqueEmail() }),
      ]) {
        const response = await request.set(bearer(owner.accessToken));
        expect(response.status).toBe(400);
        expect(response.body.errors[0].pointer).toBe('path:id');
      }
    });

    it('refuses malformed invitations with the offending field named', async () => {
      const interview = await publishedInterview(t, owner);
      const post = (body: unknown) => t.http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(owner.accessToken)).send(body as object);
      const cases: [unknown, string][] = [
        [{}, '/candidateName'],
        [{ candidateName: 'A' }, '/candidateEmail'],
        [{ candidateName: '', candidateEmail: uniqueEmail() }, '/candidateName'],
        [{ candidateName: 'A\u0000B', candidateEmail: uniqueEmail() }, '/candidateName'],
        [{ candidateName: 42, candidateEmail: uniqueEmail() }, '/candidateName'],
        [{ candidateName: 'A', candidateEmail: uniqueEmail(), expiresInHours: 0 }, '/expiresInHours'],
        [{ candidateName: 'A', candidateEmail: uniqueEmail(), expiresInHours: 1.5 }, '/expiresInHours'],
        [{ candidateName: 'A', candidateEmail: uniqueEmail(), expiresInHours: 24 * 91 }, '/expiresInHours'],
        [{ candidateName: 'A', candidateEmail: uniqueEmail(), candidates: [{ candidateName: 'B', candidateEmail: uniqueEmail() }] }, '/candidateName'],
        [{ candidates: [] }, '/candidates'],
        [{ candidates: 'everyone' }, '/candidates'],
        [{ candidates: [null] }, '/candidates/0'],
        [{ candidates: [{ candidateName: 'B' }] }, '/candidates/0/candidateEmail'],
        [{ candidateName: 'A', candidateEmail: uniqueEmail(), token: 'mine' }, '/token'],
      ];
      for (const [body, pointer] of cases) {
        const response = await post(body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      }
      const notJson = await t.http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"candidateName":');
      expect(notJson.status).toBe(400);
      const text = await t.http().post(`/v1/interviews/${interview.id}/sessions`).set(bearer(owner.accessToken)).set('Content-Type', 'text/plain').send('hello');
      expect(text.status).toBe(415);
      const badQuery = await t.http().get(`/v1/interviews/${interview.id}/sessions`).query({ limit: 0, status: 'done', cursor: '!!' }).set(bearer(owner.accessToken));
      expect(badQuery.status).toBe(400);
      const badCursor = await t.http().get(`/v1/interviews/${interview.id}/sessions`).query({ cursor: 'bm9wZQ' }).set(bearer(owner.accessToken));
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.type).toBe('https://assay.dev/problems/invalid-cursor');
    });

    it('stores candidate tokens only as SHA-256 hashes', async () => {
      const interview = await publishedInterview(t, owner);
      const session = await inviteCandidate(t.http, owner, interview.id);
      const { rows } = await db.query('SELECT row_to_json(s)::text AS row, token_hash FROM sessions s WHERE id = $1', [session.id]);
      expect(rows[0].token_hash).toBe(sha256(session.accessToken));
      expect(rows[0].row).not.toContain(session.accessToken);
      expect(rows[0].row).not.toContain(session.accessToken.slice('assay_cs_'.length));
      const audit = await db.query('SELECT string_agg(row_to_json(a)::text, \'\') AS dump FROM audit_events a WHERE entity_id = $1', [session.id]);
      expect(audit.rows[0].dump).not.toContain(session.accessToken.slice('assay_cs_'.length));
      // The Prisma model agrees with the raw row.
      const stored = await t.app.get(PrismaService).session.findUniqueOrThrow({ where: { id: session.id } });
      expect(stored.tokenHash).toBe(sha256(session.accessToken));
    });
  });
});
