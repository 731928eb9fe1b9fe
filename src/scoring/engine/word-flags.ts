/**
 * Bit flags describing what a word does grammatically, looked up once per
 * token (see lexicon.ts) so the hot loops test bits instead of sets.
 */
export const FUNCTION_WORD = 1;
export const NEGATION_CUE = 2;
/** First word of a two-word negation cue ("instead of", "rather than"). */
export const PAIR_CUE = 4;
/** Ends a negation scope ("but", "because" …). */
export const SCOPE_END = 8;
/** Opens a contrasting clause ("but", "while", "whereas" …). */
export const CONTRASTIVE = 16;
/** "and", "or", "so": open a new clause when a subject follows. */
export const COORDINATING = 32;
/** Words that typically start a clause's subject ("the", "it", "they" …). */
export const SUBJECT_START = 64;
export const NUMBER_WORD = 128;
