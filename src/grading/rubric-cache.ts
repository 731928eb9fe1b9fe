import { compileRubric, type CompiledRubric, type Rubric } from '../scoring/engine';

/**
 * Compiled rubrics by content, least recently used out first. Compiling is
 * the expensive part of scoring (patterns parsed, words stemmed, synonyms
 * expanded), and the sessions of one interview share their rubrics, so a
 * re-grade of many sessions compiles each rubric once. Keyed by the rubric's
 * JSON as stored: probes pinned to one question version share its
 * `rubricVersionId` but not its rubric, so the id alone is not a key.
 * Compiled rubrics are immutable, so sharing them across jobs is safe.
 */
export class RubricCache {
  private readonly compiled = new Map<string, CompiledRubric>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 256) {}

  /** Throws the engine's RubricValidationError for a rubric that does not validate. */
  get(rubric: unknown): CompiledRubric {
    const key = JSON.stringify(rubric);
    const cached = this.compiled.get(key);
    if (cached) {
      this.hits += 1;
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.compiled.delete(key);
      this.compiled.set(key, cached);
      return cached;
    }
    this.misses += 1;
    const fresh = compileRubric(rubric as Rubric);
    this.compiled.set(key, fresh);
    if (this.compiled.size > this.capacity) this.compiled.delete(this.compiled.keys().next().value as string);
    return fresh;
  }

  get size(): number {
    return this.compiled.size;
  }
}
