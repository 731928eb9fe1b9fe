import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: '/email', description: 'JSON Pointer to the offending field.' })
  pointer!: string;

  @ApiProperty({ example: 'email must be an email' })
  detail!: string;
}

/** RFC 9457 problem details, as every error response is shaped. */
export class ProblemDto {
  @ApiProperty({ example: 'https://assay.dev/problems/validation-failed', description: 'Stable URI identifying the problem type.' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has 1 invalid field(s): /email: email must be an email' })
  detail!: string;

  @ApiPropertyOptional({ example: '/v1/auth/signup' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input.',
  401: 'Missing or invalid credentials.',
  403: 'The caller’s role does not allow this.',
  404: 'Not found (or not visible to the caller’s organization).',
  409: 'Conflicts with the current state.',
  412: 'The If-Match ETag is stale.',
  413: 'The request body is too large.',
  415: 'The request body is not JSON.',
  428: 'If-Match is required.',
  429: 'Rate limit exceeded.',
  503: 'A dependency (the database) is unavailable.',
};

/** Documents the problem+json responses a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error.',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
