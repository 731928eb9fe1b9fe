import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __ASSAY_EMBEDDED__?: { stop(): Promise<void> } }).__ASSAY_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // A shared server (DATABASE_URL) keeps nothing of this run.
  const serverUrl = process.env.ASSAY_TEST_SERVER_URL;
  const runId = process.env.ASSAY_TEST_RUN_ID;
  if (!serverUrl || !runId) return;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`assay_test_${runId}_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
