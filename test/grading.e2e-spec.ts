import { PrismaService } from '../src/database/prisma.service';
import { DomainEvents, type DomainEventMap } from '../src/events/domain-events';
import type { QuestionVersion } from '../src/generated/prisma/client';
import { GradingFaults } from '../src/grading/grading-faults';
import { SessionGrader, SessionNotSubmittedError } from '../src/grading/session-grader.service';
import { sessionTotals } from '../src/grading/totals';
import { JobQueue } from '../src/jobs/job-queue.service';
import { ENGINE_VERSION, scoreAnswer, type Rubric } from '../src/scoring/engine';
import { bearer, signUp, type Account } from './factories/accounts';
import {
  enqueueGrading,
  eventually,
  gradingInterview,
  libraryVersion,
  PROPAGATION_SLUG,
  SPAN_SLUG,
  submittedSession,
  waitForGraded,
  waitForJob,
} from './factories/grading';
import { inviteCandidate, publishedInterview, saveAnswer, startSession } from './factories/sessions';
import { createTestApp, type TestApp } from './support/test-app';

const SPAN_STRONG =
  'A span is one timed operation, like an HTTP handler or a DB query, with a start and end timestamp so it has a duration, plus attributes, events, a status and a kind. ' +
  'A trace is the tree of spans that all share the same trace ID and describe one end to end request across services. Every span except the root has a parent span ID.';
const SPAN_PARTIAL = 'A span is a single unit of work, for example one database call. A trace is a collection of spans for one request across multiple services.';
const PROPAGATION_PARTIAL = 'Passing the trace ID from one service to the next one.';

describe('grading worker', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let owner: Account;
  let span: QuestionVersion;
  let propagation: QuestionVersion;
  const graded: DomainEventMap['session.graded'][] = [];

  beforeAll(async () => {
    t = await createTestApp();
    prisma = t.app.get(PrismaService);
    t.app.get(DomainEvents).subscribe('session.graded', async (payload) => void graded.push(payload));
    owner = await signUp(t.http);
    span = await libraryVersion(t, SPAN_SLUG);
    propagation = await libraryVersion(t, PROPAGATION_SLUG);
  });
  afterAll(async () => {
    await t.close();
  });

  const eventsFor = (sessionId: string) => graded.filter((event) => event.sessionId === sessionId);
  const scoresOf = (sessionId: string) => prisma.itemScore.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } });

  it('scores every item with its pinned rubric, marks the session graded and publishes session.graded once', async () => {
    const interview = await gradingInterview(t, owner, [{ version: span, points: 10, weight: 2 }, { version: propagation, points: 5, weight: 1 }], 0.5);
    const session = await submittedSession(t, interview, [['A span is a log line.', SPAN_STRONG], null]);
    await enqueueGrading(t, session);
    const done = await waitForGraded(t, session.id);

    expect(done.gradedAt).toBeInstanceOf(Date);
    const scores = await scoresOf(session.id);
    expect(scores).toHaveLength(2);
    const [first, second] = session.items.map((item) => scores.find((score) => score.sessionItemId === item.id)!);

    // The latest answer revision, graded with the item's pinned rubric, exactly as the engine scores it.
    const expected = scoreAnswer(span.rubric as unknown as Rubric, { prompt: span.prompt, answer: SPAN_STRONG });
    expect(first).toMatchObject({ current: true, answerRevision: 2, rubricVersionId: span.id, engineVersion: ENGINE_VERSION, fraction: expected.fraction, score: expected.score, maxScore: expected.maxScore });
    expect(first.points).toBeCloseTo(expected.fraction * 10, 10);
    expect(expected.fraction).toBeGreaterThan(0.7);
    expect(first.result).toEqual(JSON.parse(JSON.stringify(expected)));

    // No answer: graded as the empty string, 0 points, flagged.
    expect(second).toMatchObject({ current: true, answerRevision: 0, rubricVersionId: propagation.id, points: 0, fraction: 0 });
    expect((second.result as { flags: { code: string }[] }).flags.map((flag) => flag.code)).toContain('empty');

    const [event] = await eventually(async () => (eventsFor(session.id).length ? eventsFor(session.id) : undefined), 'the session.graded event');
    const totals = sessionTotals(
      [
        { maxPoints: 10, weight: 2, automaticPoints: first.points, overridePoints: null },
        { maxPoints: 5, weight: 1, automaticPoints: 0, overridePoints: null },
      ],
      0.5,
    );
    expect(event).toEqual({
      organizationId: owner.organization.id,
      sessionId: session.id,
      interviewId: interview.id,
      gradedAt: done.gradedAt!.toISOString(),
      points: Math.round(first.points * 10_000) / 10_000,
      maxPoints: 15,
      passed: totals.passed,
    });
    // Weighted: the strong answer carries 2/3 of the weight, so it passes though 10 of 15 points would too; 0.5 threshold.
    expect(totals.fraction).toBeCloseTo((2 * first.points) / (2 * 10 + 5), 10);
    expect(event.passed).toBe(true);
    // The event carries ids and outcomes, never answer text.
    expect(JSON.stringify(event)).not.toContain('timed operation');

    const audit = await prisma.auditEvent.findMany({ where: { entityId: session.id, action: 'session.graded' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: null, actorApiKeyId: null, before: { status: 'submitted' } });
  });

  it('grades what a candidate submits through the sessions API (the job that module sends is the one this worker takes)', async () => {
    const interview = await publishedInterview(t, owner, { questions: 2 });
    const invited = await inviteCandidate(t.http, owner, interview.id);
    const view = await startSession(t.http, invited.accessToken);
    expect((await saveAnswer(t.http, invited.accessToken, 1, { text: 'A first draft.' })).status).toBe(200);
    expect((await saveAnswer(t.http, invited.accessToken, 1, { text: SPAN_PARTIAL, baseRevision: 1 })).status).toBe(200);
    const submit = await t.http().post('/v1/candidate/session/submit').set(bearer(invited.accessToken));
    expect(submit.status).toBe(200);

    await waitForGraded(t, invited.id);
    const scores = await scoresOf(invited.id);
    expect(scores).toHaveLength(view.items.length);
    const first = await prisma.sessionItem.findFirstOrThrow({ where: { sessionId: invited.id, position: 1 } });
    const score = scores.find((row) => row.sessionItemId === first.id)!;
    expect(score.answerRevision).toBe(2);
    const expected = scoreAnswer(first.rubric as unknown as Rubric, { prompt: first.prompt, answer: SPAN_PARTIAL });
    expect(score.fraction).toBe(expected.fraction);
    await eventually(async () => (eventsFor(invited.id).length === 1 ? true : undefined), 'one session.graded event');
  });

  it('decides pass/fail on the weighted fraction', async () => {
    // 10 points weighing 1, answered well; 10 points weighing 4, unanswered: 1/5 of the weight is right.
    const interview = await gradingInterview(t, owner, [{ version: span, points: 10, weight: 1 }, { version: propagation, points: 10, weight: 4 }], 0.4);
    const session = await submittedSession(t, interview, [SPAN_STRONG, null]);
    await enqueueGrading(t, session);
    await waitForGraded(t, session.id);
    const [event] = await eventually(async () => (eventsFor(session.id).length ? eventsFor(session.id) : undefined), 'the session.graded event');
    // Unweighted the session would be at ≥ 0.4 (≥ 8 of 20 points); weighted it is at most 0.2.
    expect(event.points).toBeGreaterThanOrEqual(8);
    expect(event.passed).toBe(false);
  });

  it('grades a duplicated job once: the same session enqueued twice gets one score per item and one event', async () => {
    const interview = await gradingInterview(t, owner, [{ version: span }, { version: propagation }]);
    const session = await submittedSession(t, interview, [SPAN_PARTIAL, PROPAGATION_PARTIAL]);
    const firstJob = await enqueueGrading(t, session);
    const secondJob = await enqueueGrading(t, session);
    await waitForJob(t, 'grade-session', firstJob, 'completed');
    await waitForJob(t, 'grade-session', secondJob, 'completed');

    const scores = await scoresOf(session.id);
    expect(scores).toHaveLength(2);
    expect(scores.every((score) => score.current)).toBe(true);
    expect(eventsFor(session.id)).toHaveLength(1);

    // Running the handler again by hand changes nothing either.
    const grader = t.app.get(SessionGrader);
    await expect(grader.grade({ sessionId: session.id, organizationId: owner.organization.id }, 'grade')).resolves.toEqual({ kind: 'skipped', reason: 'already-graded' });
    await expect(grader.grade({ sessionId: session.id, organizationId: owner.organization.id }, 'regrade')).resolves.toEqual({ kind: 'unchanged' });
    expect((await scoresOf(session.id)).map((score) => [score.id, score.current])).toEqual(scores.map((score) => [score.id, true]));
    expect(eventsFor(session.id)).toHaveLength(1);
  });

  it('loses nothing when grading crashes before its commit: the job retries and ends with exactly one current score per item', async () => {
    const interview = await gradingInterview(t, owner, [{ version: span }, { version: propagation }]);
    const session = await submittedSession(t, interview, [SPAN_STRONG, PROPAGATION_PARTIAL]);
    const faults = t.app.get(GradingFaults);
    let attempts = 0;
    faults.beforeCommit = (sessionId) => {
      if (sessionId !== session.id) return;
      attempts += 1;
      // Every score of the session has been written by now: the crash must roll all of them back.
      if (attempts === 1) throw new Error('simulated crash mid-grading');
    };
    try {
      const jobId = await enqueueGrading(t, session);
      // Between the crash and the retry (pg-boss waits retryDelay first), the failed attempt has left nothing behind.
      await waitForJob(t, 'grade-session', jobId, 'retry');
      expect(attempts).toBe(1);
      expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe('submitted');
      expect(await scoresOf(session.id)).toHaveLength(0);
      expect(eventsFor(session.id)).toHaveLength(0);

      await waitForGraded(t, session.id);
      const job = await waitForJob(t, 'grade-session', jobId, 'completed');
      expect(job.retryCount).toBe(1);
      expect(attempts).toBe(2);
      const scores = await scoresOf(session.id);
      expect(scores).toHaveLength(2);
      expect(new Set(scores.map((score) => score.sessionItemId)).size).toBe(2);
      expect(scores.every((score) => score.current)).toBe(true);
      expect(eventsFor(session.id)).toHaveLength(1);
      expect(await prisma.auditEvent.count({ where: { entityId: session.id, action: 'session.graded' } })).toBe(1);
    } finally {
      faults.beforeCommit = () => undefined;
    }
  });

  it('refuses to grade a session that is not submitted yet (so the job retries) and writes nothing', async () => {
    const interview = await gradingInterview(t, owner, [{ version: span }]);
    const session = await submittedSession(t, interview, [SPAN_STRONG], 'in_progress');
    await expect(t.app.get(SessionGrader).grade({ sessionId: session.id, organizationId: owner.organization.id }, 'grade')).rejects.toBeInstanceOf(SessionNotSubmittedError);
    expect(await scoresOf(session.id)).toHaveLength(0);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: session.id } })).status).toBe('in_progress');
  });

  it('skips cancelled sessions, and sessions of another organization as if unknown', async () => {
    const interview = await gradingInterview(t, owner, [{ version: span }]);
    const cancelled = await submittedSession(t, interview, [SPAN_STRONG], 'cancelled');
    const grader = t.app.get(SessionGrader);
    await expect(grader.grade({ sessionId: cancelled.id, organizationId: owner.organization.id }, 'grade')).resolves.toEqual({ kind: 'skipped', reason: 'cancelled' });

    const submitted = await submittedSession(t, interview, [SPAN_STRONG]);
    const stranger = await signUp(t.http);
    await expect(grader.grade({ sessionId: submitted.id, organizationId: stranger.organization.id }, 'grade')).resolves.toEqual({ kind: 'skipped', reason: 'not-found' });
    expect(await scoresOf(submitted.id)).toHaveLength(0);
    expect(await scoresOf(cancelled.id)).toHaveLength(0);
  });

  it('drops a malformed job instead of retrying it forever', async () => {
    const jobId = await t.app.get(JobQueue).send('grade-session', { sessionId: 'not-a-uuid', organizationId: owner.organization.id });
    const job = await waitForJob(t, 'grade-session', jobId!, 'completed');
    expect(job.retryCount).toBe(0);
  });
});
