import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '../content/question-content';
import type { RubricLookup } from './import-report';

/**
 * Curated rubrics live beside a bank as `<dir>/<slug>.json`. A file that is
 * missing means "no rubric"; one that is unreadable or about another question
 * is reported, never attached.
 */
export function rubricsFromDirectory(directory: string): (slug: string) => RubricLookup {
  return (slug) => {
    const file = path.join(directory, `${slug}.json`);
    if (!existsSync(file)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      return { problem: `Rubric ${path.basename(file)} is not valid JSON (${(error as Error).message}); the question was imported without it.` };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { problem: `Rubric ${path.basename(file)} is not a JSON object; the question was imported without it.` };
    }
    const named = (parsed as { question?: unknown }).question;
    if (named !== undefined && named !== slug) {
      return { problem: `Rubric ${path.basename(file)} says it grades "${String(named)}", not "${slug}"; the question was imported without it.` };
    }
    return { rubric: parsed as JsonObject, source: 'curated' };
  };
}
