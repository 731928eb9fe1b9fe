import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_POSITION } from '../http/position-param';
import { NoNulCharacter, Trimmed } from './text-rules';

export const COMMENT_MAX = 5000;

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX, example: 'Strong on sampling, vague on context propagation.' })
  @Trimmed()
  @IsString()
  @NoNulCharacter()
  @Length(1, COMMENT_MAX)
  body!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_POSITION, description: 'The item the comment is about; omit for the whole session.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  itemPosition?: number;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The item it is about; null for the whole session.' })
  itemPosition!: number | null;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The author; null when an API key wrote it.' })
  authorId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CommentListDto {
  @ApiProperty({ type: [CommentDto], description: 'Oldest first.' })
  items!: CommentDto[];
}
