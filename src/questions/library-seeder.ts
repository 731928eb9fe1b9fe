import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { importLibrary } from './import/library-source';
import { QuestionImportService } from './import/question-import.service';

/**
 * At startup, loads the built-in library from seed/ when the database has
 * none yet. Later seed changes are applied with `npm run assay -- import
 * seed/tracing-interview-questions.txt --library`, never silently at boot.
 */
export async function loadLibraryIfEmpty(app: INestApplication, log: (message: string) => void): Promise<void> {
  const prisma = app.get(PrismaService);
  if ((await prisma.question.count({ where: { source: 'library' } })) > 0) return;
  log('The question library is empty: importing the seed bank…');
  const report = await importLibrary(app.get(QuestionImportService));
  log(`Library loaded: ${report.created} questions created, ${report.warnings.length} warning(s).`);
}
