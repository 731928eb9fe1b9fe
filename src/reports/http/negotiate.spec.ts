import { negotiateFormat, parseAccept } from './negotiate';

const ALL = ['json', 'csv', 'md', 'html'] as const;

describe('negotiateFormat', () => {
  it('lets ?format= win over Accept', () => {
    expect(negotiateFormat('md', 'text/csv', ALL)).toBe('md');
    expect(negotiateFormat('json', 'text/html', ALL)).toBe('json');
  });

  it('falls back to JSON without a usable Accept header', () => {
    expect(negotiateFormat(undefined, undefined, ALL)).toBe('json');
    expect(negotiateFormat(undefined, '', ALL)).toBe('json');
    expect(negotiateFormat(undefined, '*/*', ALL)).toBe('json');
    expect(negotiateFormat(undefined, 'text/*', ALL)).toBe('json');
    expect(negotiateFormat(undefined, 'image/png', ALL)).toBe('json');
  });

  it('maps each supported media type to its format', () => {
    expect(negotiateFormat(undefined, 'text/csv', ALL)).toBe('csv');
    expect(negotiateFormat(undefined, 'text/markdown; charset=utf-8', ALL)).toBe('md');
    expect(negotiateFormat(undefined, 'TEXT/HTML', ALL)).toBe('html');
    expect(negotiateFormat(undefined, 'application/json', ALL)).toBe('json');
  });

  it('honours q-values and, at equal q, the order of the header', () => {
    expect(negotiateFormat(undefined, 'text/html;q=0.5, text/csv;q=0.9', ALL)).toBe('csv');
    expect(negotiateFormat(undefined, 'text/markdown, text/html', ALL)).toBe('md');
    expect(negotiateFormat(undefined, 'text/html;q=0, text/csv;q=0.1', ALL)).toBe('csv');
  });

  it('takes a browser’s Accept header as HTML', () => {
    expect(negotiateFormat(undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', ALL)).toBe('html');
  });

  it('ignores types the route does not offer', () => {
    expect(negotiateFormat(undefined, 'text/html, text/csv;q=0.5', ['json', 'csv'] as const)).toBe('csv');
    expect(negotiateFormat(undefined, 'text/markdown', ['json', 'csv'] as const)).toBe('json');
  });
});

describe('parseAccept', () => {
  it('drops q=0 and garbage q-values', () => {
    expect(parseAccept('text/csv;q=0, text/html;q=abc, text/markdown;q=2').map((r) => [r.type, r.q])).toEqual([['text/markdown', 1]]);
  });
});
