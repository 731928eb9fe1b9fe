/**
 * Global parameters of rubric suggestion. They are the same for every bank
 * and every question: nothing here is tuned per question. Each value has its
 * reason beside it. Values marked "benchmark-informed" were compared on the
 * Mohler corpus (../bench/accuracy.ts; ablation figures in ./README.md);
 * the others were set a priori.
 */
import type { SalienceParameters } from './candidate-types';
import type { PatternParameters } from './patterns';

export interface SuggestParameters extends SalienceParameters, PatternParameters {
  /** Most single-word concepts kept (the most salient); beyond this a rubric stops being readable. */
  maxWordConcepts: number;
  /** Most key-phrase concepts kept. */
  maxPhraseConcepts: number;
  /** Words whose salience is below this share of the top word's are dropped as noise. */
  minRelativeSalience: number;
  /** Weight of the most salient concept; the others scale down from it. */
  maxWeight: number;
  /** Weights are rounded to this step (readable rubrics); never below one step. */
  weightStep: number;
  /**
   * A concept is marked required only when it is clearly central: it carries
   * at least this share of the rubric's weight …
   */
  requiredMinShare: number;
  /** … and at least this many times the weight of the runner-up. */
  requiredDominance: number;
  /** Add the general-English synonyms (./general-thesaurus.ts) of concept words to the rubric. */
  generalSynonyms: boolean;
}

export const DEFAULT_SUGGEST_PARAMETERS: Readonly<SuggestParameters> = {
  // An exact API name is the most specific thing an answer can say.
  codeBoost: 1.5,
  // Bank vocabulary (tags, glossary) is preferred, less strongly than exact identifiers.
  domainBoost: 1.25,
  // A phrase is a bonus for saying two concept words together: half the weight of its words.
  phraseFactor: 0.5,
  // Benchmark-informed: only pairs that recur in the bank are terms of art ("linked list");
  // every adjacent pair (1) cost r ≈ 0.003 and produced noise phrases.
  phraseMinDocuments: 2,
  // Model answers lead with the definition; later sentences elaborate.
  leadBoost: 0.5,
  // Wildcards only on long stems that cut a derivational suffix (dereferenc* but not product*).
  wildcardMinLength: 7,
  phraseWithin: 3,
  // Benchmark-informed (+0.025 r): the engine's negation scope also covers clauses that restate
  // the concept correctly ("cannot return a value" for "no return type", "doesn't copy" for
  // "avoids copies"), and an uncurated rubric cannot tell those from real contradictions.
  // A curator who writes misconceptions can tighten this to 'affirmative'.
  affirmativePolarity: 'any',
  // A model answer that only says "no children" needs a negation to be echoed.
  negatedPolarity: 'negative',
  maxWordConcepts: 12,
  maxPhraseConcepts: 3,
  minRelativeSalience: 0.15,
  maxWeight: 3,
  weightStep: 0.5,
  requiredMinShare: 0.4,
  requiredDominance: 2,
  generalSynonyms: true,
};
