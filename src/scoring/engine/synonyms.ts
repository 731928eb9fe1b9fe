/**
 * Synonym groups from the shared thesaurus and from a rubric's own
 * `synonyms` map, indexed by the stems of each entry so that a pattern word
 * finds its groups whatever form the author wrote it in.
 */
import { stem } from './stemmer';
import { THESAURUS } from './thesaurus';
import { tokenize } from './tokenizer';
import { fold } from './fold';

/** Key of a word or phrase: its stems joined by spaces, or `=word` for exact entries. */
export function entryKey(entry: string): string {
  if (entry.startsWith('=')) return `=${fold(entry.slice(1))}`;
  return entryParts(entry).map(stem).join(' ');
}

/** Folded sub-words of a word or phrase, as the tokenizer splits them. */
export function entryParts(text: string): string[] {
  const parts: string[] = [];
  for (const token of tokenize(text).tokens) for (const part of token.parts) parts.push(part.text);
  return parts;
}

export class SynonymIndex {
  private readonly groups: string[][] = [];
  private readonly byKey = new Map<string, number[]>();

  constructor(useThesaurus: boolean, rubricSynonyms: Readonly<Record<string, readonly string[]>> | undefined) {
    if (useThesaurus) for (const group of THESAURUS) this.addGroup([...group]);
    // Sorted so the compiled form never depends on object key order.
    for (const key of Object.keys(rubricSynonyms ?? {}).sort()) this.addGroup([key, ...(rubricSynonyms?.[key] ?? [])]);
  }

  private addGroup(entries: string[]): void {
    const index = this.groups.length;
    this.groups.push(entries);
    for (const entry of entries) {
      const key = entryKey(entry);
      const list = this.byKey.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      this.byKey.set(key, list);
    }
  }

  /**
   * Other entries sharing a group with the word/phrase whose parts are given.
   * Entries made only of the phrase's own words are left out: they would turn
   * "span link" into plain "link", a generalisation, not a synonym.
   */
  synonymsOf(parts: readonly string[]): string[] {
    const stems = parts.map(stem);
    const keys = [stems.join(' ')];
    if (parts.length === 1) keys.push(`=${parts[0]}`);
    const own = new Set(keys);
    const out: string[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      for (const g of this.byKey.get(key) ?? []) {
        for (const entry of this.groups[g]) {
          const k = entryKey(entry);
          if (own.has(k) || seen.has(k)) continue;
          const entryStems = k.replace(/^=/, '').split(' ');
          if (entryStems.length < stems.length && entryStems.every((s) => stems.includes(s))) continue;
          seen.add(k);
          out.push(entry);
        }
      }
    }
    return out;
  }

  /** Every word used by any group (for the known-words guard of misspelling tolerance). */
  allWords(): string[] {
    const words: string[] = [];
    for (const group of this.groups) for (const entry of group) words.push(...entryParts(entry.replace(/^=/, '')));
    return words;
  }
}
