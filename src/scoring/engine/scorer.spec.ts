import { compileRubric } from './compile';
import { MAX_ANSWER_CHARS, scoreAnswer } from './scorer';
import { concept, misconception, rubric, samplingRubric } from './testing/rubric-fixtures';
import { ENGINE_VERSION } from './types';
import { RubricValidationError } from './validate-rubric';

const STRONG = 'Head sampling decides at the root when the trace starts. Tail sampling decides after the trace completes, so it has to buffer spans in memory and can keep errors.';

describe('scoreAnswer: arithmetic', () => {
  it('adds matched weights, reports max score, fraction and band', () => {
    const r = scoreAnswer(samplingRubric(), { answer: STRONG });
    expect(r.engineVersion).toBe(ENGINE_VERSION);
    expect(r.concepts.map((c) => [c.id, c.matched, c.earned])).toEqual([
      ['head-decides-at-start', true, 2],
      ['tail-decides-after', true, 2],
      ['tail-buffers', true, 1],
      ['keeps-errors', true, 1],
    ]);
    expect(r).toMatchObject({ score: 6, maxScore: 6, fraction: 1, band: 'strong', misconceptions: [], missed: [], flags: [] });
  });

  it('lists missed concepts with their feedback (label when there is none)', () => {
    const r = scoreAnswer(samplingRubric(), { answer: 'Head sampling decides at the root. Tail sampling decides after the trace completes.' });
    expect(r.missed).toEqual([
      { id: 'tail-buffers', label: 'tail buffers', feedback: 'Say that tail sampling has to buffer spans.' },
      { id: 'keeps-errors', label: 'keeps errors', feedback: 'keeps errors' },
    ]);
    expect(r.score).toBe(4);
    expect(r.fraction).toBe(0.6667);
    expect(r.band).toBe('partial');
  });

  it('subtracts penalties and never goes below zero', () => {
    const r = scoreAnswer(samplingRubric(), { answer: 'Tail sampling decides at the start.' });
    expect(r.misconceptions).toEqual([
      {
        id: 'tail-decides-early',
        label: 'tail decides early',
        penalty: 1,
        feedback: 'Tail decides after the trace completes.',
        evidence: [
          { start: 0, end: 4, text: 'Tail' },
          { start: 5, end: 13, text: 'sampling' },
          { start: 29, end: 34, text: 'start' },
        ],
        matchedPattern: 'tail [decid*|sampl*] [start|begin*|before]',
      },
    ]);
    expect(r.score).toBe(0);
    expect(r.fraction).toBe(0);
    expect(r.band).toBe('weak');
  });

  it('caps the fraction when a required concept is missing', () => {
    const r = scoreAnswer(samplingRubric(), { answer: 'Tail sampling decides after the trace completes, buffers spans in memory and keeps errors.' });
    expect(r.concepts.filter((c) => c.matched).map((c) => c.weight)).toEqual([2, 1, 1]);
    expect(r.fraction).toBe(0.5);
    expect(r.score).toBe(3);
    expect(r.flags.map((f) => f.code)).toEqual(['required_missing']);
    expect(r.flags[0].message).toContain('"head decides at start"');
  });

  it('honours a rubric requiredCap', () => {
    const base = samplingRubric();
    const r = scoreAnswer({ ...base, options: { requiredCap: 0.25 } }, { answer: 'Tail sampling decides after the trace completes; it buffers spans and keeps errors.' });
    expect(r.fraction).toBe(0.25);
    expect(r.score).toBe(1.5);
  });

  it('rounds score and fraction to 4 decimals', () => {
    const r = scoreAnswer(rubric([concept('a', ['alpha'], { weight: 1 }), concept('b', ['beta'], { weight: 2 })]), { answer: 'alpha' });
    expect(r.fraction).toBe(0.3333);
    expect(r.score).toBe(1);
  });

  it('leaves band out when the rubric has none', () => {
    const r = scoreAnswer(rubric([concept('a', ['alpha'])]), { answer: 'alpha' });
    expect(r).not.toHaveProperty('band');
  });
});

describe('scoreAnswer: evidence', () => {
  it('gives UTF-16 offsets into the original answer, pointing at the matched words', () => {
    const answer = '🚀 Ünïcode first: TAIL  sampling 👍🏽 decides after the trace Completes.';
    const r = scoreAnswer(samplingRubric(), { answer });
    const tail = r.concepts[1];
    expect(tail.matched).toBe(true);
    for (const e of tail.evidence) expect(answer.slice(e.start, e.end)).toBe(e.text);
    expect(tail.evidence.map((e) => e.text)).toEqual(['TAIL', 'sampling', 'after', 'Completes']);
    expect(tail.matchedPattern).toBe('tail [decid*|sampl*] after [complet*|finish*|end*]');
  });
});

describe('scoreAnswer: anti-gaming', () => {
  const prompt = 'Why does tail sampling need to buffer spans in memory?';
  const tailRubric = rubric([
    concept('tail-buffers', ['tail [buffer*|memory] span*'], { weight: 2 }),
    concept('whole-trace', ['[wait*|until] [whole|complete*|entire] trace'], { weight: 2 }),
  ]);

  it('gives nothing for repeating the prompt verbatim', () => {
    const r = scoreAnswer(tailRubric, { prompt, answer: prompt });
    expect(r.score).toBe(0);
    expect(r.concepts.every((c) => !c.matched)).toBe(true);
    expect(r.flags.map((f) => f.code)).toContain('repeats_prompt');
  });

  it('credits a concept that adds a word of its own to prompt words', () => {
    const r = scoreAnswer(rubric([concept('tail-buffers', ['tail [buffer*|memory|stateful] [span*|collector]'])]), { prompt, answer: 'The tail sampler is stateful, it holds spans.' });
    expect(r.concepts[0].matched).toBe(true);
  });

  it('scores the same answer normally without a prompt', () => {
    expect(scoreAnswer(tailRubric, { answer: prompt }).concepts[0].matched).toBe(true);
  });

  it('can switch prompt demotion off', () => {
    const r = scoreAnswer({ ...tailRubric, options: { demotePromptWords: false } }, { prompt, answer: prompt });
    expect(r.concepts[0].matched).toBe(true);
  });

  it('flags and caps keyword stuffing', () => {
    const stuffed = 'head sampling, root, start, tail sampling, after, complete, buffer, memory, keep errors, slow';
    const r = scoreAnswer(samplingRubric(), { answer: stuffed });
    expect(r.flags.map((f) => f.code)).toContain('keyword_stuffing');
    expect(r.fraction).toBeLessThanOrEqual(0.4);
    const listed = scoreAnswer(samplingRubric(), { answer: 'head decides root start\ntail decides after completes\ntail buffer memory\nkeep errors slow' });
    expect(listed.flags.map((f) => f.code)).toContain('keyword_stuffing');
    expect(listed.fraction).toBeLessThanOrEqual(0.4);
  });

  it('does not flag real prose, even terse prose', () => {
    const r = scoreAnswer(samplingRubric(), { answer: STRONG });
    expect(r.flags).toEqual([]);
    const terse = scoreAnswer(samplingRubric(), { answer: 'Head sampling decides at the root. Tail decides after completion, buffering spans in memory to keep errors.' });
    expect(terse.flags.map((f) => f.code)).not.toContain('keyword_stuffing');
  });

  it('flags an answer that states a concept and a misconception contradicting it', () => {
    const answer = 'Tail sampling decides after the trace completes. Tail sampling decides before the trace starts.';
    const r = scoreAnswer(samplingRubric(), { answer });
    const flag = r.flags.find((f) => f.code === 'contradiction');
    expect(flag?.message).toBe('The answer states "tail decides after" and also the misconception "tail decides early": needs review.');
    expect(flag?.evidence?.map((e) => e.text)).toEqual(['Tail', 'sampling', 'after', 'completes', 'Tail', 'sampling', 'before']);
  });

  it('uses an explicit contradicts list instead of shared words', () => {
    const r = rubric([concept('a', ['alpha']), concept('b', ['beta'])], { misconceptions: [misconception('m', ['gamma'], { contradicts: ['b'] })] });
    expect(scoreAnswer(r, { answer: 'alpha and gamma' }).flags.map((f) => f.code)).not.toContain('contradiction');
    expect(scoreAnswer(r, { answer: 'beta and gamma' }).flags.map((f) => f.code)).toContain('contradiction');
  });

  it('flags empty, off-topic and truncated answers', () => {
    expect(scoreAnswer(samplingRubric(), { answer: '   \n ' }).flags.map((f) => f.code)).toEqual(['empty']);
    const off = scoreAnswer(samplingRubric(), { answer: 'My favourite recipe uses tomatoes, basil, garlic and plenty of olive oil.' });
    expect(off.flags.map((f) => f.code)).toContain('off_topic');
    const long = `${STRONG} ${'filler words here. '.repeat(3000)}`;
    const r = scoreAnswer(samplingRubric(), { answer: long });
    expect(r.flags.map((f) => f.code)).toContain('truncated');
    expect(r.fraction).toBe(1);
    expect(long.length).toBeGreaterThan(MAX_ANSWER_CHARS);
  });
});

describe('scoreAnswer: inputs', () => {
  it('accepts a compiled rubric and gives the same result as the plain one', () => {
    const plain = samplingRubric();
    expect(scoreAnswer(compileRubric(plain), { answer: STRONG })).toEqual(scoreAnswer(plain, { answer: STRONG }));
  });

  it('throws a clear error for a bad rubric or bad input', () => {
    expect(() => scoreAnswer(rubric([concept('a', ['[oops'])]), { answer: 'x' })).toThrow(RubricValidationError);
    expect(() => scoreAnswer(rubric([concept('a', ['[oops'])]), { answer: 'x' })).toThrow('concepts[0].patterns[0]: unbalanced [ in pattern at column 1');
    expect(() => scoreAnswer(samplingRubric(), { answer: 42 as unknown as string })).toThrow(new TypeError('answer must be a string'));
    expect(() => scoreAnswer(samplingRubric(), null as never)).toThrow(TypeError);
  });
});
