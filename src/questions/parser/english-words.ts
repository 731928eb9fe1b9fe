/**
 * Word-boundary heuristics for splitting glued text. The parser must never
 * split a normal word, so a piece left over after cutting out a code term has
 * to look like an English word: a word the document itself uses, a common
 * function word, or (where the code evidence is strong) a plausible word.
 */

/** Short words that are often glued to inline code but may not occur on their own in a given document. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor not no as at by for from in into inside of off on onto out over per than that then to ' +
    'under up upon via with within without behind before after above below between across along among around ' +
    'against beyond during through toward towards until is are was were be been being am do does did has have had ' +
    'it its this these those there their them they we our you your he she his her if so such each every all any some ' +
    'more most other own same both either one only just even still yet else when where while why how what which who ' +
    'whose because since though unless whether can could may might must shall should will would also uses use using'
  ).split(' '),
);

export interface WordKnowledge {
  /** Lowercase plain words that occur on their own in the document, with counts. */
  readonly proseWords: ReadonlyMap<string, number>;
}

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

export function isKnownWord(word: string, knowledge: WordKnowledge): boolean {
  const lower = word.toLowerCase();
  return FUNCTION_WORDS.has(lower) || knowledge.proseWords.has(lower);
}

/** A piece of at least three letters with a vowel, written as an ordinary word. */
export function isPlausibleWord(word: string): boolean {
  return /^[A-Za-z][a-z]{2,}$/.test(word) && /[aeiouy]/i.test(word);
}

/**
 * A piece that may stand before a split point ("Putting" in "Puttinghttp.status_code"):
 * a known word, the article "a", or an inflected word (-ing, -ed, -ly, -es).
 */
export function isLeftWord(word: string, knowledge: WordKnowledge): boolean {
  if (!/^[A-Za-z][a-z]*$/.test(word)) return false;
  if (word.length === 1) return word.toLowerCase() === 'a';
  return isKnownWord(word, knowledge) || /^[A-Za-z][a-z]{2,}(?:ing|ed|ly|es)$/.test(word);
}

/** A piece that may follow a split point ("as" in "http.status_codeas"). */
export function isRightWord(word: string, knowledge: WordKnowledge): boolean {
  if (!/^[a-z]{2,}$/.test(word)) return false;
  return isKnownWord(word, knowledge) || isPlausibleWord(word);
}
