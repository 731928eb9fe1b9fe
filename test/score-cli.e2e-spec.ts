import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { recordingIo } from '../src/cli/test-io';
import { bearer, signUp, type Account } from './factories/accounts';
import { libraryQuestion } from './factories/questions';
import { buildDist } from './support/build';
import { workerDatabaseUrl } from './support/database';
import { createTestApp, type TestApp } from './support/test-app';

const ROOT = path.resolve(__dirname, '..');
const run = promisify(execFile);
const SLUG = 'why-sample-traces-at-all';
const ANSWER = 'Tracing every request is unaffordable at our traffic, storage is cheap but ingestion is not. We keep all the errors and slow requests.\n';
const MISCONCEPTION = 'Honestly I don’t think you need to sample. Storage is cheap these days, so we should just trace everything and filter later.';

describe('assay score (CLI)', () => {
  let t: TestApp;
  let owner: Account;
  let dir: string;
  let answerFile: string;
  let databaseEnv: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
    dir = mkdtempSync(path.join(tmpdir(), 'assay-score-'));
    answerFile = path.join(dir, 'answer.txt');
    writeFileSync(answerFile, ANSWER);
    databaseEnv = { NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl() };
  });
  afterAll(() => t.close());

  /** The preview endpoint's answer without the question fields: the engine's part. */
  async function previewEngineResult(slug: string, answer: string): Promise<Record<string, unknown>> {
    const question = await libraryQuestion(t.http, owner, slug);
    const response = await t.http().post(`/v1/questions/${question.id}/rubric/preview`).set(bearer(owner.accessToken)).send({ answer }).expect(200);
    const { questionId, version, draft, ...engine } = response.body as Record<string, unknown>;
    expect({ questionId, version, draft }).toEqual({ questionId: question.id, version: question.version, draft: false });
    return engine;
  }

  it('prints with --json, from the seed files alone, exactly what the preview endpoint says', async () => {
    const io = recordingIo({ env: {}, cwd: dir });
    expect(await runCli(['score', '--question', SLUG, '--answer-file', 'answer.txt', '--json'], io)).toBe(EXIT_OK);
    expect(io.err()).toBe('');
    const result = JSON.parse(io.out()) as { concepts: { matched: boolean }[] };
    expect(result).toEqual(await previewEngineResult(SLUG, ANSWER));
    expect(result.concepts.some((concept) => concept.matched)).toBe(true);
  });

  it('prints with --json, from the database when DATABASE_URL is set, exactly what the preview endpoint says', async () => {
    const io = recordingIo({ env: databaseEnv });
    expect(await runCli(['score', '--question', 'what-is-a-span-what-is-a-trace', '--answer-file', answerFile, '--json'], io)).toBe(EXIT_OK);
    expect(JSON.parse(io.out())).toEqual(await previewEngineResult('what-is-a-span-what-is-a-trace', ANSWER));
  });

  it('reads the database, not the seed files, when DATABASE_URL is set: an unreachable one fails cleanly', async () => {
    const io = recordingIo({ env: { NODE_ENV: 'test', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/assay' } });
    expect(await runCli(['score', '--question', SLUG, '--answer-file', answerFile], io)).toBe(EXIT_FAILURE);
    expect(io.err()).toMatch(/score failed: .*ECONNREFUSED/);
    expect(io.out()).toBe('');
  });

  it('explains the score for a person: score, band, quoted evidence, missed concepts with feedback, misconceptions and flags', async () => {
    const misconceptionFile = path.join(dir, 'misconception.txt');
    writeFileSync(misconceptionFile, MISCONCEPTION);
    const io = recordingIo({ env: {} });
    expect(await runCli(['score', '--question', SLUG, '--answer-file', misconceptionFile], io)).toBe(EXIT_OK);
    const json = recordingIo({ env: {} });
    await runCli(['score', '--question', SLUG, '--answer-file', misconceptionFile, '--json'], json);
    const result = JSON.parse(json.out()) as {
      score: number;
      maxScore: number;
      band: string;
      concepts: { id: string; matched: boolean; evidence: { text: string }[] }[];
      missed: { id: string; feedback: string }[];
      misconceptions: { id: string; evidence: { text: string }[] }[];
      flags: { code: string; message: string }[];
    };
    const out = io.out();
    expect(out.split('\n')[0]).toBe(`${SLUG} (seed bank, curated rubric)`);
    expect(out).toContain(`Score: ${result.score} / ${result.maxScore}`);
    expect(out).toContain(`band: ${result.band}`);
    expect(result.misconceptions.map((m) => m.id)).toContain('trace-everything-storage-cheap');
    expect(out).toMatch(/Misconceptions:\n {2}! trace-everything-storage-cheap: /);
    for (const evidence of result.misconceptions[0].evidence) expect(out).toContain(`"${evidence.text}"`);
    expect(result.missed.length).toBeGreaterThan(0);
    for (const missed of result.missed) expect(out).toContain(`  - ${missed.id}: `);
    expect(out).toContain(result.missed[0].feedback);
    for (const concept of result.concepts.filter((c) => c.matched)) {
      expect(out).toContain(`  + ${concept.id}: `);
      for (const evidence of concept.evidence) expect(out).toContain(`"${evidence.text}"`);
    }
    expect(result.flags.map((flag) => flag.code)).toContain('required_missing');
    expect(out).toContain('\nFlags:\n');
    for (const flag of result.flags) expect(out).toContain(`  ${flag.code}: ${flag.message}`);
  });

  it('scores a JSON Lines batch: one result per line, an error object for a bad line, exit code 1', async () => {
    const batchFile = path.join(dir, 'batch.jsonl');
    const lines = [
      JSON.stringify({ question: SLUG, answer: ANSWER }),
      '{"question": "why-sample-traces-at-all", "answer": ',
      '',
      JSON.stringify({ question: 'no-such-question', answer: 'x' }),
      JSON.stringify({ question: 'what-is-a-span-what-is-a-trace', answer: MISCONCEPTION }),
    ];
    writeFileSync(batchFile, `${lines.join('\n')}\n`);
    for (const env of [{}, databaseEnv]) {
      const io = recordingIo({ env });
      expect(await runCli(['score', '--batch', batchFile], io)).toBe(EXIT_FAILURE);
      const output = io
        .out()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { line: number; question?: string; result?: unknown; error?: string });
      expect(output.map((entry) => entry.line)).toEqual([1, 2, 4, 5]);
      expect(output[0]).toEqual({ line: 1, question: SLUG, result: await previewEngineResult(SLUG, ANSWER) });
      expect(output[1]).toEqual({ line: 2, error: expect.stringContaining('not valid JSON') });
      expect(output[2]).toEqual({ line: 4, question: 'no-such-question', error: expect.stringContaining('no question with the slug "no-such-question"') });
      expect(output[3]).toEqual({ line: 5, question: 'what-is-a-span-what-is-a-trace', result: await previewEngineResult('what-is-a-span-what-is-a-trace', MISCONCEPTION) });
    }
  });

  it('exits 0 for a batch where every line scores', async () => {
    const batchFile = path.join(dir, 'good.jsonl');
    writeFileSync(batchFile, `${JSON.stringify({ question: SLUG, answer: 'We sample.' })}\r\n${JSON.stringify({ question: SLUG, answer: '' })}\r\n`);
    const io = recordingIo({ env: {} });
    expect(await runCli(['score', '--batch', batchFile], io)).toBe(EXIT_OK);
    expect(io.out().trimEnd().split('\n')).toHaveLength(2);
  });

  it('fails cleanly for an unknown question, a missing file and an answer over 100 KB', async () => {
    const unknown = recordingIo({ env: {} });
    expect(await runCli(['score', '--question', 'nope', '--answer-file', answerFile], unknown)).toBe(EXIT_FAILURE);
    expect(unknown.err()).toContain('the seed bank has no question with the slug "nope"');
    expect(unknown.out()).toBe('');

    const missing = recordingIo({ env: {} });
    expect(await runCli(['score', '--question', SLUG, '--answer-file', '/nonexistent/answer.txt'], missing)).toBe(EXIT_FAILURE);
    expect(missing.err()).toContain('no such file or directory');

    const hugeFile = path.join(dir, 'huge.txt');
    writeFileSync(hugeFile, 'a'.repeat(100 * 1024 + 1));
    const huge = recordingIo({ env: {} });
    expect(await runCli(['score', '--question', SLUG, '--answer-file', hugeFile], huge)).toBe(EXIT_FAILURE);
    expect(huge.err()).toContain('100 KB');
  });

  it.each([
    ['nothing to score', ['score']],
    ['a question without an answer file', ['score', '--question', SLUG]],
    ['an answer file without a question', ['score', '--answer-file', 'a.txt']],
    ['both a question and a batch', ['score', '--question', SLUG, '--answer-file', 'a.txt', '--batch', 'b.jsonl']],
    ['a positional argument', ['score', SLUG]],
    ['an unknown option', ['score', '--batch', 'b.jsonl', '--fast']],
  ])('rejects %s as a usage error', async (_name, argv) => {
    const io = recordingIo({ env: {} });
    expect(await runCli(argv, io)).toBe(EXIT_USAGE);
    expect(io.err()).toContain('Usage: assay score');
  });
});

describe('node dist/cli/main.js score (compiled)', () => {
  let t: TestApp;
  let owner: Account;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.http);
  });
  afterAll(() => t.close());

  it(
    'prints the same JSON as the preview endpoint, reading the seed bank without a database',
    async () => {
      await buildDist();
      const dir = mkdtempSync(path.join(tmpdir(), 'assay-score-bin-'));
      const answerFile = path.join(dir, 'answer.txt');
      writeFileSync(answerFile, ANSWER);
      const env = { PATH: process.env.PATH ?? '' };
      const { stdout, stderr } = await run(process.execPath, ['dist/cli/main.js', 'score', '--question', SLUG, '--answer-file', answerFile, '--json'], { cwd: ROOT, env });
      expect(stderr).toBe('');
      const question = await libraryQuestion(t.http, owner, SLUG);
      const preview = await t.http().post(`/v1/questions/${question.id}/rubric/preview`).set(bearer(owner.accessToken)).send({ answer: ANSWER }).expect(200);
      const { questionId: _questionId, version: _version, draft: _draft, ...engine } = preview.body as Record<string, unknown>;
      expect(JSON.parse(stdout)).toEqual(engine);

      const batchFile = path.join(dir, 'batch.jsonl');
      writeFileSync(batchFile, `${JSON.stringify({ question: SLUG, answer: ANSWER })}\n[1, 2]\n`);
      const failure = await run(process.execPath, ['dist/cli/main.js', 'score', '--batch', batchFile], { cwd: ROOT, env }).then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failure?.code).toBe(EXIT_FAILURE);
      const [good, bad] = failure!.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(good).toEqual({ line: 1, question: SLUG, result: engine });
      expect(bad).toEqual({ line: 2, error: expect.stringContaining('expected a JSON object') });
    },
    120_000,
  );
});
