import { classifyLines } from './line-kinds';
import { listeningNote, parseMisconception, parseQuestionBody } from './question-body';
import { BREAK_MARK as M, toSourceLines } from './source-lines';

const bodyLines = (...lines: string[]) => classifyLines(toSourceLines(['Title¶', ...lines].join('\n'))).slice(1);
const unmark = (text: string) => text.split(M).join('');

function parse(...lines: string[]) {
  const warnings: { line: number; message: string }[] = [];
  const body = parseQuestionBody(bodyLines(...lines), unmark, (line, message) => warnings.push({ line, message }));
  return { body, warnings };
}

describe('parseQuestionBody', () => {
  it('separates the model answer from follow-up probes', () => {
    const { body, warnings } = parse('A span is one operation.', 'A trace is a tree.', 'What if it has no parent? It is a root.');
    expect(body.modelAnswer).toBe('A span is one operation.\n\nA trace is a tree.');
    expect(body.probes).toEqual([{ question: 'What if it has no parent?', answer: 'It is a root.' }]);
    expect(warnings).toEqual([]);
  });

  it('keeps everything after a probe in that probe, until the next probe', () => {
    const { body } = parse(
      'Answer.',
      'What if A? First part.',
      'Second paragraph of A.',
      'def a():',
      'What if B? Only B.',
    );
    expect(body.modelAnswer).toBe('Answer.');
    expect(body.probes).toEqual([
      { question: 'What if A?', answer: 'First part.\n\nSecond paragraph of A.\n\n```\ndef a():\n```' },
      { question: 'What if B?', answer: 'Only B.' },
    ]);
  });

  it('rejoins a probe whose question was broken across lines', () => {
    const { body } = parse('What if', 'service.name is missing? Everything breaks.');
    expect(body.probes).toEqual([{ question: 'What if service.name is missing?', answer: 'Everything breaks.' }]);
  });

  it('warns about a probe without "?" or without an answer', () => {
    const { body, warnings } = parse('Answer.', 'What if it is odd. Then odd.', 'What if nothing follows?');
    expect(body.probes).toEqual([
      { question: 'What if it is odd.', answer: 'Then odd.' },
      { question: 'What if nothing follows?', answer: '' },
    ]);
    expect(warnings).toEqual([
      { line: 3, message: 'follow-up probe has no "?"; its first sentence was taken as the question' },
      { line: 4, message: 'follow-up probe has no answer' },
    ]);
  });

  it('takes "Wrong instinct" passages out of the answer as misconceptions', () => {
    const { body } = parse('Wrong instinct: "turn it off." It works too well.', 'The real answer.');
    expect(body.modelAnswer).toBe('The real answer.');
    expect(body.misconceptions).toEqual(['turn it off.']);
    expect(body.misconceptionDetails).toEqual([{ statement: 'turn it off.', rebuttal: 'It works too well.' }]);
  });

  it('keeps "Listening for" notes as notes and as the gradable answer', () => {
    const { body } = parse('Listening for: fan-in and decoupling.');
    expect(body.listeningFor).toEqual(['fan-in and decoupling.']);
    expect(body.modelAnswer).toBe('Listening for: fan-in and decoupling.');
  });

  it('returns empty parts for an empty body', () => {
    expect(parse().body).toEqual({
      modelAnswer: '',
      probes: [],
      misconceptions: [],
      misconceptionDetails: [],
      listeningFor: [],
    });
  });
});

describe('parseMisconception', () => {
  it.each([
    ['Wrong instinct: "the clocks are broken" (possible, but check the model first).', 'the clocks are broken', '(possible, but check the model first).'],
    ['Wrong instinct: "the downstream is slow" — it isn\'t; it reported 50ms.', 'the downstream is slow', "it isn't; it reported 50ms."],
    ['Wrong instinct: “curly quotes.” Fine.', 'curly quotes.', 'Fine.'],
    ['Wrong instinct: more spans are better. They are not.', 'more spans are better.', 'They are not.'],
    ['Wrong instinct: no sentence end', 'no sentence end', ''],
  ])('%s', (text, statement, rebuttal) => {
    expect(parseMisconception(text, unmark)).toEqual({ statement, rebuttal });
  });

  it('keeps the statement verbatim while the rebuttal goes through the repair', () => {
    expect(parseMisconception(`Wrong instinct: "the End() didn't run." Look${M} again.`, (t) => t.toUpperCase())).toEqual({
      statement: "the End() didn't run.",
      rebuttal: 'LOOK AGAIN.',
    });
  });
});

describe('listeningNote', () => {
  it('drops the "Listening for" lead-in with or without a colon', () => {
    expect(listeningNote('Listening for: depth.')).toBe('depth.');
    expect(listeningNote('Listening for the trade-off awareness.')).toBe('the trade-off awareness.');
    expect(listeningNote('A great filter question.')).toBe('A great filter question.');
  });
});
