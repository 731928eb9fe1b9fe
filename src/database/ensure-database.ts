import { Client } from 'pg';

/** Creates the database if it does not exist yet; returns whether it did. */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount) return false;
    const from = template ? ` TEMPLATE "${template.replace(/"/g, '""')}"` : '';
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"${from}`);
    return true;
  } finally {
    await client.end();
  }
}
