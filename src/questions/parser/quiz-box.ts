/**
 * Quiz items from a cheat sheet: "N. Question?" followed by one or more
 * "→ answer" lines, usually inside a box drawn with │ ┌ ─ characters.
 *
 * Text inside the box before the first item (its caption) and text before the
 * box count as the section's intro. A line after an item that is neither a new
 * item nor an answer continues that item (wrapped question or answer text).
 */
export interface QuizRow {
  number: number;
  text: string;
}

export interface QuizItem {
  /** The item's own number ("3." → 3). */
  number: number;
  line: number;
  prompt: string;
  answer: string;
}

export interface QuizExtraction {
  items: QuizItem[];
  intro: string[];
  /** Lines after the box closed, which belong to no item. */
  stray: QuizRow[];
  /** Numbered lines never followed by a "→" answer. */
  unanswered: QuizItem[];
}

const ITEM = /^(\d{1,3})[.)]\s+(.+)$/;
const ANSWER = /^→\s*(.*)$/;
const BOX_FURNITURE = /^[\s\u2500-\u257F+|=-]*$/;
const BOX_BOTTOM = /[└┘╚╝]/;

/** "│ 1. Span vs trace? │" → "1. Span vs trace?". */
export function unboxed(text: string): string {
  return text
    .trim()
    .replace(/^[│┃║]\s*/, '')
    .replace(/\s*[│┃║]$/, '')
    .trim();
}

export function hasQuizAnswers(rows: readonly QuizRow[]): boolean {
  return rows.some((row) => ANSWER.test(unboxed(row.text)));
}

interface Draft {
  item: QuizItem;
  answers: string[];
}

export function extractQuizItems(rows: readonly QuizRow[]): QuizExtraction {
  const drafts: Draft[] = [];
  const intro: string[] = [];
  const stray: QuizRow[] = [];
  let current: Draft | undefined;
  let boxClosed = false;

  for (const row of rows) {
    const text = unboxed(row.text);
    if (text === '' || BOX_FURNITURE.test(text)) {
      if (BOX_BOTTOM.test(row.text)) {
        boxClosed = true;
        current = undefined;
      }
      continue;
    }
    const item = ITEM.exec(text);
    const answer = ANSWER.exec(text);
    if (item && !boxClosed) {
      current = { item: { number: Number(item[1]), line: row.number, prompt: item[2].trim(), answer: '' }, answers: [] };
      drafts.push(current);
    } else if (answer && current) {
      current.answers.push(answer[1].trim());
    } else if (current) {
      if (current.answers.length === 0) current.item.prompt = `${current.item.prompt} ${text}`;
      else current.answers[current.answers.length - 1] = `${current.answers[current.answers.length - 1]} ${text}`;
    } else if (drafts.length === 0 && !answer) {
      intro.push(text);
    } else {
      stray.push(row);
    }
  }

  const finished = drafts.map(({ item, answers }) => ({ ...item, answer: answers.filter(Boolean).join(' ') }));
  return {
    items: finished.filter((item) => item.answer !== ''),
    intro,
    stray,
    unanswered: finished.filter((item) => item.answer === ''),
  };
}
