import { describeSpans, formatMs, plural } from './span-text';
import { TraceBuilder } from './testing/trace-builder';

describe('span text', () => {
  const t = new TraceBuilder();
  const spans = ['a', 'b', 'c', 'd', 'e'].map((name) => t.span({ name, spanId: `${name.repeat(16)}` }));

  it.each([
    [0, ''],
    [1, "'a' (aaaaaaaaaaaaaaaa)"],
    [2, "'a' (aaaaaaaaaaaaaaaa) and 'b' (bbbbbbbbbbbbbbbb)"],
    [3, "'a' (aaaaaaaaaaaaaaaa), 'b' (bbbbbbbbbbbbbbbb) and 'c' (cccccccccccccccc)"],
    [5, "'a' (aaaaaaaaaaaaaaaa), 'b' (bbbbbbbbbbbbbbbb), 'c' (cccccccccccccccc) and 2 more"],
  ])('lists %i spans', (count, text) => {
    expect(describeSpans(spans.slice(0, count))).toBe(text);
  });

  it.each([
    [0.4567, '0.457 ms'],
    [3.25, '3.25 ms'],
    [94.56, '94.6 ms'],
    [660, '660 ms'],
    [1250, '1.25 s'],
    [12_000, '12 s'],
    [0, '0 ms'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it('pluralises', () => {
    expect(plural(1, 'span')).toBe('1 span');
    expect(plural(2, 'span')).toBe('2 spans');
    expect(plural(2, 'span has', 'spans have')).toBe('2 spans have');
  });
});
