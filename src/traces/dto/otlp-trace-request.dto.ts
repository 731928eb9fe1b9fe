/**
 * OpenAPI description of the OTLP/JSON request body. Documentation only: the
 * body is validated by otlp/read-otlp-trace.ts (OTLP needs lenient unknown
 * fields, oneof values and string-or-number integers, which class-validator
 * DTOs do not express). Properties are typed with the plain OTLP interfaces
 * so the recursive AnyValue schema can reference classes lazily.
 */
import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import type { OtlpAnyValue, OtlpKeyValue, OtlpResource, OtlpScope, OtlpScopeSpans, OtlpSpan, OtlpSpanEvent, OtlpSpanLink, OtlpStatus } from '../otlp/otlp-json';

const NANOS: ApiPropertyOptions = {
  oneOf: [{ type: 'string', pattern: '^[0-9]{1,20}$' }, { type: 'integer', minimum: 1 }],
  example: '1700000000000000000',
  description: 'Unix time in nanoseconds: a decimal string (canonical), or a JSON number.',
};
const KIND_NAMES = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT', 'SPAN_KIND_PRODUCER', 'SPAN_KIND_CONSUMER'];
const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

export class OtlpArrayValueDto {
  @ApiPropertyOptional({ type: () => [OtlpAnyValueDto] })
  values?: OtlpAnyValue[];
}

export class OtlpKeyValueListDto {
  @ApiPropertyOptional({ type: () => [OtlpKeyValueDto] })
  values?: OtlpKeyValue[];
}

export class OtlpAnyValueDto {
  @ApiPropertyOptional({ description: 'Set exactly one of the fields.' })
  stringValue?: string;

  @ApiPropertyOptional()
  boolValue?: boolean;

  @ApiPropertyOptional({ oneOf: [{ type: 'string', pattern: '^-?[0-9]{1,19}$' }, { type: 'integer' }], description: 'int64: a decimal string, or a JSON number.' })
  intValue?: string | number;

  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string', enum: ['NaN', 'Infinity', '-Infinity'] }] })
  doubleValue?: number | string;

  @ApiPropertyOptional({ type: () => OtlpArrayValueDto })
  arrayValue?: { values?: OtlpAnyValue[] };

  @ApiPropertyOptional({ type: () => OtlpKeyValueListDto })
  kvlistValue?: { values?: OtlpKeyValue[] };

  @ApiPropertyOptional({ description: 'Base64.' })
  bytesValue?: string;
}

export class OtlpKeyValueDto {
  @ApiProperty({ example: 'service.name' })
  key!: string;

  @ApiPropertyOptional({ type: () => OtlpAnyValueDto, example: { stringValue: 'checkout' } })
  value?: OtlpAnyValue;
}

export class OtlpResourceDto {
  @ApiPropertyOptional({ type: () => [OtlpKeyValueDto], description: 'service.name is the one that matters most.' })
  attributes?: OtlpKeyValue[];
}

export class OtlpScopeDto {
  @ApiPropertyOptional({ example: '@opentelemetry/instrumentation-http' })
  name?: string;

  @ApiPropertyOptional({ example: '0.223.0' })
  version?: string;
}

export class OtlpSpanEventDto {
  @ApiProperty({ example: 'exception' })
  name!: string;

  @ApiProperty(NANOS)
  timeUnixNano!: string | number;

  @ApiPropertyOptional({ type: () => [OtlpKeyValueDto] })
  attributes?: OtlpKeyValue[];
}

export class OtlpSpanLinkDto {
  @ApiProperty({ pattern: '^[0-9a-fA-F]{32}$', example: '0af7651916cd43dd8448eb211c80319c' })
  traceId!: string;

  @ApiProperty({ pattern: '^[0-9a-fA-F]{16}$', example: 'b7ad6b7169203331' })
  spanId!: string;
}

export class OtlpStatusDto {
  @ApiPropertyOptional({ oneOf: [{ type: 'integer', enum: [0, 1, 2] }, { type: 'string', enum: STATUS_NAMES }], description: '0 unset, 1 ok, 2 error.' })
  code?: number | string;

  @ApiPropertyOptional()
  message?: string;
}

export class OtlpSpanDto {
  @ApiProperty({ pattern: '^[0-9a-fA-F]{32}$', example: '4bf92f3577b34da6a3ce929d0e0e4736', description: '16 bytes as 32 hex characters (not base64).' })
  traceId!: string;

  @ApiProperty({ pattern: '^[0-9a-fA-F]{16}$', example: '00f067aa0ba902b7' })
  spanId!: string;

  @ApiPropertyOptional({ pattern: '^([0-9a-fA-F]{16})?$', description: 'Absent or empty for a root span.' })
  parentSpanId?: string;

  @ApiProperty({ example: 'GET /v1/questions' })
  name!: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer', enum: [0, 1, 2, 3, 4, 5] }, { type: 'string', enum: KIND_NAMES }],
    description: '0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer.',
  })
  kind?: number | string;

  @ApiProperty(NANOS)
  startTimeUnixNano!: string | number;

  @ApiProperty(NANOS)
  endTimeUnixNano!: string | number;

  @ApiPropertyOptional({ type: () => [OtlpKeyValueDto] })
  attributes?: OtlpKeyValue[];

  @ApiPropertyOptional({ type: () => [OtlpSpanEventDto] })
  events?: OtlpSpanEvent[];

  @ApiPropertyOptional({ type: () => [OtlpSpanLinkDto] })
  links?: OtlpSpanLink[];

  @ApiPropertyOptional({ type: () => OtlpStatusDto })
  status?: OtlpStatus;

  @ApiPropertyOptional({ type: 'integer', description: 'Bits 0–7: W3C trace flags; 0x100: whether the parent is remote is known; 0x200: the parent is remote.' })
  flags?: number;
}

export class OtlpScopeSpansDto {
  @ApiPropertyOptional({ type: () => OtlpScopeDto })
  scope?: OtlpScope;

  @ApiPropertyOptional({ type: () => [OtlpSpanDto] })
  spans?: OtlpSpan[];
}

export class OtlpResourceSpansDto {
  @ApiPropertyOptional({ type: () => OtlpResourceDto })
  resource?: OtlpResource;

  @ApiPropertyOptional({ type: () => [OtlpScopeSpansDto] })
  scopeSpans?: OtlpScopeSpans[];
}

export class OtlpTraceRequestDto {
  @ApiProperty({ type: () => [OtlpResourceSpansDto] })
  resourceSpans!: OtlpResourceSpansDto[];
}
