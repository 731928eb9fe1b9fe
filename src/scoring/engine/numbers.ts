/**
 * Numbers written as words or digits compare equal: `16` = `sixteen`,
 * `thirty-two` = `32`, `one hundred` = `100`. Digit strings with a leading
 * zero (`00`, `01`) are codes, not quantities, and keep their literal form.
 */

const UNITS = new Map<string, number>(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
}));

const MULTIPLIERS = new Map<string, number>([
  ['thousand', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
]);

export const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), 'hundred', ...MULTIPLIERS.keys()]);

export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

/** Canonical value of a digit string ("16", "16,000", "0.5"), or undefined for codes like "01". */
export function canonicalDigits(text: string): string | undefined {
  const plain = text.replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(plain)) return undefined;
  if (plain.length > 1 && plain.startsWith('0') && !plain.startsWith('0.')) return undefined;
  return plain;
}

/**
 * Value of a run of number words ("one hundred twenty eight" → "128"), or
 * undefined when the run is not a well-formed number.
 */
export function numberWordsValue(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let sawAny = false;
  for (const w of words) {
    const v = UNITS.get(w);
    const multiplier = MULTIPLIERS.get(w);
    if (v !== undefined) {
      // "twenty one" adds, "one two" is two numbers, not twelve.
      const tail = current % 100;
      if (tail !== 0 && (v >= 10 || tail % 10 !== 0 || tail < 20)) return undefined;
      current += v;
    } else if (w === 'hundred') {
      if (current >= 100) return undefined;
      current = (current || 1) * 100;
    } else if (multiplier !== undefined) {
      total += (current || 1) * multiplier;
      current = 0;
    } else {
      return undefined;
    }
    sawAny = true;
  }
  return sawAny ? String(total + current) : undefined;
}
