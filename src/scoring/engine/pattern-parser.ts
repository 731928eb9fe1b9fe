/**
 * Parser for the rubric pattern language (see ../README.md):
 *
 *   pattern  := item (space item)*
 *   item     := term | "[" term ("|" term)* "]" | "/" regex "/"
 *   term     := word | word"*" | "="word | '"' words '"'
 *
 * Errors carry a 1-based column so rubric authors can find the mistake.
 */
import { checkRegexSafety } from './regex-safety';
import { isSymbol } from './tokenizer';

export type Term =
  | { kind: 'word'; text: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'exact'; text: string }
  | { kind: 'phrase'; text: string };

export type PatternItem =
  | { kind: 'terms'; terms: Term[]; source: string }
  | { kind: 'regex'; source: string };

export interface ParsedPattern {
  items: PatternItem[];
}

export class PatternSyntaxError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
  }
}

export const MAX_PATTERN_LENGTH = 300;
export const MAX_ITEMS = 12;
export const MAX_ALTERNATIVES = 40;
export const MIN_PREFIX_LETTERS = 3;

/** Characters that end a bare word (`=` and `/` are only special where a term starts). */
const WORD_END = new Set(['[', ']', '|', '"', '*']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

class Parser {
  private i = 0;

  constructor(private readonly src: string) {}

  parse(): ParsedPattern {
    const items: PatternItem[] = [];
    this.skipSpaces();
    while (this.i < this.src.length) {
      items.push(this.item());
      const next = this.src[this.i];
      if (next === '|') throw this.error('| is only allowed inside [...]');
      if (next === ']') throw this.error('unbalanced ] in pattern');
      if (next !== undefined && !isSpace(next)) throw this.error(`unexpected ${next} in pattern`);
      this.skipSpaces();
    }
    if (items.length === 0) throw new PatternSyntaxError('empty pattern', 1);
    if (items.length > MAX_ITEMS) throw new PatternSyntaxError(`pattern has ${items.length} items; the limit is ${MAX_ITEMS}`, 1);
    return { items };
  }

  private error(message: string, at = this.i): PatternSyntaxError {
    return new PatternSyntaxError(message, at + 1);
  }

  private skipSpaces(): void {
    while (isSpace(this.src[this.i])) this.i++;
  }

  private item(): PatternItem {
    const start = this.i;
    const c = this.src[this.i];
    if (c === '/') return this.regex();
    if (c === '[') {
      const terms = this.alternatives();
      return { kind: 'terms', terms, source: this.src.slice(start, this.i) };
    }
    if (c === ']') throw this.error('unbalanced ] in pattern');
    if (c === '|') throw this.error('| is only allowed inside [...]');
    const term = this.term();
    return { kind: 'terms', terms: [term], source: this.src.slice(start, this.i) };
  }

  private regex(): PatternItem {
    const open = this.i;
    this.i++;
    let inClass = false;
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === '\\') {
        this.i += 2;
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      this.i++;
    }
    if (this.i >= this.src.length) throw this.error('unterminated /regex/ in pattern', open);
    const source = this.src.slice(open + 1, this.i);
    this.i++;
    if (source.length === 0) throw this.error('empty /regex/ in pattern', open);
    const problem = checkRegexSafety(source);
    if (problem) throw this.error(problem, open);
    return { kind: 'regex', source };
  }

  private alternatives(): Term[] {
    const open = this.i;
    this.i++;
    const terms: Term[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.src[this.i];
      if (c === undefined) throw this.error('unbalanced [ in pattern', open);
      if (c === '[') throw this.error('nested [ in pattern');
      if (c === '|' || c === ']') throw this.error('empty alternative in [...]');
      if (c === '/') throw this.error('a /regex/ cannot be an alternative');
      terms.push(this.term());
      this.skipSpaces();
      const next = this.src[this.i];
      if (next === '|') {
        this.i++;
        continue;
      }
      if (next === ']') {
        this.i++;
        break;
      }
      if (next === undefined) throw this.error('unbalanced [ in pattern', open);
      throw this.error(`expected | or ] but found ${next}`);
    }
    if (terms.length > MAX_ALTERNATIVES) throw this.error(`too many alternatives (limit ${MAX_ALTERNATIVES})`, open);
    return terms;
  }

  private term(): Term {
    const c = this.src[this.i];
    if (c === '"') return this.phrase();
    if (c === '=' && this.endsTermAt(this.i + 1)) {
      // A bare `=` is the equals sign itself ("01 = sampled").
      this.i++;
      return { kind: 'word', text: '=' };
    }
    if (c === '=') {
      const at = this.i;
      this.i++;
      const text = this.bareWord();
      if (!text) throw this.error('= must be followed by a word', at);
      if (this.src[this.i] === '*') throw this.error('=exact words cannot have a * wildcard');
      return { kind: 'exact', text };
    }
    const at = this.i;
    const text = this.bareWord();
    if (!text) {
      if (c === '*') throw this.error('* is only allowed at the end of a word');
      throw this.error(`unexpected ${c} in pattern`);
    }
    if (this.src[this.i] === '*') {
      this.i++;
      const letters = Array.from(text.replace(/[^\p{L}\p{N}]/gu, '')).length;
      if (letters < MIN_PREFIX_LETTERS) throw this.error(`prefix wildcard needs at least ${MIN_PREFIX_LETTERS} letters before *`, at);
      if (this.src[this.i] !== undefined && !isSpace(this.src[this.i]) && this.src[this.i] !== '|' && this.src[this.i] !== ']') {
        throw this.error('* is only allowed at the end of a word');
      }
      return { kind: 'prefix', prefix: text };
    }
    if (!/[\p{L}\p{N}]/u.test(text) && !Array.from(text).every(isSymbol)) {
      throw this.error(`"${text}" has no letters, digits or symbols the engine matches (= % + & # @ $ < > ~ ^)`, at);
    }
    return { kind: 'word', text };
  }

  private endsTermAt(i: number): boolean {
    const c = this.src[i];
    return c === undefined || isSpace(c) || c === '|' || c === ']';
  }

  private bareWord(): string {
    const start = this.i;
    while (this.i < this.src.length && !isSpace(this.src[this.i]) && !WORD_END.has(this.src[this.i])) this.i++;
    return this.src.slice(start, this.i);
  }

  private phrase(): Term {
    const open = this.i;
    const close = this.src.indexOf('"', open + 1);
    if (close < 0) throw this.error('unterminated quote in pattern', open);
    const text = this.src.slice(open + 1, close).trim();
    this.i = close + 1;
    if (!/[\p{L}\p{N}]/u.test(text)) throw this.error('empty phrase in pattern', open);
    if (/[[\]|*]/.test(text)) throw this.error('phrases cannot contain [ ] | or *', open);
    return { kind: 'phrase', text };
  }
}

export function parsePattern(source: string): ParsedPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new PatternSyntaxError(`pattern is ${source.length} characters; the limit is ${MAX_PATTERN_LENGTH}`, MAX_PATTERN_LENGTH + 1);
  }
  return new Parser(source).parse();
}
