/**
 * Turns candidates into pattern-language text (see ../README.md). A word
 * becomes an alternative of its surface form and, when the stem is long enough
 * to be specific, a prefix wildcard on it, so derivations the stemmer keeps
 * apart still match (`reus*` covers reuse, reusable, reusability).
 */
import type { PatternSpec, Polarity } from '../engine';
import type { PhraseCandidate, WordCandidate } from './candidate-types';

export interface PatternParameters {
  /** Shortest prefix turned into a wildcard; shorter prefixes over-match (`list*` → listen). */
  wildcardMinLength: number;
  /** Max words between the two words of a key phrase. */
  phraseWithin: number;
  /** Polarity of a concept the model answer states affirmatively. */
  affirmativePolarity: Polarity;
  /** Polarity of a concept the model answer only ever states in a negated clause ("has no children"). */
  negatedPolarity: Polarity;
}

/** Letters the stem must have cut from every form before a wildcard is worth adding. */
const WILDCARD_MIN_CUT = 2;
/** Only plain lowercase letter forms are safe as bare items or wildcard bases. */
const PLAIN_WORD = /^[a-z]+$/;
/** Characters the pattern language reserves; forms holding them are quoted as phrases. */
const NEEDS_QUOTES = /[\s[\]|*"/=]/;

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return a.slice(0, i);
}

function formItem(form: string): string {
  return NEEDS_QUOTES.test(form) ? `"${form.replace(/"/g, '')}"` : form;
}

/** The item matching one word candidate: `form`, or `[form|other|pre*]`. */
export function wordItem(candidate: WordCandidate, params: PatternParameters): string {
  const alternatives = [...new Set(candidate.forms.map(formItem))];
  if (!candidate.codeLike && candidate.forms.every((f) => PLAIN_WORD.test(f))) {
    const prefix = candidate.forms.reduce(commonPrefix, candidate.key);
    const shortestForm = Math.min(...candidate.forms.map((f) => f.length));
    // Only when the stem cut a real suffix: then the wildcard reaches derivations stemming keeps apart.
    if (prefix.length >= params.wildcardMinLength && prefix.length <= shortestForm - WILDCARD_MIN_CUT) {
      alternatives.push(`${prefix}*`);
    }
  }
  return alternatives.length === 1 ? alternatives[0] : `[${alternatives.join('|')}]`;
}

function polarityOf(negated: boolean, params: PatternParameters): Polarity {
  return negated ? params.negatedPolarity : params.affirmativePolarity;
}

function withPolarity(match: string, polarity: Polarity, within?: number): PatternSpec {
  if (polarity === 'affirmative' && within === undefined) return match;
  return { match, ...(within === undefined ? {} : { within }), ...(polarity === 'affirmative' ? {} : { polarity }) };
}

export function wordPattern(candidate: WordCandidate, params: PatternParameters): PatternSpec {
  return withPolarity(wordItem(candidate, params), polarityOf(candidate.negated, params));
}

export function phrasePattern(phrase: PhraseCandidate, params: PatternParameters): PatternSpec {
  const [a, b] = phrase.members;
  const match = `${wordItem(a, params)} ${wordItem(b, params)}`;
  return withPolarity(match, polarityOf(a.negated && b.negated, params), params.phraseWithin);
}
