import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/caller';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, NormalizeEmail, Trim } from '../../auth/dto/transforms';

export class AddMemberDto {
  @ApiProperty({ example: 'bo@example.com', format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @NormalizeEmail()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email!: string;

  @ApiProperty({ enum: ROLES, description: 'Only an owner may make someone an owner.' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'Bo Chen', maxLength: NAME_MAX_LENGTH, description: 'Suggested name for an invitee without an account.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;
}
