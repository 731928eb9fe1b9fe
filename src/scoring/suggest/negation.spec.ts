import { tokenize } from '../engine';
import { markNegation } from './negation';

function negatedWords(text: string): string[] {
  const { tokens } = tokenize(text);
  const { negated } = markNegation(tokens);
  return tokens.filter((_, i) => negated[i]).map((t) => t.text);
}

describe('markNegation', () => {
  it('negates the rest of the clause after a cue', () => {
    expect(negatedWords('A leaf has no children, only a parent.')).toEqual(['children']);
    expect(negatedWords("Constructors don't have a return type.")).toEqual(['have', 'a', 'return', 'type']);
  });

  it('ends the scope at a contrastive conjunction or the end of the sentence', () => {
    expect(negatedWords('It is not sampled but exported. Then kept.')).toEqual(['sampled']);
  });

  it('handles two-word cues and ignores pseudo-negations', () => {
    expect(negatedWords('Use iteration instead of recursion.')).toEqual(['recursion']);
    expect(negatedWords('Not only fast but small.')).toEqual([]);
  });

  it('limits the scope to a fixed number of words', () => {
    const words = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(negatedWords(`never ${words}`)).toHaveLength(12);
  });

  it('marks the cue words themselves', () => {
    const { tokens } = tokenize('rather than copying');
    expect(markNegation(tokens).cue).toEqual([true, true, false]);
  });
});
