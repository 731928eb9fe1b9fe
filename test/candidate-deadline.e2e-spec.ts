import { Client } from 'pg';
import { DomainEvents, type DomainEventMap } from '../src/events/domain-events';
import { JobQueue } from '../src/jobs/job-queue.service';
import { SessionDeadlines } from '../src/sessions/session-deadlines';
import { bearer, signUp, type Account } from './factories/accounts';
import { eventually, inviteCandidate, passDeadline, publishedInterview, saveAnswer, startedSession } from './factories/sessions';
import { createTestApp, TestApp } from './support/test-app';

const GRACE_SECONDS = 5;

/** The server's clock decides: saves close at the deadline plus the grace, and the deadline finalises sessions nobody submitted. */
describe('candidate session deadlines', () => {
  let t: TestApp;
  let db: Client;
  let owner: Account;
  const submittedEvents: DomainEventMap['session.submitted'][] = [];

  beforeAll(async () => {
    t = await createTestApp({ SESSION_GRACE_SECONDS: String(GRACE_SECONDS) });
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
    t.app.get(DomainEvents).subscribe('session.submitted', async (payload) => void submittedEvents.push(payload));
    owner = await signUp(t.http);
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function sessionRow(id: string): Promise<{ status: string; submitted_by: string | null; submitted_at: Date | null }> {
    const { rows } = await db.query('SELECT status::text, submitted_by, submitted_at FROM sessions WHERE id = $1', [id]);
    return rows[0];
  }

  it('schedules the finalisation for the deadline plus the grace when the session starts', async () => {
    const { invited, view } = await startedSession(t, owner, { timeLimitMinutes: 30 });
    const { rows } = await db.query(`SELECT start_after, singleton_key FROM pgboss.job WHERE name = 'finalise-session' AND data->>'sessionId' = $1`, [invited.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].singleton_key).toBe(invited.id);
    expect(new Date(rows[0].start_after).getTime()).toBe(Date.parse(view.deadlineAt!) + GRACE_SECONDS * 1000);
    // And the token now outlives the deadline, whatever the invitation said.
    const session = await t.http().get(`/v1/sessions/${invited.id}`).set(bearer(owner.accessToken));
    expect(Date.parse(session.body.tokenExpiresAt)).toBeGreaterThanOrEqual(Date.parse(view.deadlineAt!) + GRACE_SECONDS * 1000);
  });

  it('accepts saves within the grace and refuses later ones with deadline-passed, keeping the earlier drafts', async () => {
    const { invited } = await startedSession(t, owner, { questions: 1 });
    expect((await saveAnswer(t.http, invited.accessToken, 1, { text: 'in time' })).status).toBe(200);
    await passDeadline(t, invited.id, 1);
    const inGrace = await saveAnswer(t.http, invited.accessToken, 1, { text: 'in the grace' });
    expect(inGrace.status).toBe(200);
    expect(inGrace.body.revision).toBe(2);

    await passDeadline(t, invited.id, GRACE_SECONDS + 2);
    const late = await saveAnswer(t.http, invited.accessToken, 1, { text: 'too late' });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('https://assay.dev/problems/deadline-passed');
    expect(late.body.detail).toMatch(/have passed, so this draft was not saved\. The drafts you saved before then are kept and will be graded\./);
    expect(late.body.savesClosedAt).toBe(new Date(Date.parse(late.body.deadlineAt) + GRACE_SECONDS * 1000).toISOString());

    const view = await t.http().get('/v1/candidate/session').set(bearer(invited.accessToken));
    expect(view.body.items[0].answer).toMatchObject({ text: 'in the grace', revision: 2 });
    const { rows } = await db.query('SELECT count(*)::int AS n FROM answer_revisions r JOIN answers a ON a.id = r.answer_id WHERE a.session_id = $1', [invited.id]);
    expect(rows[0].n).toBe(2);
  });

  it('finalises a session nobody submitted: the worker submits it by the deadline with its drafts', async () => {
    const { invited } = await startedSession(t, owner, { questions: 1 });
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'saved before the deadline' });
    await passDeadline(t, invited.id, GRACE_SECONDS + 1);
    // The scheduled job would run at the original deadline; send one due now through the real queue.
    await t.app.get(JobQueue).send('finalise-session', { sessionId: invited.id, organizationId: owner.organization.id });
    // The event is the worker's last step: once it is out, the whole finalisation is done.
    const event = await eventually(async () => submittedEvents.find((e) => e.sessionId === invited.id), 'the worker to finalise the session');
    expect(event).toMatchObject({ submittedBy: 'deadline', interviewId: invited.interviewId });
    const row = await sessionRow(invited.id);
    expect(['submitted', 'graded']).toContain(row.status);
    expect(row.submitted_by).toBe('deadline');
    expect(submittedEvents.filter((e) => e.sessionId === invited.id)).toHaveLength(1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'grade-session' AND data->>'sessionId' = $1`, [invited.id]);
    expect(rows[0].n).toBe(1);

    const view = await t.http().get('/v1/candidate/session').set(bearer(invited.accessToken));
    expect(view.status).toBe(200);
    expect(view.body.submittedBy).toBe('deadline');
    expect(view.body.items[0].answer.text).toBe('saved before the deadline');
  });

  it('makes the worker idempotent: nothing for submitted, cancelled or unknown sessions, a later check when early', async () => {
    const deadlines = t.app.get(SessionDeadlines);
    const { invited } = await startedSession(t, owner, { questions: 1 });
    const target = { sessionId: invited.id, organizationId: owner.organization.id };
    expect(await deadlines.finalise(target)).toBe('rescheduled');
    expect((await sessionRow(invited.id)).status).toBe('in_progress');

    await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
    const submittedAt = (await sessionRow(invited.id)).submitted_at;
    await passDeadline(t, invited.id, GRACE_SECONDS + 1);
    expect(await deadlines.finalise(target)).toBe('not-in-progress');
    const after = await sessionRow(invited.id);
    expect(after.submitted_by).toBe('candidate');
    expect(after.submitted_at).toEqual(submittedAt);
    expect(submittedEvents.filter((event) => event.sessionId === invited.id)).toHaveLength(1);

    const other = await startedSession(t, owner, { questions: 1 });
    await t.http().post(`/v1/sessions/${other.invited.id}/cancel`).set(bearer(owner.accessToken));
    await passDeadline(t, other.invited.id, GRACE_SECONDS + 1);
    expect(await deadlines.finalise({ sessionId: other.invited.id, organizationId: owner.organization.id })).toBe('not-in-progress');
    expect((await sessionRow(other.invited.id)).status).toBe('cancelled');
    // Another organization's id in the job finds nothing.
    expect(await deadlines.finalise({ sessionId: invited.id, organizationId: '00000000-0000-4000-8000-000000000000' })).toBe('not-in-progress');
  });

  it('counts a submit after the deadline as finalised by the deadline', async () => {
    const { invited } = await startedSession(t, owner, { questions: 1 });
    await saveAnswer(t.http, invited.accessToken, 1, { text: 'kept' });
    await passDeadline(t, invited.id, GRACE_SECONDS + 1);
    const response = await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ submittedBy: 'deadline' });
    expect(response.body.items[0].answer.text).toBe('kept');
  });

  it('refuses to start with an expired invitation', async () => {
    const interview = await publishedInterview(t, owner);
    const invited = await inviteCandidate(t.http, owner, interview.id);
    await db.query(`UPDATE sessions SET token_expires_at = now() - interval '1 second' WHERE id = $1`, [invited.id]);
    const start = await t.http().post('/v1/candidate/session/start').set(bearer(invited.accessToken));
    expect(start.status).toBe(401);
    expect(start.body.type).toBe('https://assay.dev/problems/invalid-token');
    expect((await sessionRow(invited.id)).status).toBe('invited');
  });
});
