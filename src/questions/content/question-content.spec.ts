import { normalizeContent, type QuestionContent } from './question-content';

const content: QuestionContent = {
  kind: 'quiz',
  section: ' Cheat Sheet ',
  levels: ['staff', 'junior', 'staff'],
  tags: [' a ', 'b', 'a', ''],
  prompt: '\nSpan vs trace?  ',
  modelAnswer: '\n\n```py\n    x = 1   \n```\n\n',
  probes: [{ question: ' Q ', answer: ' A \n' }],
  misconceptions: [' wrong ', ''],
  listeningFor: ['  '],
  rubric: null,
  rubricSource: 'curated',
};

describe('normalizeContent', () => {
  it('orders levels naturally, trims text and drops empty entries', () => {
    expect(normalizeContent(content)).toEqual({
      kind: 'quiz',
      section: 'Cheat Sheet',
      levels: ['junior', 'staff'],
      tags: ['a', 'b'],
      prompt: 'Span vs trace?',
      modelAnswer: '```py\n    x = 1\n```',
      probes: [{ question: 'Q', answer: ' A' }],
      misconceptions: ['wrong'],
      listeningFor: [],
      rubric: null,
      rubricSource: null,
    });
  });

  it('is idempotent', () => {
    const once = normalizeContent(content);
    expect(normalizeContent(once)).toEqual(once);
  });
});
