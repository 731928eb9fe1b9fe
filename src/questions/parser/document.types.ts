/** What the interview-document parser produces. Plain data, no framework types. */

export const LEVELS = ['junior', 'middle', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

export interface ParsedProbe {
  /** The follow-up question, e.g. "What if the parent-id is the trace's root span ID, not the immediate caller's?" */
  question: string;
  /** The model answer to the follow-up. */
  answer: string;
}

/** A "Wrong instinct" passage split into the wrong claim and the text that rebuts it. */
export interface ParsedMisconception {
  /** The claim a candidate might make, e.g. "the tracing is misconfigured, turn it off." (quotes removed). */
  statement: string;
  /** The rest of the passage, e.g. "Often it's working too well." (may be empty). */
  rebuttal: string;
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
  /** The same passages with their rebuttals, index-aligned with `misconceptions`. */
  misconceptionDetails: ParsedMisconception[];
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
  /** The "Focus: …" part of the topic line, when present. */
  focus?: string;
  /** Sections holding questions or quiz items, in document order (the cheat sheet's quiz section included). */
  sections: string[];
  /** Text between a section heading and its first question (e.g. "Questions that separate …"), by section. */
  sectionIntros: Record<string, string>;
  questions: ParsedQuestion[];
  warnings: ParseWarning[];
}
