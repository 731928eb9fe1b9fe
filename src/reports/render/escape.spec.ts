import { escapeHtml, escapeMarkdownInline, escapeMarkdownLine, markdownCell } from './escape';

describe('escapeHtml', () => {
  it('escapes markup and both quote kinds', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
});

describe('Markdown escaping', () => {
  it('escapes inline markup, raw HTML, entities and pipes', () => {
    expect(escapeMarkdownInline('*bold* _em_ `code` [link](x) <b> &amp; a|b')).toBe('\\*bold\\* \\_em\\_ \\`code\\` \\[link\\]\\(x\\) \\<b\\> \\&amp; a\\|b');
  });

  it('escapes block markers at the start of a line', () => {
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('1. first')).toBe('1\\. first');
    expect(escapeMarkdownLine('# heading')).toBe('\\# heading');
    expect(escapeMarkdownLine('> quote')).toBe('\\> quote');
    expect(escapeMarkdownLine('a - b')).toBe('a - b');
  });

  it('makes a single-line table cell', () => {
    expect(markdownCell(' a |\n b ')).toBe('a \\| b');
  });
});
