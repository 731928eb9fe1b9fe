/**
 * Scoring throughput on one core, side by side with a naive baseline
 * (lower-case substring scan for the same keywords) in the same process.
 *
 *   npm run bench:scoring            readable table
 *   npm run bench:scoring -- --json  {"answersPerSecond":…, …}
 *
 * Inputs are generated from a fixed seed, so runs differ only by machine noise.
 */
import { compileRubric, scoreAnswer, type CompiledRubric } from '../engine';
import { BENCH_PROMPT, BENCH_RUBRIC, baselineKeywords, generateAnswer } from './throughput-fixtures';

const SHORT_WORDS = 200;
const LONG_WORDS = 2000;
const DISTINCT_ANSWERS = 64;
const WARMUP_MS = 1000;
const MEASURE_MS = 3000;

export interface ThroughputReport {
  answersPerSecond: number;
  baselineAnswersPerSecond: number;
  longAnswerMs: number;
  ratioToBaseline: number;
}

/** Runs `fn` round-robin over `inputs` for `ms` milliseconds; returns calls per second. */
function rate(inputs: readonly string[], fn: (input: string) => number, ms: number): number {
  let sink = 0;
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    // Check the clock every 64 calls so timing overhead stays out of the measurement.
    for (let i = 0; i < 64; i++) sink += fn(inputs[(calls + i) % inputs.length]);
    calls += 64;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink === -1) console.log(sink);
  return calls / (Number(elapsed) / 1e9);
}

function naiveScorer(keywords: string[][], weights: number[]): (answer: string) => number {
  return (answer) => {
    const lower = answer.toLowerCase();
    let score = 0;
    keywords.forEach((words, i) => {
      if (words.every((w) => lower.includes(w))) score += weights[i];
    });
    return score;
  };
}

export function runThroughput(measureMs = MEASURE_MS, warmupMs = WARMUP_MS): ThroughputReport {
  const compiled: CompiledRubric = compileRubric(BENCH_RUBRIC);
  const answers = Array.from({ length: DISTINCT_ANSWERS }, (_, i) => generateAnswer(SHORT_WORDS, 1000 + i));
  const engine = (answer: string): number => scoreAnswer(compiled, { prompt: BENCH_PROMPT, answer }).score;
  const naive = naiveScorer(baselineKeywords(BENCH_RUBRIC), BENCH_RUBRIC.concepts.map((c) => c.weight));

  rate(answers, engine, warmupMs);
  rate(answers, naive, warmupMs);
  const answersPerSecond = rate(answers, engine, measureMs);
  const baselineAnswersPerSecond = rate(answers, naive, measureMs);

  const long = [generateAnswer(LONG_WORDS, 7)];
  const longPerSecond = rate(long, engine, Math.max(500, measureMs / 3));
  return {
    answersPerSecond: Math.round(answersPerSecond),
    baselineAnswersPerSecond: Math.round(baselineAnswersPerSecond),
    longAnswerMs: Number((1000 / longPerSecond).toFixed(3)),
    ratioToBaseline: Number((answersPerSecond / baselineAnswersPerSecond).toFixed(4)),
  };
}

function printTable(r: ThroughputReport): void {
  const rows: Array<[string, string]> = [
    [`engine, ${SHORT_WORDS}-word answer, 10-concept rubric`, `${r.answersPerSecond.toLocaleString('en-US')} answers/s`],
    ['naive baseline (lower-case substring scan)', `${r.baselineAnswersPerSecond.toLocaleString('en-US')} answers/s`],
    ['engine / baseline', `${r.ratioToBaseline}x`],
    [`engine, one ${LONG_WORDS}-word answer`, `${r.longAnswerMs} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('Scoring throughput (one core)\n');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

if (require.main === module) {
  const report = runThroughput();
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  else printTable(report);
}
