/**
 * Suggests a rubric for a question that has none: concepts are the model
 * answer's salient words and key phrases, weighted by how specific they are to
 * this question within its bank. A starting point for a human to curate, and
 * the automatic grader for imported documents until one does.
 */
import { slugify, uniqueSlug } from '../../questions/parser/slug';
import type { Band, Concept, Rubric } from '../engine';
import type { Candidates, PhraseCandidate, WordCandidate } from './candidate-types';
import { findCandidates } from './candidates';
import { CorpusStats, EMPTY_CORPUS } from './corpus-stats';
import { generalSynonymsFor } from './general-thesaurus';
import { DEFAULT_SUGGEST_PARAMETERS, SuggestParameters } from './parameters';
import { phrasePattern, wordPattern } from './patterns';

export interface SuggestRubricInput {
  prompt: string;
  modelAnswer: string;
  /** Document frequencies over the bank's model answers; without it every word is equally specific. */
  corpus?: CorpusStats;
  options?: SuggestRubricOptions;
}

export interface SuggestRubricOptions {
  /** The rubric's `question` slug; default: the slug of the prompt. */
  question?: string;
  /** Known domain vocabulary (lowercase surface words): such words are preferred as concepts. */
  isDomainTerm?: (word: string) => boolean;
  parameters?: Partial<SuggestParameters>;
}

export class SuggestRubricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuggestRubricError';
  }
}

const DEFAULT_BANDS: Band[] = [
  { label: 'strong', minFraction: 0.75 },
  { label: 'partial', minFraction: 0.35 },
  { label: 'weak', minFraction: 0 },
];

const FEEDBACK_QUOTE_LENGTH = 120;

type Chosen = { candidate: WordCandidate | PhraseCandidate; salience: number };

function selectCandidates({ words, phrases }: Candidates, params: SuggestParameters): Chosen[] {
  const top = words[0]?.salience ?? 0;
  const keptWords = words.filter((w) => w.salience >= params.minRelativeSalience * top).slice(0, params.maxWordConcepts);
  const kept = new Set(keptWords.map((w) => w.key));
  // A phrase only adds "said together" on top of its words; it needs at least one of them to be a concept.
  const keptPhrases = phrases
    .filter((p) => p.members.some((m) => kept.has(m.key)))
    .filter((p) => p.salience >= params.minRelativeSalience * top)
    .slice(0, params.maxPhraseConcepts);
  return [...keptWords, ...keptPhrases].map((candidate) => ({ candidate, salience: candidate.salience }));
}

function roundWeight(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function quote(sentence: string): string {
  const flat = sentence.replace(/\s+/g, ' ').trim();
  return flat.length <= FEEDBACK_QUOTE_LENGTH ? flat : `${flat.slice(0, FEEDBACK_QUOTE_LENGTH - 1).trimEnd()}…`;
}

function feedbackFor(candidate: WordCandidate | PhraseCandidate): string {
  const source = `(model answer: "${quote(candidate.sentenceText)}")`;
  if (candidate.kind === 'phrase') return `Mention "${candidate.label}" together ${source}.`;
  if (candidate.negated) return `Say what is not the case about "${candidate.label}" ${source}.`;
  return `Mention "${candidate.label}" ${source}.`;
}

function requiredIndex(weights: readonly number[], params: SuggestParameters): number {
  if (weights.length < 2) return -1;
  const total = weights.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => i).sort((a, b) => weights[b] - weights[a]);
  const [first, second] = [weights[order[0]], weights[order[1]]];
  return first / total >= params.requiredMinShare && first >= params.requiredDominance * second ? order[0] : -1;
}

function checkCorpus(corpus: CorpusStats): void {
  const valid =
    typeof corpus === 'object' &&
    corpus !== null &&
    Number.isInteger(corpus.documentCount) &&
    corpus.documentCount >= 0 &&
    typeof corpus.documentFrequency === 'object' &&
    corpus.documentFrequency !== null;
  if (!valid) throw new SuggestRubricError('corpus must be { documentCount: integer ≥ 0, documentFrequency: object } (see buildCorpusStats)');
}

function checkParameters(params: SuggestParameters): void {
  const positive = ['maxWeight', 'weightStep', 'phraseWithin', 'codeBoost', 'domainBoost'] as const;
  for (const name of positive) {
    if (!(Number.isFinite(params[name]) && params[name] > 0)) throw new SuggestRubricError(`parameter ${name} must be a number > 0`);
  }
  if (!(Number.isInteger(params.maxWordConcepts) && params.maxWordConcepts >= 1)) {
    throw new SuggestRubricError('parameter maxWordConcepts must be an integer ≥ 1');
  }
  if (!(Number.isInteger(params.maxPhraseConcepts) && params.maxPhraseConcepts >= 0)) {
    throw new SuggestRubricError('parameter maxPhraseConcepts must be an integer ≥ 0');
  }
}

export function suggestRubric(input: SuggestRubricInput): Rubric {
  const { prompt, modelAnswer, corpus = EMPTY_CORPUS, options = {} } = input;
  if (typeof prompt !== 'string' || typeof modelAnswer !== 'string') {
    throw new SuggestRubricError('prompt and modelAnswer must be strings');
  }
  checkCorpus(corpus);
  const params: SuggestParameters = { ...DEFAULT_SUGGEST_PARAMETERS, ...options.parameters };
  checkParameters(params);
  const isDomainTerm = options.isDomainTerm ?? (() => false);
  const chosen = selectCandidates(findCandidates(prompt, modelAnswer, corpus, isDomainTerm, params), params);
  if (chosen.length === 0) {
    throw new SuggestRubricError('the model answer has no content words to build concepts from');
  }

  const top = Math.max(...chosen.map((c) => c.salience));
  const weights = chosen.map((c) => roundWeight((params.maxWeight * c.salience) / top, params.weightStep));
  const required = requiredIndex(weights, params);
  const ids = new Set<string>();
  const concepts: Concept[] = chosen.map(({ candidate }, index) => ({
    id: uniqueSlug(slugify(candidate.label), ids),
    label: candidate.label,
    weight: weights[index],
    ...(index === required ? { required: true } : {}),
    feedback: feedbackFor(candidate),
    patterns: [candidate.kind === 'word' ? wordPattern(candidate, params) : phrasePattern(candidate, params)],
  }));

  const words = chosen.flatMap(({ candidate }) =>
    candidate.kind === 'word' ? candidate.forms : candidate.members.flatMap((m) => m.forms),
  );
  const synonyms = params.generalSynonyms ? generalSynonymsFor(words) : {};
  return {
    schemaVersion: 1,
    question: options.question ?? slugify(prompt),
    ...(Object.keys(synonyms).length > 0 ? { synonyms } : {}),
    concepts,
    bands: DEFAULT_BANDS.map((band) => ({ ...band })),
  };
}
