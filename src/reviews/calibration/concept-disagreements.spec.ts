import { conceptDisagreements } from './concept-disagreements';
import type { JudgedConcept, OverridePair } from './override-pair';

const judged = (spec: Record<string, boolean>, label = (id: string) => `Concept ${id}`): JudgedConcept[] =>
  Object.entries(spec).map(([id, matched]) => ({ id, label: label(id), matched }));

const pair = (itemPoints: number, automaticPoints: number, reviewedPoints: number, concepts: JudgedConcept[]): OverridePair => ({
  itemPoints,
  automaticPoints,
  reviewedPoints,
  concepts,
});

describe('conceptDisagreements', () => {
  // Differences as fractions: +0.3, −0.2, +0.4, 0.
  const pairs = [
    pair(10, 4, 7, judged({ A: false, B: true })),
    pair(10, 8, 6, judged({ A: true, B: true })),
    pair(5, 1, 3, judged({ A: false, B: false })),
    pair(10, 5, 5, judged({ A: true, C: false })),
  ];

  it('splits each concept’s overrides by matched/missed and by direction, by hand', () => {
    const [a, b, c] = conceptDisagreements(pairs);
    expect(a).toEqual({
      conceptId: 'A',
      label: 'Concept A',
      overriddenItems: 4,
      missed: { count: 2, movedUp: { count: 2, meanDifference: expect.closeTo(0.35, 12) as number }, movedDown: { count: 0, meanDifference: null }, unchanged: 0 },
      matched: { count: 2, movedUp: { count: 0, meanDifference: null }, movedDown: { count: 1, meanDifference: expect.closeTo(-0.2, 12) as number }, unchanged: 1 },
      disagreements: 3,
    });
    expect(b).toEqual({
      conceptId: 'B',
      label: 'Concept B',
      overriddenItems: 3,
      matched: { count: 2, movedUp: { count: 1, meanDifference: expect.closeTo(0.3, 12) as number }, movedDown: { count: 1, meanDifference: expect.closeTo(-0.2, 12) as number }, unchanged: 0 },
      missed: { count: 1, movedUp: { count: 1, meanDifference: expect.closeTo(0.4, 12) as number }, movedDown: { count: 0, meanDifference: null }, unchanged: 0 },
      disagreements: 2,
    });
    expect(c).toMatchObject({ conceptId: 'C', overriddenItems: 1, missed: { count: 1, unchanged: 1 }, disagreements: 0 });
  });

  it('ranks by disagreements, then by overrides involved, then by id, and keeps the top ones', () => {
    expect(conceptDisagreements(pairs).map((c) => c.conceptId)).toEqual(['A', 'B', 'C']);
    expect(conceptDisagreements(pairs, 2).map((c) => c.conceptId)).toEqual(['A', 'B']);
    const tied = [pair(10, 2, 4, judged({ Z: false, Y: false, X: true }))];
    // Y and Z disagree once each (missed, points added); X matched and went up: no disagreement.
    expect(conceptDisagreements(tied).map((c) => [c.conceptId, c.disagreements])).toEqual([
      ['Y', 1],
      ['Z', 1],
      ['X', 0],
    ]);
  });

  it('keeps the newest label of a concept and ignores items worth no points', () => {
    const result = conceptDisagreements([
      pair(10, 2, 4, judged({ A: false }, () => 'old label')),
      pair(0, 0, 0, judged({ A: true, Q: true })),
      pair(10, 2, 4, judged({ A: false }, () => 'new label')),
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ conceptId: 'A', label: 'new label', overriddenItems: 2 });
  });

  it('returns nothing without overrides', () => {
    expect(conceptDisagreements([])).toEqual([]);
  });
});
