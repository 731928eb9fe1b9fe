import type { Caller } from '../../auth/caller';
import type { JsonObject, RubricSource } from '../content/question-content';

export type ImportStatus = 'created' | 'updated' | 'unchanged';

export interface ImportWarning {
  line: number;
  message: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  warnings: ImportWarning[];
  questions: { slug: string; status: ImportStatus; version: number }[];
}

/** Where imported questions go: an organization's own bank (as a caller), or the shared library. */
export type ImportTarget = { library: true } | Pick<Caller, 'organizationId' | 'userId'>;

export type RubricLookup = { rubric: JsonObject; source: RubricSource } | { problem: string } | undefined;

export interface ImportOptions {
  /** Rubrics to attach by slug. Without one, a question keeps the rubric its current version has. */
  rubricFor?: (slug: string) => RubricLookup;
  /** Called after each question is written, e.g. to draw a progress bar. */
  onProgress?: (done: number, total: number) => void;
}
