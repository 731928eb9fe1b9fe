import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';

/** A JSON snapshot of the audited fields; keep it small (ids, points, statuses), never answer text or secrets. */
export type AuditSnapshot = Prisma.InputJsonValue | null;

export interface AuditChange {
  /** The changed row's model, in snake case: 'score_override', 'review_decision', 'session', … */
  entityType: string;
  entityId: string;
  /** What happened, e.g. 'override.set', 'override.removed', 'decision.recorded'. */
  action: string;
  before?: AuditSnapshot;
  after?: AuditSnapshot;
  /** When it happened; defaults to the database's clock. Pass the changed row's own timestamp to keep both in step. */
  at?: Date;
}

type Db = PrismaService | Prisma.TransactionClient;

/**
 * Writes the audit trail: who (user or API key) changed what, from what to what.
 * Pass the caller's transaction so the event commits (or rolls back) with the change it describes.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly prisma: PrismaService) {}

  async record(caller: Pick<Caller, 'organizationId' | 'userId' | 'apiKeyId'>, change: AuditChange, tx?: Prisma.TransactionClient): Promise<void> {
    const db: Db = tx ?? this.prisma;
    await db.auditEvent.create({
      data: {
        organizationId: caller.organizationId,
        actorUserId: caller.userId,
        actorApiKeyId: caller.apiKeyId,
        entityType: change.entityType,
        entityId: change.entityId,
        action: change.action,
        before: toJson(change.before),
        after: toJson(change.after),
        ...(change.at ? { createdAt: change.at } : {}),
      },
    });
  }

  /** A change no person or key made (a deadline passing, a grading job): the trail shows the actor as `system`. */
  recordSystem(organizationId: string, change: AuditChange, tx?: Prisma.TransactionClient): Promise<void> {
    return this.record({ organizationId, userId: null, apiKeyId: null }, change, tx);
  }
}

// Prisma distinguishes "SQL NULL" from "JSON null"; an absent snapshot is stored as SQL NULL.
function toJson(snapshot: AuditSnapshot | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return snapshot === null || snapshot === undefined ? Prisma.DbNull : snapshot;
}
