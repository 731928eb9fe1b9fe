import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Role } from '../../auth/caller';
import { NAME_MAX_LENGTH, Trim } from '../../auth/dto/transforms';

/** Keys act for integrations, never as owners: ownership stays with people. */
export const API_KEY_ROLES: readonly Exclude<Role, 'owner'>[] = ['admin', 'interviewer', 'reviewer'];

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CI pipeline', maxLength: NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: API_KEY_ROLES, description: 'The role the key acts with. Never owner.' })
  @IsIn(API_KEY_ROLES, { message: `role must be one of: ${API_KEY_ROLES.join(', ')}` })
  role!: Exclude<Role, 'owner'>;
}
