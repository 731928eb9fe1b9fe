import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import { importLibrary } from '../../src/questions/import/library-source';
import { QuestionImportService } from '../../src/questions/import/question-import.service';

/**
 * Data every test database starts with. The library (seeded tracing bank) is
 * loaded here once, so tests read it without re-importing it per file.
 */
export async function prepareTemplateDatabase(templateUrl: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: templateUrl }) });
  try {
    await importLibrary(new QuestionImportService(prisma));
  } finally {
    // Workers clone the template with CREATE DATABASE … TEMPLATE, which needs it to have no connections.
    await prisma.$disconnect();
  }
}
