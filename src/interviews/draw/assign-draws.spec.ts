import fc from 'fast-check';
import { assignDraws, type DrawRequest } from './assign-draws';

describe('assignDraws', () => {
  it('takes each rule’s most preferred free questions, in preference order', () => {
    const result = assignDraws([
      { count: 2, candidates: ['c', 'a', 'b'] },
      { count: 1, candidates: ['c', 'd'] },
    ]);
    expect(result).toEqual({ picks: [['c', 'a'], ['d']], unfilled: [0, 0] });
  });

  it('moves an earlier broad rule off the only question a later narrow rule accepts', () => {
    // Greedy would give "narrow-only" to the broad rule and leave the narrow rule empty.
    const result = assignDraws([
      { count: 1, candidates: ['narrow-only', 'x'] },
      { count: 1, candidates: ['narrow-only'] },
    ]);
    expect(result).toEqual({ picks: [['x'], ['narrow-only']], unfilled: [0, 0] });
  });

  it('follows augmenting paths through several rules', () => {
    const result = assignDraws([
      { count: 1, candidates: ['a', 'b'] },
      { count: 1, candidates: ['b', 'c'] },
      { count: 1, candidates: ['a'] },
    ]);
    expect(result.unfilled).toEqual([0, 0, 0]);
    expect(result.picks).toEqual([['b'], ['c'], ['a']]);
  });

  it('reports the slots it could not fill when no assignment exists', () => {
    const result = assignDraws([
      { count: 2, candidates: ['a', 'b'] },
      { count: 1, candidates: ['a', 'b'] },
      { count: 3, candidates: ['z'] },
    ]);
    expect(result.unfilled.reduce((a, b) => a + b, 0)).toBe(3);
    expect(result.unfilled[2]).toBe(2);
    expect(new Set(result.picks.flat()).size).toBe(result.picks.flat().length);
  });

  it('handles no rules and rules without candidates', () => {
    expect(assignDraws([])).toEqual({ picks: [], unfilled: [] });
    expect(assignDraws([{ count: 2, candidates: [] }])).toEqual({ picks: [[]], unfilled: [2] });
  });

  it('always fills as many slots as the best possible assignment, with distinct accepted questions', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const request = fc.record({ count: fc.integer({ min: 0, max: 3 }), candidates: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }) });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 5 }), (requests) => {
        const { picks, unfilled } = assignDraws(requests);
        const all = picks.flat();
        expect(new Set(all).size).toBe(all.length);
        picks.forEach((chosen, i) => {
          expect(chosen.every((key) => requests[i].candidates.includes(key))).toBe(true);
          expect(chosen.length + unfilled[i]).toBe(requests[i].count);
        });
        expect(all.length).toBe(bestFill(requests));
      }),
      { numRuns: 500 },
    );
  });
});

/** Brute force over every way to fill the slots: the size of a maximum assignment. */
function bestFill(requests: DrawRequest[]): number {
  const slots = requests.flatMap((request) => Array.from({ length: request.count }, () => request.candidates));
  const search = (slot: number, used: Set<string>): number => {
    if (slot === slots.length) return 0;
    let best = search(slot + 1, used);
    for (const key of slots[slot]) {
      if (used.has(key)) continue;
      used.add(key);
      best = Math.max(best, 1 + search(slot + 1, used));
      used.delete(key);
    }
    return best;
  };
  return search(0, new Set());
}
