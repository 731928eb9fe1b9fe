import { wordFlags } from './lexicon';
import { isNegationCueWord, markNegation } from './negation';
import { tokenize } from './tokenizer';

/** The words of `text` that fall inside a negation scope. */
function negatedWords(text: string): string[] {
  const { tokens } = tokenize(text);
  const marks = markNegation(tokens, tokens.map((t) => wordFlags(t.text)));
  return tokens.filter((_, i) => marks.negated[i]).map((t) => t.text);
}

describe('negation scope', () => {
  it.each([
    ['the consumer is not sampled', ['sampled']],
    ['never parent the consumer', ['parent', 'the', 'consumer']],
    ['no need for links', ['need', 'for', 'links']],
    ["it isn't propagated", ['propagated']],
    ["you shouldn't parent it", ['parent', 'it']],
    ['you dont need baggage', ['need', 'baggage']],
    ['use a link instead of a parent', ['a', 'parent']],
    ['links rather than parents', ['parents']],
    ['without context the trace breaks', ['context', 'the', 'trace', 'breaks']],
    ['neither sampled nor exported', ['sampled', 'exported']],
  ])('"%s" negates %j', (text, words) => {
    expect(negatedWords(text)).toEqual(words);
  });

  it('ends at clause punctuation and at contrastive conjunctions', () => {
    expect(negatedWords('not sampled, but exported')).toEqual(['sampled']);
    expect(negatedWords('it is not sampled but it is exported')).toEqual(['sampled']);
    expect(negatedWords('No, the consumer is sampled')).toEqual([]);
  });

  it('ends at the end of the sentence', () => {
    expect(negatedWords('Not this one. The consumer is sampled.')).toEqual(['this', 'one']);
  });

  it('restarts rather than cancels on a second cue', () => {
    expect(negatedWords('not sampled and not exported')).toEqual(['sampled', 'and', 'exported']);
  });

  it('ignores pseudo-negations like "not only"', () => {
    expect(negatedWords('not only sampled but also exported')).toEqual([]);
    expect(negatedWords('no doubt it is sampled')).toEqual([]);
  });

  it('has a bounded scope', () => {
    const words = negatedWords(`not ${'word '.repeat(30)}`);
    expect(words.length).toBe(12);
  });

  it('recognises cue words for pattern polarity', () => {
    expect(isNegationCueWord('not')).toBe(true);
    expect(isNegationCueWord("doesn't")).toBe(true);
    expect(isNegationCueWord('without')).toBe(true);
    expect(isNegationCueWord('parent')).toBe(false);
  });
});
