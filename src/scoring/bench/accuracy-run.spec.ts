import { scoreAnswer } from '../engine';
import { accuracyJson, accuracyTable } from './accuracy-report';
import { runAccuracy, suggestBankRubrics, type ScoreFraction } from './accuracy-run';
import { parseArgs } from './accuracy';
import type { MohlerAnswer, MohlerCorpus } from './mohler';

const STACK = { questionId: '8.2', question: 'What are the two main functions defined by a stack?', desiredAnswer: 'push and pop' };
const QUEUE = {
  questionId: '9.1',
  question: 'What is a queue?',
  desiredAnswer: 'A data structure that stores elements in first in first out order: the first element added is the first removed.',
};

function answer(q: typeof STACK, studentAnswer: string, scoreMe: number, scoreOther: number): MohlerAnswer {
  return { ...q, studentAnswer, scoreMe, scoreOther, scoreAvg: (scoreMe + scoreOther) / 2 };
}

const CORPUS: MohlerCorpus = {
  questions: [STACK, QUEUE].map((q) => ({ id: q.questionId, question: q.question, desiredAnswer: q.desiredAnswer })),
  answers: [
    answer(STACK, 'push and pop', 5, 5),
    answer(STACK, 'push, which adds an item', 3, 2),
    answer(STACK, 'they store data', 0, 1),
    answer(QUEUE, 'A structure where the first element added is the first one removed.', 5, 4),
    answer(QUEUE, 'It stores elements.', 2, 3),
    answer(QUEUE, 'A tree with a root.', 0, 0),
  ],
  dropped: 2,
};

const engine: ScoreFraction = (rubric, input) => scoreAnswer(rubric, input).fraction;

describe('runAccuracy', () => {
  it('grades every answer with rubrics built from the model answers and reports agreement', () => {
    const report = runAccuracy(CORPUS, { gamma: 0.5, score: engine });
    expect(report.overall.n).toBe(6);
    expect(report.dropped).toBe(2);
    expect(report.overall.pearson).toBeGreaterThan(0.8);
    expect(report.questions.map((q) => [q.questionId, q.n])).toEqual([
      ['8.2', 3],
      ['9.1', 3],
    ]);
    expect(report.questions[0].meanHuman).toBeCloseTo((5 + 2.5 + 0.5) / 3, 12);
  });

  it('computes the figures from the scorer it is given (a fixed scorer gives known grades)', () => {
    const half: ScoreFraction = () => 0.25;
    const report = runAccuracy(CORPUS, { gamma: 0.5, score: half });
    // Every prediction is 5 × √0.25 = 2.5: the RMSE is the human grades' distance from 2.5.
    const human = CORPUS.answers.map((a) => a.scoreAvg);
    const expected = Math.sqrt(human.reduce((s, h) => s + (h - 2.5) ** 2, 0) / human.length);
    expect(report.overall.rmse).toBeCloseTo(expected, 12);
    expect(report.overall.pearson).toBeNaN();
    // With no correlation the best affine map predicts the mean: the RMSE is the human grades' spread.
    const mean = human.reduce((a, b) => a + b, 0) / human.length;
    expect(report.rescaledRmse).toBeCloseTo(Math.sqrt(human.reduce((s, h) => s + (h - mean) ** 2, 0) / human.length), 12);
    // Human–human agreement does not depend on the scorer.
    expect(report.humanPearson).toBeCloseTo(runAccuracy(CORPUS, { gamma: 1, score: engine }).humanPearson, 12);
  });

  it('rescaled RMSE is the RMSE of the least-squares affine fit of the predictions', () => {
    const fixed: ScoreFraction = (_rubric, input) => Math.min(1, input.answer.length / 80);
    const report = runAccuracy(CORPUS, { gamma: 1, score: fixed });
    const p = CORPUS.answers.map((a) => 5 * Math.min(1, a.studentAnswer.length / 80));
    const h = CORPUS.answers.map((a) => a.scoreAvg);
    const mp = p.reduce((a, b) => a + b, 0) / p.length;
    const mh = h.reduce((a, b) => a + b, 0) / h.length;
    const slope = p.reduce((s, x, i) => s + (x - mp) * (h[i] - mh), 0) / p.reduce((s, x) => s + (x - mp) ** 2, 0);
    const fit = p.map((x) => mh + slope * (x - mp));
    const expected = Math.sqrt(fit.reduce((s, f, i) => s + (f - h[i]) ** 2, 0) / h.length);
    expect(report.rescaledRmse).toBeCloseTo(expected, 10);
    expect(report.rescaledRmse).toBeLessThan(report.overall.rmse);
  });

  it('builds rubrics from the questions alone: other student answers and grades give the same rubrics', () => {
    const seen = (corpus: MohlerCorpus) => {
      const rubrics = new Map<string, unknown>();
      runAccuracy(corpus, {
        gamma: 1,
        score: (rubric, input) => {
          rubrics.set(input.prompt, rubric);
          return 0.5;
        },
      });
      return rubrics;
    };
    const altered: MohlerCorpus = {
      ...CORPUS,
      answers: CORPUS.answers.map((a, i) => ({ ...a, studentAnswer: `stack queue push pop ${i}`, scoreMe: 5 - a.scoreMe, scoreAvg: 5 - a.scoreAvg })),
    };
    expect(seen(altered)).toEqual(seen(CORPUS));
    expect(suggestBankRubrics(CORPUS.questions).get('8.2')?.question).toBe('mohler-8-2');
  });
});

describe('accuracy output', () => {
  const report = runAccuracy(CORPUS, { gamma: 0.5, score: engine });

  it('--json prints exactly the four headline figures', () => {
    expect(Object.keys(JSON.parse(accuracyJson(report)))).toEqual(['pearson', 'rmse', 'n', 'humanPearson']);
    expect(JSON.parse(accuracyJson(report)).n).toBe(6);
  });

  it('the table shows the headline figures and one row per question', () => {
    const table = accuracyTable(report, 'anchors here');
    expect(table).toContain(`Pearson r        ${report.overall.pearson.toFixed(3)}`);
    expect(table).toContain('human–human r');
    expect(table).toContain('anchors here');
    expect(table).toMatch(/^8\.2\s+3\s+2\s/m);
    expect(table).toMatch(/^9\.1\s+3\s/m);
  });
});

describe('parseArgs', () => {
  it('reads --mohler, --json and --gamma', () => {
    expect(parseArgs(['--mohler', 'x.csv'])).toEqual({ mohler: 'x.csv', json: false, gamma: 0.5 });
    expect(parseArgs(['--json', '--mohler', 'x.csv', '--gamma', '1'])).toEqual({ mohler: 'x.csv', json: true, gamma: 1 });
  });

  it('rejects missing or bad values with usage', () => {
    expect(() => parseArgs([])).toThrow(/--mohler <path> is required/);
    expect(() => parseArgs(['--mohler'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--mohler', 'x', '--gamma', '-1'])).toThrow(/--gamma must be/);
    expect(() => parseArgs(['--mohler', 'x', '--fast'])).toThrow(/unknown argument --fast/);
  });
});
