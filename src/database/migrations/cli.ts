import { loadConfig } from '../../config/config';
import { prepareDatabase } from '../database-runtime';
import { applyMigrations, createMigration, diffMigrationsToSchema } from './migrations';

/**
 * npm run db:migrate            apply pending migrations
 * npm run db:migration -- name  write a migration for what schema.prisma changed
 * npm run db:drift              exit 2 when schema.prisma and migrations differ
 * Uses DATABASE_URL, or the embedded server when it is unset.
 */
async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const database = await prepareDatabase(config, (message) => console.error(message));
  try {
    switch (command) {
      case 'migrate': {
        const applied = [...database.appliedMigrations, ...(await applyMigrations(database.url))];
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
        return 0;
      }
      case 'new': {
        if (!name) throw new Error('Usage: npm run db:migration -- <name>');
        const dir = await createMigration(database.url, name);
        console.log(dir ? `Wrote ${dir}/migration.sql` : 'schema.prisma and the migrations agree; nothing to write.');
        return 0;
      }
      case 'drift': {
        const sql = await diffMigrationsToSchema(database.url);
        if (!sql) {
          console.log('No drift: the migrations produce exactly schema.prisma.');
          return 0;
        }
        console.log(`schema.prisma differs from the migrations. Missing migration:\n\n${sql}`);
        return 2;
      }
      default:
        throw new Error(`Unknown command "${command ?? ''}". Use migrate, new <name> or drift.`);
    }
  } finally {
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
