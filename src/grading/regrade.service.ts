import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { notFound, ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { Prisma, type SessionStatus } from '../generated/prisma/client';
import type { PoolQuestion } from '../interviews/draw/types';
import { JobQueue } from '../jobs/job-queue.service';
import type { JsonObject, Probe } from '../questions/content/question-content';
import type { RegradeAcceptedDto, RegradeDto } from './dto/regrade.dto';
import { REGRADE_BATCH_WINDOW_MS, REGRADE_SESSIONS_JOB } from './grading-jobs';
import { repinRubric } from './rubric-pinning';

type Tx = Prisma.TransactionClient;

const REGRADABLE: readonly SessionStatus[] = ['submitted', 'graded'];

// Re-pinning touches every item of every session of an interview.
const TRANSACTION_TIMEOUT_MS = 60_000;

interface RepinnedItem {
  position: number;
  from: string;
  to: string;
}

/**
 * Re-grading an interview's sessions after a rubric changed: re-pin each
 * item to its question's current rubric (see rubric-pinning.ts), then queue
 * one re-grade job per session. Old scores stay as history; reviewer
 * overrides stay and are flagged when the automatic points move.
 */
@Injectable()
export class RegradeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
  ) {}

  async regrade(caller: Caller, interviewId: string, body: RegradeDto): Promise<RegradeAcceptedDto> {
    const interview = await this.prisma.interview.findFirst({ where: { id: interviewId, organizationId: caller.organizationId }, select: { id: true } });
    if (!interview) throw notFound(`Interview ${interviewId}`);
    const sessionIds = await this.prisma.$transaction((tx) => this.repin(tx, caller, interviewId, body.sessionIds), { timeout: TRANSACTION_TIMEOUT_MS });
    // After the commit, so a worker never grades with the pins this request is replacing.
    const startAfter = new Date(Date.now() + REGRADE_BATCH_WINDOW_MS);
    for (const sessionId of sessionIds) {
      await this.jobs.send(REGRADE_SESSIONS_JOB, { sessionId, organizationId: caller.organizationId }, { startAfter });
    }
    return { queued: sessionIds.length, sessionIds };
  }

  private async repin(tx: Tx, caller: Caller, interviewId: string, requested: string[] | undefined): Promise<string[]> {
    const sessions = await tx.session.findMany({
      where: { interviewId, organizationId: caller.organizationId, ...(requested ? { id: { in: requested } } : { status: { in: [...REGRADABLE] } }) },
      select: { id: true, status: true },
      orderBy: { id: 'asc' },
    });
    if (requested) assertRegradable(requested, sessions);
    if (sessions.length === 0) return [];
    const ids = sessions.map((session) => session.id);
    // In id order, so two re-grades of overlapping sessions never deadlock; graders and reviewers take the same lock.
    await tx.$queryRaw`SELECT id FROM sessions WHERE id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) ORDER BY id FOR UPDATE`;

    const items = await tx.sessionItem.findMany({
      where: { sessionId: { in: ids } },
      select: { id: true, sessionId: true, position: true, probeIndex: true, prompt: true, questionVersionId: true, rubricVersionId: true },
      orderBy: [{ sessionId: 'asc' }, { position: 'asc' }],
    });
    const currentByPinnedVersion = await currentQuestions(tx, [...new Set(items.map((item) => item.questionVersionId))]);
    const repinned = new Map<string, RepinnedItem[]>();
    for (const item of items) {
      const current = currentByPinnedVersion.get(item.questionVersionId);
      if (!current) continue;
      const repin = repinRubric(item, current);
      if (repin.kind === 'keep') continue;
      await tx.sessionItem.update({ where: { id: item.id }, data: { rubric: repin.rubric as Prisma.InputJsonObject, rubricVersionId: repin.rubricVersionId } });
      repinned.set(item.sessionId, [...(repinned.get(item.sessionId) ?? []), { position: item.position, from: item.rubricVersionId, to: repin.rubricVersionId }]);
    }

    for (const [sessionId, changes] of repinned) {
      await this.audit.record(
        caller,
        {
          entityType: 'session',
          entityId: sessionId,
          action: 'session.rubrics_repinned',
          before: { items: changes.map(({ position, from }) => ({ position, rubricVersionId: from })) },
          after: { items: changes.map(({ position, to }) => ({ position, rubricVersionId: to })) },
        },
        tx,
      );
    }
    await this.audit.record(caller, { entityType: 'interview', entityId: interviewId, action: 'interview.regrade_requested', after: { sessionIds: ids, repinnedSessions: repinned.size } }, tx);
    return ids;
  }
}

/** Named sessions must all be this interview's (else 400, as for unknown ids) and graded or awaiting grading (else 409). */
function assertRegradable(requested: readonly string[], found: readonly { id: string; status: SessionStatus }[]): void {
  const byId = new Map(found.map((session) => [session.id, session]));
  const unknown = requested.flatMap((id, index) => (byId.has(id) ? [] : [{ pointer: `/sessionIds/${index}`, detail: 'is not a session of this interview' }]));
  if (unknown.length > 0) throw new ProblemException('validation-failed', `${unknown.length} of the sessions named are not sessions of this interview.`, { errors: unknown });
  const notDone = requested.flatMap((id, index) => {
    const status = byId.get(id)!.status;
    return REGRADABLE.includes(status) ? [] : [{ pointer: `/sessionIds/${index}`, detail: `is ${status}; only submitted or graded sessions can be re-graded` }];
  });
  if (notDone.length > 0) throw new ProblemException('conflict', `${notDone.length} of the sessions named are neither submitted nor graded.`, { errors: notDone });
}

/** Each pinned question version's question, at its current version. */
async function currentQuestions(tx: Tx, pinnedVersionIds: string[]): Promise<Map<string, PoolQuestion>> {
  if (pinnedVersionIds.length === 0) return new Map();
  const pinned = await tx.questionVersion.findMany({ where: { id: { in: pinnedVersionIds } }, select: { id: true, questionId: true } });
  const questions = await tx.question.findMany({
    where: { id: { in: [...new Set(pinned.map((version) => version.questionId))] } },
    select: { id: true, slug: true, currentVersion: true, forkedFromId: true },
  });
  const versions = await tx.questionVersion.findMany({ where: { OR: questions.map((question) => ({ questionId: question.id, version: question.currentVersion })) } });
  const byQuestion = new Map<string, PoolQuestion>();
  for (const question of questions) {
    const version = versions.find((candidate) => candidate.questionId === question.id);
    if (!version) continue;
    byQuestion.set(question.id, {
      questionId: question.id,
      familyId: question.forkedFromId ?? question.id,
      versionId: version.id,
      slug: question.slug,
      section: version.section,
      levels: version.levels,
      tags: version.tags,
      prompt: version.prompt,
      probes: readProbes(version.probes),
      rubric: isJsonObject(version.rubric) ? version.rubric : null,
    });
  }
  const result = new Map<string, PoolQuestion>();
  for (const version of pinned) {
    const current = byQuestion.get(version.questionId);
    if (current) result.set(version.id, current);
  }
  return result;
}

function readProbes(value: unknown): Probe[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((probe: unknown) => {
    if (!isJsonObject(probe) || typeof probe.question !== 'string' || typeof probe.answer !== 'string') return [];
    return [{ question: probe.question, answer: probe.answer }];
  });
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
