import { NodeSDK, resources, tracing } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaggageSpanProcessor } from './baggage-span-processor';
import { outgoingUrlAttributes } from './outgoing-url';
import { createPropagator } from './propagation';

/** Not yet in the stable semantic-conventions export. */
const ATTR_DEPLOYMENT_ENVIRONMENT_NAME = 'deployment.environment.name';

export interface TelemetryOptions {
  /** Extra processors, e.g. an in-memory exporter in tests. */
  spanProcessors?: tracing.SpanProcessor[];
  /**
   * Trace outgoing HTTP calls (default true). In-process tests turn it off:
   * supertest's own request would otherwise get a CLIENT span whose context
   * replaces the traceparent the test sends.
   */
  traceOutgoingHttp?: boolean;
}

let sdk: NodeSDK | undefined;
let instrumentations: Instrumentation[] = [];

function serviceVersion(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Starts the OpenTelemetry SDK. Exports over OTLP http/protobuf through a
 * batch processor only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise it
 * still creates spans (so logs carry trace ids) but sends them nowhere.
 */
export function startTelemetry(options: TelemetryOptions = {}): NodeSDK {
  if (sdk) return sdk;
  // NodeSDK otherwise builds OTLP metric and log exporters from defaults and
  // retries a collector that may not exist; assay exports traces only.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  const processors: tracing.SpanProcessor[] = [new BaggageSpanProcessor(), ...(options.spanProcessors ?? [])];
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    processors.push(new tracing.BatchSpanProcessor(new OTLPTraceExporter()));
  }
  instrumentations = [
    new HttpInstrumentation({
      disableOutgoingRequestInstrumentation: options.traceOutgoingHttp === false,
      // Webhook URLs may carry the receiver's secret in their path or query.
      startOutgoingSpanHook: outgoingUrlAttributes,
    }),
    new NestInstrumentation(),
    // Background polling outside a request would otherwise start root spans;
    // sqlcommenter puts the trace context into each statement, so the
    // database's own logs link back to the trace.
    new PgInstrumentation({ requireParentSpan: true, addSqlCommenterCommentToQueries: true }),
    new PinoInstrumentation({ disableLogSending: true }),
    // Prisma's own db_query CLIENT span would wrap pg's CLIENT span for the
    // same statement: one call counted twice. pg's span stays (it carries
    // sqlcommenter, server.address and db.namespace); Prisma keeps its
    // operation span, which says which model call it was.
    new PrismaInstrumentation({ ignoreSpanTypes: ['prisma:client:db_query'] }),
  ];
  sdk = new NodeSDK({
    resource: resources.resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME ?? 'assay',
      [ATTR_SERVICE_VERSION]: serviceVersion(),
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: process.env.NODE_ENV ?? 'development',
    }),
    spanProcessors: processors,
    textMapPropagator: createPropagator(),
    instrumentations,
  });
  sdk.start();
  return sdk;
}

/** The instrumentations the running SDK registered (tests re-apply them under jest's loader). */
export function activeInstrumentations(): readonly Instrumentation[] {
  return instrumentations;
}

/** Flushes spans still queued in the batch processor. */
export async function shutdownTelemetry(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}

if (process.env.OTEL_SDK_DISABLED !== 'true' && process.env.NODE_ENV !== 'test') {
  startTelemetry();
}
