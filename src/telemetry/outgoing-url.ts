import type { Attributes } from '@opentelemetry/api';
import type { RequestOptions } from 'node:http';
import { ATTR_URL_FULL } from '@opentelemetry/semantic-conventions';

export const REDACTED = 'REDACTED';

/**
 * An outgoing URL as telemetry may record it: scheme, host and port, with the
 * path and every query value replaced. assay's outgoing calls are webhook
 * deliveries, whose URLs receivers may make secret in either part (see
 * webhooks/webhook-url.ts), and the HTTP instrumentation only redacts a few
 * well-known query keys. The consumer span's assay.webhook.id says which
 * endpoint was called.
 */
export function redactedUrl(url: URL): string {
  const path = url.pathname === '/' || url.pathname === '' ? '/' : `/${REDACTED}`;
  const keys = [...url.searchParams.keys()];
  const query = keys.length > 0 ? `?${keys.map((key) => `${encodeURIComponent(key)}=${REDACTED}`).join('&')}` : '';
  return `${url.origin}${path}${query}`;
}

/** The HTTP instrumentation's startOutgoingSpanHook: its attributes replace the ones it computed. */
export function outgoingUrlAttributes(request: RequestOptions): Attributes {
  const protocol = request.protocol ?? 'http:';
  const rawHost = request.hostname ?? request.host ?? 'localhost';
  // An IPv6 literal comes without its brackets; a `host` may already carry its port.
  const host = rawHost.includes(':') && !rawHost.startsWith('[') && request.hostname ? `[${rawHost}]` : rawHost;
  const port = request.port && !host.match(/:\d+$/) ? `:${request.port}` : '';
  try {
    return { [ATTR_URL_FULL]: redactedUrl(new URL(`${protocol}//${host}${port}${request.path ?? '/'}`)) };
  } catch {
    return { [ATTR_URL_FULL]: `${protocol}//${REDACTED}` };
  }
}
