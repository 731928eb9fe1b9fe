import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Trim } from '../../auth/dto/transforms';
import { WEBHOOK_EVENTS, type WebhookEventName } from '../webhook-events';
import { WEBHOOK_URL_MAX_LENGTH } from '../webhook-url';

export const DESCRIPTION_MAX_LENGTH = 500;
const URL_DESCRIPTION =
  'Where deliveries are POSTed. http or https, without credentials or #fragment; production accepts https only (unless WEBHOOKS_ALLOW_HTTP=true).';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/assay', maxLength: WEBHOOK_URL_MAX_LENGTH, description: URL_DESCRIPTION })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, minItems: 1, uniqueItems: true, example: ['session.graded'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each value in events must be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events!: WebhookEventName[];

  @ApiPropertyOptional({ example: 'ATS integration', maxLength: DESCRIPTION_MAX_LENGTH, default: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  description?: string;
}

/** Absent means "leave as is"; null is refused rather than read as absent. */
const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Every field optional; only the fields sent change. */
export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://hooks.example.com/assay', maxLength: WEBHOOK_URL_MAX_LENGTH, description: URL_DESCRIPTION })
  @Omittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, minItems: 1, uniqueItems: true })
  @Omittable()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each value in events must be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEventName[];

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX_LENGTH })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({ description: 'true stops new deliveries (pending retries are abandoned); false resumes them.' })
  @Omittable()
  @IsBoolean()
  disabled?: boolean;
}
