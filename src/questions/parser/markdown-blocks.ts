/**
 * Groups classified lines into blocks (a run of code lines, or one logical
 * paragraph rebuilt from its broken lines) and renders them as Markdown.
 */
import type { ClassifiedLine, TextRole } from './line-kinds';
import { BREAK_MARK } from './source-lines';

export type BodyBlock =
  | { kind: 'code'; line: number; lines: string[] }
  /** `text`: the paragraph's lines joined, BREAK_MARK where a broken line resumed; not yet repaired. */
  | { kind: 'text'; line: number; role: TextRole; text: string };

export type MarkdownItem = { kind: 'paragraph' | 'bullet' | 'numbered'; text: string } | { kind: 'code'; lines: string[] };

/** No space after an opening bracket or before closing punctuation: "(" + "show me" → "(show me". */
function brokenLineSeparator(before: string, after: string): string {
  const tight = '([“'.includes(before.slice(-1)) || /^[)\],.;:!?]/.test(after);
  return `${tight ? '' : ' '}${BREAK_MARK}`;
}

type Draft = { kind: 'code'; line: number; lines: string[] } | { kind: 'text'; line: number; role: TextRole; parts: string[] };

function toBlock(draft: Draft): BodyBlock {
  if (draft.kind === 'code') return draft;
  return { kind: 'text', line: draft.line, role: draft.role, text: draft.parts.join('') };
}

export function groupBlocks(lines: readonly ClassifiedLine[]): BodyBlock[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const line of lines) {
    if (line.kind === 'code') {
      if (current?.kind === 'code') {
        current.lines.push(line.text);
      } else {
        current = { kind: 'code', line: line.number, lines: [line.text] };
        drafts.push(current);
      }
    } else if (line.kind === 'text') {
      if (line.continues && current?.kind === 'text') {
        // Parts are joined once at the end: growing one string line by line is quadratic.
        current.parts.push(brokenLineSeparator(current.parts[current.parts.length - 1], line.text), line.text);
      } else {
        current = { kind: 'text', line: line.number, role: line.role, parts: [line.text] };
        drafts.push(current);
      }
    } else {
      current = undefined;
    }
  }
  return drafts.map(toBlock);
}

/**
 * The scraper ran list items together on one line: "… changes. - trace-id — …".
 * A " - " after the end of a sentence starts the next item.
 */
export function splitRunTogetherItems(text: string): string[] {
  return text
    .split(/(?<=[.!?)"”`])\s+-\s+(?=\S)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function toMarkdownItems(block: BodyBlock, repair: (text: string) => string): MarkdownItem[] {
  if (block.kind === 'code') return [{ kind: 'code', lines: [...block.lines] }];
  const [first, ...rest] = splitRunTogetherItems(repair(block.text));
  if (first === undefined) return [];
  const firstKind = block.role === 'bullet' ? 'bullet' : block.role === 'numbered' ? 'numbered' : 'paragraph';
  return [
    { kind: firstKind, text: first },
    ...rest.map((text): MarkdownItem => ({ kind: 'bullet', text })),
  ];
}

function renderItem(item: MarkdownItem): string {
  if (item.kind === 'code') return ['```', ...item.lines, '```'].join('\n');
  if (item.kind === 'bullet') return `- ${item.text}`;
  return item.text;
}

const isListItem = (item: MarkdownItem) => item.kind === 'bullet' || item.kind === 'numbered';

export function renderMarkdown(items: readonly MarkdownItem[]): string {
  return items
    .map((item, index) => {
      const previous = items[index - 1];
      if (!previous) return renderItem(item);
      const separator = isListItem(previous) && isListItem(item) ? '\n' : '\n\n';
      return separator + renderItem(item);
    })
    .join('');
}
