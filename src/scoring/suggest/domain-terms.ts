/**
 * Known domain vocabulary for the suggester's `isDomainTerm` option, e.g. a
 * bank's tags or glossary. Matched by stem, so listing "sampler" also covers
 * "samplers"; multi-word terms contribute each of their words.
 */
import { safeStem as stem } from './text';

export function domainTermMatcher(terms: Iterable<string>): (word: string) => boolean {
  const stems = new Set<string>();
  for (const term of terms) {
    for (const word of term.toLowerCase().split(/[^a-z0-9_.]+/)) if (word) stems.add(stem(word));
  }
  return (word) => stems.has(stem(word.toLowerCase()));
}
