// Telemetry must start before Nest, pg or any app module is loaded, or their
// instrumentation silently never attaches.
import { shutdownTelemetry } from './telemetry/otel';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { prepareDatabase, redactUrl } from './database/database-runtime';
import { createNestLogger } from './telemetry/logger';
import { loadLibraryIfEmpty } from './questions/library-seeder';

async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(createNestLogger(config));
  const logger = new Logger('assay');
  const database = await prepareDatabase(config, (message) => logger.log(message));
  config.databaseUrl = database.url;
  if (database.appliedMigrations.length) logger.log(`Applied migrations: ${database.appliedMigrations.join(', ')}`);

  const app = await createApp(config);
  await loadLibraryIfEmpty(app, (message) => logger.log(message));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining requests…`);
    await app.close();
    await shutdownTelemetry();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const base = `http://localhost:${config.port}`;
  logger.log(
    [
      `assay ${config.serviceVersion} is listening (${config.nodeEnv})`,
      `  API:      ${base}/v1`,
      `  Docs:     ${base}/docs`,
      `  Health:   ${base}/healthz, ${base}/readyz`,
      `  Database: ${redactUrl(database.url)}${database.embedded ? ' (embedded)' : ''}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('assay failed to start:', error);
  }
  process.exit(1);
});
