/**
 * Everything the matcher needs to know about one answer, computed once:
 * tokens and sentences, negation scope, word positions, and for every rubric
 * atom the places in the answer where it occurs.
 *
 * Positions count sub-words (`X-B3-TraceId` is four positions), so phrases can
 * match inside identifiers; distances for `within` count content words (see
 * distanceIndex), so an identifier is one word to rubric authors.
 */
import type { AtomTable, Unit, WordInfo } from './atoms';
import type { CompiledRubric } from './compile';
import { wordFlags } from './lexicon';
import { markNegation, type NegationMarks } from './negation';
import { numberWordsValue } from './numbers';
import { scratchInt32, scratchUint8 } from './scratch';
import { stem } from './stemmer';
import { tokenize, type Sentence, type Token } from './tokenizer';
import { COORDINATING, CONTRASTIVE, FUNCTION_WORD, NUMBER_WORD, SUBJECT_START } from './word-flags';

export interface Occurrence {
  /** First and last word position covered. */
  from: number;
  to: number;
  /** Distance coordinates for `within` (see distanceIndex). */
  distFrom: number;
  distTo: number;
  sentence: number;
  negated: boolean;
  /** Every word of it also occurs in the prompt. */
  prompt: boolean;
  /** Evidence offsets into the original answer. */
  start: number;
  end: number;
}

export interface AnswerContext {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Number of word positions (sub-words of tokens). Per-position buffers may be longer: use this, not `.length`. */
  positions: number;
  /** Per token: word flags (word-flags.ts). */
  tokenFlags: Uint8Array;
  /** Per token: distance coordinate. */
  tokenDistance: Int32Array;
  negation: NegationMarks;
  /** Per word position. */
  wordToken: Int32Array;
  wordStart: Int32Array;
  wordEnd: Int32Array;
  wordStem: string[];
  wordText: string[];
  wordNegated: Uint8Array;
  wordPrompt: Uint8Array;
  posAtoms: Array<readonly number[]>;
  /** Per atom id: occurrences in position order. */
  atomOcc: Array<Occurrence[] | undefined>;
  /** Per compiled item id: memoised occurrences. */
  itemOcc: Array<Occurrence[] | undefined>;
}

const NONE: readonly number[] = [];
const PLAIN_WORD = /^[a-z]+$/;

/** Crossing into another clause costs this many words of `within` distance. */
export const CLAUSE_CROSSING_WORDS = 4;

/** Whether token i opens a new clause with its own subject ("…, while the event …", "… and the client extracts …"). */
function opensClause(tokens: readonly Token[], flags: Uint8Array, i: number): boolean {
  const f = flags[i];
  if (f & CONTRASTIVE) return true;
  return (f & COORDINATING) !== 0 && i + 1 < tokens.length && tokens[i + 1].sentence === tokens[i].sentence && (flags[i + 1] & SUBJECT_START) !== 0;
}

/**
 * Distance coordinate for `within`: the number of content words before each
 * token. Function words ("the", "is", "at") and symbols do not count, so
 * "01 at the end is the version" has `01` and `version` two words apart, as a
 * rubric author reading it would count. Crossing into another clause adds
 * CLAUSE_CROSSING_WORDS, so "A does X, while B does Y" does not easily let a
 * pattern pair A with Y (swapped roles).
 */
function distanceIndex(tokens: readonly Token[], flags: Uint8Array): Int32Array {
  const index = scratchInt32('tokenDistance', tokens.length);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (opensClause(tokens, flags, i)) k += CLAUSE_CROSSING_WORDS;
    index[i] = k;
    if (tokens[i].kind !== 'symbol' && (flags[i] & FUNCTION_WORD) === 0) k++;
  }
  return index;
}

/** Stems of every word (and whole identifier) in the prompt. */
export function promptStems(prompt: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenize(prompt).tokens) {
    for (const part of token.parts) stems.add(stem(part.text));
    if (token.parts.length > 1) stems.add(stem(token.joined));
  }
  return stems;
}

function createContext(compiled: CompiledRubric, text: string): { ctx: AnswerContext; infos: WordInfo[] } {
  const { tokens, sentences } = tokenize(text);
  const atoms = compiled.atoms;
  const tokenFlags = scratchUint8('tokenFlags', tokens.length);
  const infos: WordInfo[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const fuzzy = token.kind === 'word';
    for (const part of token.parts) infos.push(atoms.lookupWord(part.text, fuzzy));
    tokenFlags[t] = token.parts.length === 1 ? infos[infos.length - 1].flags : wordFlags(token.text);
  }
  const positions = infos.length;
  const ctx: AnswerContext = {
    text,
    tokens,
    sentences,
    positions,
    tokenFlags,
    tokenDistance: distanceIndex(tokens, tokenFlags),
    negation: markNegation(tokens, tokenFlags),
    wordToken: scratchInt32('wordToken', positions),
    wordStart: scratchInt32('wordStart', positions),
    wordEnd: scratchInt32('wordEnd', positions),
    wordStem: new Array<string>(positions),
    wordText: new Array<string>(positions),
    wordNegated: scratchUint8('wordNegated', positions),
    wordPrompt: scratchUint8('wordPrompt', positions),
    posAtoms: new Array<readonly number[]>(positions),
    atomOcc: new Array<Occurrence[] | undefined>(atoms.atoms.length),
    itemOcc: new Array<Occurrence[] | undefined>(compiled.items.length),
  };
  return { ctx, infos };
}

class Builder {
  readonly ctx: AnswerContext;
  private readonly infos: WordInfo[];
  private readonly atoms: AtomTable;
  private readonly tokenFirstPos: Int32Array;

  constructor(
    compiled: CompiledRubric,
    text: string,
    private readonly prompt: ReadonlySet<string>,
  ) {
    this.atoms = compiled.atoms;
    ({ ctx: this.ctx, infos: this.infos } = createContext(compiled, text));
    this.tokenFirstPos = scratchInt32('tokenFirstPos', this.ctx.tokens.length);
  }

  build(): AnswerContext {
    const c = this.ctx;
    const { tokens } = c;
    let pos = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      this.tokenFirstPos[t] = pos;
      const whole = token.parts.length === 1;
      const negated = c.negation.negated[t];
      for (const part of token.parts) {
        const info = this.infos[pos];
        c.wordToken[pos] = t;
        c.wordStart[pos] = whole ? token.start : part.start;
        c.wordEnd[pos] = whole ? token.end : part.end;
        c.wordStem[pos] = info.stem;
        c.wordText[pos] = part.text;
        c.wordNegated[pos] = negated;
        c.wordPrompt[pos] = this.prompt.size > 0 && this.prompt.has(info.stem) ? 1 : 0;
        c.posAtoms[pos] = info.ids;
        for (const id of info.ids) this.add(id, pos, pos, undefined, c.wordStart[pos], c.wordEnd[pos]);
        pos++;
      }
    }
    for (let t = 0; t < tokens.length; t++) if (tokens[t].parts.length > 1 || tokens[t].kind === 'code') this.compound(t);
    this.bigrams();
    this.numberRuns();
    return c;
  }

  private add(id: number, from: number, to: number, unitStem: string | undefined, start: number, end: number): void {
    const c = this.ctx;
    let negated = false;
    let prompt = true;
    for (let p = from; p <= to; p++) {
      if (c.wordNegated[p]) negated = true;
      if (!c.wordPrompt[p]) prompt = false;
    }
    if (unitStem !== undefined && this.prompt.has(unitStem)) prompt = true;
    const tokFrom = c.wordToken[from];
    const occ: Occurrence = {
      from,
      to,
      distFrom: c.tokenDistance[tokFrom],
      distTo: c.tokenDistance[c.wordToken[to]],
      sentence: c.tokens[tokFrom].sentence,
      negated,
      prompt,
      start,
      end,
    };
    const list = c.atomOcc[id];
    if (list) list.push(occ);
    else c.atomOcc[id] = [occ];
  }

  /** The whole identifier as one unit: `traceparent`, `http.request.method`, `span.end()`. */
  private compound(t: number): void {
    const token = this.ctx.tokens[t];
    if (token.parts.length === 1 && token.text === token.parts[0].text) return;
    const firstPos = this.tokenFirstPos[t];
    const unitStem = stem(token.joined);
    const unit: Unit = { text: token.text, joined: token.joined, stem: unitStem, num: undefined, allowFuzzy: false, allowPrefix: true };
    const already = token.parts.length === 1 ? this.ctx.posAtoms[firstPos] : NONE;
    const lastPos = firstPos + token.parts.length - 1;
    // Evidence for a whole identifier is the whole token, `()` included.
    for (const id of this.atoms.lookup(unit)) {
      if (!already.includes(id)) this.add(id, firstPos, lastPos, unitStem, token.start, token.end);
    }
  }

  /** Two plain words written apart that the rubric writes as one ("time stamp" → timestamp). */
  private bigrams(): void {
    const { tokens } = this.ctx;
    for (let t = 0; t + 1 < tokens.length; t++) {
      const a = tokens[t];
      if (a.parts.length !== 1 || !this.infos[this.tokenFirstPos[t]].compoundHead) continue;
      const b = tokens[t + 1];
      if (b.breakBefore || a.sentence !== b.sentence || a.parts.length !== 1 || b.parts.length !== 1) continue;
      if (!PLAIN_WORD.test(a.text) || !PLAIN_WORD.test(b.text)) continue;
      const text = a.text + b.text;
      const unitStem = stem(text);
      const ids = this.atoms.lookup({ text, joined: text, stem: unitStem, num: undefined, allowFuzzy: false, allowPrefix: false });
      for (const id of ids) this.add(id, this.tokenFirstPos[t], this.tokenFirstPos[t + 1], unitStem, a.start, b.end);
    }
  }

  /** Number words spread over several words: "one hundred twenty eight" = 128. */
  private numberRuns(): void {
    const c = this.ctx;
    const n = c.positions;
    let p = 0;
    while (p < n) {
      if (!this.isNumberWordAt(p)) {
        p++;
        continue;
      }
      let q = p;
      while (q + 1 < n && this.isNumberWordAt(q + 1) && this.continues(q, q + 1)) q++;
      if (q > p) {
        const value = numberWordsValue(c.wordText.slice(p, q + 1));
        if (value !== undefined) {
          for (const id of this.atoms.lookupNumber(value)) this.add(id, p, q, undefined, c.wordStart[p], c.wordEnd[q]);
        }
      }
      p = q + 1;
    }
  }

  private isNumberWordAt(pos: number): boolean {
    const c = this.ctx;
    const t = c.wordToken[pos];
    const flags = c.tokens[t].parts.length === 1 ? c.tokenFlags[t] : this.infos[pos].flags;
    return (flags & NUMBER_WORD) !== 0;
  }

  /** Whether positions p and q (= p + 1) are adjacent within one clause. */
  private continues(p: number, q: number): boolean {
    const c = this.ctx;
    const tp = c.wordToken[p];
    const tq = c.wordToken[q];
    return tp === tq || (c.tokens[tq].sentence === c.tokens[tp].sentence && !c.tokens[tq].breakBefore);
  }
}

export function analyzeAnswer(compiled: CompiledRubric, text: string, prompt: ReadonlySet<string>): AnswerContext {
  return new Builder(compiled, text, prompt).build();
}
