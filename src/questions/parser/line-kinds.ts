/**
 * First pass over the document: what each line is (heading, `Q:` line, code,
 * prose), what role a prose line plays, and whether it merely continues the
 * previous line. The scraper broke paragraphs wherever inline code started, so
 * "continues" is what lets later passes glue those paragraphs back together.
 */
import { codeSignal } from './code-detection';
import { isKnownMatterHeading } from './section-names';
import type { SourceLine } from './source-lines';

export const PILCROW = '¶';

export type TextRole = 'plain' | 'probe' | 'wrong-instinct' | 'listening-for' | 'bullet' | 'numbered';

export type ClassifiedLine =
  | { kind: 'blank'; number: number }
  /** `bare`: recognised as a heading although it lacks the ¶ marker. */
  | { kind: 'heading'; number: number; text: string; bare: boolean }
  /** `text`: the question line without `Q:` and without ¶ (level suffix still attached). */
  | { kind: 'question'; number: number; text: string }
  | { kind: 'code'; number: number; text: string }
  /** `continues`: the line is the rest of the previous line's sentence. */
  | { kind: 'text'; number: number; text: string; role: TextRole; continues: boolean };

export type TextLine = Extract<ClassifiedLine, { kind: 'text' }>;

const QUESTION_LINE = /^Q:\s*/;
const BULLET = /^[-•*]\s+(\S.*)$/;
const NUMBERED = /^[1-9]\d?[.)]\s+\S/;
const ENDS_SENTENCE = /[.?!:…]["'”’)\]]*$/;
/** A line starting like this cannot open a new sentence, so it continues the previous one. */
const CONTINUATION_START = /^[a-z)\],.;:!?]/;

export function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text);
}

function textRole(text: string): TextRole {
  if (/^what if\b/i.test(text)) return 'probe';
  if (/^wrong instinct\s*:/i.test(text)) return 'wrong-instinct';
  if (/^listening for\b/i.test(text)) return 'listening-for';
  if (BULLET.test(text)) return 'bullet';
  if (NUMBERED.test(text)) return 'numbered';
  return 'plain';
}

/** A short title-like line: how a heading looks when its ¶ marker is missing. */
export function looksLikeBareHeading(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 80 &&
    /^[A-Z0-9]/.test(text) &&
    !/[.?!,;:…]["'”’)\]]*$/.test(text) &&
    text.split(/\s+/).length <= 10 &&
    !text.includes('→') &&
    !QUESTION_LINE.test(text) &&
    textRole(text) === 'plain' &&
    codeSignal(text) === 'none'
  );
}

function nextNonBlank(lines: readonly SourceLine[], index: number): SourceLine | undefined {
  for (let i = index + 1; i < lines.length; i += 1) if (lines[i].text !== '') return lines[i];
  return undefined;
}

export function documentUsesPilcrows(lines: readonly SourceLine[]): boolean {
  return lines.some((line) => line.text.endsWith(PILCROW));
}

export function classifyLines(lines: readonly SourceLine[]): ClassifiedLine[] {
  const result: ClassifiedLine[] = [];
  let previousText: TextLine | undefined;
  let bulletPending = false;
  let seenContent = false;

  lines.forEach((line, index) => {
    const { number, text } = line;
    const previous = previousText;
    previousText = undefined;

    if (text === '' || text === '-') {
      // A lone "-" is a list marker whose item text the scraper put on the next line.
      bulletPending = text === '-';
      result.push({ kind: 'blank', number });
      return;
    }
    const isFirstLine = !seenContent;
    seenContent = true;
    if (QUESTION_LINE.test(text)) {
      bulletPending = false;
      result.push({ kind: 'question', number, text: text.replace(QUESTION_LINE, '').replace(/¶\s*$/, '').trim() });
      return;
    }
    if (text.endsWith(PILCROW)) {
      bulletPending = false;
      result.push({ kind: 'heading', number, text: text.slice(0, -PILCROW.length).trim(), bare: false });
      return;
    }
    const next = nextNonBlank(lines, index);
    const headingLike =
      looksLikeBareHeading(text) &&
      (isFirstLine || isKnownMatterHeading(text) || (next !== undefined && QUESTION_LINE.test(next.text)));
    if (headingLike && !bulletPending && (previous === undefined || endsSentence(previous.text))) {
      result.push({ kind: 'heading', number, text, bare: true });
      return;
    }

    const openSentence = previous !== undefined && !endsSentence(previous.text);
    const signal = codeSignal(text);
    if (!bulletPending && (signal === 'strong' || (signal === 'weak' && !openSentence))) {
      result.push({ kind: 'code', number, text: line.raw });
      return;
    }

    let content = text;
    let role = textRole(content);
    if (bulletPending) {
      role = 'bullet';
    } else if (role === 'bullet') {
      content = content.replace(BULLET, '$1');
    }
    bulletPending = false;
    if (/\s-$/.test(content)) {
      // "… fresh root. -": the dash opens the list item that starts on the next line.
      content = content.slice(0, -1).trimEnd();
      bulletPending = true;
    }
    const continues =
      role === 'plain' && previous !== undefined && (openSentence || CONTINUATION_START.test(content));
    const classified: TextLine = { kind: 'text', number, text: content, role, continues };
    result.push(classified);
    previousText = classified;
  });
  return result;
}
