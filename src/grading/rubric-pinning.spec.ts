import { probeRubric } from '../interviews/draw/probe-items';
import type { PoolQuestion } from '../interviews/draw/types';
import { repinRubric } from './rubric-pinning';

const rubric = { schemaVersion: 1, question: 'q', concepts: [{ id: 'c', label: 'C', weight: 1, patterns: ['sampling'] }] };

const current = (overrides: Partial<PoolQuestion> = {}): PoolQuestion => ({
  questionId: 'question-1',
  familyId: 'question-1',
  versionId: 'version-2',
  slug: 'head-sampling',
  section: 'Sampling',
  levels: ['middle'],
  tags: [],
  prompt: 'What is head sampling?',
  probes: [{ question: 'What if the collector drops spans?', answer: 'The exporter retries with backoff and the queue absorbs bursts until it is full.' }],
  rubric,
  ...overrides,
});

describe('repinRubric', () => {
  it('keeps an item already pinned to the current version', () => {
    expect(repinRubric({ probeIndex: null, prompt: 'What is head sampling?', rubricVersionId: 'version-2' }, current())).toEqual({ kind: 'keep', reason: 'already-current' });
    expect(repinRubric({ probeIndex: 0, prompt: 'What if the collector drops spans?', rubricVersionId: 'version-2' }, current())).toEqual({ kind: 'keep', reason: 'already-current' });
  });

  it('re-pins a question to its current version’s rubric', () => {
    expect(repinRubric({ probeIndex: null, prompt: 'What is head sampling?', rubricVersionId: 'version-1' }, current())).toEqual({ kind: 'repin', rubric, rubricVersionId: 'version-2' });
  });

  it('keeps the pin when the current version has no rubric', () => {
    expect(repinRubric({ probeIndex: null, prompt: 'x', rubricVersionId: 'version-1' }, current({ rubric: null }))).toEqual({ kind: 'keep', reason: 'no-rubric' });
  });

  it('re-suggests a probe’s rubric from the current version, as publishing does', () => {
    const repin = repinRubric({ probeIndex: 0, prompt: '  What if the collector   drops spans? ', rubricVersionId: 'version-1' }, current());
    expect(repin).toEqual({ kind: 'repin', rubric: probeRubric(current(), 0), rubricVersionId: 'version-2' });
  });

  it('keeps a probe’s pin when the probe at its index now asks something else, or is gone', () => {
    const asked = { probeIndex: 0, prompt: 'What if the collector is down?', rubricVersionId: 'version-1' };
    expect(repinRubric(asked, current())).toEqual({ kind: 'keep', reason: 'probe-changed' });
    expect(repinRubric({ ...asked, probeIndex: 3 }, current())).toEqual({ kind: 'keep', reason: 'probe-changed' });
  });

  it('keeps a probe’s pin when its current answer gives nothing to grade against', () => {
    const ungradeable = current({ probes: [{ question: 'What if the collector drops spans?', answer: 'the' }] });
    expect(repinRubric({ probeIndex: 0, prompt: 'What if the collector drops spans?', rubricVersionId: 'version-1' }, ungradeable)).toEqual({ kind: 'keep', reason: 'probe-ungradeable' });
  });
});
