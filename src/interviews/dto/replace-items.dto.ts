import { ApiProperty } from '@nestjs/swagger';
import { ItemsField } from './interview-fields';
import { InterviewItemInputDto } from './interview-item-input.dto';
import { MAX_ITEMS } from './limits';

export class ReplaceItemsDto {
  @ApiProperty({ type: [InterviewItemInputDto], maxItems: MAX_ITEMS, description: 'The draft’s new items, in order; an empty list clears them.' })
  @ItemsField()
  items!: InterviewItemInputDto[];
}
