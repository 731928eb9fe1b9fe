import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/caller';

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'bo@example.com' })
  email!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Bo Chen', description: 'Name proposed by the inviter.' })
  name!: string | null;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: INVITATION_STATUSES })
  status!: InvitationStatus;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

/** The answer to inviting someone: the token appears here and nowhere else, ever. */
export class CreatedInvitationDto extends InvitationDto {
  @ApiProperty({ example: 'assay_inv_Zm9vYmFyEXAMPLEq8w1Jf0bKx5c2Vn7LmTgHsRdYuIo', description: 'Give it to the invitee; only its hash is stored.' })
  token!: string;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] })
  items!: InvitationDto[];
}
