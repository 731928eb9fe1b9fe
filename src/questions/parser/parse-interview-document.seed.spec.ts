/**
 * Acceptance tests against the real seed document. The expected slugs come
 * from fixtures/seed-slug-map.txt (section|slug|prompt), which pins the slug
 * rule: re-importing the seed must find the same questions again.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ParsedDocument, ParsedQuestion } from './document.types';
import { parseInterviewDocument } from './parse-interview-document';

const SEED_PATH = join(__dirname, '../../../seed/tracing-interview-questions.txt');
const SEED = readFileSync(SEED_PATH, 'utf8');
const SEED_LINES = SEED.split('\n');

interface SlugMapRow {
  section: string;
  slug: string;
  prompt: string;
}

const SLUG_MAP: SlugMapRow[] = readFileSync(join(__dirname, 'fixtures/seed-slug-map.txt'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((row) => {
    const [section, slug, prompt] = row.split('|');
    return { section, slug, prompt };
  });

const QUESTION_SECTIONS = [
  'Conceptual / Foundational',
  'Propagation',
  'OpenTelemetry / Implementation',
  'Sampling',
  'Tricky / Trap Questions',
  'System / Design Scenarios',
  'Live Coding / Whiteboard',
  'Behavioral / Experience',
  "What I'd Ask a Candidate Now",
];

const doc: ParsedDocument = parseInterviewDocument(SEED);
const questions = doc.questions.filter((q) => q.kind === 'question');
const quiz = doc.questions.filter((q) => q.kind === 'quiz');

function bySlug(slug: string): ParsedQuestion {
  const found = doc.questions.find((q) => q.slug === slug);
  if (!found) throw new Error(`no question with slug ${slug}`);
  return found;
}

function inSection(section: string): ParsedQuestion[] {
  return doc.questions.filter((q) => q.section === section);
}

/** The contents of the ``` blocks of a Markdown text. */
function fencedBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```\n([\s\S]*?)\n```/g)].map((match) => match[1]);
}

/** The Markdown text with fenced blocks and `code spans` removed. */
function proseOnly(markdown: string): string {
  return markdown.replace(/```\n[\s\S]*?\n```/g, '').replace(/`[^`]*`/g, '');
}

function allText(question: ParsedQuestion): string {
  return [
    question.prompt,
    question.modelAnswer,
    ...question.probes.flatMap((probe) => [probe.question, probe.answer]),
    ...question.misconceptions,
    ...question.misconceptionDetails.map((detail) => detail.rebuttal),
    ...question.listeningFor,
  ].join('\n');
}

describe('parseInterviewDocument on the seed document', () => {
  it('reads the title and the topic line', () => {
    expect(doc.title).toBe('Tracing — Interview Questions');
    expect(doc.topic).toBe('Tracing Roadmap');
    expect(doc.focus).toMatch(/^Questions an interviewer can actually ask about spans/);
  });

  it('lists the 9 question sections in document order, then the cheat sheet of quiz items', () => {
    expect(doc.sections).toEqual([...QUESTION_SECTIONS, 'Cheat Sheet']);
    expect(new Set(questions.map((q) => q.section))).toEqual(new Set(QUESTION_SECTIONS));
    expect(new Set(quiz.map((q) => q.section))).toEqual(new Set(['Cheat Sheet']));
  });

  it('yields exactly the 58 questions of the slug map, in order, with their sections and prompts', () => {
    const expected = SLUG_MAP.filter((row) => row.section !== 'Cheat Sheet');
    expect(expected).toHaveLength(58);
    expect(questions.map(({ section, slug, prompt }) => ({ section, slug, prompt }))).toEqual(expected);
  });

  it('counts one question per "Q: " line of the source', () => {
    const qLines = SEED_LINES.flatMap((line, index) => (line.startsWith('Q: ') ? [index + 1] : []));
    expect(questions.map((q) => q.line)).toEqual(qLines);
  });

  it('turns the 10 boxed cheat-sheet items into quiz questions', () => {
    expect(quiz.map((q) => q.slug)).toEqual(SLUG_MAP.filter((row) => row.section === 'Cheat Sheet').map((r) => r.slug));
    expect(quiz.map((q) => q.prompt)).toEqual([
      'Span vs trace?',
      'Decode traceparent: 00-<32hex trace>-<16hex parent>-<flags>.',
      'Inject vs extract?',
      'Why does a trace split at a service boundary?',
      'Attribute vs event?',
      'Span link vs parent-child?',
      'Head vs tail sampling?',
      'Why the trace ID in logs?',
      'Auto vs manual instrumentation?',
      "What's an exemplar?",
    ]);
    expect(bySlug('cheat-sheet-1').modelAnswer).toBe('Span = one timed operation. Trace = tree of spans, one trace ID.');
    expect(bySlug('cheat-sheet-9').modelAnswer).toBe(
      'Auto = frameworks + propagation, free. Manual = business meaning. Use both. Don\'t double-wrap.',
    );
    for (const item of quiz) {
      expect(item.levels).toEqual([]);
      expect(item.probes).toEqual([]);
      expect(item.modelAnswer).not.toMatch(/[│┌─└]|^→/);
      expect(SEED_LINES[item.line - 1]).toContain(item.prompt);
    }
  });

  it('finds every "What if" follow-up probe (at least 40) with a question and an answer', () => {
    const probes = questions.flatMap((q) => q.probes);
    const whatIfLines = SEED_LINES.filter((line) => line.startsWith('What if')).length;
    expect(probes.length).toBeGreaterThanOrEqual(40);
    expect(probes).toHaveLength(whatIfLines);
    for (const probe of probes) {
      expect(probe.question).toMatch(/^What if .*\?$/s);
      expect(probe.question.split('?')).toHaveLength(2);
      expect(probe.answer.length).toBeGreaterThan(20);
      expect(probe.answer).not.toMatch(/^What if/);
    }
    expect(questions.flatMap((q) => q.probes.map((p) => p.question))).toContain(
      "What if the parent-id is the trace's root span ID, not the immediate caller's?",
    );
  });

  it('keeps the model answer free of probes, and probes free of the model answer', () => {
    for (const question of questions) {
      expect(question.modelAnswer).not.toMatch(/(^|\n)What if/);
    }
    const spanLog = bySlug('what-is-a-span-what-is-a-trace');
    expect(spanLog.modelAnswer).toMatch(/one sentence of that story\.$/);
    expect(spanLog.probes[0].answer).toMatch(/^A log line is a point-in-time event/);
  });

  it('rejoins probes broken across lines by inline code', () => {
    const resource = bySlug('what-is-the-resource-and-whats-the-single-most-important');
    expect(resource.probes[0].question).toBe('What if `service.name` is missing?');
    expect(resource.probes[0].answer).toMatch(/^Every backend renders the spans as `unknown_service`/);
    const tracestate = bySlug('what-is-tracestate-and-how-is-it-different-from-traceparent');
    expect(tracestate.probes[0].question).toBe("What if a vendor's `tracestate` entry grows unbounded?");
    expect(tracestate.probes[0].answer).toMatch(/Keep your own `tracestate` usage tiny\.$/);
    const traceparent = bySlug('walk-me-through-the-traceparent-header-field-by-field');
    expect(traceparent.probes[0].answer).toMatch(/model wrong\. `parent-id` is always the immediate caller's span ID/);
  });

  it('reads levels, including every level a range spans', () => {
    expect(bySlug('what-is-a-span-what-is-a-trace').levels).toEqual(['junior']);
    expect(bySlug('what-is-span-kind-and-why-does-it-matter').levels).toEqual(['junior', 'middle']);
    expect(bySlug('what-is-tracestate-and-how-is-it-different-from-traceparent').levels).toEqual(['middle', 'senior']);
    expect(bySlug('a-request-crosses-from-http-into-kafka-and-the-trace-breaks').levels).toEqual(['senior', 'staff']);
    expect(bySlug('design-tracing-for-a-200-service-mesh-where-do-you-start-and').levels).toEqual(['staff']);
    for (const section of ['Live Coding / Whiteboard', 'Behavioral / Experience', "What I'd Ask a Candidate Now"]) {
      for (const question of inSection(section)) expect(question.levels).toEqual([]);
    }
    for (const question of questions) expect(question.prompt).not.toMatch(/\((junior|middle|senior|staff)|¶/);
  });

  it('stores the "Wrong instinct" misconception of each of the 9 tricky questions, and only there', () => {
    const tricky = inSection('Tricky / Trap Questions');
    expect(tricky).toHaveLength(9);
    for (const question of tricky) {
      expect(question.misconceptions).toHaveLength(1);
      expect(question.misconceptionDetails[0].statement).toBe(question.misconceptions[0]);
      expect(question.modelAnswer).not.toMatch(/wrong instinct/i);
    }
    const chatty = bySlug('you-turned-on-auto-instrumentation-and-now-have-thousands-of');
    expect(chatty.misconceptionDetails).toEqual([
      { statement: 'the tracing is misconfigured, turn it off.', rebuttal: "Often it's working too well." },
    ]);
    expect(bySlug('your-client-span-says-500ms-but-the-downstream-server-span').misconceptionDetails).toEqual([
      { statement: 'the downstream is slow', rebuttal: "it isn't; it reported 50ms." },
    ]);
    expect(bySlug('a-traces-total-duration-is-200ms-but-the-root-span-shows').misconceptions).toEqual([
      'the clocks are broken',
    ]);
    const others = questions.filter((q) => q.section !== 'Tricky / Trap Questions');
    expect(others.flatMap((q) => q.misconceptions)).toEqual([]);
  });

  it('keeps interviewer notes for all 7 "What I\'d Ask" questions, and grades them on those notes', () => {
    const asks = inSection("What I'd Ask a Candidate Now");
    expect(asks).toHaveLength(7);
    for (const question of asks) {
      expect(question.listeningFor).toHaveLength(1);
      expect(question.modelAnswer).toContain(question.listeningFor[0]);
    }
    const link = bySlug('when-would-you-use-a-span-link-instead-of-a-parent-child');
    expect(link.listeningFor[0]).toMatch(/^temporal decoupling and fan-in\. Parent-child implies/);
    expect(link.modelAnswer).toMatch(/^Listening for: temporal decoupling/);
    const headTail = bySlug('head-or-tail-sampling-which-would-you-pick-and-what-does');
    expect(headTail.listeningFor[0]).toMatch(/^the trade-off awareness, not a dogmatic answer\./);
    const filter = bySlug('whats-the-relationship-between-cardinality-rules-for-metrics');
    expect(filter.listeningFor[0]).toMatch(/^A great filter question\. Weak candidates/);
    expect(questions.filter((q) => !asks.includes(q)).flatMap((q) => q.listeningFor)).toEqual([]);
  });

  it('keeps behavioral example stories as model answers', () => {
    const behavioral = inSection('Behavioral / Experience');
    expect(behavioral).toHaveLength(5);
    for (const question of behavioral) expect(question.modelAnswer.length).toBeGreaterThan(200);
    expect(bySlug('describe-a-propagation-bug-you-debugged').modelAnswer).toMatch(
      /^Pick a story where the trace broke at a specific boundary\. Example:\n\n"Two of our services/,
    );
  });

  it('fences flattened code as ``` blocks and never merges it into prose', () => {
    const goBug = bySlug('heres-a-go-function-with-a-propagation-bug-find-it');
    const [buggy, fixed] = fencedBlocks(goBug.modelAnswer);
    expect(buggy.split('\n')).toHaveLength(10);
    expect(buggy).toContain('_, child := s.tracer.Start(context.Background(), "async.audit")');
    expect(fixed.split('\n')[0]).toBe('go func(ctx context.Context) {');
    expect(fencedBlocks(goBug.modelAnswer)).toHaveLength(2);
    expect(proseOnly(goBug.modelAnswer)).toMatch(/Fix — capture the parent context and pass it into the goroutine:/);

    const python = bySlug('add-a-manual-business-span-to-this-auto-instrumented-python');
    const [before, after] = fencedBlocks(python.modelAnswer);
    expect(before.split('\n')).toHaveLength(5);
    expect(after.split('\n')).toHaveLength(18);
    expect(after).toContain('# traceparent itself — DON\'T wrap it in another manual span.');
    expect(python.modelAnswer).toMatch(/^Before — only the auto SERVER span/);

    const diagram = fencedBlocks(bySlug('walk-me-through-the-traceparent-header-field-by-field').modelAnswer);
    expect(diagram).toEqual([
      'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n' +
        '││ └─ trace-id (16 bytes / 32 hex) └ parent-id └ flags\n' +
        '└ version',
    ]);
    const waterfall = fencedBlocks(bySlug('read-this-trace-waterfall-and-tell-me-whats-wrong').modelAnswer);
    expect(waterfall).toHaveLength(1);
    expect(waterfall[0].split('\n')).toHaveLength(4);
  });

  it('puts every code line of the seed inside a fence and no prose line inside one', () => {
    const fenced = questions.flatMap((q) => fencedBlocks(q.modelAnswer).flatMap((block) => block.split('\n')));
    for (const codeLine of [
      'def run():',
      'sc := trace.SpanContextFromContext(ctx)',
      'defer span.End() // scope-bound end: survives early return / panic',
      ') as span:',
      '[ pricing SERVER (40ms) ]',
      'return error() # ← span never ended: leak on the early-return path',
    ]) {
      expect(fenced).toContain(codeLine);
    }
    for (const line of fenced) expect(line).not.toMatch(/^(The|Two|Talking points|Java|Fix|Before|After) /);
    for (const question of questions) {
      expect(proseOnly(question.modelAnswer)).not.toMatch(/:=|^def |^func |\[====/m);
    }
  });

  it('repairs inline code glued to neighbouring words, marking it with backticks', () => {
    const ids = bySlug('what-are-the-trace-id-and-span-id-and-how-big-are-they');
    expect(ids.probes[0].answer).toContain('read `traceparent` from the incoming headers');
    const attr = bySlug('whats-the-difference-between-an-attribute-and-an-event-on-a');
    expect(attr.probes[0].answer).toContain('Putting `http.status_code` as an event');
    expect(attr.probes[0].answer).toContain('(show me all spans where `db.rows` > 1M)');
    const propagation = bySlug('what-is-context-propagation-in-one-sentence');
    expect(propagation.probes[0].answer).toContain('the client never started a `CLIENT` span');
    const traceparent = bySlug('walk-me-through-the-traceparent-header-field-by-field');
    expect(traceparent.modelAnswer).toContain("(specifically its `CLIENT` span). The downstream's `SERVER` span");
    const batch = bySlug('whats-the-difference-between-a-batchspanprocessor-and-a');
    expect(batch.probes[0].answer).toContain('a `Shutdown()`/`ForceFlush()` in your graceful-shutdown path');
    const components = bySlug('what-are-the-main-components-of-the-opentelemetry');
    expect(components.modelAnswer).toContain('(`tracer.Start`, `span.SetAttribute`)');
    const semconv = bySlug('what-are-semantic-conventions-and-why-do-they-matter');
    expect(semconv.probes[0].question).toBe(
      'What if your code uses the old `http.method` and a newer library uses `http.request.method`?',
    );
    const useless = bySlug('a-services-traces-are-present-but-useless-every-span-is');
    expect(useless.modelAnswer).toContain('(operation-based, low cardinality — `GET /users/:id`, not `GET /users/42`)');
    expect(useless.probes[0].answer).toContain('set a `service.name` based on the source');
  });

  it('leaves no glued code anywhere in the prose', () => {
    for (const question of questions) {
      const prose = proseOnly(allText(question));
      expect(prose).not.toMatch(/[a-z][A-Z]{3,}[a-z]/); // aCLIENTspan
      expect(prose).not.toMatch(/\)[a-z]{2,}/); // End()runs
      expect(prose).not.toMatch(/\b(?:traceparent|tracestate|ctx)[a-z]{2,}/); // traceparentfrom, ctxdown
      expect(prose).not.toMatch(/[a-z]\.[a-z_]+(?:as|is|and|with|based|appears)\b/); // service.nameis
      expect(prose).not.toMatch(/[A-Za-z0-9]— /); // 0af7…319c— 32 hex
    }
  });

  it('turns run-together and dangling list items into Markdown list items', () => {
    const traceparent = bySlug('walk-me-through-the-traceparent-header-field-by-field');
    const items = traceparent.modelAnswer.split('\n').filter((line) => line.startsWith('- '));
    expect(items.map((item) => item.split(' — ')[0])).toEqual([
      '- version',
      '- trace-id',
      '- parent-id',
      '- trace-flags',
    ]);
    expect(items[0]).toBe('- version — `00` today; reserved for future format changes.');

    const kafka = bySlug('a-request-crosses-from-http-into-kafka-and-the-trace-breaks');
    expect(kafka.modelAnswer.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      expect.stringMatching(/^- Carrier change\. Over HTTP, auto-instrumentation injects\/extracts `traceparent` in HTTP/),
      expect.stringMatching(/^- Parent-child is the wrong relationship across a queue\./),
    ]);
    const mesh = bySlug('design-tracing-for-a-200-service-mesh-where-do-you-start-and');
    expect(mesh.modelAnswer.split('\n').filter((line) => /^\d\. /.test(line)).map((line) => line.slice(0, 3))).toEqual([
      '1. ',
      '2. ',
      '3. ',
      '4. ',
    ]);
    const decode = bySlug('decode-this-traceparent-header-by-hand');
    expect(decode.modelAnswer.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
  });

  it('lets no front or back matter leak into questions', () => {
    const everything = doc.questions.map(allText).join('\n');
    for (const leak of [
      'Table of Contents',
      'Further Reading',
      'Related Topics',
      'In this topic',
      'Tracing interviews split into two flavours',
      'Mastering Distributed Tracing',
      'https://',
      'Tracing — Junior',
    ]) {
      expect(everything).not.toContain(leak);
    }
  });

  it('keeps section intros that precede the first question', () => {
    expect(doc.sectionIntros).toEqual({
      "What I'd Ask a Candidate Now": 'Questions that separate "knows the OTel API" from "understands tracing."',
      'Cheat Sheet': 'Top-10 must-know questions for any tracing interview:\nMUST-KNOW TRACING QUESTIONS',
    });
  });

  it('places every line of the seed, so it produces no warnings', () => {
    expect(doc.warnings).toEqual([]);
  });

  it('tags every question with its section tag and sorted, unique topic tags', () => {
    for (const question of doc.questions) {
      expect(question.tags).toEqual([...new Set(question.tags)].sort());
      expect(question.tags.every((tag) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tag))).toBe(true);
    }
    expect(bySlug('why-sample-traces-at-all').tags).toEqual(expect.arrayContaining(['sampling', 'cost']));
    expect(bySlug('a-request-crosses-from-http-into-kafka-and-the-trace-breaks').tags).toEqual(
      expect.arrayContaining(['propagation', 'kafka', 'span-links', 'span-kind']),
    );
    expect(bySlug('what-is-baggage-and-how-does-it-differ-from-a-span-attribute').tags).toEqual(
      expect.arrayContaining(['baggage', 'pii']),
    );
    expect(bySlug('an-attribute-is-a-per-request-uuid-is-that-a-problem').tags).toEqual(
      expect.arrayContaining(['tricky', 'cardinality', 'metrics']),
    );
    expect(bySlug('cheat-sheet-10').tags).toEqual(['cheat-sheet', 'exemplars', 'metrics', 'trace-ids']);
    expect(bySlug('what-is-a-span-what-is-a-trace').tags).not.toContain('kafka');
  });

  it('is deterministic and indifferent to CRLF line endings and a byte-order mark', () => {
    expect(parseInterviewDocument(SEED)).toEqual(doc);
    expect(parseInterviewDocument(SEED.replace(/\n/g, '\r\n'))).toEqual(doc);
    expect(parseInterviewDocument(`\uFEFF${SEED}`)).toEqual(doc);
  });
});
