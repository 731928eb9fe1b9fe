import { ChildProcess, spawn } from 'node:child_process';
import { buildDist, PROJECT_ROOT } from './support/build';
import { workerDatabaseUrl } from './support/database';
import { OtlpReceiver } from './support/otlp-receiver';

const TRACE_ID = '5bf92f3577b34da6a3ce929d0e0e4737';
const PARENT = '10f067aa0ba902b8';

/**
 * The real OTLP http/protobuf exporter of the compiled service, end to end:
 * spans still in the batch queue reach a receiver on 127.0.0.1 when the
 * process is stopped with SIGTERM (well before the 5 s batch delay).
 */
describe('OTLP export (compiled service)', () => {
  let receiver: OtlpReceiver;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await buildDist();
    receiver = new OtlpReceiver();
  }, 180_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await receiver.stop();
  });

  it('exports protobuf spans with the resource, and flushes the batch on graceful shutdown', async () => {
    const endpoint = await receiver.start();
    const port = 40000 + Math.floor(Math.random() * 20000);
    child = spawn(process.execPath, ['dist/main.js'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        PORT: String(port),
        DATABASE_URL: await workerDatabaseUrl(),
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_BSP_SCHEDULE_DELAY: '60000', // only a shutdown flush can deliver in time
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`service did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const response = await fetch(`${base}/readyz`, { headers: { traceparent: `00-${TRACE_ID}-${PARENT}-01` } });
    expect(response.status).toBe(200);
    expect(receiver.spans.filter((s) => s.traceId === TRACE_ID)).toHaveLength(0); // still queued

    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const trace = receiver.spans.filter((s) => s.traceId === TRACE_ID);
    const server = trace.find((s) => s.kind === 2);
    expect(server).toBeDefined();
    expect(server!.name).toBe('GET /readyz');
    expect(server!.parentSpanId).toBe(PARENT);
    expect(server!.resource['service.name']).toBe('assay');
    expect(server!.resource['deployment.environment.name']).toBe('development');
    expect(trace.some((s) => s.kind === 3 && s.name.startsWith('pg.'))).toBe(true); // CLIENT database spans
    expect(receiver.contentTypes.every((type) => type.startsWith('application/x-protobuf'))).toBe(true);
  }, 120_000);
});
