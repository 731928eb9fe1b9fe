import { tokenize, type Tokenized } from './tokenizer';

function texts(t: Tokenized): string[] {
  return t.tokens.map((x) => x.text);
}

function parts(text: string): string[][] {
  return tokenize(text).tokens.map((t) => t.parts.map((p) => p.text));
}

function sentences(text: string): string[] {
  const t = tokenize(text);
  return t.sentences.map((s) => text.slice(s.start, s.end));
}

describe('tokenize: offsets', () => {
  it('keeps UTF-16 offsets into the original text for tokens and parts', () => {
    const text = '  Café ☕ uses X-B3-TraceId and 𝒳 naïve\tspan.End()!';
    const t = tokenize(text);
    for (const token of t.tokens) {
      expect(token.start).toBeGreaterThanOrEqual(0);
      expect(token.end).toBeLessThanOrEqual(text.length);
      for (const p of token.parts) {
        expect(p.start).toBeGreaterThanOrEqual(token.start);
        expect(p.end).toBeLessThanOrEqual(token.end);
      }
    }
    const traceId = t.tokens.find((x) => x.text === 'x-b3-traceid');
    expect(traceId && text.slice(traceId.start, traceId.end)).toBe('X-B3-TraceId');
    expect(traceId?.parts.map((p) => text.slice(p.start, p.end))).toEqual(['X', 'B3', 'Trace', 'Id']);
    const end = t.tokens.find((x) => x.text === 'span.end()');
    expect(end && text.slice(end.start, end.end)).toBe('span.End()');
  });

  it('slices astral characters without splitting surrogate pairs', () => {
    const text = '𝐓𝐫𝐚𝐜𝐞 id';
    const t = tokenize(text);
    expect(t.tokens[0].text).toBe('trace');
    expect(text.slice(t.tokens[0].start, t.tokens[0].end)).toBe('𝐓𝐫𝐚𝐜𝐞');
  });
});

describe('tokenize: code-like tokens stay whole', () => {
  it.each([
    ['traceparent', 'traceparent'],
    ['http.request.method', 'http.request.method'],
    ['X-B3-TraceId', 'x-b3-traceid'],
    ['span.End()', 'span.end()'],
    ['WithSpanKind', 'withspankind'],
    ['0.5', '0.5'],
    ['16,000', '16,000'],
    ["doesn't", "doesn't"],
  ])('%s is one token', (input, folded) => {
    const t = tokenize(`see ${input} here`);
    expect(texts(t)).toEqual(['see', folded, 'here']);
  });

  it('classifies identifiers as code, plain and hyphenated words as words, digits as numbers', () => {
    const kinds = Object.fromEntries(tokenize('http.request.method traceId end-to-end trace 42 0af7651916cd b3').tokens.map((t) => [t.text, t.kind]));
    expect(kinds).toEqual({
      'http.request.method': 'code',
      traceid: 'code',
      'end-to-end': 'word',
      trace: 'word',
      '42': 'number',
      '0af7651916cd': 'code',
      b3: 'code',
    });
  });
});

describe('tokenize: sub-words for matching', () => {
  it.each(['trace ID', 'trace-id', 'traceId', 'trace_id', 'TraceID', 'TRACE_ID'])('%s has the words trace, id', (input) => {
    expect(parts(input).flat()).toEqual(['trace', 'id']);
  });

  it('splits acronyms before a capitalised word and keeps plural acronyms', () => {
    expect(parts('HTTPServer')).toEqual([['http', 'server']]);
    expect(parts('traceIDs')).toEqual([['trace', 'ids']]);
    expect(parts('WithSpanKind')).toEqual([['with', 'span', 'kind']]);
  });

  it('splits a leading number from its unit but not hex strings', () => {
    expect(parts('128bit')).toEqual([['128', 'bit']]);
    expect(parts('128-bit')).toEqual([['128', 'bit']]);
    expect(parts('0af7651916cd43dd')).toEqual([['0af7651916cd43dd']]);
  });

  it('keeps the joined compound for whole-identifier matching', () => {
    const [t] = tokenize('X-B3-TraceId').tokens;
    expect(t.joined).toBe('xb3traceid');
  });
});

describe('tokenize: sentences', () => {
  it('splits on . ! ? ; and keeps the sentence text', () => {
    expect(sentences('Spans nest. Do they? Yes! They do; always')).toEqual(['Spans nest', 'Do they', 'Yes', 'They do', 'always']);
  });

  it('does not split inside identifiers, method calls, decimals or e.g.', () => {
    expect(sentences('Call span.End() after http.request.method is set to 0.5 e.g. in Go. Next')).toEqual([
      'Call span.End() after http.request.method is set to 0.5 e.g. in Go',
      'Next',
    ]);
  });

  it('splits on newlines between lines and blank lines, but not on a hard-wrapped line', () => {
    expect(sentences('First point\nSecond point\n\nthird after blank\ncontinued here')).toEqual([
      'First point',
      'Second point',
      'third after blank\ncontinued here',
    ]);
    expect(sentences('- sampling\n- propagation')).toEqual(['sampling', 'propagation']);
  });

  it('marks clause breaks (commas, colons, parentheses) but not plain spaces', () => {
    const t = tokenize('head sampling, tail sampling (buffered): done');
    expect(t.tokens.map((x) => x.breakBefore)).toEqual([true, false, true, false, true, true]);
  });
});

describe('tokenize: Unicode', () => {
  it('folds case, full-width letters and ligatures (NFKC)', () => {
    expect(texts(tokenize('ＴＲＡＣＥ ﬁle ẞig'))).toEqual(['trace', 'file', 'ssig']);
  });

  it('drops accents on Latin letters, keeps marks of other scripts', () => {
    expect(texts(tokenize('naïve café'))).toEqual(['naive', 'cafe']);
    expect(texts(tokenize('नमस्ते'))).toEqual(['नमस्ते']);
  });

  it('handles decomposed combining marks', () => {
    expect(texts(tokenize('cafe\u0301 ok'))).toEqual(['cafe', 'ok']);
  });

  it('tokenises any script and ignores emoji', () => {
    expect(texts(tokenize('追踪 трасса 🚀 span 👍🏽'))).toEqual(['追踪', 'трасса', 'span']);
  });

  it('makes meaningful symbols tokens of their own', () => {
    expect(texts(tokenize('01 = sampled, keep 10%'))).toEqual(['01', '=', 'sampled', 'keep', '10', '%']);
  });

  it('returns nothing for empty or punctuation-only input', () => {
    expect(tokenize('').tokens).toEqual([]);
    expect(tokenize(' ... !!! ___ ').tokens).toEqual([]);
    expect(tokenize('').sentences).toEqual([]);
  });
});
