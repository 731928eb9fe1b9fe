import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { SEED_BANK_FILE } from '../../questions/import/library-source';
import { parseInterviewDocument } from '../../questions/parser/parse-interview-document';
import type { Level } from '../../questions/parser/document.types';

export interface BankEntry {
  slug: string;
  section: string;
  kind: 'question' | 'quiz';
  levels: Level[];
  prompt: string;
}

const USAGE = `Usage: assay bank list [--json] [--file <path>]

Lists every question of a bank document (default: the seed bank) by parsing
the file directly; no database or server is involved.

  --json         print a JSON array of { slug, section, kind, levels, prompt }
  --file <path>  the document to read (default: ${path.relative(process.cwd(), SEED_BANK_FILE) || SEED_BANK_FILE})`;

export const bankCommand: CliCommand = {
  name: 'bank',
  summary: 'bank list: list the questions of the seed bank (no database needed)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, file: { type: 'string' } });
    const [subcommand, ...rest] = positionals;
    if (subcommand !== 'list') throw new UsageError(subcommand ? `Unknown bank subcommand "${subcommand}".` : 'Missing the bank subcommand.');
    if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    const file = values.file === undefined ? SEED_BANK_FILE : path.resolve(io.cwd, values.file);
    const { entries, warnings } = listBank(readFileSync(file, 'utf8'));
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(values.json ? `${JSON.stringify(entries, null, 2)}\n` : formatTable(entries));
    return EXIT_OK;
  },
};

export function listBank(text: string): { entries: BankEntry[]; warnings: string[] } {
  const document = parseInterviewDocument(text);
  return {
    entries: document.questions.map(({ slug, section, kind, levels, prompt }) => ({ slug, section, kind, levels, prompt })),
    warnings: document.warnings.map(({ line, message }) => `line ${line}: ${message}`),
  };
}

function formatTable(entries: BankEntry[]): string {
  const lines: string[] = [];
  let section: string | undefined;
  for (const entry of entries) {
    if (entry.section !== section) {
      section = entry.section;
      lines.push(`${lines.length ? '\n' : ''}${section}`);
    }
    const levels = entry.levels.length ? entry.levels.join(' → ') : '-';
    lines.push(`  ${entry.slug}  [${levels}]${entry.kind === 'quiz' ? ' (quiz)' : ''}\n    ${entry.prompt}`);
  }
  lines.push(`\n${entries.length} question(s) in ${new Set(entries.map((entry) => entry.section)).size} section(s).`);
  return `${lines.join('\n')}\n`;
}
