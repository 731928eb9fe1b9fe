import type { Caller } from '../auth/caller';
import { notFound, ProblemException } from '../common/problem';
import type { PrismaService } from '../database/prisma.service';
import type { Prisma, Session, SessionItem, SessionStatus } from '../generated/prisma/client';

type Db = PrismaService | Prisma.TransactionClient;

/** The caller's organization's session, or 404: another organization's ids look exactly like unknown ones. */
export async function findSession(db: Db, caller: Caller, sessionId: string): Promise<Session> {
  const session = await db.session.findFirst({ where: { id: sessionId, organizationId: caller.organizationId } });
  if (!session) throw notFound(`Session ${sessionId}`);
  return session;
}

/**
 * Locks the session row for the rest of the transaction, so reviewers acting on one session at the same time
 * (two overrides of one item, two decisions) are serialised and each sees the other's result as its "before".
 */
export async function lockSession(tx: Prisma.TransactionClient, caller: Caller, sessionId: string): Promise<Session> {
  await tx.$queryRaw`SELECT id FROM sessions WHERE id = ${sessionId}::uuid AND organization_id = ${caller.organizationId}::uuid FOR UPDATE`;
  return findSession(tx, caller, sessionId);
}

export async function findItem(db: Db, session: Session, position: number): Promise<SessionItem> {
  const item = await db.sessionItem.findUnique({ where: { sessionId_position: { sessionId: session.id, position } } });
  if (!item) throw notFound(`Item ${position} of session ${session.id}`);
  return item;
}

export function requireStatus(session: Session, allowed: readonly SessionStatus[], action: string): void {
  if (allowed.includes(session.status)) return;
  throw new ProblemException('conflict', `The session is ${session.status}; ${action} needs it to be ${allowed.join(' or ')}.`);
}
