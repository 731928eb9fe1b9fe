import { randomUUID } from 'node:crypto';
import { PrismaService } from '../src/database/prisma.service';
import { DomainEvents, type DomainEventMap } from '../src/events/domain-events';
import type { QuestionVersion } from '../src/generated/prisma/client';
import type { JsonObject } from '../src/interviews/draw/types';
import { scoreAnswer, type Rubric } from '../src/scoring/engine';
import { addMember, bearer, createApiKey, signUp, type Account } from './factories/accounts';
import {
  currentVersion,
  enqueueGrading,
  eventually,
  forkQuestion,
  gradingInterview,
  libraryVersion,
  overrideItem,
  PROPAGATION_SLUG,
  replaceRubric,
  SPAN_SLUG,
  submittedSession,
  waitForGraded,
  type GradingInterview,
  type SubmittedSession,
} from './factories/grading';
import { createTestApp, type TestApp } from './support/test-app';

const SPAN_STRONG =
  'A span is one timed operation, like an HTTP handler or a DB query, with a start and end timestamp so it has a duration, plus attributes, events, a status and a kind. ' +
  'A trace is the tree of spans that all share the same trace ID and describe one end to end request across services. Every span except the root has a parent span ID.';
const PROBE_ANSWER = 'A log line is a point-in-time event with no duration and no parent; a span has a start and an end and sits in the tree of the trace.';
const PROPAGATION_PARTIAL = 'Passing the trace ID from one service to the next one.';

/** A required concept no answer here mentions: with it, every answer is capped at half marks. */
const UNMET_CONCEPT = { id: 'mentions-sampling', label: 'Mentions sampling', weight: 4, required: true, patterns: ['sampling decision'] };

describe('POST /v1/interviews/{id}/regrade', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let owner: Account;
  let interviewer: Account;
  let reviewer: Account;
  let propagation: QuestionVersion;
  const graded: DomainEventMap['session.graded'][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    prisma = t.app.get(PrismaService);
    t.app.get(DomainEvents).subscribe('session.graded', async (payload) => void graded.push(payload));
    owner = await signUp(t.http);
    interviewer = await addMember(t.http, owner, 'interviewer');
    reviewer = await addMember(t.http, owner, 'reviewer');
    propagation = await libraryVersion(t, PROPAGATION_SLUG);
  });
  afterAll(async () => {
    await t.close();
  });

  const regrade = (interviewId: string, token: string, body: unknown = {}) => t.http().post(`/v1/interviews/${interviewId}/regrade`).set(bearer(token)).send(body as object);

  /** An interview over an organization copy of the span question (with its probe) and the library's propagation question, with graded sessions. */
  async function gradedInterview(sessions: number): Promise<{ questionId: string; original: QuestionVersion; interview: GradingInterview; sessions: SubmittedSession[] }> {
    const library = await libraryVersion(t, SPAN_SLUG);
    const fork = await forkQuestion(t, owner, library.questionId);
    const original = await currentVersion(t, fork.id);
    const interview = await gradingInterview(t, owner, [{ version: original, points: 10, includeProbes: true }, { version: propagation, points: 5 }]);
    const made: SubmittedSession[] = [];
    for (let i = 0; i < sessions; i += 1) {
      const session = await submittedSession(t, interview, [SPAN_STRONG, PROBE_ANSWER, PROPAGATION_PARTIAL]);
      await enqueueGrading(t, session);
      await waitForGraded(t, session.id);
      made.push(session);
    }
    return { questionId: fork.id, original, interview, sessions: made };
  }

  const currentScore = (sessionItemId: string) => prisma.itemScore.findFirst({ where: { sessionItemId, current: true } });
  const scoresOf = (sessionItemId: string) => prisma.itemScore.findMany({ where: { sessionItemId }, orderBy: { createdAt: 'asc' } });

  /** Waits until the item's current score was graded with `rubricVersionId`. */
  const regradedWith = (sessionItemId: string, rubricVersionId: string) =>
    eventually(async () => {
      const score = await currentScore(sessionItemId);
      return score?.rubricVersionId === rubricVersionId ? score : undefined;
    }, `item ${sessionItemId} to be re-graded with ${rubricVersionId}`);

  it('re-grades with the changed rubric: new current scores, old ones kept, overrides kept and flagged when the points moved', async () => {
    const { questionId, original, interview, sessions } = await gradedInterview(2);
    const [a, b] = sessions;
    const [spanItem, probeItem, propagationItem] = a.items;
    expect(probeItem.probeIndex).toBe(0);
    const before = { span: (await currentScore(spanItem.id))!, probe: (await currentScore(probeItem.id))!, propagation: (await currentScore(propagationItem.id))! };
    const gradedAt = (await prisma.session.findUniqueOrThrow({ where: { id: a.id } })).gradedAt;
    await overrideItem(t, spanItem, 9, reviewer.user.id);
    await overrideItem(t, propagationItem, 4, reviewer.user.id);
    const eventsBefore = graded.length;

    const changed = { ...(original.rubric as JsonObject), concepts: [...((original.rubric as { concepts: JsonObject[] }).concepts ?? []), UNMET_CONCEPT] } as JsonObject;
    const newVersionId = await replaceRubric(t, owner, questionId, changed);
    expect(newVersionId).not.toBe(original.id);

    const response = await regrade(interview.id, interviewer.accessToken);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ queued: 2, sessionIds: [a.id, b.id].sort() });

    const after = await regradedWith(spanItem.id, newVersionId);
    await regradedWith(b.items[0].id, newVersionId);
    // The question's item is graded with the new rubric, exactly as the engine scores it…
    const expected = scoreAnswer(changed as unknown as Rubric, { prompt: spanItem.prompt, answer: SPAN_STRONG });
    expect(after.fraction).toBe(expected.fraction);
    expect(after.fraction).toBeLessThan(before.span.fraction);
    expect(after.points).toBeCloseTo(expected.fraction * spanItem.points, 10);
    // …and the old score is kept as history.
    expect((await scoresOf(spanItem.id)).map((score) => [score.id, score.current])).toEqual([
      [before.span.id, false],
      [after.id, true],
    ]);
    const repinned = await prisma.sessionItem.findUniqueOrThrow({ where: { id: spanItem.id } });
    expect(repinned).toMatchObject({ rubricVersionId: newVersionId, questionVersionId: original.id, rubric: changed });

    // The probe's question changed, so its rubric was re-suggested from the new version (the probe itself did not change).
    const probeAfter = await regradedWith(probeItem.id, newVersionId);
    expect((await scoresOf(probeItem.id)).map((score) => score.id)).toEqual([before.probe.id, probeAfter.id]);
    // The library question did not change: its pin and its score stay.
    expect(await scoresOf(propagationItem.id)).toEqual([expect.objectContaining({ id: before.propagation.id, current: true })]);

    // Re-grading a graded session keeps it graded, publishes no second session.graded, and is audited.
    const session = await prisma.session.findUniqueOrThrow({ where: { id: a.id } });
    expect(session.status).toBe('graded');
    expect(session.gradedAt).toEqual(gradedAt);
    expect(graded.length).toBe(eventsBefore);
    const requested = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: interview.id, action: 'interview.regrade_requested' } });
    expect(requested).toMatchObject({ actorUserId: interviewer.user.id, after: { sessionIds: [a.id, b.id].sort(), repinnedSessions: 2 } });
    const repinAudit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: 'session.rubrics_repinned' } });
    expect(repinAudit).toMatchObject({
      actorUserId: interviewer.user.id,
      before: { items: [{ position: 1, rubricVersionId: original.id }, { position: 2, rubricVersionId: original.id }] },
      after: { items: [{ position: 1, rubricVersionId: newVersionId }, { position: 2, rubricVersionId: newVersionId }] },
    });
    await eventually(async () => ((await prisma.auditEvent.count({ where: { entityId: a.id, action: 'session.regraded' } })) === 1 ? true : undefined), 'the re-grade audit entry');

    // The overrides survive; the one whose automatic points moved is flagged, the other is not.
    const scores = await t.http().get(`/v1/sessions/${a.id}/scores`).set(bearer(reviewer.accessToken));
    expect(scores.status).toBe(200);
    const [spanView, , propagationView] = scores.body.items as { override?: { points: number }; effectivePoints: number; autoScoreChanged: boolean; automatic: { id: string }; history: { id: string }[] }[];
    expect(spanView).toMatchObject({ override: { points: 9 }, effectivePoints: 9, autoScoreChanged: true, automatic: { id: after.id } });
    expect(spanView.history.map((score) => score.id)).toEqual([after.id, before.span.id]);
    expect(propagationView).toMatchObject({ override: { points: 4 }, effectivePoints: 4, autoScoreChanged: false });
    expect(await prisma.scoreOverride.count({ where: { sessionId: a.id, current: true } })).toBe(2);
  });

  it('after an edit that leaves the rubric as it was, re-grades to equal points and does not flag the override', async () => {
    const { questionId, interview, sessions } = await gradedInterview(1);
    const [spanItem] = sessions[0].items;
    const before = (await currentScore(spanItem.id))!;
    await overrideItem(t, spanItem, 2, reviewer.user.id);

    const question = await t.http().get(`/v1/questions/${questionId}`).set(bearer(owner.accessToken));
    const patched = await t
      .http()
      .patch(`/v1/questions/${questionId}`)
      .set(bearer(owner.accessToken))
      .set('If-Match', question.headers.etag as string)
      .send({ listeningFor: ['the parent/child chain'] });
    expect(patched.status).toBe(200);
    const newVersionId = (patched.body as { versionId: string }).versionId;

    expect((await regrade(interview.id, owner.accessToken, { sessionIds: [sessions[0].id] })).status).toBe(202);
    const after = await regradedWith(spanItem.id, newVersionId);
    expect(after.id).not.toBe(before.id);
    expect(after.points).toBe(before.points);
    const view = await t.http().get(`/v1/sessions/${sessions[0].id}/scores`).set(bearer(owner.accessToken));
    expect(view.body.items[0]).toMatchObject({ effectivePoints: 2, autoScoreChanged: false });
  });

  it('re-grades only the sessions named, and grades a submitted session that was not graded yet (once)', async () => {
    const { questionId, original, interview, sessions } = await gradedInterview(1);
    const [untouched] = sessions;
    const waiting = await submittedSession(t, interview, [SPAN_STRONG, PROBE_ANSWER, null]);
    const changed = { ...(original.rubric as JsonObject), concepts: [...(original.rubric as { concepts: JsonObject[] }).concepts, UNMET_CONCEPT] } as JsonObject;
    const newVersionId = await replaceRubric(t, owner, questionId, changed);

    const response = await regrade(interview.id, owner.accessToken, { sessionIds: [waiting.id] });
    expect(response.body).toEqual({ queued: 1, sessionIds: [waiting.id] });
    await waitForGraded(t, waiting.id);
    expect((await currentScore(waiting.items[0].id))!.rubricVersionId).toBe(newVersionId);
    await eventually(async () => (graded.filter((event) => event.sessionId === waiting.id).length === 1 ? true : undefined), 'one session.graded event');
    // The session not named keeps its pins and its scores.
    expect((await prisma.sessionItem.findUniqueOrThrow({ where: { id: untouched.items[0].id } })).rubricVersionId).toBe(original.id);
    expect(await scoresOf(untouched.items[0].id)).toHaveLength(1);
  });

  it('refuses sessions of another interview (400) and sessions not yet submitted (409), changing nothing', async () => {
    const { interview, sessions } = await gradedInterview(1);
    const other = await gradingInterview(t, owner, [{ version: propagation }]);
    const foreign = await submittedSession(t, other, [PROPAGATION_PARTIAL]);
    const running = await submittedSession(t, interview, [SPAN_STRONG], 'in_progress');

    const unknown = await regrade(interview.id, owner.accessToken, { sessionIds: [sessions[0].id, foreign.id, randomUUID()] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { pointer: '/sessionIds/1', detail: 'is not a session of this interview' },
      { pointer: '/sessionIds/2', detail: 'is not a session of this interview' },
    ]);
    const notSubmitted = await regrade(interview.id, owner.accessToken, { sessionIds: [running.id] });
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.body.errors).toEqual([{ pointer: '/sessionIds/0', detail: expect.stringContaining('in_progress') }]);
    expect(await prisma.auditEvent.count({ where: { entityId: interview.id, action: 'interview.regrade_requested' } })).toBe(0);
  });

  it('rejects malformed input with 400 (or 415 for a body that is not JSON)', async () => {
    const interview = await gradingInterview(t, owner, [{ version: propagation }]);
    const id = randomUUID();
    for (const body of [{ sessionIds: 'all' }, { sessionIds: [] }, { sessionIds: ['not-a-uuid'] }, { sessionIds: [id, id] }, { sessionIds: [42] }, { everything: true }]) {
      const response = await regrade(interview.id, owner.accessToken, body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const broken = await t.http().post(`/v1/interviews/${interview.id}/regrade`).set(bearer(owner.accessToken)).set('Content-Type', 'application/json').send('{"sessionIds": [');
    expect(broken.status).toBe(400);
    const text = await t.http().post(`/v1/interviews/${interview.id}/regrade`).set(bearer(owner.accessToken)).set('Content-Type', 'text/plain').send('regrade');
    expect(text.status).toBe(415);
    expect((await regrade('not-a-uuid', owner.accessToken)).status).toBe(400);
  });

  it('lets owners, admins and interviewers re-grade, but not reviewers', async () => {
    const interview = await gradingInterview(t, owner, [{ version: propagation }]);
    const admin = await addMember(t.http, owner, 'admin');
    const interviewerKey = await createApiKey(t.http, owner, 'interviewer');
    const reviewerKey = await createApiKey(t.http, owner, 'reviewer');
    for (const token of [owner.accessToken, admin.accessToken, interviewer.accessToken, interviewerKey.secret]) {
      const response = await regrade(interview.id, token);
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ queued: 0, sessionIds: [] });
    }
    for (const token of [reviewer.accessToken, reviewerKey.secret]) expect((await regrade(interview.id, token)).status).toBe(403);
    expect((await t.http().post(`/v1/interviews/${interview.id}/regrade`).send({})).status).toBe(401);
  });

  it('answers 404 for another organization’s interview and for an unknown one, and re-grades nothing there', async () => {
    const { interview, sessions } = await gradedInterview(1);
    const stranger = await signUp(t.http);
    const foreign = await regrade(interview.id, stranger.accessToken, { sessionIds: [sessions[0].id] });
    expect(foreign.status).toBe(404);
    expect((await regrade(randomUUID(), owner.accessToken)).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { entityId: interview.id, action: 'interview.regrade_requested' } })).toBe(0);
  });
});
