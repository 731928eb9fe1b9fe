import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { PUBLIC_OPERATION_EXTENSION } from './auth/public.decorator';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { MetricsService } from './metrics/metrics.service';
import type { DestinationStream } from 'pino';
import { registerHttpTelemetry } from './telemetry/http-telemetry';
import { createRootLogger, PinoNestLogger } from './telemetry/logger';

/**
 * Builds the HTTP application exactly as production runs it; main.ts, the
 * e2e tests and the OpenAPI generator all go through here.
 */
export interface CreateAppOptions {
  /** Where JSON log lines go (stdout by default); tests capture them. */
  logDestination?: DestinationStream;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const rootLogger = createRootLogger(config, options.logDestination);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Only behind a known proxy may X-Forwarded-For decide the client IP
    // (rate limits are per IP).
    trustProxy: config.trustProxy,
  });
  // JSON only: fastify would otherwise also accept text/plain bodies.
  adapter.getInstance().removeContentTypeParser(['text/plain']);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(rootLogger),
    bufferLogs: false,
    // fastify's own JSON parser only: Nest would add a form-urlencoded one.
    bodyParser: false,
  });
  await app.register(helmet, {
    // The interactive /docs page needs inline scripts and styles.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  registerHttpTelemetry(app.getHttpAdapter().getInstance(), rootLogger, app.get(MetricsService));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json', yamlDocumentUrl: 'docs/openapi.yaml' });
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication, config: Pick<AppConfig, 'serviceVersion'>): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('assay API')
    .setDescription(
      'Graded technical interviews: a question bank, explainable rubric scoring, candidate sessions and reviews. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion(config.serviceVersion)
    .setLicense('Proprietary', 'https://assay.dev/terms')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A JWT access token from /v1/auth/login, or an API key (assay_ak_…).' }, 'bearer')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A candidate access token (assay_cs_…) from a session invitation; only /v1/candidate routes take it.' }, 'candidate')
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, builder, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return markPublicOperations(document);
}

/** Routes marked @Public() need no credentials: say so instead of inheriting the global requirement. */
function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (operation && typeof operation === 'object' && PUBLIC_OPERATION_EXTENSION in operation) {
        delete (operation as Record<string, unknown>)[PUBLIC_OPERATION_EXTENSION];
        (operation as { security?: unknown[] }).security = [];
      }
    }
  }
  return document;
}
