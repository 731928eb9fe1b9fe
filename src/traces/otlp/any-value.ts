import type { Attributes, AttributeValue } from '../review/review-input';
import { childPointer, Issues, isRecord, optionalArray } from './issues';

/** Deeper attribute values are refused rather than recursed into: the body is untrusted. */
const MAX_VALUE_DEPTH = 8;
const VALUE_FIELDS = ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] as const;
const INT64 = /^-?\d{1,19}$/;
const SPECIAL_DOUBLES: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/** An OTLP KeyValue list ([{ key, value: AnyValue }]) as a plain record; a repeated key keeps its last value. */
export function readAttributes(value: unknown, pointer: string, issues: Issues, depth = 0): Attributes {
  // No prototype: a key such as "__proto__" must stay an ordinary attribute.
  const attributes = Object.create(null) as Attributes;
  optionalArray(value, pointer, issues).forEach((entry, i) => {
    const at = childPointer(pointer, i);
    if (!isRecord(entry)) return issues.add(at, 'must be an object with key and value');
    if (typeof entry.key !== 'string') return issues.add(childPointer(at, 'key'), 'must be a string');
    attributes[entry.key] = readAnyValue(entry.value, childPointer(at, 'value'), issues, depth);
  });
  return attributes;
}

/** An OTLP AnyValue: exactly one of its fields is set; none (or an absent value) means null. */
export function readAnyValue(value: unknown, pointer: string, issues: Issues, depth = 0): AttributeValue {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) {
    issues.add(pointer, `must be an AnyValue object (one of ${VALUE_FIELDS.join(', ')})`);
    return null;
  }
  const set = VALUE_FIELDS.filter((field) => value[field] !== undefined && value[field] !== null);
  if (set.length === 0) return null;
  if (set.length > 1) {
    issues.add(pointer, `must set exactly one of ${VALUE_FIELDS.join(', ')}, not ${set.join(' and ')}`);
    return null;
  }
  const field = set[0];
  const raw = value[field];
  const at = childPointer(pointer, field);
  switch (field) {
    case 'stringValue':
    case 'bytesValue':
      if (typeof raw === 'string') return raw;
      issues.add(at, 'must be a string');
      return null;
    case 'boolValue':
      if (typeof raw === 'boolean') return raw;
      issues.add(at, 'must be a boolean');
      return null;
    case 'intValue':
      return readInt64(raw, at, issues);
    case 'doubleValue':
      if (typeof raw === 'number') return raw;
      if (typeof raw === 'string' && raw in SPECIAL_DOUBLES) return SPECIAL_DOUBLES[raw];
      issues.add(at, 'must be a number');
      return null;
    case 'arrayValue':
    case 'kvlistValue':
      return readNested(field, raw, at, issues, depth);
  }
}

function readInt64(raw: unknown, pointer: string, issues: Issues): number | string | null {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
  if (typeof raw === 'string' && INT64.test(raw)) {
    const parsed = Number(raw);
    // Beyond 2^53 a number would silently change the value; keep the exact digits.
    return Number.isSafeInteger(parsed) ? parsed : raw;
  }
  issues.add(pointer, 'must be an integer (a JSON number or a decimal string)');
  return null;
}

function readNested(field: 'arrayValue' | 'kvlistValue', raw: unknown, pointer: string, issues: Issues, depth: number): AttributeValue {
  if (depth >= MAX_VALUE_DEPTH) {
    issues.add(pointer, `nests deeper than ${MAX_VALUE_DEPTH} levels`);
    return null;
  }
  if (!isRecord(raw)) {
    issues.add(pointer, 'must be an object with a values array');
    return null;
  }
  const valuesAt = childPointer(pointer, 'values');
  if (field === 'kvlistValue') return readAttributes(raw.values, valuesAt, issues, depth + 1);
  return optionalArray(raw.values, valuesAt, issues).map((item, i) => readAnyValue(item, childPointer(valuesAt, i), issues, depth + 1));
}
