/**
 * What the draw resolver works on: plain data, no Nest or Prisma types, so
 * the rules for turning an interview into a candidate's items can be tested
 * exhaustively on their own.
 */
import type { JsonObject, Level, Probe } from '../../questions/content/question-content';

export type { JsonObject, Level, Probe };

/** One question version an item may become: an explicit item's question, or a member of a draw rule's pool. */
export interface PoolQuestion {
  questionId: string;
  /**
   * The question's lineage: its own id, or the id it was forked from. A
   * question and its fork are the same question to a candidate, so a session
   * never holds both.
   */
  familyId: string;
  versionId: string;
  slug: string;
  section: string;
  levels: Level[];
  tags: string[];
  prompt: string;
  probes: Probe[];
  /** Null only for a draft's explicit question whose current version has none (preview still shows it). */
  rubric: JsonObject | null;
}

interface PlanCommon {
  interviewItemId: string;
  /** Relative weight of the item in the total. */
  weight: number;
  /** What the item is worth: shared between the question and its probes when probes are included. */
  points: number;
  includeProbes: boolean;
}

export interface ExplicitPlan extends PlanCommon {
  kind: 'question';
  question: PoolQuestion;
}

export interface DrawPlan extends PlanCommon {
  kind: 'draw';
  count: number;
  /** Every question the rule matches, in any order (it is sorted by id before shuffling). */
  pool: readonly PoolQuestion[];
}

/** An interview item, ready to resolve: explicit items carry their question, draw rules their pool. */
export type ItemPlan = ExplicitPlan | DrawPlan;

/** One item of a candidate's session: a question, or one of its follow-up probes. */
export interface ResolvedItem {
  /** 1-based, in interview order; a question's probes follow it directly. */
  position: number;
  interviewItemId: string;
  questionId: string;
  questionVersionId: string;
  /** Null for the question itself; the probe's index in the question's probe list for a follow-up. */
  probeIndex: number | null;
  prompt: string;
  section: string;
  levels: Level[];
  weight: number;
  points: number;
  rubric: JsonObject | null;
  /** The question version whose content the rubric grades (the probe's parent version for probes). */
  rubricVersionId: string;
}
