import { ApiProperty } from '@nestjs/swagger';

export const ACTOR_KINDS = ['user', 'api_key', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export class AuditActorDto {
  @ApiProperty({ enum: ACTOR_KINDS, description: '`system`: no person or key of the organization (the candidate, a deadline, grading).' })
  kind!: ActorKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user’s or API key’s id.' })
  id!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The user’s or API key’s name.' })
  name!: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ example: 'session_item' })
  entityType!: string;

  @ApiProperty({ format: 'uuid' })
  entityId!: string;

  @ApiProperty({ example: 'override.set' })
  action!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The item the change concerns, when it concerns one.' })
  itemPosition!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The audited fields before the change.' })
  before!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The audited fields after the change.' })
  after!: Record<string, unknown> | null;
}

export class AuditTrailDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Oldest first.' })
  items!: AuditEntryDto[];
}
