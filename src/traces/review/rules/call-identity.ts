import type { Attributes, AttributeValue } from '../review-input';

/**
 * What a CLIENT span says about the call it measures, from its semantic
 * convention attributes (current and older names alike).
 */
export type Protocol = 'http' | 'db' | 'rpc' | 'messaging';

const PROTOCOL_MARKERS: Record<Protocol, readonly string[]> = {
  http: ['http.request.method', 'http.method', 'url.full', 'http.url'],
  db: ['db.system.name', 'db.system'],
  rpc: ['rpc.system'],
  messaging: ['messaging.system'],
};

/** Attributes naming the same thing under old and new conventions, compared as one. */
const IDENTITY_KEYS: readonly (readonly string[])[] = [
  ['http.request.method', 'http.method'],
  ['url.full', 'http.url'],
  ['server.address', 'net.peer.name'],
  ['server.port', 'net.peer.port'],
  ['db.system.name', 'db.system'],
  ['db.namespace', 'db.name'],
  ['db.query.text', 'db.statement'],
  ['rpc.system'],
  ['rpc.service'],
  ['rpc.method'],
  ['messaging.system'],
  ['messaging.destination.name', 'messaging.destination'],
];

export function protocolOf(attributes: Attributes): Protocol | undefined {
  return (Object.keys(PROTOCOL_MARKERS) as Protocol[]).find((protocol) => PROTOCOL_MARKERS[protocol].some((key) => attributes[key] !== undefined));
}

function valueOf(attributes: Attributes, aliases: readonly string[]): AttributeValue | undefined {
  for (const key of aliases) if (attributes[key] !== undefined) return attributes[key];
  return undefined;
}

/** Identity attributes both spans set, and whether any of them disagree. */
export function compareCallIdentity(a: Attributes, b: Attributes): { shared: string[]; conflicting: string[] } {
  const shared: string[] = [];
  const conflicting: string[] = [];
  for (const aliases of IDENTITY_KEYS) {
    const left = valueOf(a, aliases);
    const right = valueOf(b, aliases);
    if (left === undefined || right === undefined) continue;
    if (JSON.stringify(left) === JSON.stringify(right)) shared.push(aliases[0]);
    else conflicting.push(aliases[0]);
  }
  return { shared, conflicting };
}
