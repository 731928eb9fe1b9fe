import type { Caller } from '../../auth/caller';
import { UNORDERED_SECTION, type Tx } from './question-writes';
import { visibleTo } from './question-scope';

/**
 * A question written through the API joins its section where the caller
 * already sees it (library or own), so lists keep the document's section order.
 */
export async function sectionOrderFor(db: Tx, caller: Caller, section: string): Promise<number> {
  const sibling = await db.question.findFirst({
    where: { AND: [visibleTo(caller), { versions: { some: { section: { equals: section.trim(), mode: 'insensitive' } } } }] },
    orderBy: { sectionOrder: 'asc' },
    select: { sectionOrder: true },
  });
  return sibling?.sectionOrder ?? UNORDERED_SECTION;
}
