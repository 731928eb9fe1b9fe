import { isFunctionWord, isKnownWord, isLeftWord, isPlausibleWord, isRightWord } from './english-words';

const knowledge = { proseWords: new Map([['header', 2], ['entry', 1]]) };

describe('english word heuristics', () => {
  it('knows function words and the document\'s own words, case-insensitively', () => {
    expect(isFunctionWord('With')).toBe(true);
    expect(isFunctionWord('header')).toBe(false);
    expect(isKnownWord('from', knowledge)).toBe(true);
    expect(isKnownWord('Header', knowledge)).toBe(true);
    expect(isKnownWord('usage', knowledge)).toBe(false);
  });

  it('finds plausible words: three letters or more with a vowel', () => {
    expect(isPlausibleWord('usage')).toBe(true);
    expect(isPlausibleWord('Putting')).toBe(true);
    expect(isPlausibleWord('bcd')).toBe(false);
    expect(isPlausibleWord('ab')).toBe(false);
    expect(isPlausibleWord('camelCase')).toBe(false);
  });

  it('accepts as left piece the article, known words and inflected words', () => {
    expect(isLeftWord('a', knowledge)).toBe(true);
    expect(isLeftWord('x', knowledge)).toBe(false);
    expect(isLeftWord('Putting', knowledge)).toBe(true);
    expect(isLeftWord('behind', knowledge)).toBe(true);
    expect(isLeftWord('otel', knowledge)).toBe(false);
    expect(isLeftWord('as1', knowledge)).toBe(false);
  });

  it('accepts as right piece lowercase words of two letters or more that are known or plausible', () => {
    expect(isRightWord('as', knowledge)).toBe(true);
    expect(isRightWord('blob', knowledge)).toBe(true);
    expect(isRightWord('s', knowledge)).toBe(false);
    expect(isRightWord('zz', knowledge)).toBe(false);
    expect(isRightWord('Span', knowledge)).toBe(false);
  });
});
