/**
 * Two-word key phrases of a model answer ("linked list", "base case"): adjacent
 * content words of one clause that the bank also uses as a pair. A phrase
 * concept rewards saying its words together, on top of its words' own concepts.
 */
import { bySalience, isUsable, PhraseCandidate, SalienceParameters, WordCandidate } from './candidate-types';
import { CorpusStats, documentFrequency, inverseDocumentFrequency } from './corpus-stats';
import type { Word } from './text';

export function findKeyPhrases(
  words: readonly Word[],
  chosen: readonly WordCandidate[],
  all: readonly WordCandidate[],
  corpus: CorpusStats,
  params: SalienceParameters,
): PhraseCandidate[] {
  const byKey = new Map(all.map((c) => [c.key, c]));
  for (const c of chosen) byKey.set(c.key, c);
  const phrases = new Map<string, PhraseCandidate>();
  for (let i = 1; i < words.length; i += 1) {
    const [a, b] = [words[i - 1], words[i]];
    if (b.breakBefore || !isUsable(a) || !isUsable(b) || a.key === b.key) continue;
    const key = `${a.key} ${b.key}`;
    const first = byKey.get(a.key);
    const second = byKey.get(b.key);
    // A phrase made only of prompt words restates the question.
    if (!first || !second || (first.inPrompt && second.inPrompt) || phrases.has(key)) continue;
    if (corpus.documentCount > 0 && documentFrequency(corpus, key) < params.phraseMinDocuments) continue;
    // A pair rarer in the bank than either of its words is more specific than they are.
    const idfRatio =
      inverseDocumentFrequency(corpus, key) / Math.max(inverseDocumentFrequency(corpus, a.key), inverseDocumentFrequency(corpus, b.key));
    phrases.set(key, {
      kind: 'phrase',
      key,
      members: [first, second],
      label: `${a.text} ${b.text}`,
      firstPosition: a.position,
      sentenceText: a.sentenceText,
      salience: (params.phraseFactor * (first.salience + second.salience) * idfRatio) / 2,
    });
  }
  return [...phrases.values()].sort(bySalience);
}
