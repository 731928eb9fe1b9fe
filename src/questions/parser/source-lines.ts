/**
 * Turns raw document text into numbered lines. Everything downstream works on
 * these, so line numbers in warnings always match what an editor shows.
 */
export interface SourceLine {
  /** 1-based line number in the original text. */
  number: number;
  /** The line with surrounding whitespace removed. */
  text: string;
  /** The line with only trailing whitespace removed (keeps code indentation when the source has any). */
  raw: string;
}

/**
 * Private-use character the parser inserts where a scraped paragraph was broken
 * across lines. It marks "inline code starts here" for the glue repair, so it
 * must never come from the input.
 */
export const BREAK_MARK = '\uE000';

export function toSourceLines(input: unknown): SourceLine[] {
  if (typeof input !== 'string' || input.length === 0) return [];
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\uE000/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/\t/g, '    ');
  return text.split(/\r\n|\r|\n/).map((line, index) => ({
    number: index + 1,
    text: line.trim(),
    raw: line.trimEnd(),
  }));
}
