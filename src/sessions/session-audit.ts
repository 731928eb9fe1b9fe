import type { Caller } from '../auth/caller';
import type { Prisma } from '../generated/prisma/client';
import type { PrismaService } from '../database/prisma.service';

export type Db = PrismaService | Prisma.TransactionClient;

export type SessionAuditAction = 'session.invited' | 'session.cancelled' | 'session.started' | 'session.submitted';

export interface SessionAuditEntry {
  organizationId: string;
  sessionId: string;
  action: SessionAuditAction;
  /** The person or key that acted; null for the candidate or the deadline. */
  actor: Pick<Caller, 'userId' | 'apiKeyId'> | null;
  before?: Prisma.InputJsonObject;
  after?: Prisma.InputJsonObject;
}

/** Appends to the audit trail, in the caller's transaction so the trail and the change commit together. */
export async function auditSession(db: Db, entry: SessionAuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      organizationId: entry.organizationId,
      actorUserId: entry.actor?.userId ?? null,
      actorApiKeyId: entry.actor?.apiKeyId ?? null,
      entityType: 'session',
      entityId: entry.sessionId,
      action: entry.action,
      ...(entry.before ? { before: entry.before } : {}),
      ...(entry.after ? { after: entry.after } : {}),
    },
  });
}
