/**
 * Pattern-language semantics end to end: one concept per case, scored
 * through the public API.
 */
import { scoreAnswer } from './scorer';
import { concept, rubric } from './testing/rubric-fixtures';
import type { PatternSpec, Rubric } from './types';

function matches(pattern: PatternSpec, answer: string, extra: Partial<Rubric> = {}): boolean {
  return scoreAnswer(rubric([concept('c', [pattern])], extra), { answer }).concepts[0].matched;
}

function evidence(pattern: PatternSpec, answer: string): string[] {
  return scoreAnswer(rubric([concept('c', [pattern])]), { answer }).concepts[0].evidence.map((e) => e.text);
}

describe('words', () => {
  it('matches case-insensitively and by stem', () => {
    expect(matches('sampling', 'We SAMPLED it.')).toBe(true);
    expect(matches('sampled', 'many samples')).toBe(true);
    expect(matches('propagate', 'context propagation')).toBe(true);
    expect(matches('sampling', 'we store everything')).toBe(false);
  });

  it('requires every item in one sentence', () => {
    expect(matches('tail buffer', 'Tail sampling needs a buffer.')).toBe(true);
    expect(matches('tail buffer', 'Tail sampling is great. A buffer is needed.')).toBe(false);
    expect(matches('tail buffer', 'Tail sampling is great; a buffer is needed.')).toBe(false);
    expect(matches('tail buffer', 'Tail sampling is great\nA buffer is needed')).toBe(false);
  });

  it('needs two occurrences for a repeated item', () => {
    expect(matches('trace trace', 'one trace only')).toBe(false);
    expect(matches('trace trace', 'a trace inside a trace')).toBe(true);
  });
});

describe('wildcards, exact words, phrases and alternatives', () => {
  it('prefix wildcard matches any word starting with the prefix', () => {
    expect(matches('decid*', 'they decided')).toBe(true);
    expect(matches('decid*', 'it decides')).toBe(true);
    expect(matches('decid*', 'it chose')).toBe(false);
  });

  it('=exact turns off stemming and fuzziness', () => {
    expect(matches('=traceparent', 'send the traceparent header')).toBe(true);
    expect(matches('=sampled', 'we sample it')).toBe(false);
    expect(matches('=sampled', 'it is sampled')).toBe(true);
    expect(matches('=propagation', 'propogation')).toBe(false);
  });

  it('phrases need consecutive words in order, not across a comma', () => {
    expect(matches('"span link"', 'add a span link')).toBe(true);
    expect(matches('"span link"', 'link the span')).toBe(false);
    expect(matches('"span link"', 'a span, link it')).toBe(false);
  });

  it('alternatives accept any of their entries', () => {
    const p = '[buffer*|"in memory"|=stateful] tail';
    expect(matches(p, 'tail sampling keeps traces in memory')).toBe(true);
    expect(matches(p, 'tail sampling is stateful')).toBe(true);
    expect(matches(p, 'tail sampling buffers')).toBe(true);
    expect(matches(p, 'tail sampling is slow')).toBe(false);
  });
});

describe('identifiers and compound words', () => {
  it.each(['trace ID', 'trace-id', 'traceId', 'trace_id', 'TraceID', 'trace ids'])('"trace id" matches %s', (form) => {
    expect(matches('"trace id"', `log the ${form} everywhere`)).toBe(true);
  });

  it('matches whole identifiers with =exact, phrases and plain words', () => {
    expect(matches('=http.request.method', 'set http.request.method on the span')).toBe(true);
    expect(matches('"http.request.method"', 'set http.request.method on the span')).toBe(true);
    expect(matches('"request method"', 'set http.request.method on the span')).toBe(true);
    expect(matches('traceparent', 'read the traceParent header')).toBe(true);
    expect(matches('=span.End()', 'always call span.End() in a finally')).toBe(true);
    expect(matches('WithSpanKind', 'pass trace.WithSpanKind(trace.SpanKindServer)')).toBe(true);
  });

  it('joins two written-apart words that the rubric writes as one', () => {
    expect(matches('timestamp', 'each event has a time stamp')).toBe(true);
  });

  it('points evidence at the identifier as written', () => {
    expect(evidence('"trace id"', 'We log X-B3-TraceId.')).toEqual(['TraceId']);
    expect(evidence('=span.End()', 'call span.End() now')).toEqual(['span.End()']);
  });
});

describe('numbers', () => {
  it('matches digits and number words both ways', () => {
    expect(matches('16 bytes', 'it is sixteen bytes')).toBe(true);
    expect(matches('sixteen bytes', 'it is 16 bytes')).toBe(true);
    expect(matches('thirty-two hex', '32 hex characters')).toBe(true);
    expect(matches('32 hex', 'thirty two hex characters')).toBe(true);
    expect(matches('128 bit', 'a 128-bit id')).toBe(true);
    expect(matches('128-bit', 'one hundred twenty eight bit id')).toBe(true);
    expect(matches('100', 'one hundred')).toBe(true);
    expect(matches('"32 hex"', 'a 32-hex string')).toBe(true);
    expect(matches('32-hex', 'thirty-two hex digits')).toBe(true);
  });

  it('keeps leading-zero codes literal', () => {
    expect(matches('01 sampled', 'the 01 means sampled')).toBe(true);
    expect(matches('01 sampled', 'the 1 means sampled')).toBe(false);
    expect(matches('[one|first] hop', 'the 01 hop')).toBe(false);
  });

  it('matches symbols', () => {
    expect(matches('01 [is|=] sampled', 'flags 01 = sampled')).toBe(true);
    expect(matches('keep %', 'keep 10% of traces')).toBe(true);
    expect(matches('keep %', 'keep ten percent of traces')).toBe(true);
  });
});

describe('misspellings', () => {
  it('tolerates one edit on 5–8 letter words and two on longer ones', () => {
    expect(matches('sampling', 'we use smapling')).toBe(true);
    expect(matches('propagation', 'context propogaton')).toBe(true);
    expect(matches('parent', 'the parnet span')).toBe(true);
  });

  it('does not fuzz short words, numbers or identifiers', () => {
    expect(matches('span', 'spam everywhere')).toBe(false);
    expect(matches('1234', '1235')).toBe(false);
    expect(matches('WithSpanKind', 'WithSpanKnd')).toBe(false);
    expect(matches('http.request.method', 'http.request.methd')).toBe(false);
    expect(matches('"trace id"', 'traceIx')).toBe(false);
  });

  it('keeps the first letter and never mistakes a real word for a typo', () => {
    expect(matches('sampling', 'we use xampling')).toBe(false);
    expect(matches('trace', 'track the request')).toBe(false);
    expect(matches('sample', 'a simple answer')).toBe(false);
    expect(matches('parent', 'a patent troll')).toBe(false);
    expect(matches('complex', 'once the trace is complete')).toBe(false);
  });

  it('can be turned off per rubric', () => {
    expect(matches('sampling', 'we use smapling', { options: { fuzzy: false } })).toBe(false);
  });
});

describe('synonyms', () => {
  it('expands rubric synonyms, including phrases, in both directions', () => {
    const synonyms = { operation: ['unit of work', 'task'] };
    expect(matches('span operation', 'a span is one unit of work', { synonyms })).toBe(true);
    expect(matches('span task', 'a span is one operation', { synonyms })).toBe(true);
    expect(matches('span operation', 'a span is one job', { synonyms })).toBe(false);
  });

  it('uses the shared thesaurus', () => {
    expect(matches('"trace id"', 'the trace identifier')).toBe(true);
    expect(matches('propagate context', 'you must pass along the context')).toBe(true);
    expect(matches('drop spans', 'the exporter discards spans')).toBe(true);
    expect(matches('store', 'we save it')).toBe(true);
  });

  it('does not mistake a stem collision for a thesaurus synonym', () => {
    expect(matches('"trace id"', 'the trace identifies the request')).toBe(false);
  });

  it('can turn the thesaurus off', () => {
    expect(matches('"trace id"', 'the trace identifier', { options: { thesaurus: false } })).toBe(false);
  });
});

describe('proximity and order', () => {
  it('counts content words for within, not function words', () => {
    expect(matches({ match: '01 version', within: 2 }, 'the 01 at the end is the version')).toBe(true);
    expect(matches({ match: '01 version', within: 2 }, 'the 01 flag byte marks a version')).toBe(false);
  });

  it('uses within 10 by default', () => {
    const filler = 'alpha beta gamma delta epsilon zeta eta theta iota';
    expect(matches('head root', `head ${filler} root`)).toBe(true);
    expect(matches('head root', `head ${filler} kappa lambda root`)).toBe(false);
  });

  it('ordered requires the written order', () => {
    const p = { match: 'tail [decid*|sampl*] after [complet*|finish*|end*]', ordered: true };
    expect(matches(p, 'Tail sampling decides after the trace completes.')).toBe(true);
    expect(matches(p, 'After the trace completes, tail sampling decides.')).toBe(false);
  });

  it('rejects swapped roles: "tail sampling decides at the start"', () => {
    const p = { match: 'tail [decid*|sampl*] after [complet*|finish*|end*]', ordered: true };
    expect(matches(p, 'Tail sampling decides at the start of the trace.')).toBe(false);
    expect(matches(p, 'Head sampling decides after nothing, tail sampling decides at the start. The end.')).toBe(false);
  });

  it('makes crossing into a contrasting clause cost distance', () => {
    const p = { match: 'attribute* [whole|entire] span', within: 6 };
    expect(matches(p, 'Attributes describe the whole span.')).toBe(true);
    expect(matches(p, 'Attributes have a timestamp for each moment, while an event describes the whole span.')).toBe(false);
  });
});

describe('polarity', () => {
  it.each([
    ['parent consumer', 'the consumer is not parented'],
    ['parent consumer', 'never parent the consumer'],
    ['sampled consumer', 'the consumer is not sampled'],
    ['need link*', 'no need for links'],
    ['parent consumer', "you don't parent the consumer"],
    ['parent consumer', 'use a link instead of parenting the consumer'],
  ])('affirmative %s does not match "%s"', (pattern, answer) => {
    expect(matches(pattern, answer)).toBe(false);
  });

  it('affirmative still matches outside the negated clause', () => {
    expect(matches('link consumer', 'do not parent it, link the consumer')).toBe(true);
    expect(matches('parent consumer', 'not a problem: parent the consumer')).toBe(true);
  });

  it('negative requires the negation', () => {
    const p = { match: 'parent consumer', polarity: 'negative' as const };
    expect(matches(p, 'you should not parent the consumer')).toBe(true);
    expect(matches(p, 'you should parent the consumer')).toBe(false);
  });

  it('any ignores negation', () => {
    const p = { match: 'parent consumer', polarity: 'any' as const };
    expect(matches(p, 'you should not parent the consumer')).toBe(true);
    expect(matches(p, 'you should parent the consumer')).toBe(true);
  });

  it('a pattern that spells out the negation matches it', () => {
    expect(matches('not parent*', 'do not parent the consumer')).toBe(true);
  });
});

describe('regex items', () => {
  it('match within a sentence, with offsets into the original answer', () => {
    const answer = 'Version 00, trace 0af7651916cd43dd8448eb211c80319c, done.';
    const r = scoreAnswer(rubric([concept('c', ['/[0-9a-f]{32}/'])]), { answer });
    expect(r.concepts[0].evidence).toEqual([{ start: 18, end: 50, text: '0af7651916cd43dd8448eb211c80319c' }]);
  });

  it('combine with word items', () => {
    expect(matches('trace /[0-9a-f]{32}/', 'the trace is 0af7651916cd43dd8448eb211c80319c')).toBe(true);
    expect(matches('span /[0-9a-f]{32}/', 'the trace is 0af7651916cd43dd8448eb211c80319c')).toBe(false);
  });

  it('keep negation written inside the regex, but honour a negation before it', () => {
    const p = "/kafka (messages )?(can'?t|cannot) carry headers/";
    expect(matches(p, 'Kafka messages cannot carry headers.')).toBe(true);
    expect(matches(p, 'It is not true that kafka cannot carry headers.')).toBe(false);
  });
});
