import { PrismaPg } from '@prisma/adapter-pg';
import { loadConfig } from '../config/config';
import { applyMigrations } from '../database/migrations/migrations';
import { PrismaClient } from '../generated/prisma/client';

export interface CliDatabase {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/**
 * The database exactly as `npm start` finds it: DATABASE_URL, or else the
 * embedded server with the project's data; migrated before use either way.
 */
export async function openDatabase(env: Record<string, string | undefined>, log: (message: string) => void): Promise<CliDatabase> {
  const config = loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'silent' });
  if (config.databaseUrl) {
    await applyMigrations(config.databaseUrl);
    return connect(config.databaseUrl, async () => undefined);
  }
  // Loaded only when needed: the embedded server's package starts resolving its binaries on load.
  const { prepareDatabase } = await import('../database/database-runtime.js');
  const database = await prepareDatabase(config, log);
  return connect(database.url, async () => database.embedded?.stop());
}

function connect(url: string, stop: () => Promise<void>): CliDatabase {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await stop();
    },
  };
}
