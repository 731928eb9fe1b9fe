import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Caller } from '../auth/caller';
import { notFound, ProblemException } from '../common/problem';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import { Prisma, type WebhookEndpoint } from '../generated/prisma/client';
import type { WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook-input.dto';
import type { WebhookDto, WebhookListDto, WebhookWithSecretDto } from './dto/webhook.dto';
import { WebhookDispatcher } from './webhook-dispatcher';
import { PING_EVENT } from './webhook-events';
import { WebhookSecrets } from './webhook-secrets';
import { checkWebhookUrl } from './webhook-url';
import { toWebhookDeliveryDto, toWebhookDto, toWebhookWithSecretDto } from './webhooks.mapper';

export const WEBHOOK_ENTITY = 'webhook_endpoint';

/** Managing an organization's webhook endpoints. Every change is audited; secrets never reach the audit trail. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLog,
    private readonly secrets: WebhookSecrets,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(caller: Caller, dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    const url = this.validUrl(dto.url);
    // The id is chosen here because the encrypted secret is bound to it.
    const id = randomUUID();
    const { secret, secretEncrypted, secretPrefix } = this.secrets.generate(id);
    const endpoint = await this.prisma.$transaction(async (tx) => {
      const created = await tx.webhookEndpoint.create({
        data: { id, organizationId: caller.organizationId, url, events: dto.events, description: dto.description ?? '', secretEncrypted, secretPrefix },
      });
      await this.audit.record(caller, { entityType: WEBHOOK_ENTITY, entityId: id, action: 'webhook.created', after: snapshot(created), at: created.createdAt }, tx);
      return created;
    });
    return toWebhookWithSecretDto(endpoint, secret);
  }

  async list(caller: Caller): Promise<WebhookListDto> {
    const rows = await this.prisma.webhookEndpoint.findMany({ where: { organizationId: caller.organizationId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
    return { items: rows.map(toWebhookDto) };
  }

  async get(caller: Caller, id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.find(this.prisma, caller, id));
  }

  async update(caller: Caller, id: string, dto: UpdateWebhookDto): Promise<WebhookDto> {
    const url = dto.url === undefined ? undefined : this.validUrl(dto.url);
    const endpoint = await this.prisma.$transaction(async (tx) => {
      const before = await this.lock(tx, caller, id);
      const disabledAt = dto.disabled === undefined ? before.disabledAt : dto.disabled ? (before.disabledAt ?? new Date()) : null;
      const after = await tx.webhookEndpoint.update({
        where: { id },
        data: { url, events: dto.events, description: dto.description, disabledAt },
      });
      if (JSON.stringify(snapshot(before)) !== JSON.stringify(snapshot(after))) {
        await this.audit.record(caller, { entityType: WEBHOOK_ENTITY, entityId: id, action: 'webhook.updated', before: snapshot(before), after: snapshot(after) }, tx);
      }
      return after;
    });
    return toWebhookDto(endpoint);
  }

  /** Deletes the endpoint with its delivery log; queued deliveries then find nothing to send. */
  async remove(caller: Caller, id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await this.lock(tx, caller, id);
      await tx.webhookEndpoint.delete({ where: { id } });
      await this.audit.record(caller, { entityType: WEBHOOK_ENTITY, entityId: id, action: 'webhook.deleted', before: snapshot(before) }, tx);
    });
  }

  /** The old secret stops signing at once: deliveries sent from now on (retries included) use the new one. */
  async rotateSecret(caller: Caller, id: string): Promise<WebhookWithSecretDto> {
    const { secret, secretEncrypted, secretPrefix } = this.secrets.generate(id);
    const endpoint = await this.prisma.$transaction(async (tx) => {
      const before = await this.lock(tx, caller, id);
      const after = await tx.webhookEndpoint.update({ where: { id }, data: { secretEncrypted, secretPrefix } });
      await this.audit.record(
        caller,
        { entityType: WEBHOOK_ENTITY, entityId: id, action: 'webhook.secret_rotated', before: { secretPrefix: before.secretPrefix }, after: { secretPrefix } },
        tx,
      );
      return after;
    });
    return toWebhookWithSecretDto(endpoint, secret);
  }

  /** Queues a `ping` delivery, also to a disabled endpoint, so a receiver can be checked before it is enabled. */
  async sendTest(caller: Caller, id: string): Promise<WebhookDeliveryDto> {
    const endpoint = await this.find(this.prisma, caller, id);
    const delivery = await this.dispatcher.deliver(endpoint, PING_EVENT, { webhookId: endpoint.id });
    await this.audit.record(caller, { entityType: WEBHOOK_ENTITY, entityId: id, action: 'webhook.test_sent', after: { deliveryId: delivery.id } });
    return toWebhookDeliveryDto(delivery);
  }

  private validUrl(raw: string): string {
    const checked = checkWebhookUrl(raw, { allowHttp: this.config.webhooks.allowHttp });
    if (checked.ok) return checked.url;
    throw new ProblemException('validation-failed', `The request has 1 invalid field(s): /url: ${checked.detail}`, { errors: [{ pointer: '/url', detail: checked.detail }] });
  }

  private async find(db: PrismaService | Prisma.TransactionClient, caller: Caller, id: string): Promise<WebhookEndpoint> {
    const endpoint = await db.webhookEndpoint.findFirst({ where: { id, organizationId: caller.organizationId } });
    if (!endpoint) throw notFound('Webhook');
    return endpoint;
  }

  /** Reads the endpoint under a row lock, so concurrent changes are audited from the state they really changed. */
  private async lock(tx: Prisma.TransactionClient, caller: Caller, id: string): Promise<WebhookEndpoint> {
    await tx.$queryRaw`SELECT id FROM webhook_endpoints WHERE id = ${id}::uuid AND organization_id = ${caller.organizationId}::uuid FOR UPDATE`;
    return this.find(tx, caller, id);
  }
}

/** What the audit trail keeps of an endpoint: never the secret, only its visible prefix. */
function snapshot(endpoint: WebhookEndpoint): Prisma.InputJsonObject {
  return {
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    disabled: endpoint.disabledAt !== null,
    secretPrefix: endpoint.secretPrefix,
  };
}
