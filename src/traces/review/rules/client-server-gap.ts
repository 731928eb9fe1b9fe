import type { ReviewRule, RuleHit } from '../finding';
import { describeSpan, durationMs, formatMs } from '../span-text';

const GAP_QUESTION = 'your-client-span-says-500ms-but-the-downstream-server-span';

/**
 * A CLIENT span much longer than the SERVER span it caused: the time went to
 * the network, connection-pool wait or the server's accept backlog, not to the
 * downstream's handler.
 */
export const clientServerGapRule: ReviewRule = {
  code: 'client-server-gap',
  severity: 'warning',
  title: 'A CLIENT span is much longer than the downstream SERVER span',
  questionSlugs: [GAP_QUESTION],
  check(trace, options) {
    const hits: RuleHit[] = [];
    for (const client of trace.spans) {
      if (client.kind !== 'client') continue;
      const clientService = trace.serviceOf(client);
      const clientMs = durationMs(client);
      for (const server of trace.childrenOf(client)) {
        if (server.kind !== 'server' || trace.serviceOf(server) === clientService) continue;
        const gapMs = clientMs - durationMs(server);
        if (gapMs < options.clientServerGapMinMs || gapMs < options.clientServerGapMinRatio * clientMs) continue;
        hits.push({
          detail:
            `CLIENT span ${describeSpan(client)} in service '${clientService}' took ${formatMs(clientMs)}, but the SERVER span it called, ${describeSpan(server)} in service '${trace.serviceOf(server)}', took ${formatMs(durationMs(server))}: ` +
            `${formatMs(gapMs)} (${Math.round((gapMs / clientMs) * 100)}% of the call) passed outside the downstream handler. ` +
            `The downstream is not the slow part; look at network latency, TLS and connection setup, client connection-pool wait and the server's accept backlog (a span around connection acquisition tells them apart).`,
          spanIds: [client.spanId, server.spanId],
          questionSlug: GAP_QUESTION,
        });
      }
    }
    return hits;
  },
};
