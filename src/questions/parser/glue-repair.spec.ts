import { readFileSync } from 'fs';
import { join } from 'path';
import { learnCodeTermsFromLineStarts, repairProse, splitLineStart } from './glue-repair';
import { classifyLines } from './line-kinds';
import { BREAK_MARK as M, toSourceLines } from './source-lines';
import { buildVocabulary, type Vocabulary } from './vocabulary';
import { parseInterviewDocument } from './parse-interview-document';

/** The vocabulary of a small document made of `lines` (after a title heading). */
function vocabularyOf(...lines: string[]): Vocabulary {
  const classified = classifyLines(toSourceLines(['Title¶', ...lines].join('\n')));
  const vocabulary = buildVocabulary(classified);
  learnCodeTermsFromLineStarts(classified, vocabulary);
  return vocabulary;
}

const EMPTY = vocabularyOf();

describe('repairProse: the token where a broken line resumed', () => {
  const vocabulary = vocabularyOf('The traceparent header carries ids from upstream.', 'Pass ctx down.');

  it('splits off the glued word when the code occurs on its own elsewhere', () => {
    expect(repairProse(`read ${M}traceparentfrom the headers`, vocabulary)).toBe('read `traceparent` from the headers');
    expect(repairProse(`keep using ${M}ctxdown the stack`, vocabulary)).toBe('keep using `ctx` down the stack');
  });

  it('leaves the token alone without such evidence', () => {
    expect(repairProse(`read ${M}traceparentfrom the headers`, EMPTY)).toBe('read traceparentfrom the headers');
  });

  it('never splits a token that is a word of its own, or after a function word', () => {
    const words = vocabularyOf('within reach, within limits, with care in time.');
    expect(repairProse(`stay ${M}within reach`, words)).toBe('stay within reach');
    expect(repairProse(`go on ${M}without fail`, words)).toBe('go on without fail');
  });

  it('splits a number from a plausible word', () => {
    expect(repairProse(`version — ${M}00today; reserved`, EMPTY)).toBe('version — `00` today; reserved');
  });

  it('splits unmistakable code from a known word', () => {
    expect(repairProse(`the old ${M}http.methodand a newer one`, EMPTY)).toBe('the old `http.method` and a newer one');
  });

  it('marks evident code that starts the line, but not plain words', () => {
    expect(repairProse(`and forgets ${M}WithSpanKind.`, EMPTY)).toBe('and forgets `WithSpanKind`.');
    expect(repairProse(`trace-id ${M}0af7651916cd43dd— 32 hex chars`, EMPTY)).toBe(
      'trace-id `0af7651916cd43dd` — 32 hex chars',
    );
    expect(repairProse(`bit ${M}01= "sampled."`, EMPTY)).toBe('bit `01` = "sampled."');
    expect(repairProse(`on attributes (${M}show me all spans)`, EMPTY)).toBe('on attributes (show me all spans)');
    expect(repairProse(`(a ${M}loadbalancingexporter hashing)`, EMPTY)).toBe('(a loadbalancingexporter hashing)');
  });

  it('leaves calls to the call rule', () => {
    expect(repairProse(`the current span (${M}trace.getActiveSpan()) inside`, EMPTY)).toBe(
      'the current span (`trace.getActiveSpan()`) inside',
    );
  });

  it('marks a request line as one code span', () => {
    const routes = vocabularyOf('GET is a method.');
    expect(repairProse(`low cardinality — ${M}GET /users/:id, notGET /users/42)`, routes)).toBe(
      'low cardinality — `GET /users/:id`, not `GET /users/42`)',
    );
  });
});

describe('splitLineStart', () => {
  it('prefers the longest attested code with a known word', () => {
    const vocabulary = vocabularyOf('The trace and the traceparent.');
    expect(splitLineStart('traceparentfrom', vocabulary)).toEqual({ code: 'traceparent', word: 'from' });
  });

  it('does not cut inside a camelCase identifier', () => {
    expect(splitLineStart('getActiveSpan', vocabularyOf('get it.'))).toBeUndefined();
  });

  it('gives up on very long tokens', () => {
    expect(splitLineStart(`${'a'.repeat(200)}from`, vocabularyOf('a from.'))).toBeUndefined();
  });
});

describe('learnCodeTermsFromLineStarts', () => {
  it('registers lowercase code proven by line-start glue, and uses it mid-line', () => {
    const vocabulary = vocabularyOf('The tracestate header has an entry.', "What if a vendor's", 'tracestateentry grows?');
    expect([...vocabulary.codeTerms]).toEqual(['tracestate']);
    expect(repairProse('Keep your owntracestateusage tiny.', vocabulary)).toBe('Keep your own `tracestate` usage tiny.');
  });

  it('learns nothing from lines that start a new sentence', () => {
    expect([...vocabularyOf('The tracestate header.', 'Tracestateentry grows.').codeTerms]).toEqual([]);
  });
});

describe('repairProse: capitals glued into words', () => {
  const vocabulary = vocabularyOf('CLIENT and SERVER and GET.');

  it('splits a standalone capitalised term out of the words around it', () => {
    expect(repairProse('never started aCLIENTspan / never injected', vocabulary)).toBe(
      'never started a `CLIENT` span / never injected',
    );
    expect(repairProse("The downstream'sSERVERspan becomes a child", vocabulary)).toBe(
      "The downstream's `SERVER` span becomes a child",
    );
    expect(repairProse('notGET', vocabulary)).toBe('not `GET`');
  });

  it('leaves unattested capitals, identifiers and plurals alone', () => {
    expect(repairProse('aFOOspan', vocabulary)).toBe('aFOOspan');
    expect(repairProse('xyzCLIENTspan', vocabulary)).toBe('xyzCLIENTspan');
    expect(repairProse('HttpCLIENTspan', vocabulary)).toBe('HttpCLIENTspan');
    expect(repairProse('URLs and OTel', vocabulary)).toBe('URLs and OTel');
  });
});

describe('repairProse: identifiers glued to words', () => {
  const vocabulary = vocabularyOf(
    'Use http.response.status_code and http.route and span.End() and unknown_service and sc.TraceID() too.',
    'Check often.',
  );

  it('trims English words glued before and after an identifier', () => {
    expect(repairProse('Puttinghttp.status_codeas an event', vocabulary)).toBe('Putting `http.status_code` as an event');
    expect(repairProse('derive a name from http.routeattributes', vocabulary)).toBe(
      'derive a name from `http.route` attributes',
    );
    expect(repairProse('and checksc.IsValid()first.', vocabulary)).toBe('and check `sc.IsValid()` first.');
  });

  it('accepts a plausible word after the identifier when no known word fits', () => {
    expect(repairProse('merge into oneunknown_serviceblob.', vocabulary)).toBe('merge into one `unknown_service` blob.');
  });

  it('separates a parenthetical glued to an identifier', () => {
    expect(repairProse('renders asunknown_service(oftenunknown_service:<name>).', vocabulary)).toBe(
      'renders as `unknown_service` (often `unknown_service`:<name>).',
    );
  });

  it('leaves identifiers without glue whole', () => {
    expect(repairProse('payment.amount_cents and otelhttp.NewTransport, otelhttp.NewHandler', vocabulary)).toBe(
      '`payment.amount_cents` and `otelhttp.NewTransport`, `otelhttp.NewHandler`',
    );
  });

  it('splits identifiers run together with a comma', () => {
    expect(repairProse('(tracer.Start,span.SetAttribute)', vocabulary)).toBe('(`tracer.Start`, `span.SetAttribute`)');
    expect(repairProse('tracestate: rojo=00f067,congo=t61rcWk.', vocabulary)).toBe('tracestate: rojo=00f067,congo=t61rcWk.');
  });
});

describe('repairProse: calls glued to words', () => {
  const vocabulary = vocabularyOf('span.End() ends it.');

  it('separates a word or a parenthesis glued after a call', () => {
    expect(repairProse('a Shutdown()/ForceFlush()in your path', vocabulary)).toBe(
      'a `Shutdown()`/`ForceFlush()` in your path',
    );
    expect(repairProse('behindspan.IsRecording()(or pass a callback)', vocabulary)).toBe(
      'behind `span.IsRecording()` (or pass a callback)',
    );
    expect(repairProse('call expensiveSerialize(obj)to pass', vocabulary)).toBe('call `expensiveSerialize(obj)` to pass');
  });
});

describe('repairProse: marking code spans', () => {
  it('marks dotted and underscored identifiers, with their value, and calls', () => {
    expect(repairProse('http.request.method=POST, db.rows=10000. Then trace_id and recordException(e).', EMPTY)).toBe(
      '`http.request.method=POST`, `db.rows=10000`. Then `trace_id` and `recordException(e)`.',
    );
  });

  it('leaves abbreviations, plurals in parentheses, numbers, URLs and existing code spans alone', () => {
    for (const text of [
      'e.g. this, i.e. that',
      'the request(s) failed',
      'took 1.8s and 99.9%',
      'see https://www.w3.org/TR/trace-context/ now',
      'already `span.End()` marked',
    ]) {
      expect(repairProse(text, EMPTY)).toBe(text);
    }
  });

  it('collapses whitespace and drops break marks', () => {
    expect(repairProse(`  a \n b ${M}c  `, EMPTY)).toBe('a b c');
  });
});

describe('repairProse on the seed document', () => {
  const seed = readFileSync(join(__dirname, '../../../seed/tracing-interview-questions.txt'), 'utf8');
  const classified = classifyLines(toSourceLines(seed));
  const vocabulary = buildVocabulary(classified);
  learnCodeTermsFromLineStarts(classified, vocabulary);

  it('learns exactly the lowercase code terms the glue proves', () => {
    expect([...vocabulary.codeTerms].sort()).toEqual(['ctx', 'parent-id', 'traceparent', 'tracestate']);
  });

  it('never splits or marks a normal word, even where a broken line resumed', () => {
    const words = [...vocabulary.proseWords]
      .filter(([word, count]) => count >= 2 && !vocabulary.codeTerms.has(word))
      .map(([word]) => word)
      .concat(['within', 'without', 'into', 'another', 'database', 'understand', 'whenever', 'background']);
    expect(words.length).toBeGreaterThan(300);
    for (const word of words) {
      expect(repairProse(`x ${word} y`, vocabulary)).toBe(`x ${word} y`);
      expect(repairProse(`x ${M}${word} y`, vocabulary)).toBe(`x ${word} y`);
    }
  });

  it('is stable: repairing repaired text changes nothing', () => {
    const doc = parseInterviewDocument(seed);
    const texts = doc.questions
      .filter((q) => q.kind === 'question')
      .flatMap((q) => [...q.probes.flatMap((probe) => [probe.question, probe.answer]), ...q.listeningFor]);
    expect(texts.length).toBeGreaterThan(80);
    for (const text of texts) expect(repairProse(text, vocabulary)).toBe(text);
  });
});
