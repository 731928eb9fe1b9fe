import { canonicalDigits, isNumberWord, numberWordsValue } from './numbers';

describe('numbers', () => {
  it('reads digit strings, with thousands separators and decimals', () => {
    expect(canonicalDigits('16')).toBe('16');
    expect(canonicalDigits('16,000')).toBe('16000');
    expect(canonicalDigits('0.5')).toBe('0.5');
    expect(canonicalDigits('0')).toBe('0');
  });

  it('keeps leading-zero codes literal', () => {
    expect(canonicalDigits('01')).toBeUndefined();
    expect(canonicalDigits('00')).toBeUndefined();
    expect(canonicalDigits('b3')).toBeUndefined();
  });

  it.each([
    [['sixteen'], '16'],
    [['thirty', 'two'], '32'],
    [['one', 'hundred'], '100'],
    [['hundred'], '100'],
    [['one', 'hundred', 'twenty', 'eight'], '128'],
    [['two', 'thousand', 'five', 'hundred'], '2500'],
    [['zero'], '0'],
  ])('%j is %s', (words, value) => {
    expect(numberWordsValue(words)).toBe(value);
  });

  it('rejects sequences that are several numbers, not one', () => {
    expect(numberWordsValue(['one', 'two'])).toBeUndefined();
    expect(numberWordsValue(['twenty', 'thirty'])).toBeUndefined();
    expect(numberWordsValue(['ten', 'five'])).toBeUndefined();
    expect(numberWordsValue(['one', 'span'])).toBeUndefined();
    expect(numberWordsValue([])).toBeUndefined();
  });

  it('knows number words and nothing else', () => {
    expect(isNumberWord('sixteen')).toBe(true);
    expect(isNumberWord('constructor')).toBe(false);
    expect(isNumberWord('span')).toBe(false);
  });
});
