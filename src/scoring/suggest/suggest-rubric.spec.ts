import { scoreAnswer, validateRubric, type PatternSpec, type Rubric } from '../engine';
import { buildCorpusStats } from './corpus-stats';
import { suggestRubric, SuggestRubricError } from './suggest-rubric';
import { contentKeys } from './text';

const SPAN = {
  prompt: 'What is a span? What is a trace?',
  modelAnswer:
    'A span is a single timed operation: a name, a start and end timestamp, a set of attributes and a status. ' +
    'A trace is a tree of spans that share one trace ID, describing one request as it flows through many services. ' +
    'Each span except the root has a parent span ID, and that parent/child chain assembles the tree.',
};

const QUEUE = {
  prompt: 'How can you implement a queue with an array?',
  modelAnswer:
    'Use a circular array. Keep the rear of the queue toward the end of the array, and the front toward the beginning, and allow the rear pointer to wrap around.',
};

const BANK = [
  SPAN.modelAnswer,
  QUEUE.modelAnswer,
  'A stack stores elements so that the last item added is the first removed.',
  'Head sampling decides at the start of the trace; tail sampling decides after the trace completes.',
  'Baggage is a set of key-value pairs propagated to every downstream service alongside the trace context.',
];

function patternText(pattern: PatternSpec): string {
  return typeof pattern === 'string' ? pattern : pattern.match;
}

/** Plain words a rubric's patterns use (wildcards and alternatives unpacked). */
function patternWords(rubric: Rubric): string[] {
  return rubric.concepts
    .flatMap((c) => c.patterns.map(patternText))
    .flatMap((p) => p.split(/[\s[\]|"]+/))
    .filter((w) => w && !w.endsWith('*'));
}

describe('suggestRubric', () => {
  const corpus = buildCorpusStats(BANK);

  it('produces a rubric the engine accepts', () => {
    for (const input of [SPAN, QUEUE]) {
      const rubric = suggestRubric({ ...input, corpus });
      const validation = validateRubric(rubric);
      expect(validation).toEqual({ ok: true, rubric: expect.any(Object) });
      expect(rubric.concepts.length).toBeGreaterThanOrEqual(3);
      expect(rubric.concepts.every((c) => c.weight > 0 && c.patterns.length > 0 && (c.feedback ?? '').startsWith('Mention'))).toBe(true);
    }
  });

  it('takes concepts from the model answer and never from words that only repeat the prompt', () => {
    const rubric = suggestRubric({ ...QUEUE, corpus });
    const answerKeys = contentKeys(QUEUE.modelAnswer);
    const promptKeys = contentKeys(QUEUE.prompt);
    const words = patternWords(rubric);
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) {
      const [key] = contentKeys(word);
      expect(answerKeys.has(key)).toBe(true);
    }
    for (const concept of rubric.concepts.filter((c) => !c.label.includes(' '))) {
      const [key] = contentKeys(concept.label);
      expect(promptKeys.has(key)).toBe(false);
    }
    expect(rubric.concepts.map((c) => c.label)).toEqual(expect.arrayContaining(['rear', 'circular', 'wrap']));
    expect(rubric.concepts.map((c) => c.label)).not.toContain('array');
    expect(rubric.concepts.map((c) => c.label)).not.toContain('queue');
  });

  it('scores the model answer and a paraphrase high, and an unrelated answer zero', () => {
    const rubric = suggestRubric({ ...QUEUE, corpus });
    const grade = (answer: string) => scoreAnswer(rubric, { prompt: QUEUE.prompt, answer }).fraction;
    expect(grade(QUEUE.modelAnswer)).toBe(1);
    const paraphrase =
      'Treat the array as circular: the rear sits near the end and the front near the beginning, and the rear pointer wraps around when it reaches the end.';
    expect(grade(paraphrase)).toBeGreaterThanOrEqual(0.6);
    expect(grade('A binary search tree keeps smaller keys in the left subtree.')).toBe(0);
    expect(grade('')).toBe(0);
  });

  it('gives partial credit in proportion to what a partial answer covers', () => {
    const rubric = suggestRubric({ ...QUEUE, corpus });
    const grade = (answer: string) => scoreAnswer(rubric, { prompt: QUEUE.prompt, answer }).fraction;
    const partial = grade('You use a circular array.');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(grade('A circular array where the rear pointer wraps around to the front.'));
  });

  it('is deterministic, whatever the order of the bank', () => {
    const first = suggestRubric({ ...SPAN, corpus });
    const again = suggestRubric({ ...SPAN, corpus: buildCorpusStats([...BANK].reverse()) });
    expect(again).toEqual(first);
    expect(JSON.stringify(suggestRubric({ ...SPAN, corpus }))).toBe(JSON.stringify(first));
  });

  it('weights a word rare in the bank above a word every answer uses', () => {
    const bank = ['The cache stores values.', 'The cache evicts the least recently used entry.', 'A cache hit avoids a database read.'];
    const rubric = suggestRubric({
      prompt: 'What does an LRU policy do?',
      modelAnswer: 'The cache evicts the least recently used entry.',
      corpus: buildCorpusStats(bank),
    });
    const weight = (label: string) => rubric.concepts.find((c) => c.label === label)?.weight;
    expect(weight('evicts')).toBeDefined();
    expect(weight('cache')).toBeDefined();
    expect(weight('evicts')).toBeGreaterThan(weight('cache') ?? Infinity);
  });

  it('groups words sharing a stem into one concept, labelled by the most frequent form', () => {
    const rubric = suggestRubric({
      prompt: 'Why do traces go missing?',
      modelAnswer: 'Sampling drops them: the root was sampled out, and the collector samples again, so sampled children vanish.',
    });
    const sampling = rubric.concepts.filter((c) => /sampl/.test(c.label) && !c.label.includes(' '));
    expect(sampling).toHaveLength(1);
    expect(sampling[0].label).toBe('sampled');
    expect(patternText(sampling[0].patterns[0])).toBe('[sampling|sampled|samples]');
  });

  it('prefers code-like identifiers over ordinary words of the same frequency', () => {
    const rubric = suggestRubric({
      prompt: 'How do you finish timing an operation?',
      modelAnswer: 'Call span.End() in a deferred block.',
    });
    expect(rubric.concepts[0].label).toBe('span.end()');
    expect(rubric.concepts[0].weight).toBeGreaterThan(rubric.concepts[1].weight);
  });

  it('prefers known domain vocabulary when told what it is', () => {
    const input = { prompt: 'What drops spans?', modelAnswer: 'A ratio sampler configured upstream.' };
    const plain = suggestRubric(input);
    const domain = suggestRubric({ ...input, options: { isDomainTerm: (w) => w === 'sampler' } });
    const lead = (r: Rubric) => (r.concepts.find((c) => c.label === 'sampler')?.weight ?? 0) - (r.concepts.find((c) => c.label === 'ratio')?.weight ?? 0);
    expect(lead(plain)).toBe(0);
    expect(lead(domain)).toBeGreaterThan(0);
  });

  it('keeps a key phrase that recurs in the bank as its own concept', () => {
    const bank = ['A doubly linked list keeps back pointers.', 'A linked list grows node by node.', 'The linked list head points to the first node.'];
    const rubric = suggestRubric({
      prompt: 'What is the cost of a doubly linked list?',
      modelAnswer: 'Extra space for the back pointers of every node.',
      corpus: buildCorpusStats([...bank, 'Extra space for the back pointers of every node.']),
    });
    const phrase = rubric.concepts.find((c) => c.label === 'back pointers');
    expect(phrase?.patterns[0]).toEqual(expect.objectContaining({ within: 3 }));
  });

  it('marks a concept required only when it dominates the rubric', () => {
    // "removes" and "data" are in every answer of the bank; "dequeue" only in this one.
    const bank = ['Push', 'Pop', 'Peek', 'Clear', 'Poll', 'Drain', 'Shift', 'Splice', 'Trim', 'Drop'].map((verb) => `${verb} removes data.`);
    const dominated = suggestRubric({
      prompt: 'What does the front operation of a queue do?',
      modelAnswer: 'Dequeue removes data.',
      corpus: buildCorpusStats([...bank, 'Dequeue removes data.']),
    });
    expect(dominated.concepts.map((c) => [c.label, c.weight, c.required ?? false])).toEqual([
      ['dequeue', 3, true],
      ['removes', 1, false],
      ['data', 1, false],
      ['removes data', 0.5, false],
    ]);
    const balanced = suggestRubric({ ...QUEUE, corpus });
    expect(balanced.concepts.some((c) => c.required)).toBe(false);
  });

  it('keeps the polarity of a negated statement', () => {
    const rubric = suggestRubric({ prompt: 'What is a leaf?', modelAnswer: 'A node that has no children.' });
    const children = rubric.concepts.find((c) => c.label === 'children');
    expect(children?.patterns[0]).toEqual(expect.objectContaining({ polarity: 'negative' }));
    expect(scoreAnswer(rubric, { prompt: 'What is a leaf?', answer: 'A node without children.' }).fraction).toBe(1);
    expect(scoreAnswer(rubric, { prompt: 'What is a leaf?', answer: 'A node with two children.' }).fraction).toBeLessThan(1);
  });

  it('adds general synonyms for everyday words', () => {
    const rubric = suggestRubric({ prompt: 'How does selection sort work?', modelAnswer: 'It swaps the minimum into place.' });
    expect(rubric.synonyms?.minimum).toEqual(expect.arrayContaining(['smallest']));
    expect(scoreAnswer(rubric, { prompt: 'How does selection sort work?', answer: 'It finds the smallest one and swaps it.' }).fraction).toBeGreaterThan(0);
  });

  it('falls back to prompt words when the model answer has nothing else', () => {
    const rubric = suggestRubric({ prompt: 'What does the stack push?', modelAnswer: 'Push.' });
    expect(rubric.concepts.map((c) => c.label)).toEqual(['push']);
  });

  it('uses the given question slug, or the prompt slug', () => {
    expect(suggestRubric({ ...QUEUE }).question).toBe('how-can-you-implement-a-queue-with-an-array');
    expect(suggestRubric({ ...QUEUE, options: { question: 'queue-with-array' } }).question).toBe('queue-with-array');
  });

  it('rejects a model answer with no content words, and non-string input, with a clear error', () => {
    expect(() => suggestRubric({ prompt: 'Why?', modelAnswer: 'It is what it is.' })).toThrow(SuggestRubricError);
    expect(() => suggestRubric({ prompt: 'Why?', modelAnswer: '' })).toThrow(/no content words/);
    expect(() => suggestRubric({ prompt: 'Why?', modelAnswer: 42 as unknown as string })).toThrow(/must be strings/);
  });

  it('rejects a malformed corpus or out-of-range parameters with a clear error', () => {
    const bad = { documentCount: -1, documentFrequency: {} };
    expect(() => suggestRubric({ ...QUEUE, corpus: bad })).toThrow(/corpus must be/);
    expect(() => suggestRubric({ ...QUEUE, corpus: {} as never })).toThrow(SuggestRubricError);
    expect(() => suggestRubric({ ...QUEUE, options: { parameters: { weightStep: 0 } } })).toThrow(/weightStep must be a number > 0/);
    expect(() => suggestRubric({ ...QUEUE, options: { parameters: { maxWordConcepts: 0.5 } } })).toThrow(/maxWordConcepts/);
  });

  it('honours parameter overrides', () => {
    const rubric = suggestRubric({ ...QUEUE, corpus, options: { parameters: { maxWordConcepts: 2, maxPhraseConcepts: 0, maxWeight: 4 } } });
    expect(rubric.concepts).toHaveLength(2);
    expect(rubric.concepts[0].weight).toBe(4);
  });
});
