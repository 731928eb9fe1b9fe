/**
 * Walks the classified lines in order and files them: headings open sections,
 * `Q:` lines open questions, other lines belong to the open question, to the
 * open section's intro (or quiz box), or nowhere (a warning).
 */
import type { ParsedQuestion, ParseWarning } from './document.types';
import { splitLevelSuffix } from './levels';
import type { ClassifiedLine } from './line-kinds';
import { groupBlocks, renderMarkdown, toMarkdownItems } from './markdown-blocks';
import { parseQuestionBody, type Repair } from './question-body';
import { extractQuizItems, hasQuizAnswers } from './quiz-box';
import { isKnownMatterHeading } from './section-names';
import { slugify, uniqueSlug } from './slug';
import type { SourceLine } from './source-lines';

/** Section name for questions that appear before any section heading. */
export const UNSECTIONED = 'Uncategorized';

interface SectionState {
  name: string;
  line: number;
  matter: boolean;
  /** Lines before the section's first question: intro text or quiz items. */
  loose: ClassifiedLine[];
  looseDone: boolean;
  /** Questions and quiz items filed under this heading. */
  entries: number;
  intro?: string;
}

interface QuestionDraft {
  line: number;
  text: string;
  section: string;
  body: ClassifiedLine[];
}

export class DocumentBuilder {
  readonly questions: ParsedQuestion[] = [];
  readonly warnings: ParseWarning[] = [];
  readonly sectionIntros: Record<string, string> = {};
  private readonly taken = new Set<string>();
  private section: SectionState | undefined;
  private question: QuestionDraft | undefined;

  constructor(
    private readonly source: readonly SourceLine[],
    private readonly repair: Repair,
    private readonly usesPilcrows: boolean,
  ) {}

  readonly warn = (line: number, message: string): void => {
    this.warnings.push({ line, message });
  };

  add(line: ClassifiedLine): void {
    if (line.kind === 'heading') return this.startSection(line.number, line.text, line.bare);
    if (line.kind === 'question') return this.startQuestion(line.number, line.text);
    if (this.question) {
      this.question.body.push(line);
    } else if (this.section) {
      if (!this.section.matter) this.section.loose.push(line);
    } else if (line.kind !== 'blank') {
      this.warn(line.number, 'text outside any section was ignored');
    }
  }

  finish(): void {
    this.finishQuestion();
    this.finishSection();
  }

  private startSection(line: number, name: string, bare: boolean): void {
    this.finishQuestion();
    this.finishSection();
    const matter = isKnownMatterHeading(name);
    if (bare && this.usesPilcrows && !matter) this.warn(line, `heading "${name}" has no ¶ marker`);
    if (name === '') this.warn(line, 'empty heading');
    this.section = { name: name || UNSECTIONED, line, matter, loose: [], looseDone: false, entries: 0 };
  }

  private startQuestion(line: number, text: string): void {
    this.finishQuestion();
    if (!this.section) {
      this.warn(line, `question before any section heading; filed under "${UNSECTIONED}"`);
      this.section = { name: UNSECTIONED, line, matter: false, loose: [], looseDone: true, entries: 0 };
    } else if (this.section.matter) {
      this.warn(line, `question under "${this.section.name}", which is not a question section`);
      this.section.matter = false;
    }
    this.flushLoose(this.section);
    this.question = { line, text, section: this.section.name, body: [] };
  }

  private finishQuestion(): void {
    const draft = this.question;
    this.question = undefined;
    if (!draft || !this.section) return;
    const { prompt, levels, unknownWords } = splitLevelSuffix(draft.text);
    for (const word of unknownWords) this.warn(draft.line, `unknown level "${word}"`);
    if (prompt === '') {
      this.warn(draft.line, 'Q: line without question text was ignored');
      return;
    }
    const body = parseQuestionBody(draft.body, this.repair, this.warn);
    const empty = !body.modelAnswer && body.probes.length === 0 && body.misconceptions.length === 0;
    if (empty) this.warn(draft.line, `question "${prompt}" has no answer text`);
    this.section.entries += 1;
    this.questions.push({
      slug: uniqueSlug(slugify(prompt), this.taken),
      kind: 'question',
      section: draft.section,
      levels,
      prompt,
      ...body,
      tags: [],
      line: draft.line,
    });
  }

  private finishSection(): void {
    const section = this.section;
    if (!section) return;
    this.flushLoose(section);
    if (section.matter) return;
    if (section.entries === 0) {
      this.warn(section.line, `section "${section.name}" has no questions; its text was ignored`);
    } else if (section.intro) {
      this.sectionIntros[section.name] = section.intro;
    }
    this.section = undefined;
  }

  private flushLoose(section: SectionState): void {
    if (section.looseDone) return;
    section.looseDone = true;
    if (section.matter) return;
    const rows = section.loose
      .filter((line) => line.kind !== 'blank')
      .map((line) => ({ number: line.number, text: this.source[line.number - 1]?.text ?? '' }));
    if (hasQuizAnswers(rows)) {
      this.addQuiz(section, rows);
      return;
    }
    section.intro = renderMarkdown(groupBlocks(section.loose).flatMap((block) => toMarkdownItems(block, this.repair)));
  }

  private addQuiz(section: SectionState, rows: { number: number; text: string }[]): void {
    const { items, intro, stray, unanswered } = extractQuizItems(rows);
    section.intro = intro.join('\n');
    for (const row of stray) this.warn(row.number, 'line outside any quiz item was ignored');
    for (const item of unanswered) this.warn(item.line, `quiz item ${item.number} has no "→" answer; skipped`);
    for (const item of items) {
      section.entries += 1;
      this.questions.push({
        slug: uniqueSlug(`${slugify(section.name)}-${item.number}`, this.taken),
        kind: 'quiz',
        section: section.name,
        levels: [],
        prompt: item.prompt,
        modelAnswer: item.answer,
        probes: [],
        misconceptions: [],
        misconceptionDetails: [],
        listeningFor: [],
        tags: [],
        line: item.line,
      });
    }
  }
}
