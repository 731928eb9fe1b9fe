import { Injectable } from '@nestjs/common';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { PrismaService } from '../database/prisma.service';
import { DomainEvents, type DomainEventMap } from '../events/domain-events';
import type { Prisma, SessionStatus } from '../generated/prisma/client';
import { MetricsService } from '../metrics/metrics.service';
import { ENGINE_VERSION } from '../scoring/engine';
import { ATTR_BATCH_SIZE, ATTR_ENGINE_VERSION } from '../scoring/scoring-span';
import { GradingFaults } from './grading-faults';
import type { GradingMode, SessionJobData } from './grading-jobs';
import { RubricCache } from './rubric-cache';
import { planScores, type GradableItem, type ItemPlan, type KnownScore } from './score-plan';
import { round4, sessionTotals, type SessionTotals } from './totals';

type Tx = Prisma.TransactionClient;

export type GradingOutcome =
  | { kind: 'graded' | 'regraded'; scored: number; reused: number }
  | { kind: 'unchanged' }
  | { kind: 'skipped'; reason: 'not-found' | 'cancelled' | 'already-graded' };

/** Thrown for a session that is not submitted yet: pg-boss retries the job later. */
export class SessionNotSubmittedError extends Error {
  constructor(sessionId: string, status: SessionStatus) {
    super(`Session ${sessionId} is ${status}; it is graded once submitted.`);
    this.name = 'SessionNotSubmittedError';
  }
}

// A session's grading is one transaction; scoring many long answers can outlast Prisma's 5 s default.
const TRANSACTION_TIMEOUT_MS = 60_000;

const tracer = trace.getTracer('assay.grading');

/**
 * Grades one session in ONE transaction: lock the session row, score every
 * item's current answer with its pinned rubric (reusing any grading of the
 * same answer revision, rubric version and engine version), make those scores
 * current, and move the session from submitted to graded. A crash anywhere
 * rolls all of it back and the job's retry starts over; a duplicate job
 * finds the work done and changes nothing. `session.graded` is published
 * after the commit, only by the grading that made the transition.
 */
@Injectable()
export class SessionGrader {
  private readonly rubrics = new RubricCache();

  constructor(
    private readonly prisma: PrismaService,
    private readonly events: DomainEvents,
    private readonly faults: GradingFaults,
    private readonly metrics: MetricsService,
  ) {}

  async grade(target: SessionJobData, mode: GradingMode): Promise<GradingOutcome> {
    const started = performance.now();
    try {
      const { outcome, event } = await this.prisma.$transaction((tx) => this.gradeLocked(tx, target, mode), { timeout: TRANSACTION_TIMEOUT_MS });
      if (outcome.kind === 'graded' || outcome.kind === 'regraded') this.metrics.observeGrading('graded', (performance.now() - started) / 1000);
      if (event) await this.events.publish('session.graded', event);
      return outcome;
    } catch (error) {
      this.metrics.observeGrading('failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  private async gradeLocked(tx: Tx, target: SessionJobData, mode: GradingMode): Promise<{ outcome: GradingOutcome; event?: DomainEventMap['session.graded'] }> {
    const { sessionId, organizationId } = target;
    // Serialises graders, re-pinning and reviewer overrides of this session.
    const [locked] = await tx.$queryRaw<{ status: SessionStatus }[]>`
      SELECT status::text AS status FROM sessions WHERE id = ${sessionId}::uuid AND organization_id = ${organizationId}::uuid FOR UPDATE`;
    if (!locked) return { outcome: { kind: 'skipped', reason: 'not-found' } };
    if (locked.status === 'cancelled') return { outcome: { kind: 'skipped', reason: 'cancelled' } };
    if (locked.status === 'invited' || locked.status === 'in_progress') throw new SessionNotSubmittedError(sessionId, locked.status);
    if (mode === 'grade' && locked.status === 'graded') return { outcome: { kind: 'skipped', reason: 'already-graded' } };

    const session = await tx.session.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        interviewId: true,
        interview: { select: { passingThreshold: true } },
        items: {
          orderBy: { position: 'asc' },
          select: { id: true, position: true, prompt: true, points: true, weight: true, rubric: true, rubricVersionId: true, answer: { select: { text: true, revision: true } } },
        },
      },
    });
    const known = await tx.itemScore.findMany({
      where: { sessionId },
      select: { id: true, sessionItemId: true, rubricVersionId: true, engineVersion: true, answerRevision: true, points: true, current: true },
    });
    const plans = this.scoreBatch(sessionId, session.items, known);
    const fresh = plans.flatMap((plan) => (plan.kind === 'score' ? [plan] : []));
    const currentBefore = known.filter((score) => score.current);
    const targets = plans.flatMap((plan) => (plan.kind === 'reuse' ? [plan.scoreId] : []));
    const unchanged = fresh.length === 0 && sameIds(currentBefore.map((score) => score.id), targets);

    if (!unchanged) await this.storeScores(tx, sessionId, plans);
    await this.faults.beforeCommit(sessionId);

    const now = new Date();
    const { count: transitioned } = await tx.session.updateMany({ where: { id: sessionId, status: 'submitted' }, data: { status: 'graded', gradedAt: now } });
    if (unchanged && transitioned === 0) return { outcome: { kind: 'unchanged' } };

    const totals = await totalsAfter(tx, sessionId, plans, session.interview.passingThreshold);
    const summary = { points: round4(totals.points), maxPoints: round4(totals.maxPoints), passed: totals.passed };
    const counts = { scored: fresh.length, reused: plans.length - fresh.length };

    if (transitioned === 1) {
      await this.audit(tx, organizationId, sessionId, 'session.graded', { status: 'submitted' }, { status: 'graded', engineVersion: ENGINE_VERSION, ...summary });
      const event = { organizationId, sessionId, interviewId: session.interviewId, gradedAt: now.toISOString(), ...summary };
      return { outcome: { kind: 'graded', ...counts }, event };
    }
    const before = round4(currentBefore.reduce((sum, score) => sum + score.points, 0));
    await this.audit(tx, organizationId, sessionId, 'session.regraded', { automaticPoints: before }, { automaticPoints: round4(totals.automaticPoints), engineVersion: ENGINE_VERSION, ...summary });
    return { outcome: { kind: 'regraded', ...counts } };
  }

  /**
   * Every item of the session in ONE span (not one per answer): scoring is
   * CPU-bound and fast, and a span per answer would drown the trace (so this
   * loop must not use scoreWithSpan). The span carries ids and counts, never
   * answer text; flagged items become events, built only when recording.
   */
  private scoreBatch<I extends GradableItem>(sessionId: string, items: readonly I[], known: readonly KnownScore[]): ItemPlan<I>[] {
    return tracer.startActiveSpan(
      'grading.score_batch',
      { attributes: { 'assay.session.id': sessionId, [ATTR_ENGINE_VERSION]: ENGINE_VERSION, 'assay.items.count': items.length } },
      (span) => {
        try {
          const plans = planScores(items, known, this.rubrics);
          const recording = span.isRecording();
          let scored = 0;
          for (const plan of plans) {
            if (plan.kind !== 'score') continue;
            scored += 1;
            this.metrics.observeScore(plan.score.fraction, plan.score.result.band);
            if (recording && plan.flags.length > 0) span.addEvent('grading.flagged', { 'assay.item.position': plan.item.position, 'assay.flags': plan.flags });
          }
          span.setAttributes({ [ATTR_BATCH_SIZE]: scored, 'assay.scores.reused': plans.length - scored });
          return plans;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  /**
   * History is kept: earlier scores only lose `current`. New scores are
   * inserted with ON CONFLICT DO NOTHING on (item, rubric version, engine
   * version, answer revision), so even a grading that slipped past the lock
   * could not store the same grading twice; then exactly the planned keys are
   * marked current.
   */
  private async storeScores(tx: Tx, sessionId: string, plans: readonly ItemPlan[]): Promise<void> {
    await tx.itemScore.updateMany({ where: { sessionId, current: true }, data: { current: false } });
    const rows = plans.flatMap((plan) =>
      plan.kind === 'score'
        ? [{ ...plan.score, sessionId, result: plan.score.result as unknown as Prisma.InputJsonObject, current: true }]
        : [],
    );
    if (rows.length > 0) await tx.itemScore.createMany({ data: rows, skipDuplicates: true });
    if (plans.length > 0) await tx.itemScore.updateMany({ where: { sessionId, OR: plans.map((plan) => ({ ...plan.key })) }, data: { current: true } });
  }

  private async audit(tx: Tx, organizationId: string, sessionId: string, action: string, before: Prisma.InputJsonObject, after: Prisma.InputJsonObject): Promise<void> {
    // No actor: grading is the system's doing (the person who asked for a re-grade is on the interview's audit entry).
    await tx.auditEvent.create({ data: { organizationId, entityType: 'session', entityId: sessionId, action, before, after } });
  }
}

/** The session's totals with the scores just made current and the reviewers' current overrides. */
async function totalsAfter(tx: Tx, sessionId: string, plans: readonly ItemPlan<GradableItem & { weight: number }>[], passingThreshold: number): Promise<SessionTotals> {
  const overrides = await tx.scoreOverride.findMany({ where: { sessionId, current: true }, select: { sessionItemId: true, points: true } });
  const overrideOf = new Map(overrides.map((override) => [override.sessionItemId, override.points]));
  return sessionTotals(
    plans.map((plan) => ({ maxPoints: plan.item.points, weight: plan.item.weight, automaticPoints: plan.points, overridePoints: overrideOf.get(plan.item.id) ?? null })),
    passingThreshold,
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
