import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../delivery/attempt-outcome';
import { DELIVERY_EVENTS, type DeliveryEventName } from '../webhook-events';

export class SessionSubmittedDataDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ enum: ['candidate', 'deadline'], description: 'deadline: nobody submitted; the session was finalised when time ran out.' })
  submittedBy!: 'candidate' | 'deadline';
}

export class SessionGradedDataDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty({ format: 'date-time' })
  gradedAt!: string;

  @ApiProperty({ example: 17.5 })
  points!: number;

  @ApiProperty({ example: 25 })
  maxPoints!: number;

  @ApiProperty()
  passed!: boolean;
}

export class ReviewDecidedDataDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ format: 'uuid' })
  interviewId!: string;

  @ApiProperty({ enum: ['advance', 'hold', 'reject'] })
  decision!: 'advance' | 'hold' | 'reject';

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when an API key decided.' })
  reviewerId!: string | null;
}

export class PingDataDto {
  @ApiProperty({ format: 'uuid' })
  webhookId!: string;
}

/** The JSON body POSTed to the endpoint. */
@ApiExtraModels(SessionSubmittedDataDto, SessionGradedDataDto, ReviewDecidedDataDto, PingDataDto)
export class WebhookPayloadDto {
  @ApiProperty({ format: 'uuid', description: 'The delivery id (also sent as `assay-webhook-id`); the same on every retry, so receivers can drop duplicates.' })
  id!: string;

  @ApiProperty({ enum: DELIVERY_EVENTS })
  type!: DeliveryEventName;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    anyOf: [SessionSubmittedDataDto, SessionGradedDataDto, ReviewDecidedDataDto, PingDataDto].map((model) => ({ $ref: getSchemaPath(model) })),
    description: 'Depends on `type`. Ids and outcomes only: never answer text or candidate details.',
  })
  data!: Record<string, string | number | boolean | null>;
}

export class WebhookAttemptDto {
  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 84 })
  durationMs!: number;

  @ApiProperty({ type: Number, nullable: true, example: 500, description: 'null when no HTTP answer came.' })
  statusCode!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'The endpoint answered HTTP 500' })
  error!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  webhookId!: string;

  @ApiProperty({ enum: DELIVERY_EVENTS })
  event!: DeliveryEventName;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'pending until an attempt succeeds (succeeded) or the last retry fails (failed).' })
  status!: DeliveryStatus;

  @ApiProperty({ example: 2 })
  attempts!: number;

  @ApiProperty({ type: Number, nullable: true, example: 200 })
  lastStatusCode!: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'While pending after a failure: the earliest time of the next attempt.' })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: WebhookPayloadDto })
  payload!: WebhookPayloadDto;

  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, oldest first.' })
  attemptLog!: WebhookAttemptDto[];
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto], description: 'Newest first.' })
  items!: WebhookDeliveryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
