import { buildCorpusStats, documentFrequency, EMPTY_CORPUS, inverseDocumentFrequency } from './corpus-stats';

describe('buildCorpusStats', () => {
  const stats = buildCorpusStats([
    'The linked list grows. A linked list node links onward.',
    'A stack pops the last element.',
    'The linked list of free blocks.',
  ]);

  it('counts documents, not occurrences, per stem', () => {
    expect(stats.documentCount).toBe(3);
    // "linked", "links": one stem, in two documents (the first says it three times).
    expect(documentFrequency(stats, 'link')).toBe(2);
    expect(documentFrequency(stats, 'stack')).toBe(1);
  });

  it('counts adjacent content-word pairs as phrases', () => {
    expect(documentFrequency(stats, 'link list')).toBe(2);
    expect(documentFrequency(stats, 'last element')).toBe(1);
  });

  it('ignores stop words and does not pair words across punctuation', () => {
    expect(documentFrequency(stats, 'the')).toBe(0);
    expect(documentFrequency(stats, 'grow link')).toBe(0);
  });

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
  });

  it('never reads inherited properties: "constructor" is just a word', () => {
    expect(documentFrequency(EMPTY_CORPUS, 'constructor')).toBe(0);
    expect(documentFrequency(buildCorpusStats(['A constructor runs.']), 'constructor')).toBe(1);
    expect(Number.isFinite(inverseDocumentFrequency(EMPTY_CORPUS, 'constructor'))).toBe(true);
  });
});

describe('inverseDocumentFrequency', () => {
  const stats = { documentCount: 9, documentFrequency: { common: 9, rare: 1 } };

  it('is 1 for a key in every document and grows as the key gets rarer', () => {
    expect(inverseDocumentFrequency(stats, 'common')).toBeCloseTo(1 + Math.log(10 / 10), 12);
    expect(inverseDocumentFrequency(stats, 'rare')).toBeCloseTo(1 + Math.log(10 / 2), 12);
    expect(inverseDocumentFrequency(stats, 'unseen')).toBeCloseTo(1 + Math.log(10), 12);
  });

  it('is 1 for everything without a corpus', () => {
    expect(inverseDocumentFrequency(EMPTY_CORPUS, 'anything')).toBe(1);
  });
});
