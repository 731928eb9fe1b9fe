import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildDist, PROJECT_ROOT } from './support/build';

/**
 * What a newcomer's `npm start` does, end to end: no DATABASE_URL, so the
 * compiled service starts an embedded PostgreSQL in its data folder, migrates,
 * loads the library, serves, and shuts everything down on SIGTERM.
 */
describe('npm start (compiled service, embedded PostgreSQL)', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await buildDist();
    dataDir = mkdtempSync(path.join(tmpdir(), 'assay-start-'));
    chmodSync(dataDir, 0o755); // the embedded server runs as the postgres user under root
  }, 180_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the seeded library, survives a restart with its data, and stops cleanly on SIGTERM', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'development', PORT: String(port), ASSAY_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'info' };
    const base = `http://127.0.0.1:${port}`;

    let service = start(env);
    child = service.process;
    await waitForHealthy(base, service);
    expect(service.output()).toContain(`Docs:     http://localhost:${port}/docs`);
    expect(service.output()).toMatch(/Database: postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/assay \(embedded\)/);

    const credentials = { email: `starter-${Date.now()}@example.com`, password: 'correct horse battery staple' };
    const signup = await post(`${base}/v1/auth/signup`, { organizationName: 'Start Co', name: 'Starter', ...credentials });
    expect(signup.status).toBe(201);
    const { accessToken } = (await signup.json()) as { accessToken: string };
    const list = await fetch(`${base}/v1/questions?section=Sampling&level=senior`, { headers: { authorization: `Bearer ${accessToken}` } });
    const { items } = (await list.json()) as { items: { section: string; levels: string[] }[] };
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((q) => q.section === 'Sampling' && q.levels.includes('senior'))).toBe(true);

    expect(await stop(service)).toBe(0);
    expect(service.output()).toContain('SIGTERM received');
    expect(await isListening(pgPort)).toBe(false); // the embedded server stopped too

    // Same data folder: the account is still there, and nothing is migrated twice.
    service = start(env);
    child = service.process;
    await waitForHealthy(base, service);
    expect(service.output()).not.toContain('Applied migrations');
    const login = await post(`${base}/v1/auth/login`, credentials);
    expect(login.status).toBe(200);
    expect(await stop(service)).toBe(0);
  }, 180_000);
});

interface Service {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Service {
  const processHandle = spawn(process.execPath, ['dist/main.js'], { cwd: PROJECT_ROOT, env });
  let output = '';
  processHandle.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  processHandle.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => processHandle.on('exit', (code) => resolve(code)));
  return { process: processHandle, output: () => output, exited };
}

async function stop(service: Service): Promise<number | null> {
  service.process.kill('SIGTERM');
  return service.exited;
}

async function waitForHealthy(base: string, service: Service): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) throw new Error(`The service exited early:\n${service.output()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The service never became healthy:\n${service.output()}`);
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
