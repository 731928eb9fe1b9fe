/**
 * One map from word to grammatical flags, built from the word lists of the
 * modules that own them (function words, negation cues, number words, clause
 * openers), so each answer token costs a single lookup.
 */
import { FUNCTION_WORDS } from './function-words';
import { NEGATION_PAIR_FIRST_WORDS, NEGATION_WORDS, SCOPE_ENDING_WORDS } from './negation';
import { NUMBER_WORDS } from './numbers';
import { COORDINATING, CONTRASTIVE, FUNCTION_WORD, NEGATION_CUE, NUMBER_WORD, PAIR_CUE, SCOPE_END, SUBJECT_START } from './word-flags';

const CONTRASTIVE_WORDS = ['but', 'while', 'whereas', 'although', 'though', 'however', 'unlike', 'yet'];
const COORDINATING_WORDS = ['and', 'or', 'so'];
const SUBJECT_WORDS = ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'it', 'they', 'we', 'you', 'he', 'she', 'i'];

const FLAGS = new Map<string, number>();

function mark(words: Iterable<string>, flag: number): void {
  for (const w of words) FLAGS.set(w, (FLAGS.get(w) ?? 0) | flag);
}

mark(FUNCTION_WORDS, FUNCTION_WORD);
mark(NEGATION_WORDS, NEGATION_CUE);
mark(NEGATION_PAIR_FIRST_WORDS, PAIR_CUE);
mark(SCOPE_ENDING_WORDS, SCOPE_END);
mark(NUMBER_WORDS, NUMBER_WORD);
mark(CONTRASTIVE_WORDS, CONTRASTIVE);
mark(COORDINATING_WORDS, COORDINATING);
mark(SUBJECT_WORDS, SUBJECT_START);

export function wordFlags(text: string): number {
  const flags = FLAGS.get(text) ?? 0;
  // Any "…n't" contraction is a negation cue (isn't, shouldn't, mustn't …).
  const n = text.length;
  if (n > 3 && text.charCodeAt(n - 1) === 116 && text.charCodeAt(n - 2) === 39 && text.charCodeAt(n - 3) === 110) return flags | NEGATION_CUE;
  return flags;
}
