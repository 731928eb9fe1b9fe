/**
 * Document frequencies across a bank's model answers. A word that appears in
 * many model answers ("data", "function" in a programming bank) says little
 * about any one question; a rare one ("dequeue") is what the answer is about.
 * Plain JSON-serialisable data so a bank's stats can be stored and reused.
 */
import { analyze, Word } from './text';

export interface CorpusStats {
  documentCount: number;
  /** Number of documents containing each key: a stem, or two stems joined by a space for a phrase. */
  documentFrequency: Record<string, number>;
}

export const EMPTY_CORPUS: CorpusStats = { documentCount: 0, documentFrequency: {} };

/** Adjacent content words of one clause, by key ("link list"). */
export function phraseKeys(words: readonly Word[]): string[] {
  const keys: string[] = [];
  for (let i = 1; i < words.length; i += 1) {
    const [a, b] = [words[i - 1], words[i]];
    if (!a.stop && !b.stop && !b.breakBefore && a.key !== b.key) keys.push(`${a.key} ${b.key}`);
  }
  return keys;
}

export function documentKeys(text: string): Set<string> {
  const words = analyze(text);
  const keys = new Set(words.filter((w) => !w.stop).map((w) => w.key));
  for (const phrase of phraseKeys(words)) keys.add(phrase);
  return keys;
}

export function buildCorpusStats(documents: readonly string[]): CorpusStats {
  const counts = new Map<string, number>();
  for (const document of documents) {
    for (const key of documentKeys(document)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { documentCount: documents.length, documentFrequency: Object.fromEntries(counts) };
}

/** Documents containing the key (own properties only: "constructor" must not find Object.prototype's). */
export function documentFrequency(stats: CorpusStats, key: string): number {
  return Object.hasOwn(stats.documentFrequency, key) ? stats.documentFrequency[key] : 0;
}

/**
 * Smoothed inverse document frequency, ≥ 1. The document being suggested for
 * is counted as one more document that contains the key, so a key unseen in
 * the corpus is as rare as possible but still finite, and an empty corpus
 * gives every key the same weight (pure term frequency).
 */
export function inverseDocumentFrequency(stats: CorpusStats, key: string): number {
  const df = documentFrequency(stats, key);
  return 1 + Math.log((stats.documentCount + 1) / (df + 1));
}
