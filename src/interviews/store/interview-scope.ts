import type { Caller } from '../../auth/caller';
import { notFound } from '../../common/problem';
import { WITH_ITEMS, type Db, type InterviewWithItems, type Tx } from './interview-record';

/** The caller's organization's interview, or 404: another organization's ids look exactly like unknown ones. */
export async function findInterview(db: Db, caller: Caller, id: string): Promise<InterviewWithItems> {
  const interview = await db.interview.findFirst({ where: { id, organizationId: caller.organizationId }, include: WITH_ITEMS });
  if (!interview) throw notFound(`Interview ${id}`);
  return interview;
}

/**
 * Locks the interview row for the rest of the transaction, so writers (an
 * item replacement racing a publish, two publishes) are serialised and each
 * checks the status the other left.
 */
export async function lockInterview(tx: Tx, caller: Caller, id: string): Promise<InterviewWithItems> {
  await tx.$queryRaw`SELECT id FROM interviews WHERE id = ${id}::uuid AND organization_id = ${caller.organizationId}::uuid FOR UPDATE`;
  return findInterview(tx, caller, id);
}

/**
 * A shared lock: readers that create sessions from the interview hold it so
 * an archive (which takes the row lock) waits for them, and they see the
 * status it leaves.
 */
export async function shareInterview(tx: Tx, caller: Caller, id: string): Promise<InterviewWithItems> {
  await tx.$queryRaw`SELECT id FROM interviews WHERE id = ${id}::uuid AND organization_id = ${caller.organizationId}::uuid FOR SHARE`;
  return findInterview(tx, caller, id);
}
