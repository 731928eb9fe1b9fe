import { randomUUID } from 'node:crypto';
import type { QuestionVersion } from '../src/generated/prisma/client';
import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import { enqueueGrading, gradingInterview, libraryVersion, overrideItem, PROPAGATION_SLUG, SPAN_SLUG, submittedSession, waitForGraded, type SubmittedSession } from './factories/grading';
import { createTestApp, type TestApp } from './support/test-app';

const SPAN_ANSWER = 'A span is a single unit of work, for example one database call. A trace is a collection of spans for one request across multiple services.';

interface ScoresBody {
  sessionId: string;
  interviewId: string;
  status: string;
  gradedAt: string | null;
  totals: { points: number; automaticPoints: number; maxPoints: number; fraction: number; automaticFraction: number; passingThreshold: number; passed: boolean | null };
  items: {
    sessionItemId: string;
    position: number;
    prompt: string;
    maxPoints: number;
    weight: number;
    automatic?: {
      id: string;
      current: boolean;
      points: number;
      fraction: number;
      band: string | null;
      answerRevision: number;
      rubricVersionId: string;
      evidence: { matched: { id: string; evidence: string[] }[]; missed: { id: string; required: boolean }[]; misconceptions: unknown[]; flags: string[] };
    };
    override?: { id: string; points: number; reason: string; reviewerId: string | null; basedOnScoreId: string | null };
    effectivePoints: number;
    autoScoreChanged: boolean;
    history: { id: string; current: boolean }[];
  }[];
}

describe('GET /v1/sessions/{id}/scores', () => {
  let t: TestApp;
  let owner: Account;
  let reviewer: Account;
  let span: QuestionVersion;
  let propagation: QuestionVersion;
  let session: SubmittedSession;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    reviewer = await addMember(t.http, owner, 'reviewer');
    span = await libraryVersion(t, SPAN_SLUG);
    propagation = await libraryVersion(t, PROPAGATION_SLUG);
    const interview = await gradingInterview(t, owner, [{ version: span, points: 10 }, { version: propagation, points: 5 }], 0.5);
    session = await submittedSession(t, interview, [SPAN_ANSWER, null]);
    await enqueueGrading(t, session);
    await waitForGraded(t, session.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const read = (sessionId: string, token: string) => t.http().get(`/v1/sessions/${sessionId}/scores`).set(bearer(token));

  it('shows each item’s current automatic score with the evidence behind it', async () => {
    const response = await read(session.id, reviewer.accessToken);
    expect(response.status).toBe(200);
    const body = response.body as ScoresBody;
    expect(body).toMatchObject({ sessionId: session.id, interviewId: session.interviewId, status: 'graded' });
    expect(body.items.map((item) => item.position)).toEqual([1, 2]);

    const [first, second] = body.items;
    expect(first.automatic).toMatchObject({ current: true, answerRevision: 1, rubricVersionId: span.id, band: 'partial' });
    const matched = first.automatic!.evidence.matched.map((concept) => concept.id);
    expect(matched).toEqual(expect.arrayContaining(['span-timed-operation', 'trace-tree-of-spans']));
    // Every piece of evidence is the candidate's own words.
    for (const concept of first.automatic!.evidence.matched) {
      expect(concept.evidence.length).toBeGreaterThan(0);
      for (const words of concept.evidence) expect(SPAN_ANSWER).toContain(words);
    }
    expect(first.automatic!.evidence.missed.map((concept) => concept.id)).toEqual(expect.arrayContaining(['parent-child-chain', 'root-span']));
    expect(first.history.map((score) => score.id)).toEqual([first.automatic!.id]);
    expect(first.effectivePoints).toBe(first.automatic!.points);
    expect(first).not.toHaveProperty('override');
    expect(first.autoScoreChanged).toBe(false);

    expect(second.automatic).toMatchObject({ points: 0, fraction: 0, answerRevision: 0 });
    expect(second.automatic!.evidence.flags).toContain('empty');

    expect(body.totals).toMatchObject({ automaticPoints: first.automatic!.points, points: first.automatic!.points, maxPoints: 15, passingThreshold: 0.5 });
    expect(body.totals.passed).toBe(body.totals.fraction >= 0.5);
  });

  it('shows a reviewer’s override beside the automatic score, and the effective points it gives', async () => {
    const item = session.items[1];
    const overrideId = await overrideItem(t, item, 4.5, reviewer.user.id);
    const body = (await read(session.id, owner.accessToken)).body as ScoresBody;
    const second = body.items[1];
    expect(second.override).toMatchObject({ id: overrideId, points: 4.5, reviewerId: reviewer.user.id, basedOnScoreId: second.automatic!.id });
    expect(second.automatic!.points).toBe(0);
    expect(second.effectivePoints).toBe(4.5);
    expect(second.autoScoreChanged).toBe(false);
    expect(body.totals.points).toBeCloseTo(body.items[0].automatic!.points + 4.5, 4);
    expect(body.totals.automaticPoints).toBe(body.items[0].automatic!.points);
  });

  it('is readable by every role of the organization, people and API keys', async () => {
    const admin = await addMember(t.http, owner, 'admin');
    const interviewer = await addMember(t.http, owner, 'interviewer');
    const key = await createApiKey(t.http, owner, 'reviewer');
    for (const token of [owner.accessToken, admin.accessToken, interviewer.accessToken, reviewer.accessToken, key.secret]) {
      expect((await read(session.id, token)).status).toBe(200);
    }
  });

  it('shows a session awaiting grading without scores and without a verdict', async () => {
    const interview = await gradingInterview(t, owner, [{ version: span }]);
    const waiting = await submittedSession(t, interview, [SPAN_ANSWER]);
    const body = (await read(waiting.id, owner.accessToken)).body as ScoresBody;
    expect(body.status).toBe('submitted');
    expect(body.gradedAt).toBeNull();
    expect(body.items[0]).toMatchObject({ history: [], effectivePoints: 0, autoScoreChanged: false });
    expect(body.items[0]).not.toHaveProperty('automatic');
    expect(body.totals.passed).toBeNull();
  });

  it('answers 404 for another organization’s session and for an unknown one', async () => {
    const stranger = await signUp(t.http);
    const foreign = await read(session.id, stranger.accessToken);
    expect(foreign.status).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(foreign.body)).not.toContain(span.id);
    expect((await read(randomUUID(), owner.accessToken)).status).toBe(404);
  });

  it('answers 400 for a malformed id and 401 without credentials or with the candidate’s own token', async () => {
    const malformed = await read('not-a-uuid', owner.accessToken);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [{ pointer: 'path:id' }] });
    expect((await t.http().get(`/v1/sessions/${session.id}/scores`)).status).toBe(401);
    // Candidates can never read scores, not even their own session's.
    const candidate = await read(session.id, session.accessToken);
    expect(candidate.status).toBe(401);
    expect(Object.keys(candidate.body as object).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    const { instance: _path, ...problem } = candidate.body as Record<string, unknown>;
    expect(JSON.stringify(problem)).not.toMatch(/score|evidence|rubric|points/i);
  });
});
