import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { PrismaService } from '../database/prisma.service';
import { CommentsService } from './comments.service';
import { DecisionsService } from './decisions.service';
import type { DecisionDto } from './dto/decision.dto';
import type { ScoreOverrideDto } from './dto/override.dto';
import { overrideViews } from './override-views';
import { toDecisionDto, toOverrideDto } from './reviews.mapper';
import { findSession } from './session-scope';

export interface ItemOverrides {
  /** The live override, or null when the last one was removed. */
  current: ScoreOverrideDto | null;
  /** Every override of the item, oldest first (the current one included). */
  history: ScoreOverrideDto[];
}

export interface ReviewSummary {
  sessionId: string;
  /** By item position; only items ever overridden have an entry. */
  overridesByItem: Map<number, ItemOverrides>;
  latestDecision: DecisionDto | null;
  commentsCount: number;
}

/** What reports need from the review: reviewed points beside automatic ones, the decision, how much was said. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly comments: CommentsService,
    private readonly decisions: DecisionsService,
  ) {}

  /** 404 for another organization's session, like every route. */
  async reviewSummary(caller: Caller, sessionId: string): Promise<ReviewSummary> {
    await findSession(this.prisma, caller, sessionId);
    const overrides = await this.prisma.scoreOverride.findMany({ where: { sessionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const [views, latest, commentsCount] = await Promise.all([overrideViews(this.prisma, overrides), this.decisions.latest(sessionId), this.comments.count(sessionId)]);
    const overridesByItem = new Map<number, ItemOverrides>();
    for (const view of views) {
      const entry = overridesByItem.get(view.itemPosition) ?? { current: null, history: [] };
      const dto = toOverrideDto(view);
      entry.history.push(dto);
      if (dto.current) entry.current = dto;
      overridesByItem.set(view.itemPosition, entry);
    }
    return { sessionId, overridesByItem, latestDecision: latest ? toDecisionDto(latest, true) : null, commentsCount };
  }
}
