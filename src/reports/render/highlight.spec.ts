import { segmentAnswer, type Highlight } from './highlight';

const h = (answer: string, text: string, kind: Highlight['kind'] = 'concept', from = 0): Highlight => {
  const start = answer.indexOf(text, from);
  return { start, end: start + text.length, text, kind, label: `${kind}:${text}` };
};

describe('segmentAnswer', () => {
  it('returns the whole text unmarked without highlights', () => {
    expect(segmentAnswer('hello', [])).toEqual([{ text: 'hello', highlights: [] }]);
    expect(segmentAnswer('', [])).toEqual([]);
  });

  it('splits around highlights and keeps the text intact', () => {
    const answer = 'The batch processor dropped the span.';
    const batch = h(answer, 'batch processor');
    const segments = segmentAnswer(answer, [batch]);
    expect(segments).toEqual([
      { text: 'The ', highlights: [] },
      { text: 'batch processor', highlights: [batch] },
      { text: ' dropped the span.', highlights: [] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(answer);
  });

  it('handles overlapping concept and misconception spans', () => {
    const answer = 'tail sampling decides at the start';
    const a = h(answer, 'tail sampling decides');
    const b = h(answer, 'decides at the start', 'misconception');
    const segments = segmentAnswer(answer, [a, b]);
    expect(segments.map((s) => [s.text, s.highlights.map((x) => x.kind)])).toEqual([
      ['tail sampling ', ['concept']],
      ['decides', ['concept', 'misconception']],
      [' at the start', ['misconception']],
    ]);
  });

  it('ignores spans that do not fit the answer', () => {
    const answer = 'short answer';
    const segments = segmentAnswer(answer, [
      { start: 0, end: 5, text: 'other', kind: 'concept', label: 'x' },
      { start: 6, end: 99, text: 'answer', kind: 'concept', label: 'y' },
      { start: 3, end: 3, text: '', kind: 'concept', label: 'z' },
    ]);
    expect(segments).toEqual([{ text: answer, highlights: [] }]);
  });

  it('uses UTF-16 offsets like the engine (emoji before the match)', () => {
    const answer = '🚀 span ends';
    const span = h(answer, 'span');
    expect(span.start).toBe(3);
    expect(segmentAnswer(answer, [span])[1]).toEqual({ text: 'span', highlights: [span] });
  });
});
