/**
 * Atoms are the smallest things a rubric looks for: a stemmed word, an exact
 * word, a prefix, or a number. Every pattern of a rubric is compiled down to
 * atoms, shared across patterns, so scoring an answer asks "which atoms does
 * this answer word match?" once per distinct word (and caches the answer).
 */
import { COMMON_WORDS } from './common-words';
import { isNearMiss } from './fuzzy';
import { wordFlags } from './lexicon';
import { canonicalDigits, numberWordsValue } from './numbers';
import { NUMBER_WORD } from './word-flags';
import { stem } from './stemmer';

export type AtomKind = 'stem' | 'exact' | 'prefix' | 'number';

export interface Atom {
  id: number;
  kind: AtomKind;
  /** Folded word (stem/exact), prefix, or canonical number. */
  text: string;
  stem: string;
  /** Misspellings of this word count (stem atoms only). */
  fuzzy: boolean;
}

/** What the rubric knows about one answer word, memoised by its text. */
export interface WordInfo {
  stem: string;
  num: string | undefined;
  ids: readonly number[];
  /** Grammatical flags (word-flags.ts). */
  flags: number;
  /** Could start a two-word spelling of a one-word rubric term. */
  compoundHead: boolean;
}

/** Something in the answer that atoms are matched against: a word, a whole identifier, two joined words, a number phrase. */
export interface Unit {
  text: string;
  joined: string;
  stem: string;
  num: string | undefined;
  allowFuzzy: boolean;
  allowPrefix: boolean;
}

const NO_ATOMS: readonly number[] = [];

/** Number value of one word: digits ("16") or a number word ("sixteen"). */
export function wordNumber(text: string): string | undefined {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return canonicalDigits(text);
  return wordFlags(text) & NUMBER_WORD ? numberWordsValue([text]) : undefined;
}
const CACHE_LIMIT = 20_000;

let globalKnownStems: Set<string> | undefined;

/** Stems of words known to be spelled correctly; such words are never "misspellings". */
function knownStems(): Set<string> {
  if (!globalKnownStems) globalKnownStems = new Set([...COMMON_WORDS].map(stem));
  return globalKnownStems;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export class AtomTable {
  readonly atoms: Atom[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byStem = new Map<string, number[]>();
  private readonly byExact = new Map<string, number[]>();
  private readonly byNumber = new Map<string, number[]>();
  private readonly prefixesByInitial = new Map<string, number[]>();
  private readonly fuzzyByInitial = new Map<string, number[]>();
  /** Stems of every word the rubric (and thesaurus) uses: correctly spelled by definition. */
  private readonly vocabularyStems = new Set<string>();
  private readonly cache = new Map<string, readonly number[]>();
  private readonly wordCache = [new Map<string, WordInfo>(), new Map<string, WordInfo>()];
  /** Leading pieces of one-word rubric terms, so "time stamp" is only glued together when "timestamp" is wanted. */
  private readonly compoundHeads = new Set<string>();

  constructor(private readonly fuzzyEnabled: boolean) {}

  intern(kind: AtomKind, text: string, fuzzy = false): number {
    const key = `${kind}:${text}:${fuzzy ? 1 : 0}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const id = this.atoms.length;
    const atomStem = kind === 'stem' ? stem(text) : text;
    this.atoms.push({ id, kind, text, stem: atomStem, fuzzy });
    this.byKey.set(key, id);
    if (kind === 'stem') {
      push(this.byStem, atomStem, id);
      this.vocabularyStems.add(atomStem);
      if (fuzzy && this.fuzzyEnabled) push(this.fuzzyByInitial, text[0], id);
      if (/^[a-z]+$/.test(text)) for (let k = 2; k <= text.length - 2; k++) this.compoundHeads.add(text.slice(0, k));
    } else if (kind === 'exact') {
      push(this.byExact, text, id);
    } else if (kind === 'number') {
      push(this.byNumber, text, id);
    } else {
      push(this.prefixesByInitial, text[0], id);
    }
    return id;
  }

  /** Marks a word as known-good so it is not taken for a misspelling of a neighbour. */
  addVocabulary(word: string): void {
    this.vocabularyStems.add(stem(word));
  }

  startsCompound(word: string): boolean {
    return this.compoundHeads.has(word);
  }

  lookupNumber(value: string): readonly number[] {
    return this.byNumber.get(value) ?? NO_ATOMS;
  }

  /**
   * One answer word (a sub-word of a token): its stem, number value and atom
   * ids. The hot path of scoring, so it is keyed by the bare text.
   */
  lookupWord(text: string, allowFuzzy: boolean): WordInfo {
    const cache = this.wordCache[allowFuzzy ? 1 : 0];
    let info = cache.get(text);
    if (info === undefined) {
      const wordStem = stem(text);
      const num = wordNumber(text);
      info = {
        stem: wordStem,
        num,
        ids: this.compute({ text, joined: text, stem: wordStem, num, allowFuzzy, allowPrefix: true }),
        flags: wordFlags(text),
        compoundHead: this.compoundHeads.has(text),
      };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, info);
    }
    return info;
  }

  /** Atom ids matched by the unit, ascending. Memoised per rubric. */
  lookup(unit: Unit): readonly number[] {
    const key = `${unit.allowFuzzy ? 'f' : '-'}${unit.allowPrefix ? 'p' : '-'}${unit.num ?? ''}\u0000${unit.text}\u0000${unit.joined}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.compute(unit);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private compute(unit: Unit): readonly number[] {
    const found: number[] = [];
    const add = (ids: readonly number[] | undefined): void => {
      if (ids) for (const id of ids) found.push(id);
    };
    add(this.byStem.get(unit.stem));
    add(this.byExact.get(unit.text));
    if (unit.joined !== unit.text) add(this.byExact.get(unit.joined));
    if (unit.num !== undefined) add(this.byNumber.get(unit.num));
    if (unit.allowPrefix) {
      for (const id of this.prefixesByInitial.get(unit.text[0]) ?? NO_ATOMS) {
        const prefix = this.atoms[id].text;
        if (unit.text.startsWith(prefix) || unit.joined.startsWith(prefix)) found.push(id);
      }
    }
    if (unit.allowFuzzy && this.isCandidateMisspelling(unit)) {
      for (const id of this.fuzzyByInitial.get(unit.text[0]) ?? NO_ATOMS) {
        const atom = this.atoms[id];
        if (isNearMiss(unit.text, unit.stem, atom.text, atom.stem)) found.push(id);
      }
    }
    if (found.length === 0) return NO_ATOMS;
    return [...new Set(found)].sort((a, b) => a - b);
  }

  private isCandidateMisspelling(unit: Unit): boolean {
    return !COMMON_WORDS.has(unit.text) && !knownStems().has(unit.stem) && !this.vocabularyStems.has(unit.stem);
  }
}
