import { createHash } from 'node:crypto';
import { normalizeContent, type QuestionContent } from './question-content';

/**
 * SHA-256 over canonical JSON (normalized content, object keys sorted at every
 * depth), so re-importing the same text, or a rubric with its keys reordered,
 * hashes the same and creates no version.
 */
export function contentHash(content: QuestionContent): string {
  return createHash('sha256').update(canonicalJson(normalizeContent(content))).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, child]) => [key, sortKeysDeep(child)]));
  }
  return value;
}
