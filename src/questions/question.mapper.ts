import type { Prisma } from '../generated/prisma/client';
import { RUBRIC_SOURCES, type JsonObject, type Probe, type QuestionContent, type RubricSource } from './content/question-content';
import type { ImportReport } from './import/import-report';
import type { ImportReportDto } from './dto/import.dto';
import type { QuestionDto } from './dto/question.dto';
import type { QuestionVersionContentDto, QuestionVersionDto } from './dto/question-version.dto';
import type { QuestionVersion, VersionWithQuestion } from './question-record';

/**
 * The one place database rows become API shapes (and back into content):
 * nothing else in the module hands a Prisma row to a client.
 */
export function toQuestionDto(current: VersionWithQuestion): QuestionDto {
  const { question } = current;
  const content = contentOf(current);
  return {
    id: question.id,
    slug: question.slug,
    source: question.source,
    section: content.section,
    kind: content.kind,
    levels: content.levels,
    tags: content.tags,
    prompt: content.prompt,
    modelAnswer: content.modelAnswer,
    probes: content.probes,
    misconceptions: content.misconceptions,
    listeningFor: content.listeningFor,
    version: current.version,
    versionId: current.id,
    hasRubric: content.rubric !== null,
    createdAt: question.createdAt.toISOString(),
    updatedAt: question.updatedAt.toISOString(),
    archivedAt: question.archivedAt?.toISOString() ?? null,
    forkedFromId: question.forkedFromId,
  };
}

export function toVersionDto(version: QuestionVersion): QuestionVersionDto {
  const { rubric, rubricSource, ...rest } = contentOf(version);
  const content: QuestionVersionContentDto = { ...rest, hasRubric: rubric !== null, rubricSource };
  return { versionId: version.id, version: version.version, createdAt: version.createdAt.toISOString(), contentHash: version.contentHash, content };
}

export function toImportReportDto(report: ImportReport): ImportReportDto {
  return {
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    warnings: report.warnings.map(({ line, message }) => ({ line, message })),
    questions: report.questions.map(({ slug, status, version }) => ({ slug, status, version })),
  };
}

/** The content a stored version holds, read defensively from its JSON columns. */
export function contentOf(version: QuestionVersion): QuestionContent {
  const rubric = readObject(version.rubric);
  return {
    kind: version.kind,
    section: version.section,
    levels: version.levels,
    tags: version.tags,
    prompt: version.prompt,
    modelAnswer: version.modelAnswer,
    probes: readProbes(version.probes),
    misconceptions: version.misconceptions,
    listeningFor: version.listeningFor,
    rubric,
    rubricSource: rubric === null ? null : readRubricSource(version.rubricSource),
  };
}

export function readProbes(json: Prisma.JsonValue): Probe[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const { question, answer } = item as Record<string, unknown>;
    return typeof question === 'string' && typeof answer === 'string' ? [{ question, answer }] : [];
  });
}

function readObject(json: Prisma.JsonValue | null): JsonObject | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  return json as JsonObject;
}

function readRubricSource(value: string | null): RubricSource | null {
  return RUBRIC_SOURCES.find((source) => source === value) ?? null;
}
