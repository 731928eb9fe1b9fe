import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { notFound, ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor';
import type { WebhookDeliveryListDto } from './dto/webhook-delivery.dto';
import { DEFAULT_DELIVERY_PAGE_SIZE, type ListDeliveriesQueryDto } from './dto/list-deliveries.query';
import { toWebhookDeliveryDto } from './webhooks.mapper';

/** An endpoint's delivery log, newest first, in pages. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(private readonly prisma: PrismaService) {}

  async list(caller: Caller, webhookId: string, query: ListDeliveriesQueryDto): Promise<WebhookDeliveryListDto> {
    const endpoint = await this.prisma.webhookEndpoint.findFirst({ where: { id: webhookId, organizationId: caller.organizationId }, select: { id: true } });
    if (!endpoint) throw notFound('Webhook');
    const cursor = query.cursor === undefined ? undefined : decodeDeliveryCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw new ProblemException('invalid-cursor', 'The cursor is not one this list issued; pass the `nextCursor` of the previous page.', {
        errors: [{ pointer: 'query:cursor', detail: 'is not a valid cursor' }],
      });
    }
    const limit = query.limit ?? DEFAULT_DELIVERY_PAGE_SIZE;
    const where: Prisma.WebhookDeliveryWhereInput = {
      endpointId: webhookId,
      organizationId: caller.organizationId,
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    };
    const rows = await this.prisma.webhookDelivery.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toWebhookDeliveryDto), nextCursor: rows.length > limit && last ? encodeDeliveryCursor(last) : null };
  }
}
