import { allowedEdits, damerauLevenshtein, isNearMiss } from './fuzzy';

describe('damerauLevenshtein', () => {
  it.each([
    ['sample', 'sample', 0],
    ['sample', 'smaple', 1], // adjacent transposition is one edit
    ['sample', 'sampl', 1], // deletion
    ['sample', 'samples', 1], // insertion
    ['sample', 'sanple', 1], // substitution
    ['propagation', 'propagaiton', 1],
    ['propagation', 'porpagaiton', 2],
    ['', 'ab', 2],
    ['kitten', 'sitting', 3],
  ])('d(%s, %s) = %i', (a, b, d) => {
    expect(damerauLevenshtein(a, b, 5)).toBe(d);
    expect(damerauLevenshtein(b, a, 5)).toBe(d);
  });

  it('stops early and reports max + 1 when the bound is exceeded', () => {
    expect(damerauLevenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(damerauLevenshtein('a', 'abcdef', 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it('allows none below 5 letters, one for 5–8, two for 9 or more', () => {
    expect([4, 5, 8, 9, 14].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('isNearMiss', () => {
  it('accepts one edit on a 5–8 letter word and two on a longer one', () => {
    expect(isNearMiss('smaple', 'smapl', 'sample', 'sampl')).toBe(true);
    expect(isNearMiss('propogaton', 'propogaton', 'propagation', 'propag')).toBe(true);
  });

  it('rejects more edits than the length allows', () => {
    expect(isNearMiss('smpale', 'smpale', 'sample', 'sampl')).toBe(false);
  });

  it('requires the same first letter', () => {
    expect(isNearMiss('xample', 'xampl', 'sample', 'sampl')).toBe(false);
  });

  it('never fuzzes short rubric words', () => {
    expect(isNearMiss('spam', 'spam', 'span', 'span')).toBe(false);
  });

  it('compares stems too, so inflected misspellings match', () => {
    expect(isNearMiss('propegated', 'propeg', 'propagate', 'propag')).toBe(true);
  });
});
