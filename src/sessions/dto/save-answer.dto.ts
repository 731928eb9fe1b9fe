import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { MaxUtf8Bytes, NoNullCharacter } from './text-rules';

export const MAX_ANSWER_BYTES = 100 * 1024;

export class SaveAnswerDto {
  @ApiProperty({ maxLength: MAX_ANSWER_BYTES, description: `The whole draft (at most ${MAX_ANSWER_BYTES} bytes of UTF-8); may be empty.` })
  @IsString()
  @MaxUtf8Bytes(MAX_ANSWER_BYTES)
  @NoNullCharacter()
  text!: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'The revision this draft was edited from (0 for none yet). When given and stale, the save is refused with 409 and the current revision.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  baseRevision?: number;
}
