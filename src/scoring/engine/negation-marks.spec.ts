import { negationOf } from './negation-marks';
import { tokenize } from './tokenizer';

describe('negationOf (negation marks for callers outside the engine)', () => {
  it('marks the cue and the words it governs, up to the end of the clause', () => {
    const { tokens } = tokenize('The consumer is not parented, but it is linked.');
    const { negated, cue } = negationOf(tokens);
    const words = tokens.map((t) => t.text);
    expect(words.filter((_, i) => cue[i])).toEqual(['not']);
    expect(words.filter((_, i) => negated[i])).toEqual(['parented']);
  });

  it('treats two-word cues as one and ignores pseudo-negations', () => {
    const instead = tokenize('use a link instead of a parent');
    expect(instead.tokens.map((t) => t.text).filter((_, i) => negationOf(instead.tokens).cue[i])).toEqual(['instead', 'of']);
    const notOnly = tokenize('not only spans but also links');
    expect(negationOf(notOnly.tokens).negated.some(Boolean)).toBe(false);
  });

  it('returns plain arrays as long as the token list, independent of later calls', () => {
    const first = negationOf(tokenize('never sampled').tokens);
    negationOf(tokenize('a b c d e f g h').tokens);
    expect(first.negated).toEqual([false, true]);
  });
});
