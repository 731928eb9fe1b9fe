import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { notFound } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { QuestionReadService } from '../questions/question-read.service';
import { agreement } from './calibration/agreement';
import { conceptDisagreements } from './calibration/concept-disagreements';
import { judgedConcepts } from './calibration/judged-concepts';
import type { OverridePair } from './calibration/override-pair';
import type { CalibrationDto } from './dto/calibration.dto';
import { toCalibrationDto } from './reviews.mapper';

/**
 * Compares automatic scores with reviewer overrides for one question, over the
 * caller's organization's sessions only: library questions are shared, their
 * overrides are not.
 *
 * Items are the question's own (not its follow-up probes, which have rubrics of
 * their own). An override is compared with the automatic score the reviewer saw
 * (`basedOnScoreId`), falling back to the item's current score.
 */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly questions: QuestionReadService,
  ) {}

  async forQuestion(caller: Caller, idOrSlug: string, version?: number): Promise<CalibrationDto> {
    const question = await this.questions.findVisible(caller, idOrSlug);
    const versions = await this.prisma.questionVersion.findMany({ where: { questionId: question.id }, select: { id: true, version: true } });
    const rubricVersionId = version === undefined ? null : (versions.find((v) => v.version === version)?.id ?? null);
    if (version !== undefined && !rubricVersionId) throw notFound(`Version ${version} of question ${question.id}`);
    const fromVersion = (score: { rubricVersionId: string } | null | undefined) => !!score && (rubricVersionId === null || score.rubricVersionId === rubricVersionId);

    const items = await this.prisma.sessionItem.findMany({
      where: { questionVersionId: { in: versions.map((v) => v.id) }, probeIndex: null, session: { organizationId: caller.organizationId } },
      select: {
        id: true,
        points: true,
        scores: { where: { current: true }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, rubricVersionId: true } },
        overrides: { where: { current: true }, take: 1, select: { points: true, basedOnScoreId: true, createdAt: true } },
      },
    });
    // Only the compared scores' results are loaded: results carry all the evidence and are the bulk of the data.
    const overriddenItems = items.flatMap((item) => (item.overrides[0] ? [{ item, override: item.overrides[0] }] : []));
    const seenIds = overriddenItems.flatMap(({ item, override }) => [override.basedOnScoreId, item.scores[0]?.id].filter((id): id is string => !!id));
    const seenScores = new Map(
      (await this.prisma.itemScore.findMany({ where: { id: { in: seenIds } }, select: { id: true, points: true, rubricVersionId: true, result: true } })).map((s) => [s.id, s]),
    );

    const overridden: Array<{ at: Date; pair: OverridePair }> = [];
    for (const { item, override } of overriddenItems) {
      // A based-on score that no longer exists (or was never recorded) falls back to the item's current one.
      const seen = (override.basedOnScoreId ? seenScores.get(override.basedOnScoreId) : undefined) ?? (item.scores[0] ? seenScores.get(item.scores[0].id) : undefined);
      if (!seen || !fromVersion(seen)) continue;
      overridden.push({
        at: override.createdAt,
        pair: { itemPoints: item.points, automaticPoints: seen.points, reviewedPoints: override.points, concepts: judgedConcepts(seen.result) },
      });
    }
    // Oldest first, so a concept shows its newest label.
    const pairs = overridden.sort((a, b) => a.at.getTime() - b.at.getTime()).map((entry) => entry.pair);
    const gradedItems = items.filter((item) => fromVersion(item.scores[0])).length;
    return toCalibrationDto(question.id, version ?? null, gradedItems, agreement(pairs), conceptDisagreements(pairs));
  }
}
