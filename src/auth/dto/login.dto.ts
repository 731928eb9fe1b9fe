import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, NormalizeEmail, PASSWORD_MAX_LENGTH } from './transforms';

export class LoginDto {
  // Not @IsEmail: a malformed address is simply an unknown account, and must
  // be answered exactly like one.
  @ApiProperty({ example: 'ana@example.com', maxLength: EMAIL_MAX_LENGTH })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Which of your organizations to act in; defaults to the one you joined first.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
