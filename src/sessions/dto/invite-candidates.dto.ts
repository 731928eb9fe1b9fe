import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, NormalizeEmail, Trim } from '../../auth/dto/transforms';
import { NoNullCharacter } from './text-rules';

export const MAX_BULK_INVITES = 100;
export const DEFAULT_INVITE_HOURS = 168;
/** Ninety days: an invitation is not a standing credential. */
export const MAX_INVITE_HOURS = 24 * 90;

export class CandidateDto {
  @ApiProperty({ example: 'Ada Lovelace', maxLength: NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @NoNullCharacter()
  candidateName!: string;

  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: EMAIL_MAX_LENGTH, description: 'Stored lower-cased.' })
  @NormalizeEmail()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  candidateEmail!: string;
}

const isSingle = (dto: InviteCandidatesDto) => dto.candidates == null;

/**
 * Refuses the single-candidate fields next to `candidates`: the body must be
 * one form or the other. (The fields' ValidateIf keeps them validated when
 * present, or this check would be skipped with the rest.)
 */
const AbsentInBulk = () =>
  ValidateBy({
    name: 'absentInBulk',
    validator: {
      validate: (value: unknown, args) => value === undefined || isSingle(args?.object as InviteCandidatesDto),
      defaultMessage: (args) => `${args?.property ?? 'field'} cannot be combined with candidates: invite one candidate or a list, not both`,
    },
  });

/** One candidate (`candidateName` + `candidateEmail`) or several (`candidates`), never both. */
export class InviteCandidatesDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: NAME_MAX_LENGTH, description: 'One candidate: required with candidateEmail, unless `candidates` is given.' })
  @AbsentInBulk()
  @ValidateIf((dto: InviteCandidatesDto) => isSingle(dto) || dto.candidateName !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @NoNullCharacter()
  candidateName?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', format: 'email', maxLength: EMAIL_MAX_LENGTH, description: 'One candidate: required with candidateName, unless `candidates` is given.' })
  @AbsentInBulk()
  @ValidateIf((dto: InviteCandidatesDto) => isSingle(dto) || dto.candidateEmail !== undefined)
  @NormalizeEmail()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  candidateEmail?: string;

  @ApiPropertyOptional({
    type: [CandidateDto],
    minItems: 1,
    maxItems: MAX_BULK_INVITES,
    description: `Several candidates at once (at most ${MAX_BULK_INVITES}); all are invited or, on any error, none.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_INVITES)
  @ValidateNested({ each: true })
  @Type(() => CandidateDto)
  candidates?: CandidateDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_INVITE_HOURS, default: DEFAULT_INVITE_HOURS, description: 'How long the access tokens work if unused.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INVITE_HOURS)
  expiresInHours?: number;
}
