import type { Prisma } from '../generated/prisma/client';

/**
 * Serialises membership changes within one organization. Without it, two
 * owners demoting each other at once could each see the other as "another
 * owner" and leave none.
 */
export async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
}
