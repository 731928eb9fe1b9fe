/**
 * Finds raw identifiers in span names and proposes the template the name
 * should have been: "GET /users/42123" → "GET /users/{id}".
 */
export type RawIdKind = 'uuid' | 'email' | 'hex' | 'number';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;
/** 16+ hex characters with at least one digit: trace/span ids, hashes, object ids; not ordinary words. */
const LONG_HEX = /\b(?=[0-9a-f]*\d)[0-9a-f]{16,}\b/gi;
/** A path segment that is only digits, three or more of them ("/v1" and "/2" are versions and small enums). */
const NUMERIC_SEGMENT = /(?<=\/)\d{3,}(?=\/|$|[?#\s])/g;

const PATTERNS: { kind: RawIdKind; pattern: RegExp; placeholder: string }[] = [
  { kind: 'uuid', pattern: UUID, placeholder: '{uuid}' },
  { kind: 'email', pattern: EMAIL, placeholder: '{email}' },
  { kind: 'hex', pattern: LONG_HEX, placeholder: '{hex}' },
  { kind: 'number', pattern: NUMERIC_SEGMENT, placeholder: '{id}' },
];

export interface NameTemplate {
  /** The name with each raw id replaced by a placeholder. */
  template: string;
  /** What was found, in pattern order, without duplicates. */
  kinds: RawIdKind[];
}

/** undefined when the name holds no raw id. */
export function templateOf(name: string): NameTemplate | undefined {
  let template = name;
  const kinds: RawIdKind[] = [];
  for (const { kind, pattern, placeholder } of PATTERNS) {
    const replaced = template.replace(pattern, placeholder);
    if (replaced !== template) kinds.push(kind);
    template = replaced;
  }
  return kinds.length ? { template, kinds } : undefined;
}
