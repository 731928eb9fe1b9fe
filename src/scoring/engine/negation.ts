/**
 * Negation scope, NegEx-style: a negation cue ("not", "never", "n't",
 * "without", "instead of" …) negates the words that follow it in the same
 * clause. The scope ends at clause punctuation, at a contrastive conjunction
 * ("but", "however" …), at the end of the sentence, or after a fixed number
 * of words. A later cue restarts the scope instead of cancelling it:
 * "not sampled and not exported" negates both, and double negatives are rare
 * in interview answers.
 */
import type { Token } from './tokenizer';
import { scratchUint8 } from './scratch';
import { NEGATION_CUE, PAIR_CUE, SCOPE_END } from './word-flags';

const SINGLE_CUES = new Set([
  'not', 'no', 'never', 'none', 'neither', 'nor', 'nothing', 'nobody', 'nowhere', 'without',
  'cannot', 'lack', 'lacks', 'lacking',
  'dont', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'cant', 'wont', 'shouldnt', 'didnt',
  'hasnt', 'havent', 'hadnt', 'wouldnt', 'couldnt', 'mustnt', 'neednt',
]);

/** Two-word cues; the scope starts after the second word. */
const PAIR_CUES: ReadonlyArray<readonly [string, string]> = [
  ['instead', 'of'],
  ['rather', 'than'],
  ['opposed', 'to'],
  ['fail', 'to'],
  ['fails', 'to'],
  ['failed', 'to'],
  ['failing', 'to'],
];

/** Cue + next word that is not a negation at all ("not only X but also Y"). */
const PSEUDO_NEGATIONS: ReadonlyArray<readonly [string, string]> = [
  ['not', 'only'],
  ['not', 'just'],
  ['not', 'merely'],
  ['not', 'simply'],
  ['no', 'doubt'],
  ['no', 'matter'],
  ['nothing', 'but'],
];

export const NEGATION_WORDS: ReadonlySet<string> = SINGLE_CUES;
export const NEGATION_PAIR_FIRST_WORDS: readonly string[] = PAIR_CUES.map(([a]) => a);

export const SCOPE_ENDING_WORDS: ReadonlySet<string> = new Set([
  'but', 'however', 'although', 'though', 'whereas', 'yet', 'unless', 'except', 'because', 'since',
  'so', 'which', 'who', 'while', 'instead', 'otherwise', 'therefore', 'thus', 'hence',
]);

export const NEGATION_SCOPE_WORDS = 12;

/** Whether a rubric pattern word is itself a negation cue (such patterns default to polarity "any"). */
export function isNegationCueWord(text: string): boolean {
  return SINGLE_CUES.has(text) || text.endsWith("n't") || text === 'instead' || text === 'rather';
}

/** Number of tokens forming a negation cue at i (0 when there is none). */
function cueLength(tokens: readonly Token[], flags: ArrayLike<number>, i: number): number {
  const f = flags[i];
  if ((f & (NEGATION_CUE | PAIR_CUE)) === 0) return 0;
  const word = tokens[i].text;
  const single = (f & NEGATION_CUE) !== 0;
  const next = tokens[i + 1];
  const sameClause = next !== undefined && next.sentence === tokens[i].sentence && !next.breakBefore;
  if (sameClause && PSEUDO_NEGATIONS.some(([a, b]) => a === word && b === next.text)) return 0;
  if (single) return 1;
  if (sameClause && PAIR_CUES.some(([a, b]) => a === word && b === next.text)) return 2;
  return 0;
}

export interface NegationMarks {
  /** Per token: 1 when it lies inside a negation scope (a reused buffer: index only below the token count). */
  negated: Uint8Array;
  /** Per token: 1 when it is (part of) a negation cue. */
  cue: Uint8Array;
}

/** `flags` are the tokens' word flags (lexicon.ts). */
export function markNegation(tokens: readonly Token[], flags: ArrayLike<number>): NegationMarks {
  const negated = scratchUint8('negated', tokens.length).fill(0, 0, tokens.length);
  const cue = scratchUint8('negationCue', tokens.length).fill(0, 0, tokens.length);
  let remaining = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.breakBefore) remaining = 0;
    const len = cueLength(tokens, flags, i);
    if (len > 0) {
      for (let k = i; k < i + len; k++) cue[k] = 1;
      i += len - 1;
      remaining = NEGATION_SCOPE_WORDS;
      continue;
    }
    if (remaining > 0 && (flags[i] & SCOPE_END) !== 0) {
      const startsPairCue = PAIR_CUES.some(([a, b]) => a === t.text && tokens[i + 1]?.text === b);
      if (!startsPairCue) remaining = 0;
    }
    if (remaining > 0) {
      negated[i] = 1;
      remaining--;
    }
  }
  return { negated, cue };
}
