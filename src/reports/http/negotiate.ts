/**
 * Picks a response format: an explicit `?format=` wins; otherwise the Accept
 * header's most preferred media type that names a supported format exactly;
 * otherwise JSON. Wildcards (`*\/*`, `text/*`) never select a non-JSON format:
 * a client that accepts anything gets the API's native JSON.
 */

export const MEDIA_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
} as const;

export type Format = keyof typeof MEDIA_TYPES;

interface MediaRange {
  type: string;
  q: number;
  order: number;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, order) => {
      const [type, ...params] = part.split(';').map((piece) => piece.trim());
      const qParam = params.find((param) => /^q=/i.test(param));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { type: type.toLowerCase(), q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0, order };
    })
    .filter((range) => range.type.length > 0 && range.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

export function negotiateFormat<F extends Format>(explicit: F | undefined, accept: string | undefined, supported: readonly F[]): F | 'json' {
  if (explicit) return explicit;
  for (const range of parseAccept(accept)) {
    const match = supported.find((format) => MEDIA_TYPES[format] === range.type);
    if (match) return match;
  }
  return 'json';
}
