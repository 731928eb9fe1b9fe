/**
 * The accuracy benchmark itself, free of I/O: suggest a rubric per question
 * from its model answer alone, grade every student answer with the engine, and
 * compare with the human grades. Student answers and grades are only ever read
 * after every rubric has been built.
 */
import { slugify } from '../../questions/parser/slug';
import type { Rubric } from '../engine';
import { buildCorpusStats, CorpusStats, SuggestParameters, suggestRubric } from '../suggest';
import { gradeFromFraction } from './grade-mapping';
import { compareQuestionIds, MohlerCorpus, MohlerQuestion } from './mohler';
import { pearson, rmse } from './stats';

export type ScoreFraction = (rubric: Rubric, input: { prompt: string; answer: string }) => number;

export interface AccuracyOptions {
  /** Exponent of the global fraction → grade curve. */
  gamma: number;
  score: ScoreFraction;
  /** Overrides of the suggestion's global parameters (for ablations); default: the shipped defaults. */
  parameters?: Partial<SuggestParameters>;
}

export interface Agreement {
  n: number;
  pearson: number;
  rmse: number;
}

export interface QuestionAccuracy extends Agreement {
  questionId: string;
  question: string;
  concepts: number;
  meanHuman: number;
  meanPredicted: number;
}

export interface AccuracyReport {
  overall: Agreement;
  /** Pearson between the two human graders: the ceiling a grader can be expected to reach. */
  humanPearson: number;
  /** Same agreement with the identity map (γ = 1), for reference. */
  linearPearson: number;
  /**
   * RMSE after the best affine map a + b·prediction (fitted here, so for
   * reference only): what is left once the level offset between suggested
   * rubrics and human generosity is removed. Equals σ(human)·√(1 − r²).
   */
  rescaledRmse: number;
  gamma: number;
  dropped: number;
  questions: QuestionAccuracy[];
}

/** One rubric per question, from the prompt and model answer only, weighted against the bank's model answers. */
export function suggestBankRubrics(questions: readonly MohlerQuestion[], parameters: Partial<SuggestParameters> = {}): Map<string, Rubric> {
  const corpus: CorpusStats = buildCorpusStats(questions.map((q) => q.desiredAnswer));
  return new Map(
    questions.map((q) => [
      q.id,
      suggestRubric({ prompt: q.question, modelAnswer: q.desiredAnswer, corpus, options: { question: slugify(`mohler ${q.id}`), parameters } }),
    ]),
  );
}

function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function runAccuracy(corpus: MohlerCorpus, options: AccuracyOptions): AccuracyReport {
  const rubrics = suggestBankRubrics(corpus.questions, options.parameters);
  const fractions = corpus.answers.map((answer) => {
    const rubric = rubrics.get(answer.questionId);
    if (!rubric) throw new Error(`no rubric for question ${answer.questionId}`);
    return options.score(rubric, { prompt: answer.question, answer: answer.studentAnswer });
  });
  const predicted = fractions.map((f) => gradeFromFraction(f, options.gamma));
  const human = corpus.answers.map((a) => a.scoreAvg);

  const questions = [...rubrics.keys()].sort(compareQuestionIds).map((questionId): QuestionAccuracy => {
    const rows = corpus.answers.flatMap((a, i) => (a.questionId === questionId ? [i] : []));
    const p = rows.map((i) => predicted[i]);
    const h = rows.map((i) => human[i]);
    return {
      questionId,
      question: corpus.answers[rows[0]]?.question ?? '',
      concepts: rubrics.get(questionId)?.concepts.length ?? 0,
      n: rows.length,
      pearson: pearson(p, h),
      rmse: rmse(p, h),
      meanHuman: meanOf(h),
      meanPredicted: meanOf(p),
    };
  });

  const r = pearson(predicted, human);
  const humanMean = meanOf(human);
  const humanSd = Math.sqrt(meanOf(human.map((h) => (h - humanMean) ** 2)));
  return {
    overall: { n: predicted.length, pearson: r, rmse: rmse(predicted, human) },
    rescaledRmse: humanSd * Math.sqrt(1 - (Number.isNaN(r) ? 0 : r * r)),
    humanPearson: pearson(
      corpus.answers.map((a) => a.scoreMe),
      corpus.answers.map((a) => a.scoreOther),
    ),
    linearPearson: pearson(
      fractions.map((f) => gradeFromFraction(f, 1)),
      human,
    ),
    gamma: options.gamma,
    dropped: corpus.dropped,
    questions,
  };
}
