/** A question's ETag is its current version's id: any new version changes it. */
export function etagFor(versionId: string): string {
  return `"${versionId}"`;
}

/**
 * If-Match per RFC 9110 §13.1.1: `*` or a list of entity tags, compared
 * strongly (a weak tag never matches). Returns whether `current` satisfies it.
 */
export function ifMatchSatisfied(header: string, current: string): boolean {
  const value = header.trim();
  if (value === '*') return true;
  return splitEntityTags(value).some((tag) => !tag.startsWith('W/') && tag === current);
}

function splitEntityTags(value: string): string[] {
  return value.match(/(?:W\/)?"[^"]*"/g) ?? [];
}
