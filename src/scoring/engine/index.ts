/**
 * The rubric scoring engine: pure, deterministic TypeScript (no Nest, no
 * Prisma, no I/O). See ../README.md for the rubric format and pattern language.
 */
export * from './types';
export { validateRubric, RubricValidationError } from './validate-rubric';
export { compileRubric, isCompiledRubric, CompiledRubric } from './compile';
export { scoreAnswer, MAX_ANSWER_CHARS } from './scorer';
export { runRubricTests } from './rubric-tests';
export { parsePattern, PatternSyntaxError } from './pattern-parser';
export { tokenize } from './tokenizer';
export { porter2 as stem } from './stemmer';
export { THESAURUS } from './thesaurus';
export { negationOf } from './negation-marks';
