import type { Response } from 'supertest';
import { PrismaService } from '../src/database/prisma.service';
import { bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { inviteCandidate, publishedInterview, saveAnswer, startSession, type InvitedSession, type TestInterview } from './factories/sessions';
import { createTestApp, TestApp } from './support/test-app';

type Rubric = { concepts?: { id: string; label?: string; feedback?: string }[]; misconceptions?: { id: string; label?: string; feedback?: string }[] };

/** Text a candidate must never see: model answers, probe answers, rubric ids, labels and feedback. */
function secretsOf(interview: TestInterview): string[] {
  const secrets: string[] = [];
  const withSlices = (text: string) => {
    if (text.trim().length === 0) return;
    secrets.push(text);
    // Slices too, so a truncated or partial leak is caught as well.
    for (let start = 0; start + 40 <= text.length; start += 40) secrets.push(text.slice(start, start + 40));
  };
  for (const version of interview.versions) {
    withSlices(version.modelAnswer);
    for (const probe of version.probes as { answer: string }[]) withSlices(probe.answer);
    const rubric = version.rubric as Rubric;
    for (const entry of [...(rubric.concepts ?? []), ...(rubric.misconceptions ?? [])]) {
      secrets.push(entry.id);
      if (entry.feedback) secrets.push(entry.feedback);
    }
  }
  return secrets;
}

function keysOf(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, keys);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      keysOf(child, keys);
    }
  }
  return keys;
}

/** Candidates reach their own session only, and only what a candidate may see of it. */
describe('candidate session security', () => {
  let t: TestApp;
  let owner: Account;
  let interview: TestInterview;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    interview = await publishedInterview(t, owner, { questions: 2, includeProbes: true });
  });

  afterAll(async () => {
    await t.close();
  });

  /** The rubrics pinned on the session's items (probes get their own, suggested from the probe's answer). */
  async function pinnedRubricSecrets(sessionId: string): Promise<string[]> {
    const items = await t.app.get(PrismaService).sessionItem.findMany({ where: { sessionId }, select: { rubric: true } });
    return items.flatMap(({ rubric }) => {
      const { concepts = [], misconceptions = [] } = rubric as Rubric;
      // Suggested rubrics name some concepts with one word of the prompt ("cross"); only multi-word ids are telling.
      return [...concepts, ...misconceptions].flatMap((entry) => [...(entry.id.includes('-') ? [entry.id] : []), ...(entry.feedback ? [entry.feedback] : [])]);
    });
  }

  function expectNothingSecret(response: Response, others: InvitedSession[], extraSecrets: string[] = []): void {
    const json = JSON.stringify(response.body);
    for (const secret of [...secretsOf(interview), ...extraSecrets]) expect(json).not.toContain(secret);
    for (const other of others) {
      expect(json).not.toContain(other.id);
      expect(json).not.toContain(other.candidateEmail);
    }
    for (const key of keysOf(response.body)) expect(key).not.toMatch(/score|rubric|model|concept|misconception|feedback|weight|seed|token|email/i);
  }

  it('never shows a rubric, model answer, probe answer, score or another session on any candidate route', async () => {
    const secrets = secretsOf(interview);
    expect(secrets.length).toBeGreaterThan(10);
    const me = await inviteCandidate(t.http, owner, interview.id);
    const other = await inviteCandidate(t.http, owner, interview.id);
    await startSession(t.http, other.accessToken);
    await saveAnswer(t.http, other.accessToken, 1, { text: 'the other candidate’s answer' });

    const responses: Response[] = [];
    const token = me.accessToken;
    responses.push(await t.http().get('/v1/candidate/session').set(bearer(token)));
    responses.push(await t.http().post('/v1/candidate/session/submit').set(bearer(token))); // 409: not started
    responses.push(await t.http().post('/v1/candidate/session/start').set(bearer(token)));
    responses.push(await saveAnswer(t.http, token, 1, { text: 'my own answer' }));
    responses.push(await saveAnswer(t.http, token, 1, { text: 'my own answer', baseRevision: 0 }));
    responses.push(await saveAnswer(t.http, token, 1, { text: 'stale', baseRevision: 0 })); // 409
    responses.push(await saveAnswer(t.http, token, 999, { text: 'nowhere' })); // 404
    responses.push(await t.http().get('/v1/candidate/session').set(bearer(token)));
    responses.push(await t.http().post('/v1/candidate/session/submit').set(bearer(token)));
    responses.push(await saveAnswer(t.http, token, 1, { text: 'after submit' })); // 409
    expect(responses.map((r) => r.status)).toEqual([200, 409, 200, 200, 200, 409, 404, 200, 200, 409]);
    const pinned = await pinnedRubricSecrets(me.id);
    expect(pinned.length).toBeGreaterThan(0);
    for (const response of responses) expectNothingSecret(response, [other], pinned);

    // The prompts are there (the scan is not vacuous), and so is the candidate's own answer, but never the other's.
    const view = responses[7].body;
    expect(view.items.map((item: { prompt: string }) => item.prompt)).toContain(interview.versions[0].prompt);
    expect(view.items[0].answer.text).toBe('my own answer');
    expect(JSON.stringify(view)).not.toContain('the other candidate’s answer');
  });

  it('keeps one candidate’s saves out of another’s session', async () => {
    const first = await inviteCandidate(t.http, owner, interview.id);
    const second = await inviteCandidate(t.http, owner, interview.id);
    await startSession(t.http, first.accessToken);
    await startSession(t.http, second.accessToken);
    await saveAnswer(t.http, first.accessToken, 1, { text: 'first writes here' });
    const secondView = await t.http().get('/v1/candidate/session').set(bearer(second.accessToken));
    expect(secondView.body.id).toBe(second.id);
    expect(secondView.body.items[0].answer).toEqual({ text: '', revision: 0, savedAt: null });
  });

  it('turns candidate tokens away from organization routes (401)', async () => {
    const me = await inviteCandidate(t.http, owner, interview.id);
    const token = me.accessToken;
    const requests = [
      t.http().get('/v1/me'),
      t.http().get(`/v1/sessions/${me.id}`),
      t.http().post(`/v1/sessions/${me.id}/cancel`),
      t.http().get(`/v1/interviews/${interview.id}/sessions`),
      t.http().post(`/v1/interviews/${interview.id}/sessions`).send({ candidateName: 'Me again', candidateEmail: 'me@example.test' }),
      t.http().get('/v1/questions'),
    ];
    for (const request of requests) {
      const response = await request.set(bearer(token));
      expect(response.status).toBe(401);
      expect(response.body.type).toBe('https://assay.dev/problems/invalid-token');
    }
  });

  it('turns organization tokens and API keys away from candidate routes (401)', async () => {
    const key = await createApiKey(t.http, owner, 'admin');
    for (const token of [owner.accessToken, key.secret, owner.refreshToken]) {
      for (const request of [
        t.http().get('/v1/candidate/session'),
        t.http().post('/v1/candidate/session/start'),
        t.http().put('/v1/candidate/session/answers/1').send({ text: 'x' }),
        t.http().post('/v1/candidate/session/submit'),
      ]) {
        const response = await request.set(bearer(token));
        expect(response.status).toBe(401);
        expect(response.body.type).toBe('https://assay.dev/problems/invalid-token');
      }
    }
  });

  it('answers 401 without a token, with a malformed, forged, expired or cancelled one', async () => {
    const cancelled = await inviteCandidate(t.http, owner, interview.id);
    await t.http().post(`/v1/sessions/${cancelled.id}/cancel`).set(bearer(owner.accessToken));
    const expired = await inviteCandidate(t.http, owner, interview.id);
    await t.app.get(PrismaService).session.update({ where: { id: expired.id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
    const real = await inviteCandidate(t.http, owner, interview.id);
    const forged = `assay_cs_${'A'.repeat(43)}`;
    const tampered = `${real.accessToken.slice(0, -1)}${real.accessToken.endsWith('A') ? 'B' : 'A'}`;
    const headers: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Basic dXNlcjpwYXNz' },
      bearer('assay_cs_short'),
      bearer(forged),
      bearer(tampered),
      bearer(cancelled.accessToken),
      bearer(expired.accessToken),
    ];
    for (const header of headers) {
      const response = await t.http().get('/v1/candidate/session').set(header);
      expect({ header, status: response.status }).toEqual({ header, status: 401 });
    }
    // The query string is not a place for tokens (it ends up in logs).
    const inQuery = await t.http().get('/v1/candidate/session').query({ access_token: real.accessToken });
    expect(inQuery.status).toBe(401);
    expect((await t.http().get('/v1/candidate/session').set(bearer(real.accessToken))).status).toBe(200);
  });

  it('refuses malformed candidate input with a 4xx naming the problem, never a 500', async () => {
    const me = await inviteCandidate(t.http, owner, interview.id);
    await startSession(t.http, me.accessToken);
    const put = (position: string, body: unknown) =>
      t
        .http()
        .put(`/v1/candidate/session/answers/${position}`)
        .set(bearer(me.accessToken))
        .send(body as object);
    const cases: [string, unknown, string][] = [
      ['1', {}, '/text'],
      ['1', { text: 42 }, '/text'],
      ['1', { text: null }, '/text'],
      ['1', { text: 'a\u0000b' }, '/text'],
      ['1', { text: 'ok', baseRevision: -1 }, '/baseRevision'],
      ['1', { text: 'ok', baseRevision: 1.5 }, '/baseRevision'],
      ['1', { text: 'ok', baseRevision: '1' }, '/baseRevision'],
      ['1', { text: 'ok', score: 10 }, '/score'],
      ['1', ['text'], '/text'],
      ['-1', { text: 'ok' }, 'path:position'],
      ['abc', { text: 'ok' }, 'path:position'],
      ['1.5', { text: 'ok' }, 'path:position'],
      ['99999999999', { text: 'ok' }, 'path:position'],
    ];
    for (const [position, body, pointer] of cases) {
      const response = await put(position, body);
      expect({ position, body, status: response.status }).toEqual({ position, body, status: 400 });
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    const broken = await t.http().put('/v1/candidate/session/answers/1').set(bearer(me.accessToken)).set('Content-Type', 'application/json').send('{"text":');
    expect(broken.status).toBe(400);
    expect(broken.body.type).toBe('https://assay.dev/problems/malformed-json');
    const plain = await t.http().put('/v1/candidate/session/answers/1').set(bearer(me.accessToken)).set('Content-Type', 'text/plain').send('my answer');
    expect(plain.status).toBe(415);
    const huge = await t.http().put('/v1/candidate/session/answers/1').set(bearer(me.accessToken)).send({ text: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    for (const route of ['start', 'submit']) {
      const garbage = await t.http().post(`/v1/candidate/session/${route}`).set(bearer(me.accessToken)).set('Content-Type', 'application/json').send('{');
      expect(garbage.status).toBe(400);
    }
    // Nothing above was stored.
    const view = await t.http().get('/v1/candidate/session').set(bearer(me.accessToken));
    expect(view.body.items[0].answer.revision).toBe(0);
  });
});
