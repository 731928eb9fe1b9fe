import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/problem';
import { PrismaService } from '../../database/prisma.service';
import type { PrismaClient } from '../../generated/prisma/client';
import { corpusForDocument, suggestRubricFor, type SuggestionOutcome } from '../../scoring/rubric-suggestion';
import { contentHash } from '../content/content-hash';
import { normalizeContent, type JsonObject, type QuestionContent } from '../content/question-content';
import type { ParsedQuestion } from '../parser/document.types';
import { parseInterviewDocument } from '../parser/parse-interview-document';
import { contentOf } from '../question.mapper';
import { currentBankAnswers } from '../store/bank-answers';
import { appendVersion, insertQuestion, lockBank, UNORDERED_SECTION, type Tx } from '../store/question-writes';
import type { ImportOptions, ImportReport, ImportTarget, ImportWarning } from './import-report';

interface Incoming {
  slug: string;
  line: number;
  sectionOrder: number;
  content: QuestionContent;
  /** False when the document brought no rubric: a person's rubric (curated or custom) is kept, otherwise one is suggested. */
  hasRubric: boolean;
  /** Set when the document brought no rubric. */
  suggestion?: SuggestionOutcome;
}

/** Rubrics a person wrote or vetted; an import never replaces them with a suggestion. */
const KEPT_RUBRIC_SOURCES = new Set(['curated', 'custom']);

// A whole bank is written in one transaction; give it room beyond Prisma's 5 s default.
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Imports an interview document into a bank, matching questions by slug: new
 * ones are created, changed ones (by content hash) get a new version, the rest
 * are left alone, so importing the same document twice changes nothing.
 * Constructible with a bare PrismaClient for scripts and the CLI.
 */
@Injectable()
export class QuestionImportService {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaClient) {}

  async importDocument(target: ImportTarget, text: string, options: ImportOptions = {}): Promise<ImportReport> {
    const document = parseInterviewDocument(text);
    const warnings: ImportWarning[] = document.warnings.map(({ line, message }) => ({ line, message }));
    if (document.questions.length === 0) {
      throw new ProblemException('validation-failed', 'The document contains no questions (expected "Q: …" headings under section headings).', {
        errors: [{ pointer: '/document', detail: 'contains no questions' }],
      });
    }
    const incoming = this.prepare(document.questions, document.sections, options, warnings);
    await this.suggestMissingRubrics(incoming);
    const organizationId = 'library' in target ? null : target.organizationId;
    const createdById = 'library' in target ? null : target.userId;
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0, warnings, questions: [] };
    await this.prisma.$transaction(
      async (tx) => {
        await lockBank(tx, organizationId);
        const existing = await this.loadExisting(tx, organizationId, incoming.map((question) => question.slug));
        for (const [index, question] of incoming.entries()) {
          const current = existing.get(question.slug);
          if (!current) {
            await insertQuestion(tx, {
              organizationId,
              source: organizationId === null ? 'library' : 'organization',
              slug: question.slug,
              sectionOrder: question.sectionOrder,
              createdById,
              content: question.hasRubric ? question.content : withSuggestion(question),
            });
            report.created += 1;
            report.questions.push({ slug: question.slug, status: 'created', version: 1 });
          } else {
            const { rubric, rubricSource } = contentOf(current);
            const keepsCurrent = !question.hasRubric && rubricSource !== null && KEPT_RUBRIC_SOURCES.has(rubricSource);
            const content = question.hasRubric
              ? question.content
              : keepsCurrent
                ? normalizeContent({ ...question.content, rubric, rubricSource })
                : withSuggestion(question);
            if (contentHash(content) === current.contentHash) {
              report.unchanged += 1;
              report.questions.push({ slug: question.slug, status: 'unchanged', version: current.version });
            } else {
              const written = await appendVersion(tx, current.question, current.version, content, createdById, question.sectionOrder);
              // Unreachable while the bank lock is held; kept so a bug cannot silently drop an edit.
              if (!written) throw new Error(`Question "${question.slug}" changed during the import.`);
              report.updated += 1;
              report.questions.push({ slug: question.slug, status: 'updated', version: written.version });
            }
          }
          options.onProgress?.(index + 1, incoming.length);
        }
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
    return report;
  }

  /**
   * Computed before the transaction (it is pure and the slowest step), for
   * every question the document brings without a rubric. The corpus is the
   * document plus the library, both fixed for a given document, so the same
   * import suggests the same rubrics and stays idempotent.
   */
  private async suggestMissingRubrics(incoming: Incoming[]): Promise<void> {
    const missing = incoming.filter((question) => !question.hasRubric);
    if (missing.length === 0) return;
    const asSuggestionInput = ({ slug, content }: Incoming) => ({ slug, prompt: content.prompt, modelAnswer: content.modelAnswer });
    const library = await currentBankAnswers(this.prisma, { library: true });
    const corpus = corpusForDocument(incoming.map(asSuggestionInput), library);
    for (const question of missing) question.suggestion = suggestRubricFor(asSuggestionInput(question), corpus);
  }

  private prepare(questions: ParsedQuestion[], sections: string[], options: ImportOptions, warnings: ImportWarning[]): Incoming[] {
    const seen = new Set<string>();
    const incoming: Incoming[] = [];
    for (const question of questions) {
      if (seen.has(question.slug)) {
        warnings.push({ line: question.line, message: `A question with the slug "${question.slug}" appears earlier in the document; this one was skipped.` });
        continue;
      }
      seen.add(question.slug);
      const lookup = options.rubricFor?.(question.slug);
      if (lookup && 'problem' in lookup) warnings.push({ line: question.line, message: lookup.problem });
      const rubric = lookup && 'rubric' in lookup ? lookup : undefined;
      const position = sections.indexOf(question.section);
      incoming.push({
        slug: question.slug,
        line: question.line,
        sectionOrder: position === -1 ? UNORDERED_SECTION : position,
        hasRubric: rubric !== undefined,
        content: normalizeContent({
          kind: question.kind,
          section: question.section,
          levels: question.levels,
          tags: question.tags,
          prompt: question.prompt,
          modelAnswer: question.modelAnswer,
          probes: question.probes,
          misconceptions: question.misconceptions,
          listeningFor: question.listeningFor,
          rubric: rubric?.rubric ?? null,
          rubricSource: rubric?.source ?? null,
        }),
      });
    }
    return incoming;
  }

  private async loadExisting(tx: Tx, organizationId: string | null, slugs: string[]) {
    const questions = await tx.question.findMany({ where: { organizationId, slug: { in: slugs } } });
    const versions = questions.length
      ? await tx.questionVersion.findMany({
          where: { OR: questions.map((question) => ({ questionId: question.id, version: question.currentVersion })) },
          include: { question: true },
        })
      : [];
    return new Map(versions.map((version) => [version.question.slug, version]));
  }
}

/**
 * The question with its suggested rubric, or with none when the model answer
 * has nothing to build concepts from (an empty or one-word answer). That is
 * not a problem with the document, so it is not a warning; the rubric
 * endpoints say why when asked.
 */
function withSuggestion(question: Incoming): QuestionContent {
  const suggestion = question.suggestion;
  const rubric = suggestion?.ok ? (suggestion.rubric as unknown as JsonObject) : null;
  return normalizeContent({ ...question.content, rubric, rubricSource: rubric === null ? null : 'suggested' });
}
