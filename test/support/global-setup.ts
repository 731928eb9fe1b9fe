import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { applyMigrations } from '../../src/database/migrations/migrations';
import { withDatabase } from '../../src/database/pg-config';
import { prepareTemplateDatabase } from './template-database';

/**
 * One PostgreSQL server for the whole run: DATABASE_URL when set, otherwise a
 * throwaway embedded server. A template database is migrated (and the library
 * loaded) once; each jest worker then clones it into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const parent = mkdtempSync(path.join(tmpdir(), 'assay-test-pg-'));
    // Under root the server runs as the postgres user, which must reach the folder.
    chmodSync(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    const port = 55000 + (process.pid % 5000);
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    (globalThis as { __ASSAY_EMBEDDED__?: typeof server }).__ASSAY_EMBEDDED__ = server;
    serverUrl = server.url;
  }
  const template = `assay_test_${runId}_template`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, template);
  await applyMigrations(templateUrl);
  await prepareTemplateDatabase(templateUrl);

  process.env.ASSAY_TEST_SERVER_URL = serverUrl;
  process.env.ASSAY_TEST_TEMPLATE = template;
  process.env.ASSAY_TEST_RUN_ID = runId;
}
