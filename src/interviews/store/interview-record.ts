import type { Interview, InterviewItem, Prisma } from '../../generated/prisma/client';
import type { PrismaService } from '../../database/prisma.service';

export type { Interview, InterviewItem };

/** An interview loaded with its items in order: what one API interview is built from. */
export type InterviewWithItems = Interview & { items: InterviewItem[] };

export const WITH_ITEMS = { items: { orderBy: { position: 'asc' } } } as const satisfies Prisma.InterviewInclude;

export type Db = PrismaService | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;
