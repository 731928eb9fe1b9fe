import { readFileSync } from 'node:fs';
import { normalizeContent, type JsonObject, type RubricSource } from '../../questions/content/question-content';
import { rubricDirectoryFor } from '../../questions/import/library-source';
import { rubricsFromDirectory } from '../../questions/import/rubric-files';
import { parseInterviewDocument } from '../../questions/parser/parse-interview-document';
import { contentOf } from '../../questions/question.mapper';
import type { PrismaClient } from '../../generated/prisma/client';
import { compileRubric, type CompiledRubric } from '../../scoring/engine';
import { corpusForDocument, suggestRubricFor, type SuggestionInput } from '../../scoring/rubric-suggestion';
import { checkRubric, describeErrors } from '../../scoring/stored-rubric';

/** A library question ready to score: its prompt and its compiled rubric. */
export interface ScorableQuestion {
  slug: string;
  prompt: string;
  rubric: CompiledRubric;
  rubricSource: RubricSource;
  /** Where it came from, for the human summary: "seed bank" or "library version 3". */
  origin: string;
}

export type QuestionLookup = { ok: true; question: ScorableQuestion } | { ok: false; error: string };

export interface QuestionSource {
  find(slug: string): Promise<QuestionLookup>;
}

interface RawQuestion {
  slug: string;
  prompt: string;
  rubric: JsonObject;
  rubricSource: RubricSource;
  origin: string;
}

/** Compiles each question's rubric once, however many answers a batch scores against it. */
function compilingSource(load: (slug: string) => Promise<RawQuestion | { error: string }>): QuestionSource {
  const cache = new Map<string, Promise<QuestionLookup>>();
  const compile = async (slug: string): Promise<QuestionLookup> => {
    const raw = await load(slug);
    if ('error' in raw) return { ok: false, error: raw.error };
    const check = checkRubric(raw.rubric);
    if (!check.ok) return { ok: false, error: `the rubric of "${slug}" is not valid: ${describeErrors(check.errors)}` };
    return { ok: true, question: { slug, prompt: raw.prompt, rubric: compileRubric(check.rubric), rubricSource: raw.rubricSource, origin: raw.origin } };
  };
  return {
    find(slug) {
      let lookup = cache.get(slug);
      if (!lookup) {
        lookup = compile(slug);
        cache.set(slug, lookup);
      }
      return lookup;
    },
  };
}

/**
 * The seed bank straight from its files, as the library import would store
 * it: the document's questions (normalized the same way), each with its
 * curated rubric from rubrics/<slug>.json, or else the rubric the import
 * would suggest. No database involved.
 */
export function seedSource(bankFile: string): QuestionSource {
  const document = parseInterviewDocument(readFileSync(bankFile, 'utf8'));
  const questions = new Map<string, SuggestionInput>();
  for (const parsed of document.questions) {
    if (questions.has(parsed.slug)) continue;
    const content = normalizeContent({ ...parsed, rubric: null, rubricSource: null });
    questions.set(parsed.slug, { slug: parsed.slug, prompt: content.prompt, modelAnswer: content.modelAnswer });
  }
  const curated = rubricsFromDirectory(rubricDirectoryFor(bankFile));
  let corpus: ReturnType<typeof corpusForDocument> | undefined;
  return compilingSource(async (slug) => {
    const question = questions.get(slug);
    if (!question) return { error: `the seed bank has no question with the slug "${slug}" (see \`assay bank list\`)` };
    const lookup = curated(slug);
    if (lookup && 'rubric' in lookup) return { slug, prompt: question.prompt, rubric: lookup.rubric, rubricSource: lookup.source, origin: 'seed bank' };
    corpus ??= corpusForDocument([...questions.values()], []);
    const suggestion = suggestRubricFor(question, corpus);
    if (!suggestion.ok) return { error: `"${slug}" has no curated rubric and none could be suggested: ${suggestion.problem}` };
    return { slug, prompt: question.prompt, rubric: suggestion.rubric as unknown as JsonObject, rubricSource: 'suggested', origin: 'seed bank' };
  });
}

/** The library's questions in the database, at their current version. */
export function databaseSource(prisma: PrismaClient): QuestionSource {
  return compilingSource(async (slug) => {
    const question = await prisma.question.findFirst({ where: { organizationId: null, slug } });
    if (!question) return { error: `the library has no question with the slug "${slug}"` };
    const version = await prisma.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: question.id, version: question.currentVersion } } });
    const { prompt, rubric, rubricSource } = contentOf(version);
    if (rubric === null) return { error: `the library question "${slug}" has no rubric (version ${version.version})` };
    return { slug, prompt, rubric, rubricSource: rubricSource ?? 'custom', origin: `library version ${version.version}` };
  });
}
