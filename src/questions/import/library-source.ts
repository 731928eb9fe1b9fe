import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/config';
import type { ImportOptions, ImportReport } from './import-report';
import { rubricsFromDirectory } from './rubric-files';
import type { QuestionImportService } from './question-import.service';

/** The built-in library: the seed bank, with curated rubrics from the `rubrics` folder beside it. */
export const SEED_BANK_FILE = path.join(PROJECT_ROOT, 'seed', 'tracing-interview-questions.txt');

export function rubricDirectoryFor(bankFile: string): string {
  return path.join(path.dirname(bankFile), 'rubrics');
}

export function importLibrary(importer: QuestionImportService, bankFile = SEED_BANK_FILE, options: Omit<ImportOptions, 'rubricFor'> = {}): Promise<ImportReport> {
  const text = readFileSync(bankFile, 'utf8');
  return importer.importDocument({ library: true }, text, { ...options, rubricFor: rubricsFromDirectory(rubricDirectoryFor(bankFile)) });
}
