import { LEVELS, type Level } from '../parser/document.types';

export type { Level };
export const QUESTION_KINDS = ['question', 'quiz'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const RUBRIC_SOURCES = ['curated', 'suggested', 'custom'] as const;
export type RubricSource = (typeof RUBRIC_SOURCES)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Probe {
  question: string;
  answer: string;
}

/**
 * Everything a question version holds. Versions are immutable, so this is
 * also exactly what the content hash covers: a change to any field (the rubric
 * included) is a new version.
 */
export interface QuestionContent {
  kind: QuestionKind;
  section: string;
  levels: Level[];
  tags: string[];
  prompt: string;
  modelAnswer: string;
  probes: Probe[];
  misconceptions: string[];
  listeningFor: string[];
  rubric: JsonObject | null;
  rubricSource: RubricSource | null;
}

/**
 * One spelling per meaning, so equal content hashes equal: levels in their
 * natural order without repeats, text trimmed, empty list entries dropped.
 */
export function normalizeContent(content: QuestionContent): QuestionContent {
  const levels = LEVELS.filter((level) => content.levels.includes(level));
  return {
    kind: content.kind,
    section: content.section.trim(),
    levels,
    tags: unique(content.tags.map((tag) => tag.trim()).filter(Boolean)),
    prompt: content.prompt.trim(),
    modelAnswer: trimLines(content.modelAnswer),
    probes: content.probes.map((probe) => ({ question: probe.question.trim(), answer: trimLines(probe.answer) })),
    misconceptions: content.misconceptions.map((text) => text.trim()).filter(Boolean),
    listeningFor: content.listeningFor.map((text) => text.trim()).filter(Boolean),
    rubric: content.rubric,
    rubricSource: content.rubric === null ? null : content.rubricSource,
  };
}

/** Trims the text as a whole but keeps inner indentation, which fenced code depends on. */
function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
