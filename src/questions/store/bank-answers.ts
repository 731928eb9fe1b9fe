import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import type { Tx } from './question-writes';

export interface BankAnswer {
  slug: string;
  prompt: string;
  modelAnswer: string;
}

/** Whose questions: the library's alone, or an organization's together with the library (what its members see). */
export type BankScope = { library: true } | { organizationId: string };

/** The current version's prompt and model answer of every question in scope, archived ones included (they stay readable). */
export function currentBankAnswers(db: Tx | PrismaClient, scope: BankScope): Promise<BankAnswer[]> {
  const where = 'library' in scope ? Prisma.sql`q.organization_id IS NULL` : Prisma.sql`(q.organization_id = ${scope.organizationId}::uuid OR q.organization_id IS NULL)`;
  return db.$queryRaw<BankAnswer[]>`
    SELECT q.slug, v.prompt, v.model_answer AS "modelAnswer"
    FROM questions q
    JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
    WHERE ${where}
    ORDER BY q.organization_id NULLS FIRST, q.slug`;
}
