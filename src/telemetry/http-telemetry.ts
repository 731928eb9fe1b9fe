import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsService } from '../metrics/metrics.service';

/**
 * Names the HTTP SERVER span after the route template (`GET /v1/questions/:id`,
 * never the raw path, which would make one span name per id) by handing the
 * template to the HTTP instrumentation, and logs one line per request inside
 * the request's trace so the line carries its trace_id, and records the
 * request's latency with the trace as exemplar.
 */
export function registerHttpTelemetry(fastify: FastifyInstance, logger: Logger, metrics: MetricsService): void {
  fastify.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    const metadata = getRPCMetadata(context.active());
    if (route && metadata?.type === RPCType.HTTP) metadata.route = route;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const fields = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    };
    metrics.observeRequest(request.method, fields.route, reply.statusCode, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) logger.error(fields, 'request failed');
    else logger.info(fields, 'request completed');
  });
}
