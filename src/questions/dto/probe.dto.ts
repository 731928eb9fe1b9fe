import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A "What if …?" follow-up and its model answer; used in requests and responses alike. */
export class ProbeDto {
  @ApiProperty({ example: 'What if a single consumer poll pulls a batch of 500 messages from 500 different traces?', maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  question!: string;

  @ApiProperty({ example: 'This is exactly why links exist and parenting fails…', maxLength: 20000 })
  @IsString()
  @MaxLength(20000)
  answer!: string;
}
