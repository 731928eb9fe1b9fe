import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/config';
import { workerDatabaseUrl } from './database';
import { OpenApiResponseValidator } from './openapi-validator';

export interface TestApp {
  app: NestFastifyApplication;
  /** Every JSON log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  config: AppConfig;
  /** supertest bound to the app's real HTTP server. */
  http: () => ReturnType<typeof request>;
  /** Closes the app and fails if any response broke openapi.yaml. */
  close: () => Promise<void>;
}

let validator: OpenApiResponseValidator | undefined;

/**
 * The production app on this worker's database. Every response it sends is
 * checked against openapi.yaml, so e2e tests prove the spec as a side effect.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // Log at info so tests can assert on log lines; they are captured, not printed.
  // Factories give each client its own X-Forwarded-For, as a proxy would.
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl(), LOG_LEVEL: 'info', TRUST_PROXY: 'true', ...env });
  const logs: Record<string, unknown>[] = [];
  const logDestination = { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) };
  const app = await createApp(config, { logDestination });
  validator ??= new OpenApiResponseValidator();
  const violations: string[] = [];
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onSend', async (req, reply, payload) => {
    const route = req.routeOptions.url;
    if (!route || route.startsWith('/docs')) return payload;
    const contentType = reply.getHeader('content-type');
    let body: unknown;
    if (typeof payload === 'string' && payload.length > 0) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = undefined;
      }
    }
    violations.push(
      ...validator!.check({ method: req.method, route, status: reply.statusCode, contentType: typeof contentType === 'string' ? contentType : undefined, body }),
    );
    return payload;
  });
  await app.init();
  await fastify.ready();
  return {
    app,
    logs,
    config,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (violations.length) throw new Error(`Responses did not match openapi.yaml:\n${[...new Set(violations)].join('\n')}`);
    },
  };
}
