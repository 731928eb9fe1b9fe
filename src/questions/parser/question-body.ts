/**
 * Splits the lines under a `Q:` heading into the model answer, "What if …?"
 * follow-up probes, "Wrong instinct" misconceptions and "Listening for"
 * interviewer notes.
 *
 * - A probe runs from its "What if" line to the next probe (or the end of the
 *   question); its question is the text up to the first "?".
 * - A misconception keeps the quoted claim as the statement (what a candidate
 *   would actually say, verbatim) and the rest of the passage as rebuttal. The
 *   passage is left out of the model answer so the wrong claim is never part of
 *   what a good answer looks like.
 * - A "Listening for" note is also kept in the model answer, so the question
 *   stays gradable.
 */
import type { ParsedMisconception, ParsedProbe } from './document.types';
import type { ClassifiedLine } from './line-kinds';
import { groupBlocks, renderMarkdown, toMarkdownItems, type MarkdownItem } from './markdown-blocks';
import { BREAK_MARK } from './source-lines';

export interface QuestionBody {
  modelAnswer: string;
  probes: ParsedProbe[];
  misconceptions: string[];
  misconceptionDetails: ParsedMisconception[];
  listeningFor: string[];
}

export type Repair = (text: string) => string;
export type Warn = (line: number, message: string) => void;

interface ProbeDraft {
  line: number;
  text: string;
  extra: MarkdownItem[];
}

const WRONG_INSTINCT_PREFIX = /^wrong instinct\s*:\s*/i;
const LISTENING_FOR_PREFIX = /^listening for\b\s*:?\s*/i;

export function parseMisconception(rawText: string, repair: Repair): ParsedMisconception {
  const passage = rawText.split(BREAK_MARK).join('').replace(WRONG_INSTINCT_PREFIX, '').trim();
  const quoted = /^["“]([^"”]+)["”]\s*(.*)$/s.exec(passage);
  const [statement, rest] = quoted
    ? [quoted[1], quoted[2]]
    : (/^(.+?[.!?])\s+(.*)$/s.exec(passage)?.slice(1, 3) ?? [passage, '']);
  return { statement: statement.trim(), rebuttal: repair(rest.replace(/^[—–-]\s*/, '')) };
}

export function listeningNote(repairedText: string): string {
  return repairedText.replace(LISTENING_FOR_PREFIX, '').trim();
}

function finishProbe(draft: ProbeDraft, warn: Warn): ParsedProbe {
  const mark = draft.text.indexOf('?');
  let question: string;
  let rest: string;
  if (mark >= 0) {
    question = draft.text.slice(0, mark + 1);
    rest = draft.text.slice(mark + 1);
  } else {
    warn(draft.line, 'follow-up probe has no "?"; its first sentence was taken as the question');
    const sentence = /^(.+?[.!])\s+(.*)$/s.exec(draft.text);
    question = sentence ? sentence[1] : draft.text;
    rest = sentence ? sentence[2] : '';
  }
  const answer = [rest.trim(), renderMarkdown(draft.extra)].filter(Boolean).join('\n\n');
  if (answer === '') warn(draft.line, 'follow-up probe has no answer');
  return { question: question.trim(), answer };
}

export function parseQuestionBody(lines: readonly ClassifiedLine[], repair: Repair, warn: Warn): QuestionBody {
  const answer: MarkdownItem[] = [];
  const probes: ProbeDraft[] = [];
  const misconceptionDetails: ParsedMisconception[] = [];
  const listeningFor: string[] = [];

  for (const block of groupBlocks(lines)) {
    const role = block.kind === 'text' ? block.role : undefined;
    if (block.kind === 'text' && role === 'probe') {
      probes.push({ line: block.line, text: repair(block.text), extra: [] });
    } else if (block.kind === 'text' && role === 'wrong-instinct') {
      misconceptionDetails.push(parseMisconception(block.text, repair));
    } else if (block.kind === 'text' && role === 'listening-for') {
      const note = repair(block.text);
      listeningFor.push(listeningNote(note));
      answer.push({ kind: 'paragraph', text: note });
    } else {
      const current = probes[probes.length - 1];
      (current ? current.extra : answer).push(...toMarkdownItems(block, repair));
    }
  }
  return {
    modelAnswer: renderMarkdown(answer),
    probes: probes.map((draft) => finishProbe(draft, warn)),
    misconceptions: misconceptionDetails.map((detail) => detail.statement),
    misconceptionDetails,
    listeningFor,
  };
}
