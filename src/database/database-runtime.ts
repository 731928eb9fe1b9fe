import path from 'node:path';
import { AppConfig } from '../config/config';
import type { EmbeddedServer } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';
import { applyMigrations } from './migrations/migrations';
import { withDatabase } from './pg-config';

export interface ResolvedDatabase {
  url: string;
  /** Set when this process started an embedded server it must stop on shutdown. */
  embedded?: EmbeddedServer;
  appliedMigrations: string[];
}

const EMBEDDED_DATABASE = 'assay';

/**
 * Resolves the database the app will use: DATABASE_URL when given, otherwise
 * an embedded PostgreSQL whose data lives in the project's .data folder.
 * Either way pending migrations are applied before anything queries.
 */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  let url = config.databaseUrl;
  let embedded: EmbeddedServer | undefined;
  if (!url) {
    const dataDir = path.join(config.embeddedDataDir, 'postgres');
    log(`Starting embedded PostgreSQL (data in ${dataDir}, port ${config.embeddedPort})…`);
    // Loaded only here: production (DATABASE_URL required) never loads the
    // embedded server, and its image ships without the binaries.
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    const server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPort, persistent: true });
    embedded = server;
    await ensureDatabase(server.url, EMBEDDED_DATABASE);
    url = withDatabase(server.url, EMBEDDED_DATABASE);
  }
  try {
    const appliedMigrations = await applyMigrations(url);
    return { url, embedded, appliedMigrations };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** The URL with its password masked, for logs and the startup banner. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
