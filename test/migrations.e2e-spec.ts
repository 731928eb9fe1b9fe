import { Client } from 'pg';
import { applyMigrations, diffMigrationsToSchema } from '../src/database/migrations/migrations';
import { withDatabase } from '../src/database/pg-config';

const serverUrl = () => process.env.ASSAY_TEST_SERVER_URL!;

async function freshDatabase(suffix: string): Promise<string> {
  const name = `assay_test_${process.env.ASSAY_TEST_RUN_ID}_mig_${suffix}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return withDatabase(serverUrl(), name);
}

describe('migrations', () => {
  it('match schema.prisma exactly (no drift)', async () => {
    const url = await freshDatabase('drift');
    expect(await diffMigrationsToSchema(url)).toBe('');
  });

  it('are applied once even when two instances start together', async () => {
    const url = await freshDatabase('race');
    const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    // One instance applied everything; the other waited on the lock and found nothing left.
    expect(first.length + second.length).toBeGreaterThan(0);
    expect(Math.min(first.length, second.length)).toBe(0);
    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name');
    await client.end();
    expect(rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    expect(rows).toHaveLength(first.length + second.length);
  });
});
