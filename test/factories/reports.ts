/**
 * Graded interviews built straight through Prisma, for the reports and
 * results tests. The interview, session, grading and review modules were
 * being written alongside the reports, so these factories do not wait for
 * their routes: they write the rows those modules write, and the automatic
 * scores are real — the engine's `scoreAnswer` run on the seeded library's
 * curated rubrics, stored with its full result as the grading worker does.
 *
 *   const interview = await createInterview(t, owner, { items: [{ slug: 'why-sample-traces-at-all', points: 10 }] });
 *   const session = await createSession(t, interview, { candidateName: 'Ada', items: [{ answer: 'strong' }] });
 */
import { randomUUID } from 'node:crypto';
import { generateOpaqueToken, SECRET_PREFIX, sha256Hex } from '../../src/auth/secrets';
import { PrismaService } from '../../src/database/prisma.service';
import { Prisma, type Level, type ReviewDecisionKind, type SessionStatus } from '../../src/generated/prisma/client';
import { ENGINE_VERSION, scoreAnswer, type Rubric, type ScoreResult } from '../../src/scoring/engine';
import type { TestApp } from '../support/test-app';
import type { Account } from './accounts';

export interface InterviewItemSpec {
  /** A library question with a curated rubric. */
  slug: string;
  points?: number;
  weight?: number;
}

export interface BuiltItem {
  interviewItemId: string;
  questionVersionId: string;
  slug: string;
  prompt: string;
  section: string;
  levels: Level[];
  points: number;
  weight: number;
  rubric: Rubric;
}

export interface BuiltInterview {
  id: string;
  organizationId: string;
  title: string;
  passingThreshold: number;
  items: BuiltItem[];
}

export async function createInterview(
  t: TestApp,
  owner: Pick<Account, 'organization' | 'user'>,
  spec: { title?: string; passingThreshold?: number; items: InterviewItemSpec[] },
): Promise<BuiltInterview> {
  const prisma = t.app.get(PrismaService);
  const versions = await Promise.all(spec.items.map((item) => libraryVersion(prisma, item.slug)));
  const title = spec.title ?? `Tracing loop ${randomUUID().slice(0, 8)}`;
  const passingThreshold = spec.passingThreshold ?? 0.6;
  const interview = await prisma.interview.create({
    data: {
      organizationId: owner.organization.id,
      title,
      timeLimitMinutes: 60,
      passingThreshold,
      status: 'published',
      publishedAt: new Date(),
      createdById: owner.user.id,
      items: {
        create: spec.items.map((item, index) => ({
          position: index + 1,
          kind: 'question' as const,
          questionId: versions[index].questionId,
          questionVersionId: versions[index].id,
          points: item.points ?? 10,
          weight: item.weight ?? 1,
        })),
      },
    },
    include: { items: { orderBy: { position: 'asc' } } },
  });
  return {
    id: interview.id,
    organizationId: interview.organizationId,
    title,
    passingThreshold,
    items: interview.items.map((row, index) => ({
      interviewItemId: row.id,
      questionVersionId: versions[index].id,
      slug: spec.items[index].slug,
      prompt: versions[index].prompt,
      section: versions[index].section,
      levels: versions[index].levels,
      points: row.points,
      weight: row.weight,
      rubric: versions[index].rubric as unknown as Rubric,
    })),
  };
}

async function libraryVersion(prisma: PrismaService, slug: string) {
  const question = await prisma.question.findFirst({ where: { slug, source: 'library', organizationId: null } });
  if (!question) throw new Error(`No library question ${slug}`);
  const version = await prisma.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: question.id, version: question.currentVersion } } });
  if (!version.rubric) throw new Error(`Library question ${slug} has no rubric`);
  return version;
}

/** An answer, or the name of one of the rubric's own test cases ("strong", "partial", "misconception" …) to take it from. */
export type AnswerSpec = string | { testCase: string } | null;

export interface SessionItemSpec {
  answer?: AnswerSpec;
  /** Leave the item ungraded even when the session is graded. */
  unscored?: boolean;
  override?: {
    points: number;
    reason: string;
    reviewer?: Pick<Account, 'user'> | null;
    /** Base the override on an older score with other points, as after a re-grade. */
    stale?: boolean;
  };
}

export interface SessionSpec {
  candidateName?: string;
  candidateEmail?: string;
  /** Default graded; graded sessions get every answered item scored. */
  status?: SessionStatus;
  /** Aligned with the interview's items; default: every item answered with the rubric's strong test answer. */
  items?: SessionItemSpec[];
  decisions?: { decision: ReviewDecisionKind; note?: string; reviewer?: Pick<Account, 'user'> | null; at?: Date }[];
  invitedAt?: Date;
  submittedAt?: Date;
}

export interface BuiltSessionItem {
  sessionItemId: string;
  position: number;
  answer: string | null;
  maxPoints: number;
  weight: number;
  section: string;
  levels: Level[];
  /** The engine's result, when scored. */
  result: ScoreResult | null;
  /** Stored automatic points (fraction × points), when scored. */
  automaticPoints: number | null;
  overridePoints: number | null;
  currentScoreId: string | null;
}

export interface BuiltSession {
  id: string;
  /** The candidate access token (the session stores only its hash). */
  token: string;
  candidateName: string;
  candidateEmail: string;
  status: SessionStatus;
  items: BuiltSessionItem[];
}

function answerText(rubric: Rubric, spec: AnswerSpec | undefined): string | null {
  if (spec === null) return null;
  if (typeof spec === 'string') return spec;
  const wanted = spec?.testCase ?? 'strong';
  const test = rubric.tests?.find((candidate) => candidate.name.startsWith(wanted));
  if (!test) throw new Error(`${rubric.question} has no rubric test case named ${wanted}…`);
  return test.answer;
}

export async function createSession(t: TestApp, interview: BuiltInterview, spec: SessionSpec = {}): Promise<BuiltSession> {
  const prisma = t.app.get(PrismaService);
  const status = spec.status ?? 'graded';
  const token = generateOpaqueToken(SECRET_PREFIX.candidateSession);
  const invitedAt = spec.invitedAt ?? new Date();
  const reachedSubmission = status === 'submitted' || status === 'graded';
  const submittedAt = reachedSubmission ? (spec.submittedAt ?? new Date(invitedAt.getTime() + 30 * 60_000)) : null;
  const candidateName = spec.candidateName ?? `Candidate ${randomUUID().slice(0, 6)}`;
  const candidateEmail = spec.candidateEmail ?? `cand-${randomUUID().slice(0, 8)}@example.test`;

  return prisma.$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        organizationId: interview.organizationId,
        interviewId: interview.id,
        candidateName,
        candidateEmail,
        tokenHash: sha256Hex(token),
        tokenExpiresAt: new Date(Date.now() + 7 * 86_400_000),
        drawSeed: randomUUID().replace(/-/g, ''),
        status,
        createdAt: invitedAt,
        startedAt: status === 'invited' ? null : new Date(invitedAt.getTime() + 60_000),
        deadlineAt: status === 'invited' ? null : new Date(invitedAt.getTime() + 61 * 60_000),
        submittedAt,
        submittedBy: reachedSubmission ? 'candidate' : null,
        gradedAt: status === 'graded' ? new Date(submittedAt!.getTime() + 60_000) : null,
      },
    });
    const items: BuiltSessionItem[] = [];
    for (const [index, item] of interview.items.entries()) {
      const itemSpec = spec.items?.[index] ?? {};
      const answer = status === 'invited' ? null : answerText(item.rubric, itemSpec.answer);
      const row = await tx.sessionItem.create({
        data: {
          sessionId: session.id,
          position: index + 1,
          interviewItemId: item.interviewItemId,
          questionVersionId: item.questionVersionId,
          prompt: item.prompt,
          section: item.section,
          levels: item.levels,
          weight: item.weight,
          points: item.points,
          rubric: item.rubric as unknown as Prisma.InputJsonValue,
          rubricVersionId: item.questionVersionId,
        },
      });
      if (answer !== null) {
        const saved = await tx.answer.create({ data: { sessionItemId: row.id, sessionId: session.id, text: answer, revision: 2 } });
        await tx.answerRevision.createMany({
          data: [
            { answerId: saved.id, revision: 1, text: answer.slice(0, Math.ceil(answer.length / 2)) },
            { answerId: saved.id, revision: 2, text: answer },
          ],
        });
      }
      const scored = status === 'graded' && answer !== null && !itemSpec.unscored;
      const result = scored ? scoreAnswer(item.rubric, { prompt: item.prompt, answer }) : null;
      let currentScoreId: string | null = null;
      let baseScoreId: string | null = null;
      if (result) {
        if (itemSpec.override?.stale) {
          // What the reviewer saw before a re-grade: another score, no longer current.
          const older = await tx.itemScore.create({ data: scoreRow(row.id, session.id, item, { ...result, fraction: result.fraction === 1 ? 0.5 : 1 }, 1, false) });
          baseScoreId = older.id;
        }
        const current = await tx.itemScore.create({ data: scoreRow(row.id, session.id, item, result, 2, true) });
        currentScoreId = current.id;
        baseScoreId ??= current.id;
      }
      if (itemSpec.override) {
        await tx.scoreOverride.create({
          data: {
            sessionItemId: row.id,
            sessionId: session.id,
            reviewerId: itemSpec.override.reviewer?.user.id ?? null,
            points: itemSpec.override.points,
            reason: itemSpec.override.reason,
            basedOnScoreId: baseScoreId,
          },
        });
      }
      items.push({
        sessionItemId: row.id,
        position: index + 1,
        answer,
        maxPoints: item.points,
        weight: item.weight,
        section: item.section,
        levels: item.levels,
        result,
        automaticPoints: result ? result.fraction * item.points : null,
        overridePoints: itemSpec.override?.points ?? null,
        currentScoreId,
      });
    }
    for (const [index, decision] of (spec.decisions ?? []).entries()) {
      await tx.reviewDecision.create({
        data: {
          sessionId: session.id,
          reviewerId: decision.reviewer?.user.id ?? null,
          decision: decision.decision,
          note: decision.note ?? '',
          createdAt: decision.at ?? new Date(Date.now() + index),
        },
      });
    }
    return { id: session.id, token, candidateName, candidateEmail, status, items };
  });
}

function scoreRow(sessionItemId: string, sessionId: string, item: BuiltItem, result: ScoreResult, answerRevision: number, current: boolean): Prisma.ItemScoreUncheckedCreateInput {
  return {
    sessionItemId,
    sessionId,
    rubricVersionId: item.questionVersionId,
    engineVersion: ENGINE_VERSION,
    answerRevision,
    score: result.score,
    maxScore: result.maxScore,
    fraction: result.fraction,
    points: result.fraction * item.points,
    result: result as unknown as Prisma.InputJsonValue,
    current,
    createdAt: new Date(Date.now() - (current ? 0 : 60_000)),
  };
}

/** The weighted reviewed fraction of a built session, computed here from the rows the factory wrote. */
export function expectedFraction(items: readonly BuiltSessionItem[], useOverrides = true): number {
  let numerator = 0;
  let denominator = 0;
  for (const item of items) {
    const points = (useOverrides ? item.overridePoints : null) ?? item.automaticPoints ?? 0;
    numerator += item.weight * points;
    denominator += item.weight * item.maxPoints;
  }
  return denominator > 0 ? numerator / denominator : 0;
}

/** Four library questions over four sections and three levels (one spans middle → senior), one with weight 2. */
export const TRACING_ITEMS: InterviewItemSpec[] = [
  { slug: 'what-is-a-span-what-is-a-trace', points: 10 },
  { slug: 'what-is-tracestate-and-how-is-it-different-from-traceparent', points: 10, weight: 2 },
  { slug: 'head-sampling-vs-tail-sampling-explain-the-difference-and', points: 20 },
  { slug: 'a-span-never-shows-up-but-span-end-definitely-ran-name-three', points: 10 },
];

/** The percentile as documented, computed here without the app's code: (lower + ties / 2) / n × 100, rounded. */
export function expectedPercentile(own: number, population: readonly number[]): number {
  const rounded = (x: number) => Number(x.toFixed(9));
  const lower = population.filter((x) => rounded(x) < rounded(own)).length;
  const ties = population.filter((x) => rounded(x) === rounded(own)).length;
  return Math.round((100 * (lower + ties / 2)) / population.length);
}
