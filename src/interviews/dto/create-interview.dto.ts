import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable } from './field-transforms';
import { DescriptionField, ItemsField, ThresholdField, TimeLimitField, TitleField } from './interview-fields';
import { InterviewItemInputDto } from './interview-item-input.dto';
import { DESCRIPTION_MAX, MAX_ITEMS, TIME_LIMIT_MAX, TIME_LIMIT_MIN, TITLE_MAX } from './limits';

export class CreateInterviewDto {
  @ApiProperty({ example: 'Senior SRE — tracing', minLength: 1, maxLength: TITLE_MAX })
  @TitleField()
  title!: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX, default: '' })
  @Omittable()
  @DescriptionField()
  description?: string;

  @ApiProperty({ type: 'integer', minimum: TIME_LIMIT_MIN, maximum: TIME_LIMIT_MAX, example: 60, description: 'Minutes a candidate has once they start.' })
  @TimeLimitField()
  timeLimitMinutes!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.6, description: 'Fraction of the weighted total needed to pass.' })
  @ThresholdField()
  passingThreshold!: number;

  @ApiPropertyOptional({ type: [InterviewItemInputDto], maxItems: MAX_ITEMS, description: 'The items, in order; they can also be set later with PUT /v1/interviews/{id}/items.' })
  @Omittable()
  @ItemsField()
  items?: InterviewItemInputDto[];
}
