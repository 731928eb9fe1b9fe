/** Shapes shared by candidate extraction, key phrases and pattern generation. */
import type { Word } from './text';

export interface SalienceParameters {
  /** Multiplier for code-like identifiers (span.End(), traceId): they name the exact API the answer needs. */
  codeBoost: number;
  /** Multiplier for words of known domain vocabulary. */
  domainBoost: number;
  /** A phrase's salience relative to the mean of its two words'. */
  phraseFactor: number;
  /**
   * A word pair is a key phrase only if it occurs, as a pair, in at least this
   * many of the bank's documents ("linked list", "base case"): a term of art
   * rather than an accident of wording. Ignored without a corpus.
   */
  phraseMinDocuments: number;
  /**
   * Extra salience for words of the answer's first sentence when there are
   * several: model answers lead with the crisp definition and follow with
   * elaboration and examples (keyphrase extractors weight position the same way).
   */
  leadBoost: number;
}

export interface WordCandidate {
  kind: 'word';
  key: string;
  /** Distinct surface forms in order of first appearance. */
  forms: string[];
  /** The most frequent surface form. */
  label: string;
  count: number;
  firstPosition: number;
  codeLike: boolean;
  /** Every occurrence sits in a negated clause: the answer says this thing is absent. */
  negated: boolean;
  inPrompt: boolean;
  sentenceText: string;
  salience: number;
}

export interface PhraseCandidate {
  kind: 'phrase';
  key: string;
  members: [WordCandidate, WordCandidate];
  label: string;
  firstPosition: number;
  sentenceText: string;
  salience: number;
}

export interface Candidates {
  words: WordCandidate[];
  phrases: PhraseCandidate[];
}

export function isUsable(word: Word): boolean {
  if (word.stop) return false;
  // Single letters ("x", "n") are variable names or list markers, not concepts.
  return word.codeLike || word.isNumber || word.text.length >= 2;
}

export function bySalience<T extends { salience: number; firstPosition: number }>(a: T, b: T): number {
  return b.salience - a.salience || a.firstPosition - b.firstPosition;
}
