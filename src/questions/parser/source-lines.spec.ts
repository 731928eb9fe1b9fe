import { BREAK_MARK, toSourceLines } from './source-lines';

describe('toSourceLines', () => {
  it('numbers lines from 1 and trims them, keeping indentation in raw', () => {
    expect(toSourceLines('a\n  b  \nc')).toEqual([
      { number: 1, text: 'a', raw: 'a' },
      { number: 2, text: 'b', raw: '  b' },
      { number: 3, text: 'c', raw: 'c' },
    ]);
  });

  it('accepts LF, CRLF and lone CR line endings alike', () => {
    const expected = toSourceLines('a\nb\nc');
    expect(toSourceLines('a\r\nb\r\nc')).toEqual(expected);
    expect(toSourceLines('a\rb\rc')).toEqual(expected);
  });

  it('drops a byte-order mark and the parser-internal break mark', () => {
    expect(toSourceLines(`\uFEFFTitle${BREAK_MARK}¶`)).toEqual([{ number: 1, text: 'Title¶', raw: 'Title¶' }]);
  });

  it('turns non-breaking spaces and tabs into spaces', () => {
    expect(toSourceLines('a\u00A0b\n\tc')).toEqual([
      { number: 1, text: 'a b', raw: 'a b' },
      { number: 2, text: 'c', raw: '    c' },
    ]);
  });

  it('gives no lines for empty or non-string input', () => {
    expect(toSourceLines('')).toEqual([]);
    expect(toSourceLines(undefined)).toEqual([]);
    expect(toSourceLines(42)).toEqual([]);
  });
});
