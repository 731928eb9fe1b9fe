/** What the interview-document parser produces. Plain data, no framework types. */

export const LEVELS = ['junior', 'middle', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

export interface ParsedProbe {
  /** The follow-up question, e.g. "What if the parent-id is the trace's root span ID, not the immediate caller's?" */
  question: string;
  /** The model answer to the follow-up. */
  answer: string;
}

export interface ParsedQuestion {
  /** Stable human-readable identity (see slug.ts). */
  slug: string;
  /** `question` for Q: entries; `quiz` for cheat-sheet items (short quiz questions). */
  kind: 'question' | 'quiz';
  section: string;
  /** Every level the question spans: "(junior → middle)" gives ['junior', 'middle']; none gives []. */
  levels: Level[];
  prompt: string;
  /** Model answer as Markdown-ish text; code blocks are kept as fenced ``` blocks. */
  modelAnswer: string;
  probes: ParsedProbe[];
  /** "Wrong instinct" statements. */
  misconceptions: string[];
  /** Interviewer notes ("Listening for …"). */
  listeningFor: string[];
  tags: string[];
  /** 1-based line of the question heading in the source document. */
  line: number;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface ParsedDocument {
  title: string;
  topic?: string;
  sections: string[];
  questions: ParsedQuestion[];
  warnings: ParseWarning[];
}
