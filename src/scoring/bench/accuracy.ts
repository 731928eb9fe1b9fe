/**
 * Accuracy benchmark: how well rubrics suggested from model answers alone
 * grade real student answers, against the Mohler et al. (2011) human grades.
 *
 *   npm run bench:accuracy -- --mohler <path/to/mohler_dataset_edited.csv> [--json] [--gamma 0.5]
 *
 * Not a test: it reads a corpus that is not part of the project.
 */
import { readFileSync } from 'node:fs';
import { scoreAnswer } from '../engine';
import { accuracyJson, accuracyTable } from './accuracy-report';
import { runAccuracy } from './accuracy-run';
import { DEFAULT_GAMMA } from './grade-mapping';
import { parseMohlerCsv } from './mohler';

const PUBLISHED_ANCHORS = 'tf-idf ≈ 0.33, Lesk ≈ 0.45, Mohler et al. best ≈ 0.52, human–human ≈ 0.60';

interface Args {
  mohler: string;
  json: boolean;
  gamma: number;
}

const USAGE = 'usage: accuracy --mohler <path.csv> [--json] [--gamma <number > 0>]';

export function parseArgs(argv: readonly string[]): Args {
  let mohler: string | undefined;
  let json = false;
  let gamma = DEFAULT_GAMMA;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--mohler' || arg === '--gamma') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      i += 1;
      if (arg === '--mohler') mohler = value;
      else {
        gamma = Number(value);
        if (!Number.isFinite(gamma) || gamma <= 0) throw new Error(`--gamma must be a number > 0, got ${value}\n${USAGE}`);
      }
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!mohler) throw new Error(`--mohler <path> is required\n${USAGE}`);
  return { mohler, json, gamma };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const corpus = parseMohlerCsv(readFileSync(args.mohler, 'utf8'));
  const report = runAccuracy(corpus, {
    gamma: args.gamma,
    score: (rubric, input) => scoreAnswer(rubric, input).fraction,
  });
  process.stdout.write(`${args.json ? accuracyJson(report) : accuracyTable(report, PUBLISHED_ANCHORS)}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
