import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { applyMigrations } from '../src/database/migrations/migrations';
import { withDatabase } from '../src/database/pg-config';
import { PrismaService } from '../src/database/prisma.service';
import { createApp } from '../src/app.factory';
import { loadLibraryIfEmpty } from '../src/questions/library-seeder';

/** A migrated database without the library, unlike the template every other suite starts from. */
async function emptyDatabase(): Promise<string> {
  const serverUrl = process.env.ASSAY_TEST_SERVER_URL!;
  const name = `assay_test_${process.env.ASSAY_TEST_RUN_ID}_library_${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  return url;
}

describe('loadLibraryIfEmpty (startup)', () => {
  it('imports the seed bank into an empty library once, and leaves it alone afterwards', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: await emptyDatabase(), LOG_LEVEL: 'silent' });
    const app = await createApp(config);
    try {
      const prisma = app.get(PrismaService);
      expect(await prisma.question.count()).toBe(0);

      const log: string[] = [];
      await loadLibraryIfEmpty(app, (message) => log.push(message));
      expect(await prisma.question.count({ where: { source: 'library', organizationId: null } })).toBe(68);
      expect(await prisma.questionVersion.count({ where: { rubricSource: 'curated' } })).toBeGreaterThan(0);
      expect(log.join('\n')).toContain('68 questions created');

      const again: string[] = [];
      await loadLibraryIfEmpty(app, (message) => again.push(message));
      expect(again).toEqual([]);
      expect(await prisma.question.count()).toBe(68);
      expect(await prisma.questionVersion.count()).toBe(68);
    } finally {
      await app.close();
    }
  });
});
