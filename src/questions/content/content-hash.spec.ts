import { canonicalJson, contentHash } from './content-hash';
import type { QuestionContent } from './question-content';

const base: QuestionContent = {
  kind: 'question',
  section: 'Sampling',
  levels: ['middle', 'junior'],
  tags: ['sampling'],
  prompt: 'Why sample traces at all?',
  modelAnswer: 'Because tracing everything is unaffordable.\n\n```go\n  span.End()\n```',
  probes: [{ question: 'What if storage is cheap?', answer: 'Push back with numbers.' }],
  misconceptions: ['storage is cheap'],
  listeningFor: [],
  rubric: null,
  rubricSource: null,
};

describe('contentHash', () => {
  it('is a hex SHA-256', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable for equal content and insensitive to level order, repeats and outer whitespace', () => {
    const same: QuestionContent = { ...base, levels: ['junior', 'middle', 'junior'], prompt: '  Why sample traces at all?\n', section: 'Sampling ' };
    expect(contentHash(same)).toBe(contentHash(base));
  });

  it('keeps code indentation significant', () => {
    const dedented = { ...base, modelAnswer: base.modelAnswer.replace('  span.End()', 'span.End()') };
    expect(contentHash(dedented)).not.toBe(contentHash(base));
  });

  it.each<[string, Partial<QuestionContent>]>([
    ['kind', { kind: 'quiz' }],
    ['section', { section: 'Propagation' }],
    ['levels', { levels: ['senior'] }],
    ['tags', { tags: ['sampling', 'cost'] }],
    ['prompt', { prompt: 'Why sample?' }],
    ['model answer', { modelAnswer: 'Cost.' }],
    ['probe answer', { probes: [{ question: 'What if storage is cheap?', answer: 'It is not.' }] }],
    ['misconceptions', { misconceptions: [] }],
    ['listening for', { listeningFor: ['cost awareness'] }],
    ['rubric', { rubric: { schemaVersion: 1 }, rubricSource: 'curated' }],
  ])('changes when the %s changes', (_field, change) => {
    expect(contentHash({ ...base, ...change })).not.toBe(contentHash(base));
  });

  it('ignores the key order inside a rubric but not its values', () => {
    const a = contentHash({ ...base, rubric: { schemaVersion: 1, concepts: [{ id: 'x', weight: 2 }] }, rubricSource: 'curated' });
    const b = contentHash({ ...base, rubric: { concepts: [{ weight: 2, id: 'x' }], schemaVersion: 1 }, rubricSource: 'curated' });
    const c = contentHash({ ...base, rubric: { concepts: [{ weight: 3, id: 'x' }], schemaVersion: 1 }, rubricSource: 'curated' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});
