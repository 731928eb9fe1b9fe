import { compareQuestionIds, parseMohlerCsv } from './mohler';

const HEADER = ',Unnamed: 0.1,Unnamed: 0,id,question,desired_answer,student_answer,score_me,score_other,score_avg';

describe('parseMohlerCsv', () => {
  it('reads answers and groups questions in order of first appearance', () => {
    const text = [
      HEADER,
      '0,0,0,1.1,What is a stack?,LIFO store.,"A pile, last in first out.",5,4,4.5',
      '1,1,1,1.1,What is a stack?,LIFO store.,"It says ""LIFO""\nover two lines",3,3,3',
      '2,2,2,1.2,What is a queue?,FIFO store.,first in first out,5,5,5',
    ].join('\n');
    const corpus = parseMohlerCsv(text);
    expect(corpus.dropped).toBe(0);
    expect(corpus.questions).toEqual([
      { id: '1.1', question: 'What is a stack?', desiredAnswer: 'LIFO store.' },
      { id: '1.2', question: 'What is a queue?', desiredAnswer: 'FIFO store.' },
    ]);
    expect(corpus.answers).toHaveLength(3);
    expect(corpus.answers[0]).toEqual({
      questionId: '1.1',
      question: 'What is a stack?',
      desiredAnswer: 'LIFO store.',
      studentAnswer: 'A pile, last in first out.',
      scoreMe: 5,
      scoreOther: 4,
      scoreAvg: 4.5,
    });
    expect(corpus.answers[1].studentAnswer).toBe('It says "LIFO"\nover two lines');
  });

  it('drops answers a spreadsheet damaged into #NAME?', () => {
    const text = [HEADER, '0,0,0,1.1,Q?,A.,#NAME?,5,5,5', '1,1,1,1.1,Q?,A.,fine,2,3,2.5'].join('\n');
    const corpus = parseMohlerCsv(text);
    expect(corpus.dropped).toBe(1);
    expect(corpus.answers.map((a) => a.studentAnswer)).toEqual(['fine']);
  });

  it('rejects a grade outside 0–5, naming the column and line', () => {
    const text = [HEADER, '0,0,0,1.1,Q?,A.,"two\nlines",5,5,5', '1,1,1,1.1,Q?,A.,x,7,5,6'].join('\n');
    expect(() => parseMohlerCsv(text)).toThrow(/line 4: column score_me is not a grade/);
  });

  it('rejects a file without the expected columns', () => {
    expect(() => parseMohlerCsv('id,question\n1.1,Q?\n')).toThrow(/missing column\(s\): desired_answer/);
  });

  it('rejects a question with two different desired answers', () => {
    const text = [HEADER, '0,0,0,1.1,Q?,A.,x,5,5,5', '1,1,1,1.1,Q?,B.,y,5,5,5'].join('\n');
    expect(() => parseMohlerCsv(text)).toThrow(/two different desired answers/);
  });
});

describe('compareQuestionIds', () => {
  it('orders dotted ids numerically, part by part', () => {
    expect(['2.1', '1.10', '12.1', '1.2', '1.9'].sort(compareQuestionIds)).toEqual(['1.2', '1.9', '1.10', '2.1', '12.1']);
  });
});
