import { rubric, concept, misconception } from './testing/rubric-fixtures';
import type { ValidationError } from './types';
import { validateRubric } from './validate-rubric';

function errors(input: unknown): ValidationError[] {
  const result = validateRubric(input);
  return result.ok ? [] : result.errors;
}

function valid(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(rubric([concept('a-concept', ['span'])], { bands: [{ label: 'ok', minFraction: 0 }] }))) as Record<string, unknown>;
}

describe('validateRubric', () => {
  it('accepts a valid rubric and returns a copy without $-comment keys', () => {
    const input = { ...valid(), $schema: 'x', $comment: 'why' };
    const result = validateRubric(input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.rubric).not.toBe(input);
      expect(Object.keys(result.rubric)).not.toContain('$schema');
      expect(result.rubric.concepts[0].id).toBe('a-concept');
    }
  });

  it('rejects non-objects', () => {
    expect(errors(null)).toEqual([{ path: '', message: 'a rubric must be a JSON object' }]);
    expect(errors([1])).toEqual([{ path: '', message: 'a rubric must be a JSON object' }]);
  });

  it('points at pattern syntax errors with a precise path', () => {
    const input = valid();
    input.concepts = [concept('a', ['span']), concept('b', ['x']), concept('c', ['span [a|b', { match: 'ok "unterminated' }])];
    expect(errors(input)).toEqual([
      { path: 'concepts[2].patterns[0]', message: 'unbalanced [ in pattern at column 6' },
      { path: 'concepts[2].patterns[1].match', message: 'unterminated quote in pattern at column 4' },
    ]);
  });

  it('rejects unsafe and invalid regexes', () => {
    const input = valid();
    input.concepts = [concept('a', ['/(a+)+b/', '/[z-a]/'])];
    const found = errors(input);
    expect(found[0]).toEqual({ path: 'concepts[0].patterns[0]', message: expect.stringMatching(/nested quantifiers/) });
    expect(found[1]).toEqual({ path: 'concepts[0].patterns[1]', message: expect.stringMatching(/^invalid regex/) });
  });

  it('reports duplicate ids across concepts and misconceptions', () => {
    const input = valid();
    input.concepts = [concept('same', ['a']), concept('same', ['b'])];
    input.misconceptions = [misconception('same', ['c'])];
    expect(errors(input)).toEqual([
      { path: 'concepts[1].id', message: 'duplicate id "same" (first used at concepts[0].id)' },
      { path: 'misconceptions[0].id', message: 'duplicate id "same" (first used at concepts[0].id)' },
    ]);
  });

  it('requires positive weights and penalties', () => {
    const input = valid();
    input.concepts = [concept('a', ['x'], { weight: 0 }), concept('b', ['x'], { weight: -1 })];
    input.misconceptions = [misconception('m', ['y'], { penalty: Number.NaN })];
    expect(errors(input)).toEqual([
      { path: 'concepts[0].weight', message: 'must be a number > 0' },
      { path: 'concepts[1].weight', message: 'must be a number > 0' },
      { path: 'misconceptions[0].penalty', message: 'must be a number > 0' },
    ]);
  });

  it('rejects unknown keys at every level', () => {
    const input = valid();
    input.extra = 1;
    input.concepts = [{ ...concept('a', [{ match: 'x', proximity: 3 } as never]), weigth: 2 }];
    input.options = { requiredCap: 0.5, speed: 'fast' };
    const paths = errors(input).map((e) => e.path);
    expect(paths).toEqual(['extra', 'options.speed', 'concepts[0].weigth', 'concepts[0].patterns[0].proximity']);
  });

  it('checks pattern object fields', () => {
    const input = valid();
    input.concepts = [concept('a', [{ match: 'x', within: 0, ordered: 'yes', polarity: 'maybe' } as never, { within: 3 } as never, 42 as never])];
    expect(errors(input)).toEqual([
      { path: 'concepts[0].patterns[0].within', message: 'must be an integer from 1 to 50' },
      { path: 'concepts[0].patterns[0].ordered', message: 'must be true or false' },
      { path: 'concepts[0].patterns[0].polarity', message: 'must be one of affirmative, negative, any' },
      { path: 'concepts[0].patterns[1].match', message: 'is required' },
      { path: 'concepts[0].patterns[2]', message: 'a pattern must be a string or an object with a "match" string' },
    ]);
  });

  it('checks ids, labels, schema version, question slug and required sections', () => {
    expect(errors({ schemaVersion: 2, question: 'Not A Slug', concepts: [] })).toEqual([
      { path: 'schemaVersion', message: 'must be 1' },
      { path: 'question', message: '"Not A Slug" must be kebab-case (a-z, 0-9 and single dashes)' },
      { path: 'concepts', message: 'needs at least one concept' },
    ]);
    const input = valid();
    input.concepts = [{ id: 'Bad Id', label: '', weight: 1, patterns: [] }];
    expect(errors(input)).toEqual([
      { path: 'concepts[0].id', message: '"Bad Id" must be kebab-case (a-z, 0-9 and single dashes)' },
      { path: 'concepts[0].label', message: 'must be a non-empty string' },
      { path: 'concepts[0].patterns', message: 'needs at least one pattern' },
    ]);
  });

  it('checks synonyms, bands and options', () => {
    const input = valid();
    input.synonyms = { operation: ['unit of work', ''], 'bad[': ['x'], empty: [] };
    input.bands = [{ label: 'ok', minFraction: 2 }, { label: 'ok', minFraction: 0 }];
    input.options = { requiredCap: -0.1, fuzzy: 'no', within: 100 };
    expect(errors(input)).toEqual([
      { path: 'synonyms.operation[1]', message: 'must be a plain word or phrase (no pattern syntax, at most 100 characters)' },
      { path: 'synonyms["bad["]', message: 'a synonym key must be a plain word or phrase' },
      { path: 'synonyms.empty', message: 'must be a non-empty array of strings' },
      { path: 'options.requiredCap', message: 'must be a number between 0 and 1' },
      { path: 'options.within', message: 'must be an integer from 1 to 50' },
      { path: 'options.fuzzy', message: 'must be true or false' },
      { path: 'bands[0].minFraction', message: 'must be a number between 0 and 1' },
      { path: 'bands[1].label', message: 'duplicate band label "ok"' },
    ]);
  });

  it('checks rubric tests against the rubric itself', () => {
    const input = valid();
    input.misconceptions = [misconception('m', ['x'], { contradicts: ['a-concept', 'ghost'] })];
    input.tests = [
      { name: 't', answer: 'x', expect: { band: 'great', concepts: ['nope'], misconceptions: ['m', 'zzz'], flags: ['contradiction', 'weird'], minFraction: 0.8, maxFraction: 0.2 } },
      { name: 't', answer: 3, expect: {} },
    ];
    expect(errors(input)).toEqual([
      { path: 'misconceptions[0].contradicts[1]', message: 'unknown concept id "ghost"' },
      { path: 'tests[0].expect.band', message: 'unknown band "great"' },
      { path: 'tests[0].expect.minFraction', message: 'must not exceed maxFraction' },
      { path: 'tests[0].expect.concepts[0]', message: 'unknown concept id "nope"' },
      { path: 'tests[0].expect.misconceptions[1]', message: 'unknown misconception id "zzz"' },
      { path: 'tests[0].expect.flags[1]', message: 'unknown flag id "weird"' },
      { path: 'tests[1].name', message: 'duplicate test name "t"' },
      { path: 'tests[1].answer', message: 'must be a string' },
    ]);
  });

  it('accepts every documented form from the README example', () => {
    const readme = {
      schemaVersion: 1,
      question: 'what-is-a-span-what-is-a-trace',
      synonyms: { operation: ['unit of work', 'task'] },
      concepts: [
        {
          id: 'span-timed-operation',
          label: 'A span is one timed operation',
          weight: 2,
          required: true,
          feedback: 'Say that a span is a single timed operation with a start and an end.',
          patterns: ['span [single|one] [operation|unit]', { match: 'start end [time*|timestamp*|duration]', within: 8 }],
        },
      ],
      misconceptions: [
        { id: 'tail-decides-early', label: 'Tail sampling decides at the start of the trace', penalty: 1, feedback: 'Tail sampling decides after the trace completes.', patterns: [{ match: 'tail [decid*|sampl*] [start|begin*|before]', ordered: true }] },
      ],
      bands: [
        { label: 'strong', minFraction: 0.75 },
        { label: 'partial', minFraction: 0.35 },
        { label: 'weak', minFraction: 0 },
      ],
      options: { requiredCap: 0.5 },
      tests: [
        { name: 'strong', answer: 'A span is one timed operation with a start and end timestamp.', expect: { band: 'strong' } },
        { name: 'partial', answer: '…', expect: { band: 'partial', concepts: ['span-timed-operation'] } },
        { name: 'misconception', answer: '…', expect: { band: 'weak', misconceptions: ['tail-decides-early'] } },
      ],
    };
    expect(errors(readme)).toEqual([]);
  });
});
