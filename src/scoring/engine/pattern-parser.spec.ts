import { parsePattern, PatternSyntaxError } from './pattern-parser';

function errorOf(source: string): string {
  try {
    parsePattern(source);
  } catch (e) {
    if (e instanceof PatternSyntaxError) return e.message;
    throw e;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('parsePattern', () => {
  it('parses every documented item form', () => {
    const { items } = parsePattern('span sampl* =traceparent "trace id" [one|"unit of work"|oper*|=op] /\\bb3\\b/');
    expect(items).toEqual([
      { kind: 'terms', terms: [{ kind: 'word', text: 'span' }], source: 'span' },
      { kind: 'terms', terms: [{ kind: 'prefix', prefix: 'sampl' }], source: 'sampl*' },
      { kind: 'terms', terms: [{ kind: 'exact', text: 'traceparent' }], source: '=traceparent' },
      { kind: 'terms', terms: [{ kind: 'phrase', text: 'trace id' }], source: '"trace id"' },
      {
        kind: 'terms',
        terms: [
          { kind: 'word', text: 'one' },
          { kind: 'phrase', text: 'unit of work' },
          { kind: 'prefix', prefix: 'oper' },
          { kind: 'exact', text: 'op' },
        ],
        source: '[one|"unit of work"|oper*|=op]',
      },
      { kind: 'regex', source: '\\bb3\\b' },
    ]);
  });

  it('allows spaces inside alternatives and code-like words', () => {
    const { items } = parsePattern('[ a | b ] http.request.method X-B3-TraceId span.End() and/or');
    expect(items.map((i) => (i.kind === 'terms' ? i.terms.length : 0))).toEqual([2, 1, 1, 1, 1]);
  });

  it('reads a bare = as the equals sign and symbols as words', () => {
    const { items } = parsePattern('01 [is|=] sampled %');
    expect(items[1]).toEqual({ kind: 'terms', terms: [{ kind: 'word', text: 'is' }, { kind: 'word', text: '=' }], source: '[is|=]' });
    expect(items[3]).toEqual({ kind: 'terms', terms: [{ kind: 'word', text: '%' }], source: '%' });
  });

  it.each([
    ['span [a|b', 'unbalanced [ in pattern at column 6'],
    ['span a|b]', '| is only allowed inside [...] at column 7'],
    ['span ]', 'unbalanced ] in pattern at column 6'],
    ['[a|[b]]', 'nested [ in pattern at column 4'],
    ['[a||b]', 'empty alternative in [...] at column 4'],
    ['[]', 'empty alternative in [...] at column 2'],
    ['"trace id', 'unterminated quote in pattern at column 1'],
    ['""', 'empty phrase in pattern at column 1'],
    ['sa*', 'prefix wildcard needs at least 3 letters before * at column 1'],
    ['sam*ple', '* is only allowed at the end of a word at column 5'],
    ['*span', '* is only allowed at the end of a word at column 1'],
    ['=trace*', '=exact words cannot have a * wildcard at column 7'],
    ['/abc', 'unterminated /regex/ in pattern at column 1'],
    ['/(a+)+/', 'regex has nested quantifiers (like (a+)+), which can take exponential time at column 1'],
    ['[a|/b/]', 'a /regex/ cannot be an alternative at column 4'],
    ['   ', 'empty pattern at column 1'],
    ['a b c d e f g h i j k l m', 'pattern has 13 items; the limit is 12 at column 1'],
    ['span ...', '"..." has no letters, digits or symbols the engine matches (= % + & # @ $ < > ~ ^) at column 6'],
  ])('rejects %j: %s', (source, message) => {
    expect(errorOf(source)).toBe(message);
  });

  it('caps the pattern length', () => {
    expect(errorOf('a'.repeat(301))).toMatch(/limit is 300/);
  });
});
