/**
 * One way to suggest a rubric for a stored or imported question, shared by the
 * importer, the suggest endpoint and the CLI so the same question and bank
 * always get the same rubric (re-imports stay idempotent).
 */
import type { Rubric } from './engine';
import { buildCorpusStats, suggestRubric, SuggestRubricError, type CorpusStats } from './suggest';

export interface SuggestionInput {
  slug: string;
  prompt: string;
  modelAnswer: string;
}

export type SuggestionOutcome = { ok: true; rubric: Rubric } | { ok: false; problem: string };

export function suggestRubricFor(question: SuggestionInput, corpus: CorpusStats): SuggestionOutcome {
  try {
    const rubric = suggestRubric({ prompt: question.prompt, modelAnswer: question.modelAnswer, corpus, options: { question: question.slug } });
    // Plain JSON from here on: it is stored, hashed and compared as JSON.
    return { ok: true, rubric: JSON.parse(JSON.stringify(rubric)) as Rubric };
  } catch (error) {
    if (error instanceof SuggestRubricError) return { ok: false, problem: error.message };
    throw error;
  }
}

/**
 * The bank a document joins: its own model answers, plus those of bank
 * questions it does not replace (same slug). Counting a re-imported question
 * twice would shift its word frequencies and so its suggested rubric.
 */
export function corpusForDocument(document: readonly SuggestionInput[], bank: readonly SuggestionInput[]): CorpusStats {
  const replaced = new Set(document.map((question) => question.slug));
  const answers = [...document, ...bank.filter((question) => !replaced.has(question.slug))].map((question) => question.modelAnswer);
  return buildCorpusStats(answers);
}
