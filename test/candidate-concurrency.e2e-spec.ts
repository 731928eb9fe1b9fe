import { Client } from 'pg';
import { DomainEvents, type DomainEventMap } from '../src/events/domain-events';
import { SessionDeadlines } from '../src/sessions/session-deadlines';
import { bearer, signUp, type Account } from './factories/accounts';
import { passDeadline, saveAnswer, startedSession } from './factories/sessions';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Racing requests over real HTTP: whatever the interleaving, one consistent
 * state and no acknowledged save lost.
 */
describe('candidate sessions under concurrency', () => {
  let t: TestApp;
  let db: Client;
  let owner: Account;
  const submittedEvents: DomainEventMap['session.submitted'][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
    t.app.get(DomainEvents).subscribe('session.submitted', async (payload) => void submittedEvents.push(payload));
    owner = await signUp(t.http);
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function revisions(sessionId: string, position: number): Promise<{ revision: number; text: string }[]> {
    const { rows } = await db.query(
      `SELECT r.revision, r.text FROM answer_revisions r JOIN answers a ON a.id = r.answer_id JOIN session_items i ON i.id = a.session_item_id
       WHERE a.session_id = $1 AND i.position = $2 ORDER BY r.revision`,
      [sessionId, position],
    );
    return rows;
  }

  async function currentAnswer(sessionId: string, position: number): Promise<{ text: string; revision: number } | undefined> {
    const { rows } = await db.query(
      'SELECT a.text, a.revision FROM answers a JOIN session_items i ON i.id = a.session_item_id WHERE a.session_id = $1 AND i.position = $2',
      [sessionId, position],
    );
    return rows[0];
  }

  /** Waits until at least `count` backends of this database wait for a lock. */
  async function waitForLockWaiters(count: number): Promise<void> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n >= count) return;
      if (Date.now() > deadline) throw new Error(`fewer than ${count} lock waiters after 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function gradeJobs(sessionId: string): Promise<number> {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'grade-session' AND data->>'sessionId' = $1`, [sessionId]);
    return Number(rows[0].n);
  }

  it('keeps both of two racing saves as consecutive revisions; the last one stored wins', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { invited } = await startedSession(t, owner, { questions: 1 });
      const texts = [`first draft ${round}`, `second draft ${round}`];
      const responses = await Promise.all(texts.map((text) => saveAnswer(t.http, invited.accessToken, 1, { text })));
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      expect(responses.map((r) => r.body.revision).sort()).toEqual([1, 2]);
      const stored = await revisions(invited.id, 1);
      expect(stored.map((r) => r.revision)).toEqual([1, 2]);
      expect(stored.map((r) => r.text).sort()).toEqual([...texts].sort());
      // Each response names the revision its own text became.
      responses.forEach((response, i) => expect(stored.find((r) => r.revision === response.body.revision)?.text).toBe(texts[i]));
      expect(await currentAnswer(invited.id, 1)).toEqual(stored[1]);
    }
  });

  it('keeps all of many racing saves, numbered 1..n without gaps', async () => {
    const { invited } = await startedSession(t, owner, { questions: 1 });
    const texts = Array.from({ length: 12 }, (_, i) => `draft number ${i}`);
    const responses = await Promise.all(texts.map((text) => saveAnswer(t.http, invited.accessToken, 1, { text })));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const stored = await revisions(invited.id, 1);
    expect(stored.map((r) => r.revision)).toEqual(texts.map((_, i) => i + 1));
    expect(stored.map((r) => r.text).sort()).toEqual([...texts].sort());
    const last = responses.reduce((a, b) => (a.body.revision > b.body.revision ? a : b));
    expect((await currentAnswer(invited.id, 1))?.text).toBe(texts[responses.indexOf(last)]);
  });

  it('never loses a save that raced the submit: it landed before it, or was refused', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { invited } = await startedSession(t, owner, { questions: 2 });
      const texts = [`racing answer one ${round}`, `racing answer two ${round}`];
      // Stagger the submit a little differently each round, to land it in different places among the saves.
      const submit = new Promise((resolve) => setTimeout(resolve, round % 4)).then(() => t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken)));
      const [save1, save2, submitted] = await Promise.all([saveAnswer(t.http, invited.accessToken, 1, { text: texts[0] }), saveAnswer(t.http, invited.accessToken, 2, { text: texts[1] }), submit]);
      expect(submitted.status).toBe(200);
      expect(['submitted', 'graded']).toContain(submitted.body.status);
      for (const [position, save] of [
        [1, save1],
        [2, save2],
      ] as const) {
        if (save.status === 200) {
          // Acknowledged: it is the answer that was submitted.
          expect(await currentAnswer(invited.id, position)).toEqual({ text: texts[position - 1], revision: 1 });
          expect(submitted.body.items[position - 1].answer.text).toBe(texts[position - 1]);
        } else {
          expect(save.status).toBe(409);
          expect(save.body.type).toBe('https://assay.dev/problems/session-submitted');
          expect(await currentAnswer(invited.id, position)).toBeUndefined();
        }
      }
      expect(await gradeJobs(invited.id)).toBe(1);
    }
  });

  it('makes a submit wait for a save in flight, so the save is in what was submitted', async () => {
    // A deterministic interleaving: a second connection holds the item row, so
    // the save is stuck mid-transaction while the submit arrives.
    const { invited } = await startedSession(t, owner, { questions: 1 });
    const blocker = new Client({ connectionString: t.config.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM session_items WHERE session_id = $1 AND position = 1 FOR UPDATE', [invited.id]);
      const order: string[] = [];
      const save = saveAnswer(t.http, invited.accessToken, 1, { text: 'saved while submitting' }).then((response) => (order.push('save'), response));
      await waitForLockWaiters(1);
      const submit = Promise.resolve(t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken))).then((response) => (order.push('submit'), response));
      // The submit must queue behind the save (two waiters), not finish on its own.
      await Promise.race([waitForLockWaiters(2), submit]);
      expect(order).toEqual([]);
      await blocker.query('COMMIT');
      const [saved, submitted] = await Promise.all([save, submit]);
      expect(saved.status).toBe(200);
      expect(order).toEqual(['save', 'submit']);
      expect(submitted.status).toBe(200);
      expect(submitted.body.items[0].answer).toMatchObject({ text: 'saved while submitting', revision: 1 });
    } finally {
      await blocker.end();
    }
  });

  it('submits once when submits race: one state, one grading job, one event', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { invited } = await startedSession(t, owner, { questions: 1 });
      await saveAnswer(t.http, invited.accessToken, 1, { text: 'done' });
      const responses = await Promise.all(Array.from({ length: 4 }, () => t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken))));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(responses.map((r) => r.body.submittedAt)).size).toBe(1);
      expect(responses.every((r) => r.body.submittedBy === 'candidate')).toBe(true);
      expect(await gradeJobs(invited.id)).toBe(1);
      expect(submittedEvents.filter((event) => event.sessionId === invited.id)).toHaveLength(1);
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'session.submitted'`, [invited.id]);
      expect(rows[0].n).toBe(1);
    }
  });

  it('submits once when the candidate’s submit races the deadline worker', async () => {
    const { invited } = await startedSession(t, owner, { questions: 1 });
    await passDeadline(t, invited.id);
    const deadlines = t.app.get(SessionDeadlines);
    const [worker, submit] = await Promise.all([
      deadlines.finalise({ sessionId: invited.id, organizationId: owner.organization.id }),
      t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken)),
    ]);
    expect(submit.status).toBe(200);
    expect(submit.body.submittedBy).toBe('deadline');
    expect(['finalised', 'not-in-progress']).toContain(worker);
    expect(await gradeJobs(invited.id)).toBe(1);
    expect(submittedEvents.filter((event) => event.sessionId === invited.id)).toHaveLength(1);
  });
});
