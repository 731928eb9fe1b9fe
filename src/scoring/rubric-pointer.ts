/**
 * The engine names a rubric location as a JavaScript path
 * (`concepts[2].patterns[0]`, `synonyms["two words"]`); the API's problem
 * details name fields with JSON Pointers (RFC 6901). This translates one into
 * the other so rubric errors look like every other validation error.
 */
const SEGMENT = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

export function rubricPathToPointer(path: string, prefix = ''): string {
  const segments: string[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const start = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (!match) {
      // Not a path this translator knows: keep the rest as one segment rather than lose it.
      segments.push(path.slice(start));
      break;
    }
    const [, name, index, quoted] = match;
    segments.push(name ?? index ?? (JSON.parse(quoted) as string));
  }
  return prefix + segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
