import { judgedConcepts } from './judged-concepts';

describe('judgedConcepts', () => {
  it('reads id, label and matched from each concept of a stored result', () => {
    const result = {
      score: 3,
      concepts: [
        { id: 'span-timed-operation', label: 'A span is one timed operation', matched: true, earned: 3, evidence: [] },
        { id: 'root-span', label: 'Root span', matched: false, earned: 0, evidence: [] },
      ],
    };
    expect(judgedConcepts(result)).toEqual([
      { id: 'span-timed-operation', label: 'A span is one timed operation', matched: true },
      { id: 'root-span', label: 'Root span', matched: false },
    ]);
  });

  it('falls back to the id for a missing label and skips malformed entries', () => {
    expect(judgedConcepts({ concepts: [{ id: 'a', matched: false }, { id: 3, matched: true }, { id: 'b' }, null, 'c', [1]] })).toEqual([
      { id: 'a', label: 'a', matched: false },
    ]);
  });

  it('finds no concepts in anything that is not a result', () => {
    for (const value of [null, undefined, 42, 'text', [], { concepts: 'no' }, {}]) expect(judgedConcepts(value)).toEqual([]);
  });
});
