/**
 * Factories for reviewing: graded sessions, and the review routes.
 *
 *   const session = await createReviewSession(t, owner, { items: [{ slug: SPAN_QUESTION, answer: rubricAnswer(SPAN_QUESTION, 'partial') }] });
 *   await setOverride(t.http, reviewer, session.id, 1, { points: 8, reason: 'Explains it in other words.' });
 *
 * Sessions are built through Prisma, not the public API: the interview, session
 * and grading modules were being written alongside this one. Scores are real
 * engine results: each answer is scored with the library question's curated
 * rubric, exactly as the grading worker stores them (points = fraction × item
 * points), so evidence, matched and missed concepts are realistic.
 */
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { generateOpaqueToken, SECRET_PREFIX, sha256Hex } from '../../src/auth/secrets';
import { PrismaService } from '../../src/database/prisma.service';
import type { Prisma, SessionStatus } from '../../src/generated/prisma/client';
import { scoreAnswer, type Rubric, type ScoreResult } from '../../src/scoring/engine';
import type { TestApp } from '../support/test-app';
import { bearer, type Account } from './accounts';

type Http = TestApp['http'];

/** Library questions with curated rubrics, used across the review tests. */
export const SPAN_QUESTION = 'what-is-a-span-what-is-a-trace';
export const SAMPLING_QUESTION = 'head-sampling-vs-tail-sampling-explain-the-difference-and';

export interface ItemSpec {
  /** A library question's slug (or an organization question's, with `organizationId`). */
  slug: string;
  answer: string;
  points?: number;
  /** Leave the item unscored even in a graded session. */
  unscored?: boolean;
  /** Store this automatic fraction instead of the engine's (the evidence stays the engine's), for figures computed by hand. */
  automaticFraction?: number;
  /** Make it a follow-up probe sub-item of the question (graded here with the question's rubric). */
  probeIndex?: number;
}

export interface ReviewItem {
  id: string;
  position: number;
  points: number;
  questionId: string;
  questionVersionId: string;
  answer: string;
  scoreId: string | null;
  automaticPoints: number | null;
  result: ScoreResult | null;
}

export interface ReviewSession {
  id: string;
  interviewId: string;
  organizationId: string;
  /** The candidate's bearer token, as an invitation would have shown it. */
  candidateToken: string;
  items: ReviewItem[];
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The answer of one of a library rubric's own test cases, by case-name prefix ("strong", "partial", "misconception" …). */
export async function rubricAnswer(t: TestApp, slug: string, caseName: string): Promise<string> {
  const { rubric } = await libraryVersion(t, slug);
  const found = rubric.tests?.find((test) => test.name === caseName || test.name.startsWith(`${caseName}:`));
  if (!found) throw new Error(`The rubric of ${slug} has no test case "${caseName}"`);
  return found.answer;
}

/**
 * A session of `owner`'s organization with one item per spec (positions 1, 2, …),
 * answered, and — when `status` is graded — scored by the engine with the
 * current version's rubric.
 */
export async function createReviewSession(
  t: TestApp,
  owner: Pick<Account, 'organization' | 'user'>,
  options: { items: ItemSpec[]; status?: SessionStatus },
): Promise<ReviewSession> {
  const prisma = t.app.get(PrismaService);
  const status = options.status ?? 'graded';
  const candidateToken = generateOpaqueToken(SECRET_PREFIX.candidateSession);
  const versions = await Promise.all(options.items.map((spec) => libraryVersion(t, spec.slug)));
  const now = new Date();
  const started = status === 'invited' ? null : new Date(now.getTime() - 30 * 60_000);
  const submitted = status === 'submitted' || status === 'graded' ? new Date(now.getTime() - 5 * 60_000) : null;

  return prisma.$transaction(async (tx) => {
    const interview = await tx.interview.create({
      data: {
        organizationId: owner.organization.id,
        title: `Review fixture ${randomUUID().slice(0, 8)}`,
        timeLimitMinutes: 60,
        passingThreshold: 0.6,
        status: 'published',
        publishedAt: now,
        createdById: owner.user.id,
        items: {
          create: options.items.map((spec, index) => ({
            position: index + 1,
            kind: 'question' as const,
            questionId: versions[index].questionId,
            questionVersionId: versions[index].id,
            points: spec.points ?? 10,
          })),
        },
      },
      include: { items: { orderBy: { position: 'asc' } } },
    });
    const session = await tx.session.create({
      data: {
        organizationId: owner.organization.id,
        interviewId: interview.id,
        candidateName: 'Casey Candidate',
        candidateEmail: `casey-${randomUUID().slice(0, 8)}@example.test`,
        tokenHash: sha256Hex(candidateToken),
        tokenExpiresAt: new Date(now.getTime() + 7 * 24 * 3600_000),
        drawSeed: randomUUID(),
        status,
        startedAt: started,
        deadlineAt: started ? new Date(started.getTime() + 60 * 60_000) : null,
        submittedAt: submitted,
        submittedBy: submitted ? 'candidate' : null,
        gradedAt: status === 'graded' ? now : null,
        createdById: owner.user.id,
      },
    });
    const items: ReviewItem[] = [];
    for (const [index, spec] of options.items.entries()) {
      const version = versions[index];
      const points = spec.points ?? 10;
      const item = await tx.sessionItem.create({
        data: {
          sessionId: session.id,
          position: index + 1,
          interviewItemId: interview.items[index].id,
          questionVersionId: version.id,
          probeIndex: spec.probeIndex ?? null,
          prompt: version.prompt,
          section: version.section,
          levels: version.levels,
          weight: 1,
          points,
          rubric: version.rubric as unknown as Prisma.InputJsonValue,
          rubricVersionId: version.id,
        },
      });
      if (status !== 'invited') {
        await tx.answer.create({
          data: { sessionItemId: item.id, sessionId: session.id, text: spec.answer, revision: 1, revisions: { create: { revision: 1, text: spec.answer } } },
        });
      }
      let scoreId: string | null = null;
      let automaticPoints: number | null = null;
      let result: ScoreResult | null = null;
      if (status === 'graded' && !spec.unscored) {
        result = scoreAnswer(version.rubric, { prompt: version.prompt, answer: spec.answer });
        const fraction = spec.automaticFraction ?? result.fraction;
        automaticPoints = round4(fraction * points);
        const score = await tx.itemScore.create({
          data: {
            sessionItemId: item.id,
            sessionId: session.id,
            rubricVersionId: version.id,
            engineVersion: result.engineVersion,
            answerRevision: 1,
            score: result.score,
            maxScore: result.maxScore,
            fraction,
            points: automaticPoints,
            result: result as unknown as Prisma.InputJsonValue,
          },
        });
        scoreId = score.id;
      }
      items.push({ id: item.id, position: item.position, points, questionId: version.questionId, questionVersionId: version.id, answer: spec.answer, scoreId, automaticPoints, result });
    }
    return { id: session.id, interviewId: interview.id, organizationId: owner.organization.id, candidateToken, items };
  });
}

/**
 * Re-grades an item as the grading worker would after a rubric change: the old
 * score stays (not current), a new one with other points becomes current.
 */
export async function regradeItem(t: TestApp, item: Pick<ReviewItem, 'id' | 'points'>, sessionId: string, fraction: number): Promise<string> {
  const prisma = t.app.get(PrismaService);
  return prisma.$transaction(async (tx) => {
    const old = await tx.itemScore.findFirstOrThrow({ where: { sessionItemId: item.id, current: true } });
    await tx.itemScore.update({ where: { id: old.id }, data: { current: false } });
    const created = await tx.itemScore.create({
      data: {
        sessionItemId: item.id,
        sessionId,
        rubricVersionId: old.rubricVersionId,
        engineVersion: `${old.engineVersion}-regraded-${randomUUID().slice(0, 4)}`,
        answerRevision: old.answerRevision,
        score: fraction,
        maxScore: 1,
        fraction,
        points: round4(fraction * item.points),
        result: old.result as Prisma.InputJsonValue,
      },
    });
    return created.id;
  });
}

async function libraryVersion(t: TestApp, slug: string) {
  const prisma = t.app.get(PrismaService);
  const question = await prisma.question.findFirst({ where: { slug, source: 'library' } });
  if (!question) throw new Error(`No library question ${slug}`);
  const version = await prisma.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: question.id, version: question.currentVersion } } });
  if (!version.rubric) throw new Error(`Library question ${slug} has no rubric`);
  return { ...version, rubric: version.rubric as unknown as Rubric };
}

// ---------------------------------------------------------------------------
// The review routes
// ---------------------------------------------------------------------------

export interface OverrideBody {
  id: string;
  sessionId: string;
  itemPosition: number;
  points: number;
  itemPoints: number;
  reason: string;
  reviewerId: string | null;
  current: boolean;
  basedOnScoreId: string | null;
  automaticPointsAtOverride: number | null;
  automaticPoints: number | null;
  automaticScoreMoved: boolean;
  createdAt: string;
}

type Credential = Pick<Account, 'accessToken'> | { secret: string };
const auth = (who: Credential) => bearer('accessToken' in who ? who.accessToken : who.secret);

export const overridePath = (sessionId: string, position: number | string) => `/v1/sessions/${sessionId}/items/${position}/override`;

export async function setOverride(http: Http, who: Credential, sessionId: string, position: number, body: { points: number; reason: string }): Promise<OverrideBody> {
  const response = await http().put(overridePath(sessionId, position)).set(auth(who)).send(body);
  expectStatus(response, 200, 'overriding an item');
  return response.body as OverrideBody;
}

export async function removeOverride(http: Http, who: Credential, sessionId: string, position: number, reason = 'Back to the automatic score.'): Promise<void> {
  const response = await http().delete(overridePath(sessionId, position)).set(auth(who)).send({ reason });
  expectStatus(response, 204, 'removing an override');
}

export async function decide(http: Http, who: Credential, sessionId: string, decision: 'advance' | 'hold' | 'reject', note?: string): Promise<{ id: string; decision: string; current: boolean }> {
  const response = await http()
    .post(`/v1/sessions/${sessionId}/decisions`)
    .set(auth(who))
    .send(note === undefined ? { decision } : { decision, note });
  expectStatus(response, 201, 'recording a decision');
  return response.body as { id: string; decision: string; current: boolean };
}

export async function comment(http: Http, who: Credential, sessionId: string, body: { body: string; itemPosition?: number }): Promise<{ id: string }> {
  const response = await http().post(`/v1/sessions/${sessionId}/comments`).set(auth(who)).send(body);
  expectStatus(response, 201, 'commenting');
  return response.body as { id: string };
}

function expectStatus(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what} answered ${response.status} instead of ${status}: ${JSON.stringify(response.body)}`);
}
