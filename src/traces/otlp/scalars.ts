import type { SpanKindName, StatusCodeName } from '../review/review-input';
import { Issues } from './issues';
import { SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE, SPAN_FLAGS_CONTEXT_IS_REMOTE } from './otlp-json';

const HEX = /^[0-9a-fA-F]+$/;
const UINT64_MAX = 2n ** 64n - 1n;

/** OTLP/JSON ids are lower- or upper-case hex (not base64, unlike the generic proto3 mapping); all zeros is the invalid id. */
export function readId(value: unknown, bytes: 8 | 16, pointer: string, issues: Issues): string | undefined {
  const what = bytes === 16 ? 'trace id' : 'span id';
  if (typeof value !== 'string' || value.length !== bytes * 2 || !HEX.test(value)) {
    issues.add(pointer, `must be a ${what}: ${bytes * 2} hex characters`);
    return undefined;
  }
  if (/^0+$/.test(value)) {
    issues.add(pointer, `must not be all zeros (the invalid ${what})`);
    return undefined;
  }
  return value.toLowerCase();
}

/** A fixed64 Unix time in nanoseconds: a decimal string (canonical) or a JSON number. Zero means "not set". */
export function readNanos(value: unknown, pointer: string, issues: Issues): bigint | undefined {
  let nanos: bigint | undefined;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) nanos = BigInt(value);
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) nanos = BigInt(value);
  if (nanos === undefined || nanos > UINT64_MAX) {
    issues.add(pointer, value === undefined ? 'is required (Unix time in nanoseconds)' : 'must be a Unix time in nanoseconds: a non-negative integer or decimal string');
    return undefined;
  }
  if (nanos === 0n) {
    issues.add(pointer, 'must not be zero (zero means the time was never set)');
    return undefined;
  }
  return nanos;
}

const KINDS: readonly SpanKindName[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_CODES: readonly StatusCodeName[] = ['unset', 'ok', 'error'];

/** OTLP SpanKind: the enum number (0–5) or its name (SPAN_KIND_SERVER); absent means UNSPECIFIED. */
export function readKind(value: unknown, pointer: string, issues: Issues): SpanKindName {
  return readEnum(value, KINDS, 'SPAN_KIND_', pointer, issues) ?? 'unspecified';
}

/** OTLP StatusCode: 0–2 or STATUS_CODE_UNSET / _OK / _ERROR; absent means UNSET. */
export function readStatusCode(value: unknown, pointer: string, issues: Issues): StatusCodeName {
  return readEnum(value, STATUS_CODES, 'STATUS_CODE_', pointer, issues) ?? 'unset';
}

function readEnum<T extends string>(value: unknown, names: readonly T[], prefix: string, pointer: string, issues: Issues): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < names.length) return names[value];
  if (typeof value === 'string') {
    const name = names.find((candidate) => `${prefix}${candidate.toUpperCase()}` === value);
    if (name) return name;
  }
  const choices = names.map((name, i) => `${i} (${prefix}${name.toUpperCase()})`).join(', ');
  issues.add(pointer, `must be one of ${choices}`);
  return undefined;
}

/** OTLP span flags: uint32 whose 0x100 bit says whether 0x200 (parent is remote) is known. */
export function readParentIsRemote(value: unknown, pointer: string, issues: Issues): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    issues.add(pointer, 'must be an unsigned 32-bit integer');
    return undefined;
  }
  if ((value & SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE) === 0) return undefined;
  return (value & SPAN_FLAGS_CONTEXT_IS_REMOTE) !== 0;
}
