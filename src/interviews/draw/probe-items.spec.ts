import { compileRubric, scoreAnswer, validateRubric } from '../../scoring/engine';
import { probeRubric, withProbes } from './probe-items';
import { poolQuestion } from './testing/pool-fixtures';

const CONTEXT_PROBE = {
  question: 'What if the downstream service drops the traceparent header?',
  answer: 'The trace breaks into two: the downstream spans start a new root because the context never arrived. Fix the propagator or the proxy that strips headers.',
};
const SHARD_PROBE = { question: 'What if the collector is overloaded?', answer: 'Scale collectors horizontally behind a load-balancing exporter keyed by trace id.' };
const EMPTY_PROBE = { question: 'What if nobody answers?', answer: '' };

describe('probe items', () => {
  it('splits the item’s points evenly: probes get points / (probes + 1), the question the rest', () => {
    const question = poolQuestion({ probes: [CONTEXT_PROBE, SHARD_PROBE] });
    const split = withProbes(question, 10);
    expect(split.probes.map((p) => p.points)).toEqual([3.3333, 3.3333]);
    expect(split.questionPoints).toBe(3.3334);
    expect(split.questionPoints + split.probes.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(10, 9);
    expect(split.probes.map((p) => [p.probeIndex, p.prompt])).toEqual([
      [0, CONTEXT_PROBE.question],
      [1, SHARD_PROBE.question],
    ]);
  });

  it('keeps all the points on the question when it has no probes', () => {
    expect(withProbes(poolQuestion({ probes: [] }), 7)).toEqual({ questionPoints: 7, probes: [] });
  });

  it('leaves out a probe whose answer has nothing to grade, without giving it a share', () => {
    const question = poolQuestion({ probes: [EMPTY_PROBE, SHARD_PROBE] });
    const split = withProbes(question, 8);
    expect(split.probes.map((p) => p.probeIndex)).toEqual([1]);
    expect(split.probes[0].points).toBe(4);
    expect(split.questionPoints).toBe(4);
    expect(probeRubric(question, 0)).toBeUndefined();
    expect(probeRubric(question, 5)).toBeUndefined();
  });

  it('suggests a valid rubric from the probe’s answer that grades the probe', () => {
    const question = poolQuestion({ slug: 'broken-traces', probes: [CONTEXT_PROBE] });
    const rubric = probeRubric(question, 0);
    expect(rubric).toBeDefined();
    expect(rubric?.question).toBe('broken-traces-probe-1');
    const validation = validateRubric(rubric);
    expect(validation.ok).toBe(true);
    if (!validation.ok) return;
    const compiled = compileRubric(validation.rubric);
    const good = scoreAnswer(compiled, {
      prompt: CONTEXT_PROBE.question,
      answer: 'The context never arrives, so downstream starts a new root and the trace breaks in two; fix whatever strips the header.',
    });
    const off = scoreAnswer(compiled, { prompt: CONTEXT_PROBE.question, answer: 'I would buy a bigger database server.' });
    expect(good.fraction).toBeGreaterThan(off.fraction);
  });

  it('is deterministic', () => {
    const question = poolQuestion({ probes: [CONTEXT_PROBE, SHARD_PROBE] });
    expect(withProbes(question, 10)).toEqual(withProbes(question, 10));
  });
});
