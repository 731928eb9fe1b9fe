/**
 * Properties every score must have, over generated rubrics and answers built
 * from a tracing vocabulary (so that matches actually happen).
 */
import fc from 'fast-check';
import { compileRubric } from './compile';
import { scoreAnswer } from './scorer';
import type { Concept, Misconception, PatternSpec, Rubric, ScoreResult } from './types';

const DOMAIN = ['trace', 'span', 'sampling', 'sampled', 'head', 'tail', 'parent', 'child', 'context', 'header', 'propagate', 'collector', 'buffer', 'decides', 'root', 'link', 'consumer', 'producer', 'error', 'latency', 'traceparent', 'baggage', 'exporter', 'memory'];
const FUNCTION = ['the', 'a', 'is', 'of', 'to', 'and', 'it', 'in', 'after', 'before', 'not', 'never', 'but', 'with'];
/** Shares no word, stem, near-miss or thesaurus group with DOMAIN/FUNCTION. */
const UNRELATED = ['banana', 'orchestra', 'violin', 'meadow', 'pancake', 'glacier', 'lantern', 'harbor', 'tulip', 'zebra', 'marmalade', 'cello', 'volcano', 'piano', 'walrus'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '; ', '\n\n'];

const word = fc.constantFrom(...DOMAIN);
const item: fc.Arbitrary<string> = fc.oneof(
  word,
  word.map((w) => `${w.slice(0, 4)}*`),
  word.map((w) => `=${w}`),
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
  fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `[${ws.join('|')}]`),
);
const pattern: fc.Arbitrary<PatternSpec> = fc.oneof(
  fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(' ')),
  fc.record({
    match: fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(' ')),
    within: fc.integer({ min: 1, max: 12 }),
    ordered: fc.boolean(),
    polarity: fc.constantFrom('affirmative' as const, 'negative' as const, 'any' as const),
  }),
);

function concepts(n: number): fc.Arbitrary<Concept[]> {
  return fc.array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), required: fc.boolean(), patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: n }).map((cs) =>
    cs.map((c, i) => ({ id: `c${i}`, label: `concept ${i}`, ...c })),
  );
}

const misconceptionArb: fc.Arbitrary<Omit<Misconception, 'id'>> = fc.record({ label: fc.constant('wrong'), penalty: fc.integer({ min: 1, max: 3 }), patterns: fc.array(pattern, { minLength: 1, maxLength: 2 }) });

const rubricArb: fc.Arbitrary<Rubric> = fc
  .tuple(concepts(5), fc.array(misconceptionArb, { maxLength: 2 }))
  .map(([cs, ms]) => ({ schemaVersion: 1, question: 'generated', concepts: cs, misconceptions: ms.map((m, i) => ({ id: `m${i}`, ...m })) }));

const answerArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(word, word, fc.constantFrom(...FUNCTION)), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((pairs) => pairs.map(([w, sep]) => w + sep).join('').trim());

const promptArb = fc.oneof(fc.constant(''), fc.array(word, { maxLength: 6 }).map((ws) => ws.join(' ')));

function matched(r: ScoreResult): string[] {
  return r.concepts.filter((c) => c.matched).map((c) => c.id);
}

function capitalizeWords(text: string): string {
  return text.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

describe('engine properties', () => {
  it('is deterministic: same rubric and answer, same result, whichever compile', () => {
    fc.assert(
      fc.property(rubricArb, answerArb, promptArb, (rubric, answer, prompt) => {
        const a = scoreAnswer(compileRubric(rubric), { prompt, answer });
        const b = scoreAnswer(compileRubric(JSON.parse(JSON.stringify(rubric)) as Rubric), { prompt, answer });
        expect(b).toEqual(a);
        expect(scoreAnswer(rubric, { prompt, answer })).toEqual(a);
      }),
    );
  });

  it('keeps 0 ≤ score ≤ maxScore and 0 ≤ fraction ≤ 1, with evidence slicing the answer', () => {
    fc.assert(
      fc.property(rubricArb, fc.oneof(answerArb, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), promptArb, (rubric, answer, prompt) => {
        const r = scoreAnswer(rubric, { prompt, answer });
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(r.maxScore);
        expect(r.fraction).toBeGreaterThanOrEqual(0);
        expect(r.fraction).toBeLessThanOrEqual(1);
        for (const c of r.concepts) for (const e of c.evidence) expect(answer.slice(e.start, e.end)).toBe(e.text);
      }),
    );
  });

  it('is invariant under case changes of whole words', () => {
    fc.assert(
      fc.property(rubricArb, answerArb, promptArb, fc.constantFrom('upper', 'lower', 'capitalize'), (rubric, answer, prompt, mode) => {
        const changed = mode === 'upper' ? answer.toUpperCase() : mode === 'lower' ? answer.toLowerCase() : capitalizeWords(answer);
        const a = scoreAnswer(rubric, { prompt, answer });
        const b = scoreAnswer(rubric, { prompt, answer: changed });
        expect(b.score).toBe(a.score);
        expect(matched(b)).toEqual(matched(a));
      }),
    );
  });

  it('is invariant under collapsing or expanding spaces', () => {
    fc.assert(
      fc.property(rubricArb, answerArb, promptArb, fc.constantFrom('  ', '\t', ' \t  '), (rubric, answer, prompt, spacing) => {
        const expanded = answer.replace(/ /g, spacing);
        const collapsed = expanded.replace(/[ \t]+/g, ' ');
        const a = scoreAnswer(rubric, { prompt, answer });
        for (const variant of [expanded, collapsed]) {
          const b = scoreAnswer(rubric, { prompt, answer: variant });
          expect(b.score).toBe(a.score);
          expect(matched(b)).toEqual(matched(a));
        }
      }),
    );
  });

  it('never raises a score when a misconception is added', () => {
    fc.assert(
      fc.property(rubricArb, misconceptionArb, answerArb, promptArb, (rubric, extra, answer, prompt) => {
        const more: Rubric = { ...rubric, misconceptions: [...(rubric.misconceptions ?? []), { id: 'extra', ...extra }] };
        expect(scoreAnswer(more, { prompt, answer }).score).toBeLessThanOrEqual(scoreAnswer(rubric, { prompt, answer }).score);
      }),
    );
  });

  it('never changes matched concepts when an unrelated sentence is appended', () => {
    fc.assert(
      fc.property(rubricArb, answerArb, promptArb, fc.array(fc.constantFrom(...UNRELATED), { minLength: 1, maxLength: 12 }), (rubric, answer, prompt, words) => {
        const appended = `${answer}. ${words.join(' ')}.`;
        expect(matched(scoreAnswer(rubric, { prompt, answer: appended }))).toEqual(matched(scoreAnswer(rubric, { prompt, answer })));
      }),
    );
  });
});
