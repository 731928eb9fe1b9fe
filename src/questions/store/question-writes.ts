import type { Prisma, QuestionSource } from '../../generated/prisma/client';
import { contentHash } from '../content/content-hash';
import { normalizeContent, type QuestionContent } from '../content/question-content';
import { WITH_QUESTION, type Question, type VersionWithQuestion } from '../question-record';

export type Tx = Prisma.TransactionClient;

/** Section order for a section no document placed: after every ordered one. */
export const UNORDERED_SECTION = 1000;

export interface NewQuestion {
  organizationId: string | null;
  source: QuestionSource;
  slug: string;
  sectionOrder: number;
  forkedFromId?: string | null;
  createdById: string | null;
  content: QuestionContent;
}

/** Inserts a question with its first version. */
export async function insertQuestion(tx: Tx, input: NewQuestion): Promise<VersionWithQuestion> {
  const question = await tx.question.create({
    data: {
      organizationId: input.organizationId,
      source: input.source,
      slug: input.slug,
      sectionOrder: input.sectionOrder,
      forkedFromId: input.forkedFromId ?? null,
      currentVersion: 1,
    },
  });
  return tx.questionVersion.create({ data: { questionId: question.id, ...versionData(input.content, 1, input.createdById) }, include: WITH_QUESTION });
}

/**
 * Adds version `expectedVersion + 1` and makes it current. The guarded update
 * (`where currentVersion = expectedVersion`) row-locks the question, so of two
 * concurrent writers the second finds the count 0 and gets `undefined`: a
 * stale write, never a lost update.
 */
export async function appendVersion(
  tx: Tx,
  question: Pick<Question, 'id'>,
  expectedVersion: number,
  content: QuestionContent,
  createdById: string | null,
  sectionOrder?: number,
): Promise<VersionWithQuestion | undefined> {
  const next = expectedVersion + 1;
  const { count } = await tx.question.updateMany({
    where: { id: question.id, currentVersion: expectedVersion },
    data: { currentVersion: next, ...(sectionOrder === undefined ? {} : { sectionOrder }) },
  });
  if (count === 0) return undefined;
  return tx.questionVersion.create({ data: { questionId: question.id, ...versionData(content, next, createdById) }, include: WITH_QUESTION });
}

function versionData(content: QuestionContent, version: number, createdById: string | null) {
  const normalized = normalizeContent(content);
  return {
    version,
    kind: normalized.kind,
    section: normalized.section,
    levels: normalized.levels,
    tags: normalized.tags,
    prompt: normalized.prompt,
    modelAnswer: normalized.modelAnswer,
    probes: normalized.probes.map(({ question, answer }) => ({ question, answer })),
    misconceptions: normalized.misconceptions,
    listeningFor: normalized.listeningFor,
    ...(normalized.rubric === null ? {} : { rubric: normalized.rubric as Prisma.InputJsonObject, rubricSource: normalized.rubricSource }),
    contentHash: contentHash(normalized),
    createdById,
  };
}

/** Serializes writers of one bank (an organization's, or the library) for the transaction's lifetime. */
export async function lockBank(tx: Tx, organizationId: string | null): Promise<void> {
  const key = `questions:${organizationId ?? 'library'}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
