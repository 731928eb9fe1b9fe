/** Where a newest-first page of deliveries ended: the last row's (createdAt, id). Opaque to clients. */
export interface DeliveryCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeDeliveryCursor(cursor: DeliveryCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

/** undefined for anything this list did not issue. */
export function decodeDeliveryCursor(raw: string): DeliveryCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [createdAt, id] = parsed as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string' || !UUID.test(id)) return undefined;
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) || date.toISOString() !== createdAt ? undefined : { createdAt: date, id };
}
