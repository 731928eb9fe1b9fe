import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Trim } from '../../auth/dto/transforms';

export class AcceptInvitationDto {
  @ApiProperty({ example: 'assay_inv_Zm9vYmFyEXAMPLEq8w1Jf0bKx5c2Vn7LmTgHsRdYuIo', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiPropertyOptional({
    example: 'Bo Chen',
    maxLength: NAME_MAX_LENGTH,
    description: 'Your name, for a new account; defaults to the name the inviter gave. Ignored when the email already has an account.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'A new password for a new account, or the existing account’s password.',
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
