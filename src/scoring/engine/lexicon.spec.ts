import { wordFlags } from './lexicon';
import { CONTRASTIVE, COORDINATING, FUNCTION_WORD, NEGATION_CUE, NUMBER_WORD, PAIR_CUE, SCOPE_END, SUBJECT_START } from './word-flags';

describe('wordFlags', () => {
  it.each([
    ['the', FUNCTION_WORD | SUBJECT_START],
    ['not', FUNCTION_WORD | NEGATION_CUE],
    ["shouldn't", FUNCTION_WORD | NEGATION_CUE],
    ["mustn't", FUNCTION_WORD | NEGATION_CUE],
    ["ain't", NEGATION_CUE],
    ['instead', PAIR_CUE | SCOPE_END],
    ['but', FUNCTION_WORD | SCOPE_END | CONTRASTIVE],
    ['and', FUNCTION_WORD | COORDINATING],
    ['sixteen', NUMBER_WORD],
    ['span', 0],
    ['constructor', 0],
  ])('%s has the expected flags', (word, flags) => {
    expect(wordFlags(word)).toBe(flags);
  });
});
