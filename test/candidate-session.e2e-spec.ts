import { Client } from 'pg';
import { DomainEvents, type DomainEventMap } from '../src/events/domain-events';
import { bearer, signUp, type Account } from './factories/accounts';
import { inviteCandidate, publishedInterview, saveAnswer, startSession, startedSession, type CandidateView } from './factories/sessions';
import { createTestApp, TestApp } from './support/test-app';

/** The candidate's journey: read, start, save drafts, submit. */
describe('candidate session API', () => {
  let t: TestApp;
  let db: Client;
  let owner: Account;
  const submitted: DomainEventMap['session.submitted'][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
    t.app.get(DomainEvents).subscribe('session.submitted', async (payload) => void submitted.push(payload));
    owner = await signUp(t.http);
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function gradeJobs(sessionId: string): Promise<number> {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'grade-session' AND data->>'sessionId' = $1`, [sessionId]);
    return Number(rows[0].n);
  }

  it('shows the instructions but no questions before the start, and reveals them once started', async () => {
    const interview = await publishedInterview(t, owner, { questions: 2, includeProbes: true, timeLimitMinutes: 45 });
    const invited = await inviteCandidate(t.http, owner, interview.id, { candidateName: 'Ada Lovelace' });

    const before = await t.http().get('/v1/candidate/session').set(bearer(invited.accessToken));
    expect(before.status).toBe(200);
    const probeCount = interview.versions.reduce((sum, version) => sum + (version.probes as unknown[]).length, 0);
    expect(before.body).toMatchObject({ id: invited.id, candidateName: 'Ada Lovelace', status: 'invited', timeLimitMinutes: 45, startedAt: null, deadlineAt: null, itemCount: 2 + probeCount, items: [] });

    const started = await startSession(t.http, invited.accessToken);
    expect(started.status).toBe('in_progress');
    const startedAt = Date.parse(started.startedAt!);
    expect(Math.abs(startedAt - Date.parse(started.serverTime))).toBeLessThan(5_000);
    expect(Date.parse(started.deadlineAt!) - startedAt).toBe(45 * 60_000);
    expect(started.items).toHaveLength(2 + probeCount);
    expect(started.items[0]).toEqual({ position: 1, prompt: interview.versions[0].prompt, section: interview.versions[0].section, isProbe: false, points: expect.any(Number), answer: { text: '', revision: 0, savedAt: null } });
    const firstProbe = (interview.versions[0].probes as { question: string }[])[0];
    expect(started.items[1]).toMatchObject({ position: 2, prompt: firstProbe.question, isProbe: true });
  });

  it('starts once: starting again keeps the first deadline', async () => {
    const { invited, view } = await startedSession(t, owner);
    const again = await startSession(t.http, invited.accessToken);
    expect(again.startedAt).toBe(view.startedAt);
    expect(again.deadlineAt).toBe(view.deadlineAt);
  });

  it('keeps every changed draft as a revision and stores nothing for an unchanged one', async () => {
    const { invited } = await startedSession(t, owner);
    const first = await saveAnswer(t.http, invited.accessToken, 1, { text: 'A span is one operation.' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ position: 1, revision: 1, changed: true });
    const same = await saveAnswer(t.http, invited.accessToken, 1, { text: 'A span is one operation.' });
    expect(same.body).toMatchObject({ revision: 1, changed: false, savedAt: first.body.savedAt });
    const second = await saveAnswer(t.http, invited.accessToken, 1, { text: 'A span is one timed operation.', baseRevision: 1 });
    expect(second.body).toMatchObject({ revision: 2, changed: true });

    const { rows } = await db.query(
      `SELECT r.revision, r.text FROM answer_revisions r JOIN answers a ON a.id = r.answer_id JOIN session_items i ON i.id = a.session_item_id
       WHERE a.session_id = $1 AND i.position = 1 ORDER BY r.revision`,
      [invited.id],
    );
    expect(rows).toEqual([
      { revision: 1, text: 'A span is one operation.' },
      { revision: 2, text: 'A span is one timed operation.' },
    ]);
    const view = await t.http().get('/v1/candidate/session').set(bearer(invited.accessToken));
    expect((view.body as CandidateView).items[0].answer).toMatchObject({ text: 'A span is one timed operation.', revision: 2 });
  });

  it('refuses a save edited from a stale revision, with the current one, and overwrites nothing', async () => {
    const { invited } = await startedSession(t, owner);
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'one' });
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'two', baseRevision: 1 });
    const stale = await saveAnswer(t.http, invited.accessToken, 1, { text: 'three', baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'https://assay.dev/problems/revision-conflict', currentRevision: 2 });
    // A retry of the save that already landed is not a conflict.
    const retry = await saveAnswer(t.http, invited.accessToken, 1, { text: 'two', baseRevision: 1 });
    expect(retry.body).toMatchObject({ revision: 2, changed: false });
    const fresh = await saveAnswer(t.http, invited.accessToken, 2, { text: 'first', baseRevision: 0 });
    expect(fresh.body).toMatchObject({ revision: 1, changed: true });
  });

  it('accepts 100 KB of answer and refuses a byte more', async () => {
    const { invited } = await startedSession(t, owner);
    const limit = 100 * 1024;
    const atLimit = await saveAnswer(t.http, invited.accessToken, 1, { text: 'é'.repeat(limit / 2) });
    expect(atLimit.status).toBe(200);
    const over = await saveAnswer(t.http, invited.accessToken, 1, { text: `${'é'.repeat(limit / 2)}x` });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([{ pointer: '/text', detail: `text must be at most ${limit} bytes of UTF-8` }]);
  });

  it('submits once: a second submit returns the same state, with one grading job and one event', async () => {
    const { invited } = await startedSession(t, owner);
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'Spans and traces.' });
    const first = await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'submitted', submittedBy: 'candidate' });
    const second = await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
    expect(second.status).toBe(200);
    expect(second.body.submittedAt).toBe(first.body.submittedAt);
    expect(['submitted', 'graded']).toContain(second.body.status);
    expect(await gradeJobs(invited.id)).toBe(1);
    expect(submitted.filter((event) => event.sessionId === invited.id)).toEqual([
      { organizationId: owner.organization.id, sessionId: invited.id, interviewId: invited.interviewId, submittedAt: first.body.submittedAt, submittedBy: 'candidate' },
    ]);

    const late = await saveAnswer(t.http, invited.accessToken, 1, { text: 'changed my mind' });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('https://assay.dev/problems/session-submitted');
    const restart = await t.http().post('/v1/candidate/session/start').set(bearer(invited.accessToken));
    expect(restart.status).toBe(409);
    const view = await t.http().get('/v1/candidate/session').set(bearer(invited.accessToken));
    expect(view.body.items[0].answer.text).toBe('Spans and traces.');
  });

  it('refuses saves and submits before the start, saying to start first', async () => {
    const interview = await publishedInterview(t, owner);
    const invited = await inviteCandidate(t.http, owner, interview.id);
    const save = await saveAnswer(t.http, invited.accessToken, 1, { text: 'early' });
    expect(save.status).toBe(409);
    expect(save.body.type).toBe('https://assay.dev/problems/session-not-started');
    const submit = await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
    expect(submit.status).toBe(409);
    expect(submit.body.type).toBe('https://assay.dev/problems/session-not-started');
  });

  it('answers 404 for a position the session does not have', async () => {
    const { invited } = await startedSession(t, owner, { questions: 1 });
    const response = await saveAnswer(t.http, invited.accessToken, 99, { text: 'x' });
    expect(response.status).toBe(404);
  });
});
