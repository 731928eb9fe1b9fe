import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/caller';

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'CI pipeline' })
  name!: string;

  @ApiProperty({ example: 'assay_ak_3f9a0c12d4e5', description: 'The public start of the key, to recognise it.' })
  prefix!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Approximate (to the minute).' })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

/** The answer to creating a key: the only time its secret is ever shown. */
export class CreatedApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'CI pipeline' })
  name!: string;

  @ApiProperty({ example: 'assay_ak_3f9a0c12d4e5' })
  prefix!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    example: 'assay_ak_3f9a0c12d4e5_Zm9vYmFyEXAMPLEq8w1Jf0bKx5c2Vn7LmTgHsRdYuIo',
    description: 'Send as `Authorization: Bearer <secret>`. Shown once; only its hash is stored.',
  })
  secret!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] })
  items!: ApiKeyDto[];
}
