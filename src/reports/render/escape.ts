/** Escaping for untrusted text (answers, names, prompts) in each output format. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in HTML/SVG text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Markdown inline text: every character CommonMark could read as markup
 * (emphasis, code, links, raw HTML, entities, table pipes) is
 * backslash-escaped, so an answer renders as the words it is.
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>&|~!#]/g, '\\$&');
}

/**
 * One line of Markdown text: inline escapes, plus the markers that would
 * make a line a heading, list, quote or rule.
 */
export function escapeMarkdownLine(line: string): string {
  return escapeMarkdownInline(line)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A table cell: one line, no unescaped pipes. */
export function markdownCell(text: string): string {
  return escapeMarkdownInline(text.replace(/\s+/g, ' ').trim());
}
