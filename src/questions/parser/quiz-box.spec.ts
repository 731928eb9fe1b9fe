import { extractQuizItems, hasQuizAnswers, unboxed } from './quiz-box';

const rows = (...texts: string[]) => texts.map((text, index) => ({ number: index + 10, text }));

describe('unboxed', () => {
  it('strips the box edges', () => {
    expect(unboxed('│ 1. Span vs trace? │')).toBe('1. Span vs trace?');
    expect(unboxed('│ → Span = one timed operation.│')).toBe('→ Span = one timed operation.');
    expect(unboxed('plain')).toBe('plain');
  });
});

describe('hasQuizAnswers', () => {
  it('needs at least one → answer line', () => {
    expect(hasQuizAnswers(rows('1. Q?', '│ → A. │'))).toBe(true);
    expect(hasQuizAnswers(rows('1. A numbered intro.', '2. Another.'))).toBe(false);
  });
});

describe('extractQuizItems', () => {
  it('reads boxed items with one or several answer lines', () => {
    const result = extractQuizItems(
      rows(
        'Top questions:',
        '┌────┐',
        '│ MUST-KNOW │',
        '├────┤',
        '│ 1. Span vs trace? │',
        '│ → Span = one op.│',
        '│ │',
        '│ 9. Auto vs manual? │',
        '│ → Auto = free. │',
        '│ → Use both. │',
        '└────┘',
      ),
    );
    expect(result).toEqual({
      items: [
        { number: 1, line: 14, prompt: 'Span vs trace?', answer: 'Span = one op.' },
        { number: 9, line: 17, prompt: 'Auto vs manual?', answer: 'Auto = free. Use both.' },
      ],
      intro: ['Top questions:', 'MUST-KNOW'],
      stray: [],
      unanswered: [],
    });
  });

  it('reads items without a box and wrapped question or answer text', () => {
    const { items } = extractQuizItems(rows('1. A long', 'question?', '→ A long', 'answer.'));
    expect(items).toEqual([{ number: 1, line: 10, prompt: 'A long question?', answer: 'A long answer.' }]);
  });

  it('reports items without an answer and lines after the box', () => {
    const result = extractQuizItems(rows('│ 1. No answer? │', '│ 2. Yes? │', '│ → Yes. │', '└──┘', 'after the box', '3. Late?'));
    expect(result.items.map((item) => item.number)).toEqual([2]);
    expect(result.unanswered).toEqual([{ number: 1, line: 10, prompt: 'No answer?', answer: '' }]);
    expect(result.stray).toEqual([
      { number: 14, text: 'after the box' },
      { number: 15, text: '3. Late?' },
    ]);
  });

  it('reports an answer that belongs to no item', () => {
    expect(extractQuizItems(rows('→ orphan answer')).stray).toEqual([{ number: 10, text: '→ orphan answer' }]);
  });
});
