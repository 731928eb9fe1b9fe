import type { Caller } from '../../auth/caller';
import type { Prisma } from '../../generated/prisma/client';

/** What a caller may read: its organization's questions and the shared library. */
export function visibleTo(caller: Caller): Prisma.QuestionWhereInput {
  return { OR: [{ organizationId: caller.organizationId }, { organizationId: null }] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
