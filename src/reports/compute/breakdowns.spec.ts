import { byLevel, bySection } from './breakdowns';

const item = (section: string, levels: string[], maxPoints: number, automaticPoints: number | null, overridePoints: number | null = null) => ({
  section,
  levels,
  maxPoints,
  weight: 1,
  automaticPoints,
  overridePoints,
});

describe('bySection', () => {
  it('groups in order of first appearance with reviewed points and fractions', () => {
    const rows = bySection([item('Sampling', ['senior'], 10, 5), item('Basics', ['junior'], 10, 10), item('Sampling', ['middle'], 10, 2, 8)]);
    expect(rows).toEqual([
      { key: 'Sampling', itemCount: 2, automaticPoints: 7, points: 13, maxPoints: 20, fraction: 0.65 },
      { key: 'Basics', itemCount: 1, automaticPoints: 10, points: 10, maxPoints: 10, fraction: 1 },
    ]);
  });

  it('weights the group fraction by item weight', () => {
    const [row] = bySection([{ ...item('A', [], 10, 10), weight: 3 }, item('A', [], 10, 0)]);
    expect(row.points).toBe(10);
    expect(row.fraction).toBeCloseTo(30 / 40, 12);
  });

  it('is empty for no items', () => {
    expect(bySection([])).toEqual([]);
  });
});

describe('byLevel', () => {
  it('orders junior → staff, counts a multi-level item in each level, and puts level-less items last', () => {
    const rows = byLevel([item('A', ['staff'], 10, 1), item('A', [], 10, 3), item('A', ['middle', 'junior'], 10, 6), item('A', ['junior', 'junior'], 10, 4)]);
    expect(rows.map((r) => [r.key, r.itemCount, r.points, r.maxPoints])).toEqual([
      ['junior', 2, 10, 20],
      ['middle', 1, 6, 10],
      ['staff', 1, 1, 10],
      ['unleveled', 1, 3, 10],
    ]);
  });
});
