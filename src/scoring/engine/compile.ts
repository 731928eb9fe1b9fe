/**
 * Turns a validated rubric into its matching form once: patterns parsed,
 * words stemmed, synonyms expanded into alternatives, everything interned as
 * shared atoms. Scoring then never parses or stems rubric text again.
 */
import { AtomTable } from './atoms';
import { fold } from './fold';
import { allowedEdits } from './fuzzy';
import { FUNCTION_WORDS } from './function-words';
import { isNegationCueWord } from './negation';
import { canonicalDigits, isNumberWord, numberWordsValue } from './numbers';
import { parsePattern, type PatternItem, type Term } from './pattern-parser';
import { stem } from './stemmer';
import { entryParts, SynonymIndex } from './synonyms';
import { tokenize } from './tokenizer';
import type { Band, Polarity, Rubric, PatternSpec } from './types';
import { RubricValidationError, validateRubric } from './validate-rubric';
import { contradictionTargets } from './contradictions';

export const DEFAULT_WITHIN = 10;
export const DEFAULT_REQUIRED_CAP = 0.5;
export const DEFAULT_STUFFING_CAP = 0.4;

/** Consecutive words, each matching one of its slot's atoms. A one-slot sequence is a single word. */
export interface Sequence {
  slots: number[][];
}

export interface CompiledItem {
  /** Shared across the rubric: identical items are computed once per answer. */
  id: number;
  sequences: Sequence[];
  regex?: RegExp;
  negationCue: boolean;
}

export interface CompiledPattern {
  source: string;
  items: CompiledItem[];
  within: number;
  ordered: boolean;
  polarity: Polarity;
}

export interface CompiledConcept {
  id: string;
  label: string;
  weight: number;
  required: boolean;
  feedback: string;
  patterns: CompiledPattern[];
}

export interface CompiledMisconception {
  id: string;
  label: string;
  penalty: number;
  feedback?: string;
  patterns: CompiledPattern[];
  /** Concept ids that, matched together with this misconception, make a contradiction. */
  contradicts: string[];
}

export interface ResolvedOptions {
  requiredCap: number;
  stuffingCap: number;
  within: number;
  fuzzy: boolean;
  thesaurus: boolean;
  demotePromptWords: boolean;
}

const COMPILED = Symbol('assay.compiledRubric');

export class CompiledRubric {
  readonly [COMPILED] = true;
  readonly maxScore: number;

  constructor(
    readonly rubric: Rubric,
    readonly atoms: AtomTable,
    readonly items: CompiledItem[],
    readonly concepts: CompiledConcept[],
    readonly misconceptions: CompiledMisconception[],
    readonly bands: Band[],
    readonly options: ResolvedOptions,
    /** Content stems of all rubric patterns, for the off-topic check. */
    readonly vocabulary: ReadonlySet<string>,
  ) {
    this.maxScore = concepts.reduce((sum, c) => sum + c.weight, 0);
  }
}

export function isCompiledRubric(value: unknown): value is CompiledRubric {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[COMPILED] === true;
}

class RubricCompiler {
  readonly atoms: AtomTable;
  readonly items: CompiledItem[] = [];
  private readonly itemIds = new Map<string, number>();
  private readonly synonyms: SynonymIndex;
  readonly vocabulary = new Set<string>();

  constructor(private readonly rubric: Rubric, readonly options: ResolvedOptions) {
    this.atoms = new AtomTable(options.fuzzy);
    this.synonyms = new SynonymIndex(options.thesaurus, rubric.synonyms);
    for (const word of this.synonyms.allWords()) this.atoms.addVocabulary(word);
  }

  pattern(spec: PatternSpec): CompiledPattern {
    const source = typeof spec === 'string' ? spec : spec.match;
    const parsed = parsePattern(source);
    const items = parsed.items.map((item) => this.item(item));
    const explicit = typeof spec === 'string' ? undefined : spec.polarity;
    // A pattern that spells out the negation itself ("not parent*") must not be cancelled by it.
    const polarity = explicit ?? (items.some((i) => i.negationCue) ? 'any' : 'affirmative');
    return {
      source,
      items,
      within: (typeof spec === 'string' ? undefined : spec.within) ?? this.options.within,
      ordered: (typeof spec === 'string' ? undefined : spec.ordered) ?? false,
      polarity,
    };
  }

  private item(item: PatternItem): CompiledItem {
    const key = item.kind === 'regex' ? `/${item.source}/` : item.terms.map((t) => `${t.kind}:${t.kind === 'prefix' ? t.prefix : t.text}`).sort().join('|');
    const existing = this.itemIds.get(key);
    if (existing !== undefined) return this.items[existing];
    const id = this.items.length;
    let compiled: CompiledItem;
    if (item.kind === 'regex') {
      compiled = { id, sequences: [], regex: new RegExp(item.source, 'giu'), negationCue: false };
    } else {
      const sequences = dedupeSequences(item.terms.flatMap((t) => this.term(t)));
      compiled = { id, sequences, negationCue: item.terms.some(isNegationTerm) };
    }
    this.items.push(compiled);
    this.itemIds.set(key, id);
    return compiled;
  }

  private term(term: Term): Sequence[] {
    switch (term.kind) {
      case 'exact':
        return [{ slots: [[this.atoms.intern('exact', fold(term.text))]] }];
      case 'prefix':
        return [{ slots: [[this.atoms.intern('prefix', fold(term.prefix))]] }];
      case 'word':
      case 'phrase':
        return this.words(term.text);
    }
  }

  /** A word or phrase: its own sub-words, their joined form, and synonyms of the whole. */
  private words(text: string, withSynonyms = true): Sequence[] {
    const tokens = tokenize(text).tokens;
    const parts = tokens.flatMap((t) => t.parts.map((p) => ({ text: p.text, code: t.kind === 'code' })));
    if (parts.length === 0) return [];
    const texts = parts.map((p) => p.text);
    for (const p of texts) this.noteVocabulary(p);

    const number = texts.length === 1 ? (canonicalDigits(texts[0]) ?? (isNumberWord(texts[0]) ? numberWordsValue(texts) : undefined)) : texts.every(isNumberWord) ? numberWordsValue(texts) : undefined;
    if (number !== undefined) return [{ slots: [[this.atoms.intern('number', number)]] }];

    const sequences: Sequence[] = [];
    if (parts.length === 1) {
      sequences.push({ slots: [[this.stemAtom(parts[0].text, parts[0].code)]] });
    } else {
      sequences.push({ slots: parts.map((p) => this.slot(p.text, p.code, withSynonyms)) });
      sequences.push({ slots: [[this.atoms.intern('stem', texts.join(''))]] });
    }
    if (withSynonyms) {
      for (const entry of this.synonyms.synonymsOf(texts)) {
        if (entry.startsWith('=')) sequences.push({ slots: [[this.atoms.intern('exact', fold(entry.slice(1)))]] });
        else sequences.push(...this.words(entry, false));
      }
    }
    return sequences;
  }

  /** One phrase position: the word plus its single-word synonyms (a number matches digits and number words). */
  private slot(text: string, code: boolean, withSynonyms: boolean): number[] {
    const number = canonicalDigits(text) ?? (isNumberWord(text) ? numberWordsValue([text]) : undefined);
    if (number !== undefined) return [this.atoms.intern('number', number)];
    const ids = [this.stemAtom(text, code)];
    if (!withSynonyms) return ids;
    for (const entry of this.synonyms.synonymsOf([text])) {
      if (entry.startsWith('=')) {
        ids.push(this.atoms.intern('exact', fold(entry.slice(1))));
        continue;
      }
      const parts = entryParts(entry);
      if (parts.length === 1) ids.push(this.stemAtom(parts[0], false));
    }
    return [...new Set(ids)];
  }

  private stemAtom(text: string, code: boolean): number {
    const fuzzy = !code && allowedEdits(text.length) > 0 && !/\d/.test(text);
    return this.atoms.intern('stem', text, fuzzy);
  }

  private noteVocabulary(word: string): void {
    this.atoms.addVocabulary(word);
    if (!FUNCTION_WORDS.has(word)) this.vocabulary.add(stem(word));
  }
}

function isNegationTerm(term: Term): boolean {
  if (term.kind === 'prefix') return false;
  const first = fold(term.text).split(/\s+/)[0];
  return isNegationCueWord(first);
}

function dedupeSequences(sequences: Sequence[]): Sequence[] {
  const seen = new Set<string>();
  return sequences.filter((s) => {
    const key = s.slots.map((slot) => slot.join(',')).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function resolveOptions(rubric: Rubric): ResolvedOptions {
  const o = rubric.options ?? {};
  return {
    requiredCap: o.requiredCap ?? DEFAULT_REQUIRED_CAP,
    stuffingCap: o.stuffingCap ?? DEFAULT_STUFFING_CAP,
    within: o.within ?? DEFAULT_WITHIN,
    fuzzy: o.fuzzy ?? true,
    thesaurus: o.thesaurus ?? true,
    demotePromptWords: o.demotePromptWords ?? true,
  };
}

/** Validates and compiles. Throws RubricValidationError (with every problem listed) on a bad rubric. */
export function compileRubric(input: Rubric): CompiledRubric {
  const validation = validateRubric(input);
  if (!validation.ok) throw new RubricValidationError(validation.errors);
  const rubric = validation.rubric;
  const options = resolveOptions(rubric);
  const compiler = new RubricCompiler(rubric, options);
  const concepts: CompiledConcept[] = rubric.concepts.map((c) => ({
    id: c.id,
    label: c.label,
    weight: c.weight,
    required: c.required ?? false,
    feedback: c.feedback ?? c.label,
    patterns: c.patterns.map((p) => compiler.pattern(p)),
  }));
  const targets = contradictionTargets(rubric);
  const misconceptions: CompiledMisconception[] = (rubric.misconceptions ?? []).map((m) => ({
    id: m.id,
    label: m.label,
    penalty: m.penalty,
    feedback: m.feedback,
    patterns: m.patterns.map((p) => compiler.pattern(p)),
    contradicts: targets.get(m.id) ?? [],
  }));
  const bands = [...(rubric.bands ?? [])].sort((a, b) => b.minFraction - a.minFraction);
  return new CompiledRubric(rubric, compiler.atoms, compiler.items, concepts, misconceptions, bands, options, compiler.vocabulary);
}

const compiledCache = new WeakMap<object, CompiledRubric>();

/** Compiled form of a rubric object, compiled at most once per object. */
export function compiledFor(rubric: Rubric | CompiledRubric): CompiledRubric {
  if (isCompiledRubric(rubric)) return rubric;
  let compiled = compiledCache.get(rubric);
  if (!compiled) {
    compiled = compileRubric(rubric);
    compiledCache.set(rubric, compiled);
  }
  return compiled;
}
