import { classifyLines } from './line-kinds';
import { toSourceLines } from './source-lines';
import { buildVocabulary, tokenCore } from './vocabulary';

const vocabularyOf = (text: string) => buildVocabulary(classifyLines(toSourceLines(`Title¶\n${text}`)));

describe('tokenCore', () => {
  it.each([
    ['(traceparent,', 'traceparent'],
    ['span.End().', 'span.End()'],
    ['span.End())', 'span.End()'],
    ['"sampled."', 'sampled'],
    ['[CLIENT]', 'CLIENT'],
    ['`ctx`', 'ctx'],
    ['…', ''],
  ])('%s → %s', (token, core) => {
    expect(tokenCore(token)).toBe(core);
  });
});

describe('buildVocabulary', () => {
  const vocabulary = vocabularyOf(
    ['Read the traceparent header, then read http.route and http.request.method.', 'ctx = otel_context.get_current()'].join(
      '\n',
    ),
  );

  it('counts tokens of prose and identifiers of code', () => {
    expect(vocabulary.chunks.get('traceparent')).toBe(1);
    expect(vocabulary.chunks.get('http.route')).toBe(1);
    expect(vocabulary.chunks.get('ctx')).toBe(1);
    expect(vocabulary.chunks.get('otel_context.get_current')).toBe(1);
  });

  it('keeps plain prose words lowercased, but not code or mixed-case words', () => {
    expect(vocabulary.proseWords.get('read')).toBe(2);
    expect(vocabulary.proseWords.has('title')).toBe(true);
    expect(vocabulary.proseWords.has('otel')).toBe(false);
    expect(vocabulary.proseWords.has('ctx')).toBe(false);
  });

  it('counts first and last parts of dotted and underscored identifiers', () => {
    expect(vocabulary.firstParts.get('http')).toBe(2);
    expect(vocabulary.firstParts.get('otel')).toBe(1);
    expect(vocabulary.lastParts.get('method')).toBe(1);
    expect(vocabulary.lastParts.get('current')).toBe(1);
  });

  it('starts without proven code terms', () => {
    expect([...vocabulary.codeTerms]).toEqual([]);
  });
});
