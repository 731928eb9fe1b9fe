/**
 * Keyset cursor for the interview list (newest first): the creation time and
 * id of the last item returned, as opaque base64url JSON, checked strictly on
 * the way back in because it is user input.
 */
export interface InterviewCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(cursor: InterviewCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

/** Undefined for anything this API did not issue. */
export function decodeCursor(text: string): InterviewCursor | undefined {
  if (text.length === 0 || text.length > 512 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(tuple) || tuple.length !== 2) return undefined;
  const [createdAt, id] = tuple as unknown[];
  if (typeof createdAt !== 'string' || !ISO_INSTANT.test(createdAt) || typeof id !== 'string' || !UUID.test(id)) return undefined;
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) return undefined;
  return { createdAt: date, id };
}
