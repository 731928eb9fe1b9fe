/** A problem with one field of the request body, located by JSON Pointer (RFC 6901). */
export interface FieldIssue {
  pointer: string;
  detail: string;
}

/** Collects field issues, keeping the first `limit` so a garbage body cannot produce a huge error response. */
export class Issues {
  readonly list: FieldIssue[] = [];
  private dropped = 0;

  constructor(private readonly limit = 20) {}

  add(pointer: string, detail: string): void {
    if (this.list.length < this.limit) this.list.push({ pointer, detail });
    else this.dropped += 1;
  }

  get count(): number {
    return this.list.length + this.dropped;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `base` + "/" + the escaped segment. */
export function childPointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The array at `value`, or [] (reporting an issue unless it is absent: proto3 JSON omits empty repeated fields). */
export function optionalArray(value: unknown, pointer: string, issues: Issues): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  issues.add(pointer, 'must be an array');
  return [];
}
