import fc from 'fast-check';
import { LEVELS } from './document.types';
import { parseInterviewDocument, UNSECTIONED } from './parse-interview-document';

/** A small document in the seed's format; each array index + 1 is the line number. */
const WELL_FORMED = [
  'Widgets — Interview Questions¶', // 1
  'Topic: Widgets Focus: Everything about widgets.', // 2
  'Table of Contents¶', // 3
  '- Basics', // 4
  'Introduction¶', // 5
  'Widgets are small. Q: this sentence is not a question.', // 6
  'Basics¶', // 7
  'A short intro to the basics.', // 8
  'Q: What is a widget? (junior)¶', // 9
  'A widget is a small gadget that calls widget.send on every tick and keeps widget.state warm.', // 10
  'It stores that state in', // 11
  'widget.statefor later. The CLIENT side sends, the SERVER side answers.', // 12
  'What if the widget breaks? Replace it.', // 13
  'What if it never calls', // 14
  'widget.sendbefore closing? Then the', // 15
  'SERVERside times out.', // 16
  'Q: How do widgets talk? (middle → staff)¶', // 17
  'Two ways:', // 18
  '- first — one. - second — two.', // 19
  'func send(w Widget) error {', // 20
  'return w.push()', // 21
  '}', // 22
  'Wrong instinct: "widgets never fail." They do, often.', // 23
  'Tricky Bits¶', // 24
  'Q: Why do widgets leak?¶', // 25
  'Listening for: the candidate mentions handles.', // 26
  'Q: When do you close a widget?¶', // 27
  'A good candidate says: always, in a finally block.', // 28
  'Cheat Sheet¶', // 29
  '┌────────────┐', // 30
  '│ 1. Widget vs gadget? │', // 31
  '│ → Same thing. │', // 32
  '│ → Really. │', // 33
  '│ │', // 34
  '│ 2. Best widget? │', // 35
  '│ → The closed one. │', // 36
  '└────────────┘', // 37
  'Further Reading¶', // 38
  '- The Widget Book — https://example.com/widgets', // 39
].join('\n');

/** The same format with one defect per marked line. */
const MALFORMED = [
  'Broken — Interview Questions¶', // 1
  'stray text before any section', // 2
  'Basics¶', // 3
  'Q: What is missing? (principal)¶', // 4  unknown level word
  'Some answer.', // 5
  'Q: Nothing below?¶', // 6  no body
  'Empty Section¶', // 7  no questions
  'Sampling', // 8  heading without ¶
  'Q: Heading above lacks its marker? (senior)¶', // 9
  'Answer here.', // 10
  'What if there is no question mark. Then it is odd.', // 11
  'Q: (junior)¶', // 12 no question text
  'Quiz¶', // 13
  '│ 1. No answer here? │', // 14 quiz item without →
  '│ 2. Has one? │', // 15
  '│ → Yes. │', // 16
  '└────┘', // 17
  'trailing stray line', // 18
].join('\n');

describe('parseInterviewDocument on a small well-formed document', () => {
  const doc = parseInterviewDocument(WELL_FORMED);
  const question = (slug: string) => doc.questions.find((q) => q.slug === slug);

  it('reads title, topic, sections and section intros', () => {
    expect(doc.title).toBe('Widgets — Interview Questions');
    expect(doc.topic).toBe('Widgets');
    expect(doc.focus).toBe('Everything about widgets.');
    expect(doc.sections).toEqual(['Basics', 'Tricky Bits', 'Cheat Sheet']);
    expect(doc.sectionIntros).toEqual({ Basics: 'A short intro to the basics.' });
    expect(doc.warnings).toEqual([]);
  });

  it('produces questions in document order with slugs, levels and heading lines', () => {
    expect(doc.questions.map((q) => [q.slug, q.kind, q.section, q.levels, q.line])).toEqual([
      ['what-is-a-widget', 'question', 'Basics', ['junior'], 9],
      ['how-do-widgets-talk', 'question', 'Basics', ['middle', 'senior', 'staff'], 17],
      ['why-do-widgets-leak', 'question', 'Tricky Bits', [], 25],
      ['when-do-you-close-a-widget', 'question', 'Tricky Bits', [], 27],
      ['cheat-sheet-1', 'quiz', 'Cheat Sheet', [], 31],
      ['cheat-sheet-2', 'quiz', 'Cheat Sheet', [], 35],
    ]);
  });

  it('splits model answer and probes, repairing glued inline code', () => {
    const widget = question('what-is-a-widget');
    expect(widget?.modelAnswer).toBe(
      'A widget is a small gadget that calls `widget.send` on every tick and keeps `widget.state` warm.\n\n' +
        'It stores that state in `widget.state` for later. The CLIENT side sends, the SERVER side answers.',
    );
    expect(widget?.probes).toEqual([
      { question: 'What if the widget breaks?', answer: 'Replace it.' },
      { question: 'What if it never calls `widget.send` before closing?', answer: 'Then the `SERVER` side times out.' },
    ]);
  });

  it('renders lists and code, and takes the wrong instinct out of the answer', () => {
    const talk = question('how-do-widgets-talk');
    expect(talk?.modelAnswer).toBe(
      'Two ways:\n\n- first — one.\n- second — two.\n\n```\nfunc send(w Widget) error {\nreturn w.push()\n}\n```',
    );
    expect(talk?.misconceptionDetails).toEqual([{ statement: 'widgets never fail.', rebuttal: 'They do, often.' }]);
    expect(talk?.misconceptions).toEqual(['widgets never fail.']);
  });

  it('treats a section with "Listening for" notes as interviewer notes throughout', () => {
    expect(question('why-do-widgets-leak')?.listeningFor).toEqual(['the candidate mentions handles.']);
    expect(question('why-do-widgets-leak')?.modelAnswer).toBe('Listening for: the candidate mentions handles.');
    expect(question('when-do-you-close-a-widget')?.listeningFor).toEqual([
      'A good candidate says: always, in a finally block.',
    ]);
    expect(question('what-is-a-widget')?.listeningFor).toEqual([]);
  });

  it('reads boxed quiz items with multi-line answers', () => {
    expect(question('cheat-sheet-1')).toMatchObject({ prompt: 'Widget vs gadget?', modelAnswer: 'Same thing. Really.' });
    expect(question('cheat-sheet-2')).toMatchObject({ prompt: 'Best widget?', modelAnswer: 'The closed one.' });
  });

  it('skips table of contents, introduction and further reading', () => {
    const text = JSON.stringify(doc.questions);
    expect(text).not.toContain('this sentence is not a question');
    expect(text).not.toContain('Widget Book');
    expect(doc.questions.some((q) => q.section === 'Introduction' || q.section === 'Further Reading')).toBe(false);
  });

  it('tags questions with their section tag', () => {
    expect(question('what-is-a-widget')?.tags).toEqual(['basics', 'span-kind']);
    expect(question('cheat-sheet-1')?.tags).toEqual(['cheat-sheet']);
  });
});

describe('parseInterviewDocument on a malformed document', () => {
  const doc = parseInterviewDocument(MALFORMED);

  it('reports each defect as a warning on its line', () => {
    expect(doc.warnings).toEqual([
      { line: 2, message: 'text outside any section was ignored' },
      { line: 4, message: 'unknown level "principal"' },
      { line: 6, message: 'question "Nothing below?" has no answer text' },
      { line: 7, message: 'section "Empty Section" has no questions; its text was ignored' },
      { line: 8, message: 'heading "Sampling" has no ¶ marker' },
      { line: 11, message: 'follow-up probe has no "?"; its first sentence was taken as the question' },
      { line: 12, message: 'Q: line without question text was ignored' },
      { line: 14, message: 'quiz item 1 has no "→" answer; skipped' },
      { line: 18, message: 'line outside any quiz item was ignored' },
    ]);
  });

  it('still imports what it can place', () => {
    expect(doc.sections).toEqual(['Basics', 'Sampling', 'Quiz']);
    expect(doc.questions.map((q) => [q.slug, q.levels])).toEqual([
      ['what-is-missing', []],
      ['nothing-below', []],
      ['heading-above-lacks-its-marker', ['senior']],
      ['quiz-2', []],
    ]);
    const heading = doc.questions.find((q) => q.slug === 'heading-above-lacks-its-marker');
    expect(heading?.probes).toEqual([{ question: 'What if there is no question mark.', answer: 'Then it is odd.' }]);
  });
});

describe('parseInterviewDocument edge cases', () => {
  it('gives duplicate prompts distinct slugs', () => {
    const doc = parseInterviewDocument('T¶\nS¶\nQ: Same?¶\nA.\nQ: Same?¶\nB.');
    expect(doc.questions.map((q) => q.slug)).toEqual(['same', 'same-2']);
  });

  it('files a question before any section under a placeholder section, with a warning', () => {
    const doc = parseInterviewDocument('Title¶\nQ: Orphan? (staff)¶\nYes.');
    expect(doc.questions.map((q) => [q.section, q.levels])).toEqual([[UNSECTIONED, ['staff']]]);
    expect(doc.warnings).toEqual([
      { line: 2, message: `question before any section heading; filed under "${UNSECTIONED}"` },
    ]);
  });

  it('warns about a question under front matter but keeps it', () => {
    const doc = parseInterviewDocument('Title¶\nIntroduction¶\nQ: Hidden?¶\nAnswer.');
    expect(doc.questions.map((q) => q.section)).toEqual(['Introduction']);
    expect(doc.warnings).toEqual([{ line: 3, message: 'question under "Introduction", which is not a question section' }]);
  });

  it('accepts a document without any ¶ markers', () => {
    const doc = parseInterviewDocument(
      ['Gadgets — Interview Questions', 'Basics', 'Q: What is a gadget? (middle)', 'A gadget.', 'Further Reading', '- a book'].join('\n'),
    );
    expect(doc.title).toBe('Gadgets — Interview Questions');
    expect(doc.sections).toEqual(['Basics']);
    expect(doc.questions.map((q) => [q.prompt, q.levels, q.modelAnswer])).toEqual([
      ['What is a gadget?', ['middle'], 'A gadget.'],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('keeps blank lines as paragraph breaks', () => {
    const doc = parseInterviewDocument('T¶\nS¶\nQ: Why?¶\nFirst part\n\nsecond part.');
    expect(doc.questions[0].modelAnswer).toBe('First part\n\nsecond part.');
  });

  it('handles an empty document', () => {
    expect(parseInterviewDocument('')).toEqual({
      title: '',
      sections: [],
      sectionIntros: {},
      questions: [],
      warnings: [{ line: 1, message: 'no questions found in the document' }],
    });
  });

  it('handles random text without throwing', () => {
    const doc = parseInterviewDocument('lorem ipsum dolor.\nsit amet');
    expect(doc.title).toBe('');
    expect(doc.questions).toEqual([]);
    expect(doc.warnings).toEqual([
      { line: 1, message: 'text outside any section was ignored' },
      { line: 1, message: 'no questions found in the document' },
      { line: 2, message: 'text outside any section was ignored' },
    ]);
  });

  it('handles CRLF, lone CR and a byte-order mark like plain LF', () => {
    const lf = parseInterviewDocument(WELL_FORMED);
    expect(parseInterviewDocument(WELL_FORMED.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(parseInterviewDocument(WELL_FORMED.replace(/\n/g, '\r'))).toEqual(lf);
    expect(parseInterviewDocument(`\uFEFF${WELL_FORMED}`)).toEqual(lf);
  });

  it('treats a non-string argument as an empty document', () => {
    expect(parseInterviewDocument(undefined as unknown as string).questions).toEqual([]);
  });
});

describe('parseInterviewDocument on arbitrary input', () => {
  const docLine = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      'Section¶',
      'Q: A question? (junior)¶',
      'Q: Another? (middle → senior)¶',
      'Q: Odd? (wizard)¶',
      'Q: ¶',
      '¶',
      'What if it fails? Then retry.',
      'What if',
      'Wrong instinct: "nope." Yes.',
      'Listening for: depth.',
      '- item — one. - item two',
      '-',
      '1. First',
      'func f() {',
      '}',
      '│ 1. Quiz? │',
      '│ → Answer. │',
      '└──┘',
      '→ dangling',
      'read',
      'traceparentfrom the headers',
      'aCLIENTspan and service.nameis',
      'Further Reading¶',
    ),
  );

  it('never throws, stays deterministic and keeps its output well-formed', () => {
    fc.assert(
      fc.property(fc.array(docLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        const doc = parseInterviewDocument(text);
        expect(parseInterviewDocument(text)).toEqual(doc);
        const lineCount = Math.max(1, text.split(/\r\n|\n/).length);
        for (const warning of doc.warnings) {
          expect(warning.line).toBeGreaterThanOrEqual(1);
          expect(warning.line).toBeLessThanOrEqual(lineCount);
          expect(warning.message).not.toBe('');
        }
        expect(new Set(doc.questions.map((q) => q.slug)).size).toBe(doc.questions.length);
        for (const question of doc.questions) {
          expect(question.prompt).not.toBe('');
          expect(doc.sections).toContain(question.section);
          expect(question.levels.every((level) => LEVELS.includes(level))).toBe(true);
          expect(question.tags).toEqual([...new Set(question.tags)].sort());
          expect(`${question.modelAnswer}${JSON.stringify(question.probes)}`).not.toContain('\uE000');
        }
      }),
      { numRuns: 300 },
    );
  });
});
