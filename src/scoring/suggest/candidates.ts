/**
 * Finds what a model answer is about: its content words (grouped by stem) and
 * its two-word key phrases, each with a tf-idf-like salience. Words that merely
 * repeat the prompt are dropped, because a candidate who echoes the question
 * has not answered it.
 */
import { CorpusStats, inverseDocumentFrequency } from './corpus-stats';
import { bySalience, Candidates, isUsable, SalienceParameters, WordCandidate } from './candidate-types';
import { findKeyPhrases } from './key-phrases';
import { analyze, contentKeys, Word } from './text';

function mostFrequent(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const form of forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  let best = forms[0];
  for (const [form, count] of counts) if (count > (counts.get(best) ?? 0)) best = form;
  return best;
}

/** "span's" adds nothing to a pattern that has "span": possessives are dropped when the plain form is there. */
function preferPlainForms(forms: readonly string[]): string[] {
  return forms.filter((f) => !(f.endsWith("'s") && forms.includes(f.slice(0, -2))));
}

function termWeight(count: number): number {
  return 1 + Math.log(count);
}

export function findCandidates(
  prompt: string,
  modelAnswer: string,
  corpus: CorpusStats,
  isDomainTerm: (form: string) => boolean,
  params: SalienceParameters,
): Candidates {
  const words = analyze(modelAnswer);
  const promptKeys = contentKeys(prompt);
  const groups = new Map<string, Word[]>();
  for (const word of words.filter(isUsable)) {
    const group = groups.get(word.key) ?? [];
    group.push(word);
    groups.set(word.key, group);
  }

  const severalSentences = words.some((w) => w.sentence > 0);
  const all: WordCandidate[] = [...groups.entries()].map(([key, occurrences]) => {
    const allForms = occurrences.map((w) => w.text);
    const forms = preferPlainForms([...new Set(allForms)]);
    const codeLike = occurrences.some((w) => w.codeLike);
    const lead = severalSentences && occurrences[0].sentence === 0 ? 1 + params.leadBoost : 1;
    const boost = (codeLike ? params.codeBoost : forms.some(isDomainTerm) ? params.domainBoost : 1) * lead;
    return {
      kind: 'word',
      key,
      forms,
      label: mostFrequent(allForms),
      count: occurrences.length,
      firstPosition: occurrences[0].position,
      codeLike,
      negated: occurrences.every((w) => w.negated),
      inPrompt: promptKeys.has(key) || occurrences[0].partKeys.every((part) => promptKeys.has(part)),
      sentenceText: occurrences[0].sentenceText,
      salience: termWeight(occurrences.length) * inverseDocumentFrequency(corpus, key) * boost,
    };
  });

  const fresh = all.filter((c) => !c.inPrompt);
  // An answer that only rephrases prompt words still needs a rubric; the engine will tell the candidate so.
  const chosen = (fresh.length > 0 ? fresh : [...all]).sort(bySalience);

  return { words: chosen, phrases: findKeyPhrases(words, chosen, all, corpus, params) };
}
