import { ApiProperty } from '@nestjs/swagger';
import { QuestionDto } from './question.dto';

export class QuestionListDto {
  @ApiProperty({ type: [QuestionDto] })
  items!: QuestionDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor!: string | null;
}
