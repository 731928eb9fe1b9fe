/**
 * Splits an answer into tokens and sentences while keeping UTF-16 offsets into
 * the ORIGINAL text, so evidence can always be sliced back out of it.
 *
 * A token is a whole "word as written": plain words, numbers (0.5, 16,000) and
 * code-like terms kept whole (http.request.method, X-B3-TraceId, span.End(),
 * doesn't). Each token also carries its sub-words ("parts") for matching:
 * traceId, trace_id, trace-id and TraceID all have the parts `trace` `id`.
 */
import { fold } from './fold';

export type TokenKind = 'word' | 'number' | 'code' | 'symbol';

export interface Part {
  start: number;
  end: number;
  /** Folded text of the sub-word. */
  text: string;
}

export interface Token {
  start: number;
  end: number;
  /** Folded surface, separators kept: "http.request.method", "trace-id", "span.end()". */
  text: string;
  /** Folded parts concatenated: "httprequestmethod", "traceid". */
  joined: string;
  kind: TokenKind;
  parts: Part[];
  sentence: number;
  /** Clause punctuation (, : ( ) …) or a sentence start lies between this token and the previous one. */
  breakBefore: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  firstToken: number;
  /** Exclusive. */
  endToken: number;
}

export interface Tokenized {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** Abbreviations whose trailing dot does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'vs', 'cf', 'approx', 'incl', 'resp', 'esp', 'fig']);

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/uy;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Length (1 or 2 code units) of the letter/digit/mark at i, or 0. `_` counts as a word character. */
function wordCharLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
  }
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(s) ? WORD_CHAR.lastIndex - i : 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterAt(s: string, i: number): boolean {
  return wordCharLength(s, i) > 0 && !isDigit(s.charCodeAt(i)) && s.charCodeAt(i) !== 95;
}

/** Symbols that carry meaning in technical answers ("01 = sampled", "10%"); each is a token of its own. */
const SYMBOLS = new Set(['=', '%', '+', '&', '#', '@', '$', '\u20ac', '\u00a3', '<', '>', '~', '^', '\u00d7', '\u2192', '\u2190', '\u21d2', '\u2260', '\u2264', '\u2265', '\u2248']);

export function isSymbol(text: string): boolean {
  return SYMBOLS.has(text);
}

const CLAUSE_BREAKS = new Set([',', ':', '(', ')', '[', ']', '{', '}', '|', '\u2013', '\u2014', '\u2026']);
const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '\u3002', '\uff01', '\uff1f', '\uff1b']);

const NUMBER = /^\d+(?:,\d{3})*(?:\.\d+)?$/;
const PLAIN_LOWER = /^[a-z]+$/;
/** Capitalised or all-caps ASCII words need no camelCase split. */
const PLAIN_CASED = /^(?:[A-Z]?[a-z]+|[A-Z]+)$/;

type CharClass = 'U' | 'L' | 'D' | 'O';

function charClass(ch: string): CharClass {
  const c = ch.charCodeAt(0);
  if (isDigit(c)) return 'D';
  if (c >= 65 && c <= 90) return 'U';
  if (c >= 97 && c <= 122) return 'L';
  if (c < 0x80) return 'O';
  if (UPPER.test(ch)) return 'U';
  if (LOWER.test(ch)) return 'L';
  return 'O';
}

/**
 * Splits one separator-free piece on camelCase / acronym / leading-number
 * boundaries: traceId → trace|Id, HTTPServer → HTTP|Server, 128bit → 128|bit.
 * Returns the piece-relative cut points.
 */
function camelCuts(piece: string): number[] {
  const chars = Array.from(piece);
  const classes = chars.map(charClass);
  const offsets: number[] = [];
  let off = 0;
  for (const ch of chars) {
    offsets.push(off);
    off += ch.length;
  }
  const cuts: number[] = [];
  const leadingDigits = classes.findIndex((c) => c !== 'D');
  if (leadingDigits > 0 && !classes.slice(leadingDigits).includes('D')) cuts.push(offsets[leadingDigits]);
  for (let k = 1; k < chars.length; k++) {
    const prev = classes[k - 1];
    const cur = classes[k];
    const next = classes[k + 1];
    if (prev === 'L' && cur === 'U') cuts.push(offsets[k]);
    else if (prev === 'U' && cur === 'U' && next === 'L') {
      const pluralAcronym = k + 1 === chars.length - 1 && chars[k + 1] === 's';
      if (!pluralAcronym) cuts.push(offsets[k]);
    }
  }
  return cuts.sort((a, b) => a - b);
}

interface Surface {
  start: number;
  /** End of the identifier itself, before any trailing `()`. */
  coreEnd: number;
  end: number;
}

function scanToken(s: string, i: number): Surface {
  const n = s.length;
  let j = i;
  for (;;) {
    let len = wordCharLength(s, j);
    while (j < n && len > 0) {
      j += len;
      len = wordCharLength(s, j);
    }
    if (j + 1 >= n) break;
    const c = s[j];
    const next = j + 1;
    if ((c === '.' || c === '-') && wordCharLength(s, next) > 0) {
      j = next;
      continue;
    }
    if ((c === "'" || c === '\u2019') && isLetterAt(s, next)) {
      j = next;
      continue;
    }
    if (c === ',' && isDigit(s.charCodeAt(j - 1)) && /^\d{3}(?!\d)/.test(s.slice(next, next + 4))) {
      j = next;
      continue;
    }
    break;
  }
  const coreEnd = j;
  if (s[j] === '(' && s[j + 1] === ')') j += 2;
  return { start: i, coreEnd, end: j };
}

function buildToken(s: string, surface: Surface, sentence: number, breakBefore: boolean): Token {
  const core = s.slice(surface.start, surface.coreEnd);
  const text = surface.end === surface.coreEnd && PLAIN_LOWER.test(core) ? core : fold(s.slice(surface.start, surface.end));
  if (PLAIN_LOWER.test(core)) {
    return { start: surface.start, end: surface.end, text, joined: core, kind: surface.end === surface.coreEnd ? 'word' : 'code', parts: [{ start: surface.start, end: surface.coreEnd, text: core }], sentence, breakBefore };
  }
  if (PLAIN_CASED.test(core)) {
    const lower = core.toLowerCase();
    return { start: surface.start, end: surface.end, text, joined: lower, kind: surface.end === surface.coreEnd ? 'word' : 'code', parts: [{ start: surface.start, end: surface.coreEnd, text: lower }], sentence, breakBefore };
  }
  if (NUMBER.test(core)) {
    return { start: surface.start, end: surface.end, text, joined: text, kind: 'number', parts: [{ start: surface.start, end: surface.coreEnd, text }], sentence, breakBefore };
  }
  const parts: Part[] = [];
  let code = surface.end !== surface.coreEnd || /[._]/.test(core);
  const pieceRe = /[^._-]+/g;
  for (let m = pieceRe.exec(core); m; m = pieceRe.exec(core)) {
    const piece = m[0];
    const base = surface.start + m.index;
    if (/\d/.test(piece) && /[^\d]/.test(piece)) code = true;
    const cuts = camelCuts(piece);
    if (cuts.length > 0 && !/^\d/.test(piece)) code = true;
    let from = 0;
    for (const cut of [...cuts, piece.length]) {
      if (cut > from) parts.push({ start: base + from, end: base + cut, text: fold(piece.slice(from, cut)) });
      from = cut;
    }
  }
  const joined = parts.map((p) => p.text).join('');
  return { start: surface.start, end: surface.end, text, joined, kind: code ? 'code' : 'word', parts, sentence, breakBefore };
}

/** A single newline continues the sentence when the next line starts in lower case (hard-wrapped prose). */
function newlineEndsSentence(s: string, newlineCount: number, nextIndex: number): boolean {
  if (newlineCount >= 2 || nextIndex >= s.length) return true;
  const ch = String.fromCodePoint(s.codePointAt(nextIndex) ?? 32);
  return charClass(ch) !== 'L';
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * Fast path for the common case: a run of a-z that no joiner, digit, capital
 * or `()` extends. Returns its end, or 0 when the general scanner is needed.
 */
function plainLowerWordEnd(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && isLowerAscii(s.charCodeAt(j))) j++;
  if (j >= s.length) return j;
  const next = s.charCodeAt(j);
  if (next >= 0x80 || wordCharLength(s, j) > 0 || next === 40 /* ( */) return 0;
  // . - ' join only when a word character follows them.
  if ((next === 46 || next === 45 || next === 39) && j + 1 < s.length && wordCharLength(s, j + 1) > 0) return 0;
  return j;
}

function startsUpper(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && /\s/.test(s[i])) i++;
  return i < s.length && charClass(String.fromCodePoint(s.codePointAt(i) ?? 32)) === 'U';
}

export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceFirst = 0;
  let pendingBreak = true;

  const endSentence = (): void => {
    if (tokens.length > sentenceFirst) {
      sentences.push({ start: tokens[sentenceFirst].start, end: tokens[tokens.length - 1].end, firstToken: sentenceFirst, endToken: tokens.length });
      sentenceFirst = tokens.length;
    }
    pendingBreak = true;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      i++;
      continue;
    }
    if (code >= 97 && code <= 122) {
      const end = plainLowerWordEnd(text, i);
      if (end > 0) {
        const word = text.slice(i, end);
        tokens.push({ start: i, end, text: word, joined: word, kind: 'word', parts: [{ start: i, end, text: word }], sentence: sentences.length, breakBefore: pendingBreak });
        pendingBreak = false;
        i = end;
        continue;
      }
    }
    if (wordCharLength(text, i) > 0) {
      const surface = scanToken(text, i);
      const token = buildToken(text, surface, sentences.length, pendingBreak);
      // A run of bare underscores has no sub-words and nothing to match.
      if (token.parts.length > 0) {
        tokens.push(token);
        pendingBreak = false;
      }
      i = surface.end;
      continue;
    }
    const c = text[i];
    if (c === '\n' || c === '\r') {
      let j = i;
      let newlines = 0;
      while (j < n && /\s/.test(text[j])) {
        if (text[j] === '\n') newlines++;
        j++;
      }
      if (newlineEndsSentence(text, Math.max(newlines, 1), j)) endSentence();
      i = j;
      continue;
    }
    if (SYMBOLS.has(c)) {
      tokens.push({ start: i, end: i + 1, text: c, joined: c, kind: 'symbol', parts: [{ start: i, end: i + 1, text: c }], sentence: sentences.length, breakBefore: pendingBreak });
      pendingBreak = false;
    } else if (SENTENCE_ENDS.has(c)) {
      const prev = tokens[tokens.length - 1];
      const abbreviation = c === '.' && prev !== undefined && prev.end === i && (ABBREVIATIONS.has(prev.text) || (prev.text === 'etc' && !startsUpper(text, i + 1)));
      if (!abbreviation) endSentence();
    } else if (CLAUSE_BREAKS.has(c) || (c === '-' && text[i - 1] === ' ' && text[i + 1] === ' ')) {
      pendingBreak = true;
    }
    i++;
  }
  endSentence();
  return { text, tokens, sentences };
}
