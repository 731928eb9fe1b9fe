import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ProblemException } from '../common/problem';
import { PrismaService } from '../database/prisma.service';
import { contentOf } from '../questions/question.mapper';
import { QuestionReadService } from '../questions/question-read.service';
import { currentBankAnswers } from '../questions/store/bank-answers';
import { visibleTo } from '../questions/store/question-scope';
import type { RubricDto } from './dto/rubric.dto';
import type { SuggestedRubricDto, SuggestRubricDto } from './dto/suggest.dto';
import { suggestRubricFor } from './rubric-suggestion';
import { buildCorpusStats, type CorpusStats } from './suggest';
import { VersionedCache } from './versioned-cache';

/** Organizations whose corpus stays cached; the rest are rebuilt on their next suggestion. */
const CORPORA_KEPT = 256;

/**
 * Rubric suggestions on demand. Word specificity comes from every model
 * answer the caller can see (library and own organization); those document
 * frequencies are cached per organization and rebuilt when the bank changes.
 */
@Injectable()
export class RubricSuggestionService {
  private readonly corpora = new VersionedCache<CorpusStats>(CORPORA_KEPT);

  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: QuestionReadService,
  ) {}

  async suggest(caller: Caller, id: string, body: SuggestRubricDto): Promise<SuggestedRubricDto> {
    const current = await this.reader.findCurrent(caller, id);
    const content = contentOf(current);
    const draft = body.modelAnswer;
    const corpus = await this.corpusFor(caller);
    const outcome = suggestRubricFor({ slug: current.question.slug, prompt: content.prompt, modelAnswer: draft ?? content.modelAnswer }, corpus);
    if (!outcome.ok) {
      if (draft !== undefined) {
        throw new ProblemException('validation-failed', `No rubric can be suggested from this model answer: ${outcome.problem}.`, {
          errors: [{ pointer: '/modelAnswer', detail: outcome.problem }],
        });
      }
      throw new ProblemException('conflict', `No rubric can be suggested from the model answer of version ${current.version}: ${outcome.problem}. Give the question a model answer first.`);
    }
    return { questionId: current.questionId, version: current.version, corpusSize: corpus.documentCount, rubric: outcome.rubric as unknown as RubricDto };
  }

  /**
   * Any change to the bank moves the stamp: a new question changes the count,
   * an edit bumps a current version (and the updated time), an archive the
   * updated time. One aggregate query, instead of re-reading every answer.
   */
  private async corpusFor(caller: Caller): Promise<CorpusStats> {
    const bank = await this.prisma.question.aggregate({
      where: visibleTo(caller),
      _count: { _all: true },
      _sum: { currentVersion: true },
      _max: { updatedAt: true },
    });
    const stamp = `${bank._count._all}:${bank._sum.currentVersion ?? 0}:${bank._max.updatedAt?.toISOString() ?? '-'}`;
    return this.corpora.get(caller.organizationId, stamp, async () => {
      const answers = await currentBankAnswers(this.prisma, { organizationId: caller.organizationId });
      return buildCorpusStats(answers.map((answer) => answer.modelAnswer));
    });
  }
}
