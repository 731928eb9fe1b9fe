import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { Client, Pool } from 'pg';
import { CharAsTextClient } from './char-as-text-client';
import { pgConfigFromUrl } from '../pg-config';

/**
 * Prisma's own schema engine, compiled to WebAssembly. The CLI would download a
 * native engine, which this project's machines cannot do; the wasm build runs
 * the same migration logic through the pg driver adapter.
 */
type WasmExports = Record<string, unknown>;
/** lib.dom carries the WebAssembly types; this server code only needs these three. */
interface WasmRuntime {
  Module: new (bytes: Buffer) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: WasmExports };
}
const WebAssemblyRuntime = (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;

type WasmBindings = {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (msg: string) => void, adapter: unknown) => Promise<SchemaEngine>;
  };
};

export type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] }
  | ({ tag: 'migrations' } & MigrationsList);

export interface MigrationsList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: 'ok'; value: string } };
  }[];
}

const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

export interface SchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    shadowDatabaseUrl?: string | null;
    filters: typeof NO_FILTERS;
  }): Promise<{ exitCode: number; stdout?: string | null }>;
  applyMigrations(input: { migrationsList: MigrationsList; filters: typeof NO_FILTERS }): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
}

/**
 * PrismaPg drops its shadow database while its own pool still holds a
 * connection, which PostgreSQL refuses. This variant closes the pool first and
 * drops with FORCE, so diffs against the migrations folder clean up after themselves.
 */
class ShadowSafePrismaPg extends PrismaPg {
  constructor(
    private readonly databaseUrl: string,
    readonly pool = new Pool({ ...pgConfigFromUrl(databaseUrl), Client: CharAsTextClient, allowExitOnIdle: true }),
  ) {
    super(pool);
  }

  override async connect() {
    return sendScriptsWhole(await super.connect());
  }

  override async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new Client(pgConfigFromUrl(this.databaseUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = await new PrismaPg(new Pool({ ...pgConfigFromUrl(this.databaseUrl), database, Client: CharAsTextClient, allowExitOnIdle: true })).connect();
    sendScriptsWhole(shadow);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await shadow.underlyingDriver().end();
      const dropper = new Client(pgConfigFromUrl(this.databaseUrl));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * PrismaPg runs a migration script by splitting it on ";", which breaks
 * dollar-quoted function bodies (our search trigger). PostgreSQL's simple query
 * protocol runs a whole multi-statement script, as `prisma migrate` does.
 */
function sendScriptsWhole(adapter: PgAdapter): PgAdapter {
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

let bindings: WasmBindings | undefined;

function loadBindings(): WasmBindings {
  if (bindings) return bindings;
  // The package's ESM entry imports the .wasm file directly, which Node 20
  // refuses; the *_bg module plus a manual instantiate is the portable route.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bg = require('@prisma/schema-engine-wasm/schema_engine_bg') as WasmBindings;
  const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const module = new WebAssemblyRuntime.Module(readFileSync(wasmPath));
  const instance = new WebAssemblyRuntime.Instance(module, { './schema_engine_bg.js': withUnrefTimers(bg) });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  bindings = bg;
  return bg;
}

/**
 * The engine arms 10-second timers it never clears, which would hold the
 * process (a CLI, jest's setup) open after the work is done. Unref'd, they
 * still fire while anything else keeps the process alive.
 */
function withUnrefTimers(bindings: WasmBindings): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...(bindings as unknown as Record<string, unknown>) };
  for (const [name, value] of Object.entries(imports)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    imports[name] = (...args: unknown[]) => {
      const timer = (value as (...a: unknown[]) => unknown)(...args) as { unref?: () => void } | undefined;
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}

export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: { path: string; content: string },
  work: (engine: SchemaEngine, filters: typeof NO_FILTERS) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = loadBindings();
  const factory = new ShadowSafePrismaPg(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, (msg) => logs.push(msg), adapter);
  try {
    return await work(engine, NO_FILTERS);
  } catch (error) {
    throw new Error(`Prisma schema engine failed: ${describeEngineError(error)}`);
  } finally {
    engine.free();
    // The pool is ours, not the adapter's: close it, or its idle connections
    // linger and, e.g., keep a template database from being cloned.
    await factory.pool.end();
  }
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const record = error as Record<string, unknown>;
    return String(record.message ?? record.error ?? JSON.stringify(error));
  }
  return String(error);
}
