import { ensureDatabase } from '../../src/database/ensure-database';
import { withDatabase } from '../../src/database/pg-config';

let workerUrl: Promise<string> | undefined;

/** This jest worker's own database, cloned from the migrated template on first use. */
export function workerDatabaseUrl(): Promise<string> {
  workerUrl ??= (async () => {
    const serverUrl = required('ASSAY_TEST_SERVER_URL');
    const template = required('ASSAY_TEST_TEMPLATE');
    const database = `assay_test_${required('ASSAY_TEST_RUN_ID')}_w${process.env.JEST_WORKER_ID ?? '1'}`;
    await ensureDatabase(serverUrl, database, template);
    return withDatabase(serverUrl, database);
  })();
  return workerUrl;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (its globalSetup prepares the database).`);
  return value;
}
