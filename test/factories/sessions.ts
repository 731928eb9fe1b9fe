/**
 * Factories for candidate sessions.
 *
 *   const interview = await publishedInterview(t, owner, { questions: 2, includeProbes: true });
 *   const invited = await inviteCandidate(t.http, owner, interview.id);
 *   await t.http().post('/v1/candidate/session/start').set(bearer(invited.accessToken));
 *
 * Everything goes through the public API; only the choice of library
 * questions (with curated rubrics and probes) reads the seeded bank directly,
 * because the tests need each version's model answer and rubric to scan for.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { PrismaService } from '../../src/database/prisma.service';
import type { InterviewStatus, QuestionVersion } from '../../src/generated/prisma/client';
import type { TestApp } from '../support/test-app';
import { bearer, uniqueEmail, type Account } from './accounts';

type Http = TestApp['http'];

export interface InvitedSession {
  id: string;
  interviewId: string;
  candidateName: string;
  candidateEmail: string;
  status: string;
  itemCount: number;
  drawSeed: string;
  tokenExpiresAt: string;
  startedAt: string | null;
  deadlineAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  gradedAt: string | null;
  createdAt: string;
  updatedAt: string;
  accessToken: string;
}

export interface CandidateView {
  id: string;
  status: string;
  startedAt: string | null;
  deadlineAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  serverTime: string;
  itemCount: number;
  items: { position: number; prompt: string; section: string; isProbe: boolean; points: number; answer: { text: string; revision: number; savedAt: string | null } }[];
}

export interface TestInterview {
  id: string;
  /** The pinned question versions, in item order (what the security tests scan answers for). */
  versions: QuestionVersion[];
}

export interface InterviewOptions {
  /** How many library questions (with rubrics and probes) to ask. */
  questions?: number;
  includeProbes?: boolean;
  timeLimitMinutes?: number;
  status?: InterviewStatus;
}

/** An interview over library questions that carry curated rubrics and probes: built, published (and archived) through the API. */
export async function publishedInterview(t: TestApp, owner: Pick<Account, 'accessToken'>, options: InterviewOptions = {}): Promise<TestInterview> {
  const count = options.questions ?? 2;
  const candidates = await t.app.get(PrismaService).questionVersion.findMany({
    where: { question: { organizationId: null, archivedAt: null } },
    orderBy: [{ question: { slug: 'asc' } }],
    include: { question: { select: { currentVersion: true } } },
  });
  const versions = candidates
    .filter((version) => version.version === version.question.currentVersion && version.rubric !== null && Array.isArray(version.probes) && version.probes.length > 0)
    .slice(0, count)
    .map(({ question: _question, ...version }) => version);
  if (versions.length < count) throw new Error(`the library has only ${versions.length} questions with rubrics and probes`);
  const created = await t
    .http()
    .post('/v1/interviews')
    .set(bearer(owner.accessToken))
    .send({
      title: `Tracing interview ${randomUUID().slice(0, 8)}`,
      description: 'Answer in your own words.',
      timeLimitMinutes: options.timeLimitMinutes ?? 60,
      passingThreshold: 0.6,
      items: versions.map((version) => ({ kind: 'question', questionId: version.questionId, points: 10, includeProbes: options.includeProbes ?? false })),
    });
  expectStatus(created, 201, 'creating an interview');
  const id = (created.body as { id: string }).id;
  const status = options.status ?? 'published';
  if (status !== 'draft') expectStatus(await t.http().post(`/v1/interviews/${id}/publish`).set(bearer(owner.accessToken)), 200, 'publishing an interview');
  if (status === 'archived') expectStatus(await t.http().post(`/v1/interviews/${id}/archive`).set(bearer(owner.accessToken)), 200, 'archiving an interview');
  return { id, versions };
}

export async function inviteCandidate(
  http: Http,
  account: Pick<Account, 'accessToken'>,
  interviewId: string,
  overrides: Partial<{ candidateName: string; candidateEmail: string; expiresInHours: number }> = {},
): Promise<InvitedSession> {
  const response = await http()
    .post(`/v1/interviews/${interviewId}/sessions`)
    .set(bearer(account.accessToken))
    .send({ candidateName: 'Casey Candidate', candidateEmail: uniqueEmail('candidate'), ...overrides });
  expectStatus(response, 201, 'inviting a candidate');
  return response.body as InvitedSession;
}

/** Starts the candidate's session and returns their view of it. */
export async function startSession(http: Http, accessToken: string): Promise<CandidateView> {
  const response = await http().post('/v1/candidate/session/start').set(bearer(accessToken));
  expectStatus(response, 200, 'starting a session');
  return response.body as CandidateView;
}

/** An invited and started session, ready for answers. */
export async function startedSession(t: TestApp, owner: Account, options: InterviewOptions = {}): Promise<{ interview: TestInterview; invited: InvitedSession; view: CandidateView }> {
  const interview = await publishedInterview(t, owner, options);
  const invited = await inviteCandidate(t.http, owner, interview.id);
  const view = await startSession(t.http, invited.accessToken);
  return { interview, invited, view };
}

export async function saveAnswer(http: Http, accessToken: string, position: number, body: { text: string; baseRevision?: number }): Promise<Response> {
  return http().put(`/v1/candidate/session/answers/${position}`).set(bearer(accessToken)).send(body);
}

/** Moves a running session's deadline into the past (the clock cannot be waited out in a test). */
export async function passDeadline(t: TestApp, sessionId: string, secondsAgo = 3600): Promise<void> {
  await t.app.get(PrismaService).session.update({ where: { id: sessionId }, data: { deadlineAt: new Date(Date.now() - secondsAgo * 1000) } });
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}
