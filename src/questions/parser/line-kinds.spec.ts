import { classifyLines, documentUsesPilcrows, endsSentence, looksLikeBareHeading, type ClassifiedLine } from './line-kinds';
import { toSourceLines } from './source-lines';

const classify = (...lines: string[]): ClassifiedLine[] => classifyLines(toSourceLines(lines.join('\n')));
/** Without the title heading a leading short line would be read as the title. */
const classifyBody = (...lines: string[]): ClassifiedLine[] => classify('Title¶', ...lines).slice(1);

describe('classifyLines', () => {
  it('recognises headings, question lines, blanks, code and text', () => {
    expect(classify('Sampling¶', 'Q: Why sample? (middle)¶', '', 'def run():', 'Because it is cheap.')).toEqual([
      { kind: 'heading', number: 1, text: 'Sampling', bare: false },
      { kind: 'question', number: 2, text: 'Why sample? (middle)' },
      { kind: 'blank', number: 3 },
      { kind: 'code', number: 4, text: 'def run():' },
      { kind: 'text', number: 5, text: 'Because it is cheap.', role: 'plain', continues: false },
    ]);
  });

  it('accepts a question line without ¶', () => {
    expect(classify('Q: Why?')[0]).toEqual({ kind: 'question', number: 1, text: 'Why?' });
  });

  it('gives prose lines their role', () => {
    const roles = classify(
      'What if it breaks? Fix it.',
      'Wrong instinct: "it is fine." It is not.',
      'Listening for: depth.',
      '- a bullet',
      '1. a numbered item',
      'Plain text.',
    ).map((line) => (line.kind === 'text' ? line.role : line.kind));
    expect(roles).toEqual(['probe', 'wrong-instinct', 'listening-for', 'bullet', 'numbered', 'plain']);
  });

  it('strips the bullet marker but keeps the number of a numbered item', () => {
    const [bullet, numbered] = classify('- version — 00', '2. Topology.');
    expect(bullet).toMatchObject({ text: 'version — 00', role: 'bullet' });
    expect(numbered).toMatchObject({ text: '2. Topology.', role: 'numbered' });
  });

  it('marks a line that finishes the previous sentence as a continuation', () => {
    const lines = classifyBody('The fix is: read', 'traceparentfrom the headers.', 'New sentence.', 'lowercase start continues.');
    expect(lines.map((line) => (line.kind === 'text' ? line.continues : null))).toEqual([false, true, false, true]);
  });

  it('never continues across blanks, code or headings', () => {
    const lines = classifyBody('An open sentence', '', 'text after a blank', 'def run():', 'text after code');
    expect(lines.filter((line) => line.kind === 'text').map((line) => line.kind === 'text' && line.continues)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('keeps a code-looking line in an open sentence as prose unless it is unmistakably code', () => {
    expect(classifyBody('Get the current span (', 'trace.getActiveSpan()) inside the call')[1]).toMatchObject({
      kind: 'text',
      continues: true,
    });
    expect(classifyBody('Read this', 'pool.submit(run)')[1]).toMatchObject({ kind: 'text', continues: true });
    expect(classifyBody('Read this', 'def run():')[1]).toMatchObject({ kind: 'code' });
  });

  it('turns a lone "-" and a trailing " -" into a bullet on the next line', () => {
    const lines = classify('Two problems:', '-', 'Carrier change. Over HTTP.', 'It starts a fresh root. -', 'Parent-child is wrong.');
    expect(lines).toEqual([
      { kind: 'text', number: 1, text: 'Two problems:', role: 'plain', continues: false },
      { kind: 'blank', number: 2 },
      { kind: 'text', number: 3, text: 'Carrier change. Over HTTP.', role: 'bullet', continues: false },
      { kind: 'text', number: 4, text: 'It starts a fresh root.', role: 'plain', continues: false },
      { kind: 'text', number: 5, text: 'Parent-child is wrong.', role: 'bullet', continues: false },
    ]);
  });

  it('recognises a heading without ¶ as the first line, by name, or right before a question', () => {
    expect(classify('Widgets — Interview Questions', 'Intro text.')[0]).toMatchObject({ kind: 'heading', bare: true });
    expect(classify('Some text.', 'Further Reading', '- a book')[1]).toMatchObject({ kind: 'heading', bare: true });
    expect(classify('Some text.', 'Sampling', 'Q: Why?')[1]).toMatchObject({ kind: 'heading', text: 'Sampling' });
  });

  it('does not take an unfinished sentence before a question for a heading', () => {
    expect(classifyBody('It keeps the', 'Sampling', 'Q: Why?')[1]).toMatchObject({ kind: 'text', continues: true });
    expect(classifyBody('Some text.', 'Use both', 'More text.')[1]).toMatchObject({ kind: 'text' });
  });
});

describe('line helpers', () => {
  it('endsSentence sees terminal punctuation behind closing quotes and brackets', () => {
    expect(endsSentence('It is "done."')).toBe(true);
    expect(endsSentence('(see above).')).toBe(true);
    expect(endsSentence('Example:')).toBe(true);
    expect(endsSentence('read')).toBe(false);
    expect(endsSentence('a —')).toBe(false);
  });

  it('looksLikeBareHeading wants a short capitalised line without terminal punctuation', () => {
    expect(looksLikeBareHeading('System / Design Scenarios')).toBe(true);
    expect(looksLikeBareHeading('Questions that separate "knows the API" from "understands it."')).toBe(false);
    expect(looksLikeBareHeading('lowercase start')).toBe(false);
    expect(looksLikeBareHeading('- Introduction')).toBe(false);
    expect(looksLikeBareHeading('Q: Is this a heading')).toBe(false);
    expect(looksLikeBareHeading('What if it is')).toBe(false);
    expect(looksLikeBareHeading('A '.repeat(20))).toBe(false);
  });

  it('documentUsesPilcrows detects ¶ markers', () => {
    expect(documentUsesPilcrows(toSourceLines('Title¶\ntext'))).toBe(true);
    expect(documentUsesPilcrows(toSourceLines('Title\ntext'))).toBe(false);
  });
});
