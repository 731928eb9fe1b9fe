/**
 * Factories for grading tests.
 *
 *   const span = await libraryVersion(t, SPAN_SLUG);
 *   const interview = await gradingInterview(t, owner, [{ version: span, points: 10 }]);
 *   const session = await submittedSession(t, interview, ['A span is one timed operation…']);
 *   const jobId = await enqueueGrading(t, session);
 *   await waitForGraded(t, session.id);
 *
 * Interviews, sessions, session items (with their pinned rubric), answers and
 * the submitted status are written straight through Prisma: the interviews
 * and sessions modules were being written by other engineers at the same
 * time, and grading only needs the rows they leave behind. Rows are shaped as
 * they shape them: rubricVersionId is the question version whose content the
 * rubric grades, probe sub-items get the rubric publishing suggests for them
 * (interviews/draw/probe-items.ts), and `enqueueGrading` sends exactly the job
 * the sessions module sends on submit. Questions and rubrics go through the
 * public API (fork, PUT rubric).
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { generateCandidateToken } from '../../src/sessions/candidate/candidate-token';
import { PrismaService } from '../../src/database/prisma.service';
import type { Interview, InterviewItem, QuestionVersion, Session, SessionItem, SessionStatus } from '../../src/generated/prisma/client';
import { withProbes } from '../../src/interviews/draw/probe-items';
import type { JsonObject, PoolQuestion, Probe } from '../../src/interviews/draw/types';
import { JobQueue } from '../../src/jobs/job-queue.service';
import type { TestApp } from '../support/test-app';
import { bearer, type Account } from './accounts';

export const SPAN_SLUG = 'what-is-a-span-what-is-a-trace';
export const PROPAGATION_SLUG = 'what-is-context-propagation-in-one-sentence';

export interface ItemSpec {
  version: QuestionVersion;
  points?: number;
  weight?: number;
  includeProbes?: boolean;
}

export interface GradingInterview extends Interview {
  items: (InterviewItem & { version: QuestionVersion })[];
}

export interface SubmittedSession extends Session {
  items: SessionItem[];
  /** The candidate access token (only its hash is stored). */
  accessToken: string;
}

/** One answer per session item, in position order: text (one revision), several revisions (the last one counts), or null for none. */
export type AnswerSpec = string | string[] | null;

const prismaOf = (t: TestApp) => t.app.get(PrismaService);

/** The current version of a library question. */
export async function libraryVersion(t: TestApp, slug: string): Promise<QuestionVersion> {
  const question = await prismaOf(t).question.findFirstOrThrow({ where: { organizationId: null, slug } });
  return currentVersion(t, question.id);
}

export async function currentVersion(t: TestApp, questionId: string): Promise<QuestionVersion> {
  const question = await prismaOf(t).question.findUniqueOrThrow({ where: { id: questionId } });
  return prismaOf(t).questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId, version: question.currentVersion } } });
}

/** A published interview of the caller's organization with these explicit items (versions pinned). Through Prisma: see the header. */
export async function gradingInterview(t: TestApp, owner: Pick<Account, 'organization' | 'user'>, items: ItemSpec[], passingThreshold = 0.6): Promise<GradingInterview> {
  const interview = await prismaOf(t).interview.create({
    data: {
      organizationId: owner.organization.id,
      title: `Grading interview ${randomUUID().slice(0, 8)}`,
      timeLimitMinutes: 60,
      passingThreshold,
      status: 'published',
      publishedAt: new Date(),
      createdById: owner.user.id,
      items: {
        create: items.map((item, index) => ({
          position: index + 1,
          kind: 'question' as const,
          questionId: item.version.questionId,
          questionVersionId: item.version.id,
          weight: item.weight ?? 1,
          points: item.points ?? 10,
          includeProbes: item.includeProbes ?? false,
        })),
      },
    },
    include: { items: { orderBy: { position: 'asc' } } },
  });
  return { ...interview, items: interview.items.map((row, index) => ({ ...row, version: items[index].version })) };
}

/** A session resolved from the interview, with these answers, in `status` (submitted by default). Through Prisma: see the header. */
export async function submittedSession(t: TestApp, interview: GradingInterview, answers: AnswerSpec[], status: SessionStatus = 'submitted'): Promise<SubmittedSession> {
  const prisma = prismaOf(t);
  const { token, tokenHash } = generateCandidateToken();
  const now = Date.now();
  const session = await prisma.session.create({
    data: {
      organizationId: interview.organizationId,
      interviewId: interview.id,
      candidateName: 'Grace Grader',
      candidateEmail: `candidate-${randomUUID().slice(0, 8)}@example.test`,
      tokenHash,
      tokenExpiresAt: new Date(now + 86_400_000),
      drawSeed: randomUUID(),
      status,
      startedAt: status === 'invited' ? null : new Date(now - 600_000),
      deadlineAt: status === 'invited' ? null : new Date(now + 3_000_000),
      submittedAt: status === 'submitted' || status === 'graded' ? new Date(now) : null,
      submittedBy: status === 'submitted' || status === 'graded' ? 'candidate' : null,
    },
  });
  const rows = interview.items.flatMap((item) => sessionItemRows(item));
  const items: SessionItem[] = [];
  for (const [index, row] of rows.entries()) {
    items.push(await prisma.sessionItem.create({ data: { ...row, position: index + 1, sessionId: session.id } }));
  }
  for (const [index, spec] of answers.entries()) {
    const item = items[index];
    if (!item) throw new Error(`the session has ${items.length} items; answer ${index + 1} has nowhere to go`);
    if (spec === null) continue;
    const revisions = Array.isArray(spec) ? spec : [spec];
    await prisma.answer.create({
      data: {
        sessionItemId: item.id,
        sessionId: session.id,
        text: revisions[revisions.length - 1],
        revision: revisions.length,
        revisions: { create: revisions.map((text, at) => ({ revision: at + 1, text })) },
      },
    });
  }
  return { ...session, items, accessToken: token };
}

/** The rows publishing pins for one explicit item: the question, then its probes when included. */
function sessionItemRows(item: GradingInterview['items'][number]) {
  const version = item.version;
  if (version.rubric === null) throw new Error(`question version ${version.id} has no rubric`);
  const base = { interviewItemId: item.id, questionVersionId: version.id, section: version.section, levels: version.levels, weight: item.weight, rubricVersionId: version.id };
  if (!item.includeProbes) return [{ ...base, probeIndex: null, prompt: version.prompt, points: item.points, rubric: version.rubric as JsonObject }];
  const split = withProbes(poolQuestion(version), item.points);
  return [
    { ...base, probeIndex: null, prompt: version.prompt, points: split.questionPoints, rubric: version.rubric as JsonObject },
    ...split.probes.map((probe) => ({ ...base, probeIndex: probe.probeIndex, prompt: probe.prompt, points: probe.points, rubric: probe.rubric })),
  ];
}

function poolQuestion(version: QuestionVersion): PoolQuestion {
  return {
    questionId: version.questionId,
    familyId: version.questionId,
    versionId: version.id,
    slug: version.questionId,
    section: version.section,
    levels: version.levels,
    tags: version.tags,
    prompt: version.prompt,
    probes: version.probes as unknown as Probe[],
    rubric: version.rubric as JsonObject | null,
  };
}

/** Sends the job the sessions module sends on submit; returns its id. */
export async function enqueueGrading(t: TestApp, session: Pick<Session, 'id' | 'organizationId'>): Promise<string> {
  const id = await t.app.get(JobQueue).send('grade-session', { sessionId: session.id, organizationId: session.organizationId }, { singletonKey: session.id });
  if (!id) throw new Error('the grading job was not queued');
  return id;
}

/** Polls until `check` gives a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits (bounded) until the worker marked the session graded. */
export function waitForGraded(t: TestApp, sessionId: string, timeoutMs = 15_000): Promise<Session> {
  return eventually(
    async () => {
      const session = await prismaOf(t).session.findUniqueOrThrow({ where: { id: sessionId } });
      return session.status === 'graded' ? session : undefined;
    },
    `session ${sessionId} to be graded`,
    timeoutMs,
  );
}

/** Waits (bounded) until a job reaches `state` ('completed', 'failed', …). */
export function waitForJob(t: TestApp, name: string, id: string, state: string, timeoutMs = 15_000): Promise<{ state: string; retryCount: number }> {
  return eventually(
    async () => {
      const job = await t.app.get(JobQueue).getJob(name, id);
      return job?.state === state ? job : undefined;
    },
    `job ${name} ${id} to be ${state}`,
    timeoutMs,
  );
}

/** Forks a library question into the caller's organization (its curated rubric comes along). */
export async function forkQuestion(t: TestApp, account: Pick<Account, 'accessToken'>, questionId: string): Promise<{ id: string; versionId: string }> {
  const response = await t.http().post(`/v1/questions/${questionId}/fork`).set(bearer(account.accessToken));
  expectStatus(response, 201, 'forking a question');
  return response.body as { id: string; versionId: string };
}

/** Replaces a question's rubric through PUT /v1/questions/{id}/rubric (a new version); returns the new version id. */
export async function replaceRubric(t: TestApp, account: Pick<Account, 'accessToken'>, questionId: string, rubric: JsonObject): Promise<string> {
  const current = await t.http().get(`/v1/questions/${questionId}/rubric`).set(bearer(account.accessToken));
  expectStatus(current, 200, 'reading a rubric');
  const response = await t
    .http()
    .put(`/v1/questions/${questionId}/rubric`)
    .set(bearer(account.accessToken))
    .set('If-Match', current.headers.etag as string)
    .send(rubric);
  expectStatus(response, 200, 'replacing a rubric');
  return (response.body as { versionId: string }).versionId;
}

/** A reviewer override as the reviews module stores one (through Prisma: that module was being written at the same time). */
export async function overrideItem(t: TestApp, item: Pick<SessionItem, 'id' | 'sessionId'>, points: number, reviewerId: string | null): Promise<string> {
  const prisma = prismaOf(t);
  const base = await prisma.itemScore.findFirst({ where: { sessionItemId: item.id, current: true } });
  await prisma.scoreOverride.updateMany({ where: { sessionItemId: item.id, current: true }, data: { current: false } });
  const override = await prisma.scoreOverride.create({
    data: { sessionItemId: item.id, sessionId: item.sessionId, reviewerId, points, reason: 'The answer is better than the rubric says.', basedOnScoreId: base?.id ?? null },
  });
  return override.id;
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}
