import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../caller';

export class OrganizationRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme Observability' })
  name!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ana@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ana Lima' })
  name!: string;
}

export class MembershipDto {
  @ApiProperty({ type: OrganizationRefDto })
  organization!: OrganizationRefDto;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}

export class ApiKeyRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'CI pipeline' })
  name!: string;

  @ApiProperty({ example: 'assay_ak_3f9a0c12d4e5' })
  prefix!: string;
}

export class MeDto {
  @ApiProperty({ enum: ['user', 'apiKey'], description: 'Whether a person (access token) or an integration (API key) is calling.' })
  kind!: 'user' | 'apiKey';

  @ApiProperty({ type: OrganizationRefDto, description: 'The organization this token acts in.' })
  organization!: OrganizationRefDto;

  @ApiProperty({ enum: ROLES, description: 'The role in that organization, as it is now.' })
  role!: Role;

  @ApiPropertyOptional({ type: UserDto, description: 'Set when kind is user.' })
  user?: UserDto;

  @ApiPropertyOptional({ type: [MembershipDto], description: 'Set when kind is user: every organization the user belongs to.' })
  memberships?: MembershipDto[];

  @ApiPropertyOptional({ type: ApiKeyRefDto, description: 'Set when kind is apiKey.' })
  apiKey?: ApiKeyRefDto;
}
