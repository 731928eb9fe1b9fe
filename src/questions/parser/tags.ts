/**
 * Topic tags from a fixed keyword dictionary. A tag applies when one of its
 * patterns occurs in the prompt, or at least `bodyHits` times in the rest of the
 * question (model answer, probes, notes): one passing mention in a long answer
 * does not make a question "about" that topic. Tags are sorted and unique.
 */
import { sectionTag } from './section-names';

export interface TopicTag {
  tag: string;
  patterns: readonly RegExp[];
}

export const TOPIC_TAGS: readonly TopicTag[] = [
  { tag: 'attributes', patterns: [/\battributes?\b/i] },
  {
    tag: 'auto-instrumentation',
    patterns: [/\bauto-instrument\w*/i, /\bauto(?:-generated)? spans?\b/i, /\bauto (?:and|vs\.?|\+|or) manual\b/i],
  },
  { tag: 'b3', patterns: [/\bb3\b/i] },
  { tag: 'baggage', patterns: [/\bbaggage\b/i] },
  { tag: 'batch-processor', patterns: [/\b(?:batch|simple) ?span ?processors?\b/i, /\bbatch processors?\b/i] },
  { tag: 'cardinality', patterns: [/\bcardinality\b/i] },
  { tag: 'clock-skew', patterns: [/\bclock skew\b/i, /\bskew(?:ed)?\b/i, /\bclocks?\b/i] },
  { tag: 'collector', patterns: [/\bcollectors?\b/i] },
  { tag: 'context-propagation', patterns: [/\bpropagat\w*/i, /\binject(?:s|ed|ion)?\b/i, /\bextract(?:s|ed|ion)?\b/i] },
  {
    tag: 'cost',
    patterns: [/\bcost(?:s|ly)?\b/i, /\bbill\b/i, /\bbudgets?\b/i, /\bexpensive\b/i, /\b(?:un)?affordable\b/i],
  },
  { tag: 'errors', patterns: [/\berror(?:s|ed)?\b/i, /\bexceptions?\b/i, /\bset_?status\b/i] },
  { tag: 'events', patterns: [/\bspan events?\b/i, /\bevents?\b/i] },
  { tag: 'exemplars', patterns: [/\bexemplars?\b/i] },
  { tag: 'head-sampling', patterns: [/\bhead[- ](?:based )?sampl\w*/i, /\bhead (?:or|vs\.?|versus) tail\b/i] },
  {
    tag: 'in-process-context',
    patterns: [
      /\bthread[- ]?pools?\b/i,
      /\bexecutor\w*/i,
      /\bgoroutines?\b/i,
      /\bcontextvars\b/i,
      /\bAsyncLocalStorage\b/,
      /\bthread-local\b/i,
    ],
  },
  { tag: 'kafka', patterns: [/\bkafka\b/i] },
  { tag: 'latency', patterns: [/\blatency\b/i] },
  { tag: 'logs', patterns: [/\blogs?\b/i, /\blogging\b/i, /\blogger\b/i] },
  {
    tag: 'manual-instrumentation',
    patterns: [
      /\bmanual(?:ly)?[- ](?:instrument\w*|spans?|wrap\w*|start_span)\b/i,
      /\bauto (?:and|vs\.?|\+|or) manual\b/i,
      /\bmanual \+ auto\b/i,
      /\bhand-roll\w*/i,
    ],
  },
  { tag: 'messaging', patterns: [/\bqueues?\b/i, /\bproducers?\b/i, /\bconsumers?\b/i, /\bmessag(?:e|es|ing)\b/i] },
  { tag: 'metrics', patterns: [/\bmetrics?\b/i] },
  { tag: 'opentelemetry', patterns: [/\bopentelemetry\b/i, /\botel\b/i] },
  { tag: 'parent-based-sampling', patterns: [/\bparent-based\b/i] },
  {
    tag: 'pii',
    patterns: [/\bpii\b/i, /\bPAN\b/, /\bcard numbers?\b/i, /\bredact\w*/i, /\bscrub\w*/i, /\bsensitive\b/i],
  },
  { tag: 'resource', patterns: [/\bresource\b/i, /\bservice\.name\b/i] },
  { tag: 'sampling', patterns: [/\bsampl(?:e|es|ed|ing|er|ers)\b/i] },
  { tag: 'semantic-conventions', patterns: [/\bsemantic[- ]conventions?\b/i, /\bsemconv\b/i] },
  { tag: 'service-mesh', patterns: [/\bmesh\b/i, /\bsidecars?\b/i, /\benvoy\b/i, /\bistio\b/i] },
  { tag: 'span-kind', patterns: [/\bspan kinds?\b/i, /\bSpanKind\b/, /\b(?:SERVER|CLIENT|PRODUCER|CONSUMER|INTERNAL)\b/] },
  { tag: 'span-links', patterns: [/\bspan links?\b/i, /\blinks?\b/i] },
  { tag: 'tail-sampling', patterns: [/\btail[- ](?:based )?sampl\w*/i, /\bhead (?:or|vs\.?|versus) tail\b/i] },
  { tag: 'trace-ids', patterns: [/\btrace[- ]ids?\b/i, /\bspan[- ]ids?\b/i] },
  { tag: 'w3c-trace-context', patterns: [/\bw3c\b/i, /\btraceparent\b/i, /\btracestate\b/i] },
];

export interface TaggableText {
  section: string;
  prompt: string;
  /** Everything else the question says: model answer, probes, notes. */
  body: string;
}

/** Mentions of any of the patterns; overlapping matches ("clock skew" and "skew") count once. */
function mentions(text: string, patterns: readonly RegExp[]): number {
  const spans = patterns
    .flatMap((pattern) => [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))])
    .map((match) => [match.index, match.index + match[0].length] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let count = 0;
  let end = -1;
  for (const [from, to] of spans) {
    if (from >= end) count += 1;
    end = Math.max(end, to);
  }
  return count;
}

export function tagQuestion(question: TaggableText, bodyHits = 2): string[] {
  const tags = new Set<string>([sectionTag(question.section)]);
  for (const { tag, patterns } of TOPIC_TAGS) {
    if (mentions(question.prompt, patterns) > 0 || mentions(question.body, patterns) >= bodyHits) tags.add(tag);
  }
  return [...tags].sort();
}
