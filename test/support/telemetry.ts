import type { Instrumentation } from '@opentelemetry/instrumentation';
import { tracing } from '@opentelemetry/sdk-node';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { activeInstrumentations, startTelemetry } from '../../src/telemetry/otel';

/**
 * Import this first in a spec: it starts the real SDK with an in-memory
 * exporter before the app's modules load.
 *
 * Outgoing HTTP is not traced by default: supertest's own request would get a
 * CLIENT span whose context replaces the traceparent a test sends. A spec that
 * needs the app's outgoing calls traced (webhook deliveries) imports
 * ./trace-outgoing-http just before this (ASSAY_TEST_TRACE_OUTGOING_HTTP=true),
 * and then must not rely on a traceparent sent through supertest.
 */
export const spanExporter = new tracing.InMemorySpanExporter();
export const tracesOutgoingHttp = process.env.ASSAY_TEST_TRACE_OUTGOING_HTTP === 'true';
startTelemetry({ spanProcessors: [new tracing.SimpleSpanProcessor(spanExporter)], traceOutgoingHttp: tracesOutgoingHttp });
applyInstrumentationsUnderJest(activeInstrumentations());
if (tracesOutgoingHttp) afterAll(unpatchCoreModules);

/**
 * node:http is one module for every spec file a jest worker runs, and an
 * instrumentation with outgoing tracing off leaves an earlier http.request
 * wrapper in place: the next spec's supertest calls would get CLIENT spans
 * from this file's SDK, and their traceparent, instead of the one sent.
 */
function unpatchCoreModules(): void {
  delete process.env.ASSAY_TEST_TRACE_OUTGOING_HTTP;
  for (const instrumentation of activeInstrumentations()) {
    if (instrumentation.instrumentationName === '@opentelemetry/instrumentation-http') instrumentation.disable();
  }
}

interface ModuleDefinition {
  name: string;
  files?: { name: string }[];
}
type Hookable = Instrumentation & {
  _modules: ModuleDefinition[];
  _onRequire(definition: ModuleDefinition, exports: unknown, name: string, baseDir?: string): unknown;
};

/**
 * The instrumentations patch modules from a require hook, which jest's own
 * module loader never calls. Feeding them the modules as jest loads them runs
 * the very same patches (same code, same spans) that production gets.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- modules are loaded by name, through jest's loader, on purpose */
function applyInstrumentationsUnderJest(list: readonly Instrumentation[]): void {
  for (const instrumentation of list as Hookable[]) {
    for (const definition of instrumentation._modules ?? []) {
      const isCore = !definition.name.includes('/') && !definition.name.startsWith('@') && isBuiltin(definition.name);
      const baseDir = isCore ? undefined : packageDir(definition.name);
      if (!isCore && !baseDir) continue;
      let main: unknown;
      try {
        main = require(definition.name);
      } catch {
        continue; // not loadable on its own (e.g. @prisma/client before generation): nothing to patch
      }
      instrumentation._onRequire(definition, main, definition.name, baseDir);
      for (const file of definition.files ?? []) {
        let exports: unknown;
        try {
          exports = require(file.name);
        } catch {
          continue; // a file of another major version of the package
        }
        instrumentation._onRequire(definition, exports, file.name, baseDir);
      }
    }
  }
}

/* eslint-enable @typescript-eslint/no-require-imports */

function isBuiltin(name: string): boolean {
  return builtinModules.includes(name);
}

function packageDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}
