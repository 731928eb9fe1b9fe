import { levelRange } from './level-range';

describe('levelRange', () => {
  it.each([
    [[], []],
    [['senior'], ['senior']],
    [['middle', 'staff'], ['middle', 'senior', 'staff']],
    [['staff', 'junior'], ['junior', 'middle', 'senior', 'staff']],
    [['senior', 'middle', 'senior'], ['middle', 'senior']],
  ] as const)('%j spans %j', (given, expected) => {
    expect(levelRange([...given])).toEqual(expected);
  });
});
