import { ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable } from './field-transforms';
import { DescriptionField, ThresholdField, TimeLimitField, TitleField } from './interview-fields';
import { DESCRIPTION_MAX, TIME_LIMIT_MAX, TIME_LIMIT_MIN, TITLE_MAX } from './limits';

/** Fields to change on a draft; omitted fields keep their value. Items are replaced with PUT …/items. */
export class UpdateInterviewDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: TITLE_MAX })
  @Omittable()
  @TitleField()
  title?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX })
  @Omittable()
  @DescriptionField()
  description?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: TIME_LIMIT_MIN, maximum: TIME_LIMIT_MAX })
  @Omittable()
  @TimeLimitField()
  timeLimitMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @Omittable()
  @ThresholdField()
  passingThreshold?: number;
}
