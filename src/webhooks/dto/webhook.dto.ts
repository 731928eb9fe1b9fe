import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type WebhookEventName } from '../webhook-events';

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://hooks.example.com/assay' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events!: WebhookEventName[];

  @ApiProperty({ example: 'ATS integration' })
  description!: string;

  @ApiProperty({ example: 'whsec_Zm9v', description: 'The start of the signing secret, to recognise it; the secret itself is never shown again.' })
  secretPrefix!: string;

  @ApiProperty({ description: 'Disabled endpoints receive no deliveries (a test ping still goes out).' })
  disabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabledAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** The answer to creating an endpoint or rotating its secret: the only time the secret is shown. */
export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_Zm9vYmFyEXAMPLEq8w1Jf0bKx5c2Vn7LmTgHsRdYuIo',
    description:
      'The HMAC-SHA256 signing secret (the whole string is the key). Shown once; stored encrypted. ' +
      'Each delivery carries `assay-webhook-signature: v1=<hex HMAC(secret, "<assay-webhook-timestamp>.<raw body>")>`.',
  })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  items!: WebhookDto[];
}
