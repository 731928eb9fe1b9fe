import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { resolveItems, ResolveItemsError } from './draw/resolve-items';
import type { ItemPlan, Level, ResolvedItem } from './draw/types';
import type { InterviewPreviewDto } from './dto/preview.dto';
import { toPreviewDto } from './interview.mapper';
import { planItems, resolveErrors, unresolvable, unresolvedErrors, type VersionChoice } from './items/item-plans';
import type { Db, InterviewWithItems, Tx } from './store/interview-record';
import { findInterview, shareInterview } from './store/interview-scope';

/** The seed a preview uses when none is given, so repeated previews agree. */
export const PREVIEW_SEED = 'preview';

/**
 * One SessionItem row to create, minus its session id:
 * `tx.sessionItem.createMany({ data: items.map((item) => ({ ...item, sessionId })) })`.
 */
export interface SessionItemSeed {
  position: number;
  interviewItemId: string;
  questionVersionId: string;
  probeIndex: number | null;
  prompt: string;
  section: string;
  levels: Level[];
  weight: number;
  points: number;
  rubric: Prisma.InputJsonObject;
  rubricVersionId: string;
}

/** What other modules ask of interviews: a candidate's items, and the preview of them. */
@Injectable()
export class InterviewsService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The session items a candidate with this seed gets from a published
   * interview: the pinned versions of explicit items, draw rules resolved
   * against the bank as it is now. Pass your transaction to create the
   * session in the same one: the interview row is then share-locked, so an
   * archive cannot slip in between. Draft or archived interviews: 409.
   */
  async resolveSessionItems(caller: Caller, interviewId: string, seed: string, tx?: Tx): Promise<SessionItemSeed[]> {
    const db: Db = tx ?? this.prisma;
    const interview = tx ? await shareInterview(tx, caller, interviewId) : await findInterview(db, caller, interviewId);
    if (interview.status !== 'published') {
      const detail =
        interview.status === 'draft'
          ? `Interview ${interviewId} is a draft; publish it (POST /v1/interviews/${interviewId}/publish) before inviting candidates.`
          : `Interview ${interviewId} is archived and accepts no new sessions.`;
      throw new ProblemException('conflict', detail, { interviewStatus: interview.status });
    }
    const items = await this.resolve(db, caller, interview, seed, 'pinned', 'create a session');
    return items.map(toSessionItemSeed);
  }

  /** Exactly what a candidate would see, for any status: drafts resolve explicit items to their questions' current versions. */
  async preview(caller: Caller, interviewId: string, seed: string | undefined): Promise<InterviewPreviewDto> {
    const interview = await findInterview(this.prisma, caller, interviewId);
    const effectiveSeed = seed ?? PREVIEW_SEED;
    const items = await this.resolve(this.prisma, caller, interview, effectiveSeed, interview.status === 'draft' ? 'current' : 'pinned', 'preview');
    return toPreviewDto(interview, effectiveSeed, items);
  }

  private async resolve(db: Db, caller: Caller, interview: InterviewWithItems, seed: string, versions: VersionChoice, action: string): Promise<ResolvedItem[]> {
    const planned = await planItems(db, caller, interview.items, versions);
    if (!planned.ok) {
      throw unresolvable(action, unresolvedErrors(planned.unresolved));
    }
    return resolveOrConflict(planned.plans, seed, action);
  }
}

function resolveOrConflict(plans: ItemPlan[], seed: string, action: string): ResolvedItem[] {
  try {
    return resolveItems(plans, seed);
  } catch (error) {
    if (error instanceof ResolveItemsError) throw unresolvable(action, resolveErrors(error));
    throw error;
  }
}

function toSessionItemSeed(item: ResolvedItem): SessionItemSeed {
  // Publishing refuses explicit questions without a rubric and draw pools hold only questions with one.
  if (item.rubric === null) throw new Error(`Item ${item.position} (question version ${item.questionVersionId}) has no rubric.`);
  return {
    position: item.position,
    interviewItemId: item.interviewItemId,
    questionVersionId: item.questionVersionId,
    probeIndex: item.probeIndex,
    prompt: item.prompt,
    section: item.section,
    levels: item.levels,
    weight: item.weight,
    points: item.points,
    rubric: item.rubric as Prisma.InputJsonObject,
    rubricVersionId: item.rubricVersionId,
  };
}
