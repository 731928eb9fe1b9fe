/**
 * Keyset cursors for the question list. The cursor carries the sort key of the
 * last item returned; it is opaque to clients (base64url JSON) and checked
 * strictly on the way back in, because it is user input.
 */
export interface BrowseCursor {
  mode: 'browse';
  sectionOrder: number;
  section: string;
  slug: string;
  id: string;
}

export interface SearchCursor {
  mode: 'search';
  rank: number;
  slug: string;
  id: string;
}

export type ListCursor = BrowseCursor | SearchCursor;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CURSOR_LENGTH = 2048;

export function encodeCursor(cursor: ListCursor): string {
  const tuple = cursor.mode === 'browse' ? ['b', cursor.sectionOrder, cursor.section, cursor.slug, cursor.id] : ['s', cursor.rank, cursor.slug, cursor.id];
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

/** Returns undefined for anything that is not a cursor this API issued. */
export function decodeCursor(text: string): ListCursor | undefined {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(tuple)) return undefined;
  if (tuple.length === 5 && tuple[0] === 'b') {
    const [, sectionOrder, section, slug, id] = tuple as unknown[];
    if (!Number.isSafeInteger(sectionOrder) || !isText(section) || !isText(slug) || !isUuid(id)) return undefined;
    return { mode: 'browse', sectionOrder: sectionOrder as number, section: section as string, slug: slug as string, id: id as string };
  }
  if (tuple.length === 4 && tuple[0] === 's') {
    const [, rank, slug, id] = tuple as unknown[];
    if (typeof rank !== 'number' || !Number.isFinite(rank) || rank < 0 || !isText(slug) || !isUuid(id)) return undefined;
    return { mode: 'search', rank, slug: slug as string, id: id as string };
  }
  return undefined;
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 500;
}

function isUuid(value: unknown): boolean {
  return typeof value === 'string' && UUID.test(value);
}
