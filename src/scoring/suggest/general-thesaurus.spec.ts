import { generalSynonymsFor } from './general-thesaurus';

describe('generalSynonymsFor', () => {
  it('finds a group by any inflection of a member', () => {
    expect(generalSynonymsFor(['smallest'])).toEqual({ smallest: ['minimum', 'lowest'] });
    expect(generalSynonymsFor(['minimums']).minimums).toEqual(['smallest', 'lowest']);
  });

  it('keeps multi-word entries and leaves out the word itself', () => {
    expect(generalSynonymsFor(['once']).once).toEqual(['one time', 'single time']);
  });

  it('merges every group a word belongs to', () => {
    expect(generalSynonymsFor(['hold']).hold).toEqual(expect.arrayContaining(['contain']));
  });

  it('returns nothing for words outside every group, including Object.prototype names', () => {
    expect(generalSynonymsFor(['traceparent', 'constructor', 'toString'])).toEqual({});
  });
});
