import { wordFlags } from './lexicon';
import { markNegation } from './negation';
import type { Token } from './tokenizer';

/**
 * Negation marks for callers outside the engine (the rubric suggester): the
 * same rules the matcher applies, as plain arrays rather than reused buffers.
 */
export function negationOf(tokens: readonly Token[]): { negated: boolean[]; cue: boolean[] } {
  const marks = markNegation(
    tokens,
    tokens.map((token) => wordFlags(token.text)),
  );
  return {
    negated: Array.from(marks.negated.subarray(0, tokens.length), (v) => v === 1),
    cue: Array.from(marks.cue.subarray(0, tokens.length), (v) => v === 1),
  };
}
