import type { Caller } from '../../auth/caller';
import { Prisma } from '../../generated/prisma/client';
import { contentOf } from '../../questions/question.mapper';
import { WITH_QUESTION, type VersionWithQuestion } from '../../questions/question-record';
import { visibleTo } from '../../questions/store/question-scope';
import type { Level, PoolQuestion } from '../draw/types';
import type { Db } from './interview-record';

/** What a draw rule asks for; absent filters match everything. */
export interface DrawFilter {
  section: string | null;
  /** The whole range, already expanded (see levelRange). */
  levels: Level[];
  tag: string | null;
}

/** A question version as the draw resolver sees it. */
export function toPoolQuestion(version: VersionWithQuestion): PoolQuestion {
  const content = contentOf(version);
  return {
    questionId: version.question.id,
    familyId: version.question.forkedFromId ?? version.question.id,
    versionId: version.id,
    slug: version.question.slug,
    section: content.section,
    levels: content.levels,
    tags: content.tags,
    prompt: content.prompt,
    probes: content.probes,
    rubric: content.rubric,
  };
}

/** The current versions of these questions, among those the caller may see (library and own), by question id. */
export async function currentVersions(db: Db, caller: Caller, questionIds: readonly string[]): Promise<Map<string, VersionWithQuestion>> {
  if (questionIds.length === 0) return new Map();
  const questions = await db.question.findMany({ where: { AND: [{ id: { in: [...new Set(questionIds)] } }, visibleTo(caller)] } });
  if (questions.length === 0) return new Map();
  const versions = await db.questionVersion.findMany({
    where: { OR: questions.map((question) => ({ questionId: question.id, version: question.currentVersion })) },
    include: WITH_QUESTION,
  });
  return new Map(versions.map((version) => [version.questionId, version]));
}

/** Pinned versions by id, among the questions the caller may see. */
export async function versionsById(db: Db, caller: Caller, versionIds: readonly string[]): Promise<Map<string, VersionWithQuestion>> {
  if (versionIds.length === 0) return new Map();
  const versions = await db.questionVersion.findMany({ where: { id: { in: [...new Set(versionIds)] }, question: visibleTo(caller) }, include: WITH_QUESTION });
  return new Map(versions.map((version) => [version.id, version]));
}

/**
 * Every question a draw rule may draw right now: current versions, in the
 * library or the caller's organization, not archived, with a rubric (a
 * drawn question must be gradeable). A library question is left out when the
 * organization has its own eligible copy of it (same slug, or forked from
 * it), so the copy is drawn instead and never both.
 */
export async function drawPool(db: Db, caller: Caller, filter: DrawFilter): Promise<PoolQuestion[]> {
  const rows = await db.$queryRaw<{ versionId: string }[]>`
    WITH eligible AS (
      SELECT q.id, q.slug, q.organization_id, q.forked_from_id, v.id AS "versionId", v.section, v.levels, v.tags
      FROM questions q
      JOIN question_versions v ON v.question_id = q.id AND v.version = q.current_version
      WHERE (q.organization_id = ${caller.organizationId}::uuid OR q.organization_id IS NULL)
        AND q.archived_at IS NULL
        AND v.rubric IS NOT NULL
    )
    SELECT e."versionId" FROM eligible e
    WHERE ${Prisma.join(filters(filter), ' AND ')}
      AND NOT (e.organization_id IS NULL AND EXISTS (
        SELECT 1 FROM eligible own WHERE own.organization_id IS NOT NULL AND (own.slug = e.slug OR own.forked_from_id = e.id)
      ))`;
  const versions = await db.questionVersion.findMany({ where: { id: { in: rows.map((row) => row.versionId) } }, include: WITH_QUESTION });
  return versions.map(toPoolQuestion);
}

function filters(filter: DrawFilter): Prisma.Sql[] {
  const where = [Prisma.sql`TRUE`];
  if (filter.section !== null) where.push(Prisma.sql`lower(e.section) = lower(${filter.section})`);
  if (filter.levels.length > 0) where.push(Prisma.sql`e.levels && ARRAY[${Prisma.join(filter.levels.map((level) => Prisma.sql`${level}::"Level"`))}]`);
  if (filter.tag !== null) where.push(Prisma.sql`e.tags @> ARRAY[${filter.tag}]::text[]`);
  return where;
}
