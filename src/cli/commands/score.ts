import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from '../args';
import type { CliIo } from '../cli-io';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../command';
import { openDatabase } from '../database-connection';
import { scoreBatch } from '../score/batch';
import { formatScore } from '../score/format-score';
import { databaseSource, seedSource, type QuestionSource } from '../score/question-sources';
import { SEED_BANK_FILE } from '../../questions/import/library-source';
import { isAnswerTooLong, MAX_ANSWER_BYTES } from '../../scoring/answer-limits';
import { scoreAnswer } from '../../scoring/engine';

const USAGE = `Usage: assay score --question <slug> --answer-file <path> [--json]
       assay score --batch <file.jsonl>

Scores an answer to a library question with its rubric and explains the score.

  --question <slug>     the library question (see \`assay bank list\`)
  --answer-file <path>  the answer, as the file's exact text (at most 100 KB)
  --json                print the engine's result as JSON (the same object the
                        preview endpoint returns, without questionId/version/draft)
  --batch <file.jsonl>  score every line {"question": <slug>, "answer": <text>};
                        prints one JSON object per line: {"line", "question",
                        "result"}, or {"line", "error"} for a bad line (the rest
                        still run; the exit code is then 1)

Without DATABASE_URL the seed bank is read from seed/ directly (the document
and seed/rubrics/<slug>.json); no database or server is involved. With
DATABASE_URL the library question's current rubric is read from the database.`;

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'score --question <slug> --answer-file <path> | --batch <file.jsonl>: explain a score',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      question: { type: 'string' },
      'answer-file': { type: 'string' },
      batch: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const single = values.question !== undefined || values['answer-file'] !== undefined;
    if (single === (values.batch !== undefined)) throw new UsageError('Give either --question with --answer-file, or --batch.');
    if (single && (values.question === undefined || values['answer-file'] === undefined)) {
      throw new UsageError(values.question === undefined ? 'Missing --question <slug>.' : 'Missing --answer-file <path>.');
    }
    if (values.question === '') throw new UsageError('--question needs a slug.');

    // Read input before opening a database, so a missing file fails fast.
    const input = readFileSync(path.resolve(io.cwd, values.batch ?? values['answer-file']!), 'utf8');
    return withSource(io, async (source) => {
      if (values.batch !== undefined) {
        const { failed } = await scoreBatch(input, source, (line) => io.stdout(`${JSON.stringify(line)}\n`));
        return failed > 0 ? EXIT_FAILURE : EXIT_OK;
      }
      if (isAnswerTooLong(input)) {
        io.stderr(`The answer file is longer than ${MAX_ANSWER_BYTES} bytes (100 KB).\n`);
        return EXIT_FAILURE;
      }
      const lookup = await source.find(values.question!);
      if (!lookup.ok) {
        io.stderr(`Cannot score: ${lookup.error}.\n`);
        return EXIT_FAILURE;
      }
      const { question } = lookup;
      const result = scoreAnswer(question.rubric, { prompt: question.prompt, answer: input });
      io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatScore(`${question.slug} (${question.origin}, ${question.rubricSource} rubric)`, result));
      return EXIT_OK;
    });
  },
};

async function withSource(io: CliIo, use: (source: QuestionSource) => Promise<number>): Promise<number> {
  if (!io.env.DATABASE_URL) return use(seedSource(SEED_BANK_FILE));
  const database = await openDatabase(io.env, (message) => io.stderr(`${message}\n`));
  try {
    return await use(databaseSource(database.prisma));
  } finally {
    await database.close();
  }
}
