/**
 * Which concepts a misconception contradicts, for the `contradiction` flag:
 * the rubric's explicit `contradicts` list, else the concepts whose patterns
 * share a content word with the misconception's (they talk about the same
 * thing), else every concept.
 */
import { FUNCTION_WORDS } from './function-words';
import { parsePattern } from './pattern-parser';
import { stem } from './stemmer';
import { entryParts } from './synonyms';
import type { PatternSpec, Rubric } from './types';

/** Content stems a pattern's own words use (not synonyms), for relating misconceptions to concepts. */
function patternStems(specs: readonly PatternSpec[]): Set<string> {
  const stems = new Set<string>();
  for (const spec of specs) {
    const source = typeof spec === 'string' ? spec : spec.match;
    for (const item of parsePattern(source).items) {
      if (item.kind !== 'terms') continue;
      for (const term of item.terms) {
        const text = term.kind === 'prefix' ? term.prefix : term.text;
        for (const part of entryParts(text)) if (!FUNCTION_WORDS.has(part)) stems.add(stem(part));
      }
    }
  }
  return stems;
}

export function contradictionTargets(rubric: Rubric): Map<string, string[]> {
  const conceptStems = rubric.concepts.map((c) => ({ id: c.id, stems: patternStems(c.patterns) }));
  const targets = new Map<string, string[]>();
  for (const m of rubric.misconceptions ?? []) {
    if (m.contradicts) {
      targets.set(m.id, [...m.contradicts]);
      continue;
    }
    const own = patternStems(m.patterns);
    const related = conceptStems.filter((c) => [...c.stems].some((s) => own.has(s))).map((c) => c.id);
    targets.set(m.id, related.length > 0 ? related : rubric.concepts.map((c) => c.id));
  }
  return targets;
}
