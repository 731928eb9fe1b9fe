import { classifyLines } from './line-kinds';
import { groupBlocks, renderMarkdown, splitRunTogetherItems, toMarkdownItems } from './markdown-blocks';
import { BREAK_MARK as M, toSourceLines } from './source-lines';

const blocksOf = (...lines: string[]) => groupBlocks(classifyLines(toSourceLines(['Title¶', ...lines].join('\n'))));
const identity = (text: string) => text;

describe('groupBlocks', () => {
  it('joins broken lines into one paragraph, marking where each resumed', () => {
    expect(blocksOf('The fix: read', 'traceparentfrom the headers.', 'Next paragraph.')).toEqual([
      { kind: 'text', line: 2, role: 'plain', text: `The fix: read ${M}traceparentfrom the headers.` },
      { kind: 'text', line: 4, role: 'plain', text: 'Next paragraph.' },
    ]);
  });

  it('joins tightly after an opening bracket and before closing punctuation', () => {
    const [block] = blocksOf('filter on attributes (', 'show me all spans', '); events are harder.');
    expect(block).toMatchObject({ text: `filter on attributes (${M}show me all spans${M}); events are harder.` });
  });

  it('keeps consecutive code lines together and apart from prose', () => {
    expect(blocksOf('Go, the explicit-context language:', 'ctx, span := tracer.Start(ctx, "x")', 'defer span.End()', 'Done.')).toEqual([
      { kind: 'text', line: 2, role: 'plain', text: 'Go, the explicit-context language:' },
      { kind: 'code', line: 3, lines: ['ctx, span := tracer.Start(ctx, "x")', 'defer span.End()'] },
      { kind: 'text', line: 5, role: 'plain', text: 'Done.' },
    ]);
  });

  it('starts a new block for every probe, note and list item', () => {
    const roles = blocksOf('Answer.', 'What if it fails? Retry.', '- one', '- two', 'Listening for: x.').map((block) =>
      block.kind === 'text' ? block.role : block.kind,
    );
    expect(roles).toEqual(['plain', 'probe', 'bullet', 'bullet', 'listening-for']);
  });

  it('ends a block at a blank line', () => {
    expect(blocksOf('open', '', 'line')).toHaveLength(2);
  });
});

describe('splitRunTogetherItems', () => {
  it('splits at " - " after the end of a sentence only', () => {
    expect(splitRunTogetherItems('version — 00 today. - trace-id — 32 hex. - flags')).toEqual([
      'version — 00 today.',
      'trace-id — 32 hex.',
      'flags',
    ]);
    expect(splitRunTogetherItems('score." - Close the loop')).toEqual(['score."', 'Close the loop']);
    expect(splitRunTogetherItems('a - b and x-y')).toEqual(['a - b and x-y']);
  });
});

describe('toMarkdownItems and renderMarkdown', () => {
  it('renders paragraphs, list items and fenced code', () => {
    const items = blocksOf(
      'Intro:',
      '- first item. - second item.',
      '1. Numbered one.',
      'def run():',
      'return 1',
      'Outro.',
    ).flatMap((block) => toMarkdownItems(block, identity));
    expect(renderMarkdown(items)).toBe(
      'Intro:\n\n- first item.\n- second item.\n1. Numbered one.\n\n```\ndef run():\nreturn 1\n```\n\nOutro.',
    );
  });

  it('applies the repair to text but not to code', () => {
    const items = blocksOf('text here.', 'def run():').flatMap((block) => toMarkdownItems(block, (t) => t.toUpperCase()));
    expect(items).toEqual([
      { kind: 'paragraph', text: 'TEXT HERE.' },
      { kind: 'code', lines: ['def run():'] },
    ]);
  });

  it('drops text that repairs to nothing and renders nothing for no items', () => {
    const [block] = blocksOf('x');
    expect(toMarkdownItems(block, () => '')).toEqual([]);
    expect(renderMarkdown([])).toBe('');
  });
});
