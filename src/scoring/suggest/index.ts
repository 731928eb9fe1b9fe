export { buildCorpusStats, EMPTY_CORPUS, inverseDocumentFrequency } from './corpus-stats';
export type { CorpusStats } from './corpus-stats';
export { DEFAULT_SUGGEST_PARAMETERS } from './parameters';
export type { SuggestParameters } from './parameters';
export { suggestRubric, SuggestRubricError } from './suggest-rubric';
export type { SuggestRubricInput, SuggestRubricOptions } from './suggest-rubric';
export { domainTermMatcher } from './domain-terms';
