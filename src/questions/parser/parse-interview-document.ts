/**
 * Parses a scraped "Topic — Interview Questions" document (see
 * seed/tracing-interview-questions.txt) into sections and gradable questions.
 *
 * Pure and deterministic: no I/O, no framework. It never throws; whatever it
 * cannot place becomes a ParseWarning with its 1-based line number.
 *
 * Document shape: a title heading, an optional "Topic: … Focus: …" line, then
 * headings ending in ¶. Headings holding `Q:` lines are question sections; a
 * section whose text has "N. question" + "→ answer" items (the cheat sheet)
 * yields `quiz` items and is listed among the sections too. Front and back
 * matter (table of contents, introduction, further reading, related topics)
 * is skipped.
 */
import { DocumentBuilder } from './document-builder';
import type { ParsedDocument, ParsedQuestion } from './document.types';
import { learnCodeTermsFromLineStarts, repairProse } from './glue-repair';
import { classifyLines, documentUsesPilcrows, looksLikeBareHeading, type ClassifiedLine } from './line-kinds';
import { isKnownMatterHeading } from './section-names';
import { toSourceLines } from './source-lines';
import { tagQuestion } from './tags';
import { buildVocabulary, type Vocabulary } from './vocabulary';

export { UNSECTIONED } from './document-builder';

interface Header {
  title: string;
  topic?: string;
  focus?: string;
  /** Index of the first line after the title and topic lines. */
  next: number;
}

function readHeader(lines: readonly ClassifiedLine[]): Header {
  const firstIndex = lines.findIndex((line) => line.kind !== 'blank');
  const first = lines[firstIndex];
  if (!first) return { title: '', next: lines.length };
  const isTitle =
    (first.kind === 'heading' && !isKnownMatterHeading(first.text)) ||
    (first.kind === 'text' && looksLikeBareHeading(first.text));
  if (!isTitle) return { title: '', next: firstIndex };
  const title = first.text;

  let next = firstIndex + 1;
  while (lines[next]?.kind === 'blank') next += 1;
  const topicLine = lines[next];
  const topic = topicLine?.kind === 'text' ? /^Topic:\s*(.*?)(?:\s+Focus:\s*(.*))?$/i.exec(topicLine.text) : null;
  if (!topic) return { title, next: firstIndex + 1 };
  return { title, topic: topic[1].trim() || undefined, focus: topic[2]?.trim() || undefined, next: next + 1 };
}

/**
 * A section where some questions carry "Listening for" notes is written for
 * interviewers throughout: its other questions' answers are notes of the same
 * kind ("A great filter question. Weak candidates …"), so they become notes too.
 */
function completeInterviewerNotes(questions: ParsedQuestion[]): void {
  const noteSections = new Set(questions.filter((q) => q.listeningFor.length > 0).map((q) => q.section));
  for (const question of questions) {
    if (question.kind !== 'question' || !noteSections.has(question.section)) continue;
    if (question.listeningFor.length > 0 || question.modelAnswer === '') continue;
    const prose = question.modelAnswer.split('\n\n').filter((paragraph) => !paragraph.startsWith('```'));
    if (prose.length > 0) question.listeningFor = [prose.join('\n\n')];
  }
}

function addTags(question: ParsedQuestion): ParsedQuestion {
  const body = [
    question.modelAnswer,
    ...question.probes.flatMap((probe) => [probe.question, probe.answer]),
    ...question.listeningFor,
    ...question.misconceptionDetails.flatMap((detail) => [detail.statement, detail.rebuttal]),
  ].join('\n');
  const bodyHits = question.kind === 'quiz' ? 1 : 2;
  return { ...question, tags: tagQuestion({ section: question.section, prompt: question.prompt, body }, bodyHits) };
}

export function parseInterviewDocument(text: string): ParsedDocument {
  const source = toSourceLines(text);
  const lines = classifyLines(source);
  const vocabulary = buildVocabularyWithLineStarts(lines);
  const builder = new DocumentBuilder(source, (prose) => repairProse(prose, vocabulary), documentUsesPilcrows(source));

  const header = readHeader(lines);
  for (const line of lines.slice(header.next)) builder.add(line);
  builder.finish();

  completeInterviewerNotes(builder.questions);
  const questions = builder.questions.map(addTags);
  if (questions.length === 0) builder.warn(1, 'no questions found in the document');

  const document: ParsedDocument = {
    title: header.title,
    sections: [...new Set(questions.map((question) => question.section))],
    sectionIntros: builder.sectionIntros,
    questions,
    warnings: [...builder.warnings].sort((a, b) => a.line - b.line),
  };
  if (header.topic !== undefined) document.topic = header.topic;
  if (header.focus !== undefined) document.focus = header.focus;
  return document;
}

function buildVocabularyWithLineStarts(lines: readonly ClassifiedLine[]): Vocabulary {
  const vocabulary = buildVocabulary(lines);
  learnCodeTermsFromLineStarts(lines, vocabulary);
  return vocabulary;
}
