import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliCommand } from '../command';
import { createProgressBar, silentProgressBar } from '../progress-bar';
import type { ImportReport, ImportTarget } from '../../questions/import/import-report';
import { rubricDirectoryFor } from '../../questions/import/library-source';
import { QuestionImportService } from '../../questions/import/question-import.service';
import { rubricsFromDirectory } from '../../questions/import/rubric-files';
import { openDatabase } from '../database-connection';

const USAGE = `Usage: assay import <file> (--library | --org <organizationId>) [--json]

Imports an interview document. Questions are matched by slug: new ones are
created, changed ones get a new version, unchanged ones are left alone.

  --library            import into the built-in library (curated rubrics are
                       read from the rubrics/ folder beside the file)
  --org <id>           import into this organization's own questions
  --json               print the report as JSON

Uses DATABASE_URL, or the embedded PostgreSQL exactly as \`npm start\` does.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import <file> --library | --org <id>: import an interview document',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { library: { type: 'boolean' }, org: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'Give exactly one file.' : 'Missing the file to import.');
    if (Boolean(values.library) === (values.org !== undefined)) throw new UsageError('Choose exactly one target: --library or --org <organizationId>.');
    if (values.org !== undefined && !UUID.test(values.org)) throw new UsageError(`--org must be an organization id (a UUID), got "${values.org}".`);
    const file = path.resolve(io.cwd, positionals[0]);
    const text = readFileSync(file, 'utf8');

    const database = await openDatabase(io.env, (message) => io.stderr(`${message}\n`));
    const progress = io.stderrIsTty ? createProgressBar(io.stderr, 'Importing') : silentProgressBar;
    try {
      const target: ImportTarget = values.library ? { library: true } : { organizationId: values.org!, userId: null };
      if (!('library' in target) && !(await database.prisma.organization.findUnique({ where: { id: target.organizationId }, select: { id: true } }))) {
        io.stderr(`No organization has the id ${target.organizationId}.\n`);
        return EXIT_FAILURE;
      }
      const importer = new QuestionImportService(database.prisma);
      const report = await importer.importDocument(target, text, {
        rubricFor: values.library ? rubricsFromDirectory(rubricDirectoryFor(file)) : undefined,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.finish();
      io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(path.relative(io.cwd, file) || file, report));
      return EXIT_OK;
    } finally {
      progress.finish();
      await database.close();
    }
  },
};

export function formatReport(file: string, report: ImportReport): string {
  const lines = [`Imported ${file}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`];
  for (const question of report.questions) {
    if (question.status !== 'unchanged') lines.push(`  ${question.status.padEnd(7)} ${question.slug} (version ${question.version})`);
  }
  if (report.warnings.length) {
    lines.push(`${report.warnings.length} warning(s):`);
    for (const warning of report.warnings) lines.push(`  line ${warning.line}: ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}
