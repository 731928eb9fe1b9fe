import { isAnswerTooLong, MAX_ANSWER_BYTES } from '../../scoring/answer-limits';
import { scoreAnswer, type ScoreResult } from '../../scoring/engine';
import type { QuestionSource } from './question-sources';

export type BatchLine = { line: number; question: string; result: ScoreResult } | { line: number; question?: string; error: string };

/**
 * Scores a JSON Lines file of `{"question": <slug>, "answer": <text>}`, one
 * output per non-blank input line, in order. A bad line becomes an error
 * object carrying its 1-based line number; the rest still run.
 */
export async function scoreBatch(text: string, source: QuestionSource, emit: (line: BatchLine) => void): Promise<{ scored: number; failed: number }> {
  let scored = 0;
  let failed = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    const outcome = await scoreLine(index + 1, raw, source);
    if ('error' in outcome) failed += 1;
    else scored += 1;
    emit(outcome);
  }
  return { scored, failed };
}

async function scoreLine(line: number, raw: string, source: QuestionSource): Promise<BatchLine> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { line, error: `not valid JSON: ${(error as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { line, error: 'expected a JSON object {"question": <slug>, "answer": <text>}' };
  const { question, answer, ...rest } = parsed as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) return { line, error: `unknown field(s): ${unknown.join(', ')} (expected only "question" and "answer")` };
  if (typeof question !== 'string' || question === '') return { line, error: '"question" must be a question slug (a non-empty string)' };
  if (typeof answer !== 'string') return { line, question, error: '"answer" must be a string' };
  if (isAnswerTooLong(answer)) return { line, question, error: `"answer" is longer than ${MAX_ANSWER_BYTES} bytes (100 KB)` };
  const lookup = await source.find(question);
  if (!lookup.ok) return { line, question, error: lookup.error };
  return { line, question, result: scoreAnswer(lookup.question.rubric, { prompt: lookup.question.prompt, answer }) };
}
