/**
 * The scraper flattened code blocks into plain lines (indentation lost), so code
 * has to be recognised line by line from its shape.
 *
 * - `strong`: the line cannot plausibly be prose (box drawing, a comment line,
 *   a lone closing brace; `:=`, `def `, a decorator … unless it reads as a sentence).
 * - `weak`: looks like code (an assignment, a single call, a `return` …) but a
 *   sentence could start that way too; the caller lets prose context win.
 * - `none`: prose.
 */
export type CodeSignal = 'strong' | 'weak' | 'none';

const BOX_DRAWING = /[\u2500-\u257F]/;

const STRONG_PATTERNS: readonly RegExp[] = [
  /^\[[=\s]/, // waterfall bar: [==== gateway … ====]
  /^\[.*\]$/, // waterfall bar without fill: [ pricing SERVER (40ms) ]
  /:=/, // Go short variable declaration
  /^(?:async\s+)?def\s+\w+\s*\(/,
  /^func\b/,
  /^go\s+func\b/,
  /^class\s+\w+.*:$/,
  /^(?:defer|import|package|raise|pass)\b/,
  /^(?:try|finally|else)\s*:/,
  /^(?:except|elif)\b.*:$/,
  /^@[A-Za-z_][\w.]*(?:\(.*\))?$/, // decorator
  /\{$/, // block opener
];

const WEAK_PATTERNS: readonly RegExp[] = [
  /^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S/, // assignment: x = …, carrier[k] = …
  /^(?:return|yield|await|throw)\b/,
  /^(?:if|for|while|with)\b.*[:(]$/, // block opener or call continued on the next line
  /^[A-Za-z_][\w.]*\(.*\)[;,]?$/, // a single call expression
  /^[A-Za-z_][\w.]*\(.*[,(]$/, // a call continued on the next line
  /^"[^"]*"\s*[,)]/, // a string-literal argument line
  /^[A-Za-z_]\w*=\S+,?$/, // keyword argument: kind=SpanKind.CONSUMER,
];

const LONG_HEX = /[0-9a-f]{16,}/i;
const PLAIN_WORD = /^[A-Za-z][a-z'’]*[,.;:!?]?$/;
const ENDS_SENTENCE = /[.?!:]["'”’)\]]*$/;

/** Drops a trailing `# …` or `// …` comment so its words do not make the code look like prose. */
function withoutTrailingComment(line: string): string {
  return line.replace(/\s(?:#|\/\/)\s.*$/, '');
}

/** A sentence-like line: mostly plain words and sentence punctuation. */
export function looksLikeProse(line: string): boolean {
  const tokens = withoutTrailingComment(line).split(/\s+/).filter(Boolean);
  const plain = tokens.filter((token) => PLAIN_WORD.test(token)).length;
  if (plain < 6 || plain / tokens.length < 0.6) return false;
  return ENDS_SENTENCE.test(line) || /[.?!]\s+[A-Z]/.test(line);
}

/** Comment lines read like sentences, so they are recognised before any prose check. */
const COMMENT_LINE = /^(?:#|\/\/)(?:\s|$)/;

/** "}", "}(ctx)", ") as span:" — but not the rest of a sentence: "); events are harder." */
function isClosingLine(line: string): boolean {
  return /^[)\]}]/.test(line) && line.length <= 24 && !/[.!?]$/.test(line);
}

export function codeSignal(line: string): CodeSignal {
  const text = line.trim();
  if (text === '') return 'none';
  if (BOX_DRAWING.test(text) || COMMENT_LINE.test(text) || isClosingLine(text)) return 'strong';
  if (STRONG_PATTERNS.some((pattern) => pattern.test(text)) && !looksLikeProse(text)) return 'strong';
  const bare = withoutTrailingComment(text);
  const weak =
    WEAK_PATTERNS.some((pattern) => pattern.test(bare)) ||
    (LONG_HEX.test(text) && text.split(/\s+/).length <= 4);
  if (weak && !looksLikeProse(text)) return 'weak';
  return 'none';
}
