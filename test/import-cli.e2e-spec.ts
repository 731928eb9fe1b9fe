import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildDist } from './support/build';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { recordingIo } from '../src/cli/test-io';
import { bearer, signUp, type Account } from './factories/accounts';
import { interviewDocument, listAll } from './factories/questions';
import { workerDatabaseUrl } from './support/database';
import { createTestApp, type TestApp } from './support/test-app';

const ROOT = path.resolve(__dirname, '..');
const SEED = path.join(ROOT, 'seed/tracing-interview-questions.txt');
const run = promisify(execFile);

describe('assay import (CLI)', () => {
  let t: TestApp;
  let owner: Account;
  let env: Record<string, string>;
  let documentFile: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    env = { NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl() };
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-cli-'));
    documentFile = path.join(dir, 'gadgets.txt');
    writeFileSync(
      documentFile,
      interviewDocument({ Gadgets: [{ prompt: 'What is a gadget?', levels: 'middle', answer: 'A device.' }, { prompt: 'How do gadgets fail?', answer: 'Loudly.' }] }),
    );
  });
  afterAll(() => t.close());

  it('imports a document into an organization and prints the JSON report', async () => {
    const io = recordingIo({ env, cwd: path.dirname(documentFile) });
    expect(await runCli(['import', 'gadgets.txt', '--org', owner.organization.id, '--json'], io)).toBe(EXIT_OK);
    expect(JSON.parse(io.out())).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      warnings: [],
      questions: [
        { slug: 'what-is-a-gadget', status: 'created', version: 1 },
        { slug: 'how-do-gadgets-fail', status: 'created', version: 1 },
      ],
    });
    const mine = await listAll(t.http, owner, { source: 'organization' });
    expect(mine.map((q) => q.slug).sort()).toEqual(['how-do-gadgets-fail', 'what-is-a-gadget']);
  });

  it('prints a human summary, and a progress bar only when stderr is a terminal', async () => {
    const quiet = recordingIo({ env });
    expect(await runCli(['import', documentFile, '--org', owner.organization.id], quiet)).toBe(EXIT_OK);
    expect(quiet.out()).toMatch(/^Imported .*gadgets\.txt: 0 created, 0 updated, 2 unchanged\.\n$/);
    expect(quiet.err()).not.toContain('[');

    const tty = recordingIo({ env, stderrIsTty: true });
    expect(await runCli(['import', documentFile, '--org', owner.organization.id], tty)).toBe(EXIT_OK);
    expect(tty.err()).toContain('\rImporting [');
    expect(tty.err()).toContain('] 2/2');
  });

  it('re-imports the seed into the library with everything unchanged', async () => {
    const io = recordingIo({ env });
    expect(await runCli(['import', SEED, '--library', '--json'], io)).toBe(EXIT_OK);
    expect(JSON.parse(io.out())).toMatchObject({ created: 0, updated: 0, unchanged: 68 });
    const question = await t.http().get('/v1/questions/why-sample-traces-at-all').set(bearer(owner.accessToken)).expect(200);
    expect(question.body).toMatchObject({ source: 'library', version: 1, hasRubric: true });
  });

  it('fails cleanly for an organization that does not exist', async () => {
    const io = recordingIo({ env });
    expect(await runCli(['import', documentFile, '--org', '00000000-0000-4000-8000-000000000000'], io)).toBe(EXIT_FAILURE);
    expect(io.err()).toContain('No organization has the id 00000000-0000-4000-8000-000000000000');
    expect(io.out()).toBe('');
  });

  it('fails cleanly for a missing file', async () => {
    const io = recordingIo({ env });
    expect(await runCli(['import', '/nonexistent/bank.txt', '--library'], io)).toBe(EXIT_FAILURE);
    expect(io.err()).toContain('no such file or directory');
  });

  it.each([
    ['no file', ['import', '--library']],
    ['no target', ['import', 'x.txt']],
    ['both targets', ['import', 'x.txt', '--library', '--org', '00000000-0000-4000-8000-000000000000']],
    ['a malformed organization id', ['import', 'x.txt', '--org', 'acme']],
    ['an unknown option', ['import', 'x.txt', '--library', '--dry-run']],
  ])('rejects %s as a usage error before touching anything', async (_name, argv) => {
    const io = recordingIo({ env: {} });
    expect(await runCli(argv, io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('Usage: assay import');
  });
});

describe('node dist/cli/main.js (compiled)', () => {
  it(
    'prints the seed bank as clean JSON with `bank list --json`, without a database',
    async () => {
      await buildDist();
      const { stdout, stderr } = await run(process.execPath, ['dist/cli/main.js', 'bank', 'list', '--json'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
      const entries = JSON.parse(stdout) as { slug: string }[];
      expect(entries).toHaveLength(68);
      expect(entries[0].slug).toBe('what-is-a-span-what-is-a-trace');
      expect(stderr).toBe('');
    },
    120_000,
  );
});
