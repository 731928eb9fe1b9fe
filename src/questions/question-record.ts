import type { Question, QuestionVersion } from '../generated/prisma/client';

export type { Question, QuestionVersion };

/** A question version loaded with its question: what one API question is built from. */
export type VersionWithQuestion = QuestionVersion & { question: Question };

/** Loads `VersionWithQuestion` rows through Prisma. */
export const WITH_QUESTION = { question: true } as const;
