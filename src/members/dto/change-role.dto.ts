import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../auth/caller';

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES, description: 'Only an owner may grant or take away the owner role.' })
  @IsIn(ROLES)
  role!: Role;
}
