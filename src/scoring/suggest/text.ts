/**
 * The model answer as the suggester sees it: content words with their stems,
 * clause position and negation, built on the engine's own tokenizer and
 * stemmer so that the words we pick are exactly the words the engine matches.
 */
import { negationOf, stem, tokenize } from '../engine';
import { isStopWord } from './stopwords';

export interface Word {
  /** Folded surface text, e.g. "sampling", "span.end()", "x-b3-traceid". */
  text: string;
  /** Grouping key: the Porter2 stem, or the whole folded text for code-like terms. */
  key: string;
  /** Stems of a code-like term's sub-words (`recordexception` → record, except); the key alone otherwise. */
  partKeys: string[];
  codeLike: boolean;
  isNumber: boolean;
  /** Function word or generic filler: never a concept on its own. */
  stop: boolean;
  /** Inside a clause that a negation cue ("not", "never", "without" …) governs. */
  negated: boolean;
  sentence: number;
  /** Position in the whole text, counting every word (stop words too). */
  position: number;
  /** A clause boundary (punctuation or sentence start) separates this word from the previous one. */
  breakBefore: boolean;
  /** The original sentence, for feedback. */
  sentenceText: string;
}

/** What Porter2 stems; numbers and anything else keep their folded text as key. */
const STEMMABLE = /^[a-z']+$/;
/** Hex ids and similar opaque values ("4bf92f3577b3", "t61rcwk") are example data, not concepts. */
const HEX_VALUE = /^(?=.*\d)[0-9a-f-]{6,}$/;
const MIXED_VALUE = /^(?=.{6,}$)[a-z]*\d+[a-z]+\d*[a-z]*$/;

function isOpaqueValue(text: string): boolean {
  return HEX_VALUE.test(text) || (MIXED_VALUE.test(text) && (text.match(/\d/g) ?? []).length >= 2);
}

/**
 * The engine's stemmer, guarded: its exception table is a plain object, so
 * `stem('constructor')` returns Object's constructor function instead of a
 * string (reported to the engine's owner). A non-string result means "no
 * stem": the word is its own key.
 */
export function safeStem(word: string): string {
  const result: unknown = stem(word);
  return typeof result === 'string' ? result : word;
}

function stemOf(text: string): string {
  return STEMMABLE.test(text) ? safeStem(text) : text;
}

/** Splits the text into words. Hyphenated plain words ("doubly-linked") become their parts; code-like terms stay whole. */
export function analyze(text: string): Word[] {
  const { tokens, sentences } = tokenize(text);
  const negation = negationOf(tokens);
  const words: Word[] = [];
  tokens.forEach((token, tokenIndex) => {
    const sentence = sentences[token.sentence];
    const sentenceText = text.slice(sentence.start, sentence.end);
    const lower = token.text;
    const isNegation = negation.cue[tokenIndex];
    const pieces =
      token.kind === 'code' ? [{ text: lower, code: true }] : token.parts.map((part) => ({ text: part.text, code: false }));
    pieces.forEach((piece, index) => {
      const isNumber = token.kind === 'number';
      const key = piece.code ? piece.text : stemOf(piece.text);
      words.push({
        text: piece.text,
        key,
        partKeys: piece.code ? token.parts.map((part) => stemOf(part.text)) : [key],
        codeLike: piece.code,
        isNumber,
        stop: isNegation || token.kind === 'symbol' || isStopWord(piece.text) || (!isNumber && isOpaqueValue(piece.text)),
        negated: negation.negated[tokenIndex],
        sentence: token.sentence,
        position: words.length,
        breakBefore: index === 0 && (token.breakBefore || token.sentence !== (words[words.length - 1]?.sentence ?? -1)),
        sentenceText,
      });
    });
  });
  return words;
}

/**
 * Keys of every content word, for comparing a text against the prompt. Code
 * terms contribute their sub-words too, as the engine's prompt check does:
 * a prompt naming `recordException` already says "exception".
 */
export function contentKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const word of analyze(text)) {
    if (word.stop) continue;
    keys.add(word.key);
    for (const part of word.partKeys) keys.add(part);
  }
  return keys;
}
