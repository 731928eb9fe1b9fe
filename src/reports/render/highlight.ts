/**
 * Splits an answer into runs of text, each with the evidence spans covering
 * it, so renderers can mark the words that earned (or cost) points. Spans
 * that do not fit the text (out of range, or whose text no longer matches,
 * e.g. evidence from an older answer revision) are ignored rather than
 * highlighting the wrong words.
 */

export interface Highlight {
  start: number;
  end: number;
  /** The evidence text; must equal answer.slice(start, end). */
  text: string;
  kind: 'concept' | 'misconception';
  label: string;
}

export interface Segment {
  text: string;
  highlights: Highlight[];
}

export function segmentAnswer(answer: string, highlights: readonly Highlight[]): Segment[] {
  const valid = highlights.filter((h) => h.start >= 0 && h.end > h.start && h.end <= answer.length && answer.slice(h.start, h.end) === h.text);
  const cuts = [...new Set([0, answer.length, ...valid.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = valid.filter((h) => h.start <= from && h.end >= to);
    const previous = segments.at(-1);
    if (previous && sameHighlights(previous.highlights, covering)) previous.text += answer.slice(from, to);
    else segments.push({ text: answer.slice(from, to), highlights: covering });
  }
  return segments;
}

function sameHighlights(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Every evidence span of a report item: concepts earned and misconceptions triggered. */
export function highlightsOf(item: {
  evidence: { label: string; matches: { start: number; end: number; text: string }[] }[];
  misconceptions: { label: string; matches: { start: number; end: number; text: string }[] }[];
}): Highlight[] {
  return [
    ...item.evidence.flatMap((concept) => concept.matches.map((m) => ({ ...m, kind: 'concept' as const, label: concept.label }))),
    ...item.misconceptions.flatMap((mis) => mis.matches.map((m) => ({ ...m, kind: 'misconception' as const, label: mis.label }))),
  ];
}
