import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { createNestLogger } from './telemetry/logger';

/**
 * Builds the HTTP application exactly as production runs it; main.ts, the
 * e2e tests and the OpenAPI generator all go through here.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: createNestLogger(config),
    bufferLogs: false,
  });
  await app.register(helmet, {
    // The interactive /docs page needs inline scripts and styles.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
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
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A JWT access token from /v1/auth/login, or an API key (assay_…).' })
    .build();
  return SwaggerModule.createDocument(app, builder, { operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}` });
}
