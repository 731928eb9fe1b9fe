import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../auth/caller';
import { CurrentCaller } from '../../auth/current-caller.decorator';
import { Roles } from '../../auth/roles.decorator';
import { UuidParam } from '../../auth/uuid-param';
import { ApiProblems } from '../../common/problem.dto';
import { ListDeliveriesQueryDto } from '../dto/list-deliveries.query';
import { WebhookDeliveryDto, WebhookDeliveryListDto } from '../dto/webhook-delivery.dto';
import { CreateWebhookDto, UpdateWebhookDto } from '../dto/webhook-input.dto';
import { WebhookDto, WebhookListDto, WebhookWithSecretDto } from '../dto/webhook.dto';
import { WebhookDeliveriesService } from '../webhook-deliveries.service';
import { WebhooksService } from '../webhooks.service';

/** Webhook endpoints are an integration's wiring (URLs may embed tokens, deliveries show outcomes): owners and admins only. */
@ApiTags('webhooks')
@ApiBearerAuth('bearer')
@Roles('owner', 'admin')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook endpoint (its signing secret is shown once)' })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 401, 403, 413, 415)
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(caller, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List webhook endpoints, newest first, without secrets' })
  @ApiOkResponse({ type: WebhookListDto })
  @ApiProblems(401, 403)
  list(@CurrentCaller() caller: Caller): Promise<WebhookListDto> {
    return this.webhooks.list(caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a webhook endpoint' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<WebhookDto> {
    return this.webhooks.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook endpoint’s URL, events or description, or disable / enable it' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(400, 401, 403, 404, 413, 415)
  update(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a webhook endpoint and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 401, 403, 404)
  async remove(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<void> {
    await this.webhooks.remove(caller, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the signing secret (the new one is shown once; the old one stops signing at once)' })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 401, 403, 404)
  rotateSecret(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(caller, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The endpoint’s delivery log, newest first, with payloads and every attempt' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiProblems(400, 401, 403, 404)
  listDeliveries(@CurrentCaller() caller: Caller, @UuidParam('id') id: string, @Query() query: ListDeliveriesQueryDto): Promise<WebhookDeliveryListDto> {
    return this.deliveries.list(caller, id, query);
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Queue a signed `ping` delivery to the endpoint' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'Queued; follow it in the delivery log.' })
  @ApiProblems(400, 401, 403, 404)
  sendTest(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(caller, id);
  }
}
