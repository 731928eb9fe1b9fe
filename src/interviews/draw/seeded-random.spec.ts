import { hashSeed, mulberry32, seededShuffle, seededStream } from './seeded-random';

describe('seeded randomness', () => {
  // Stored sessions are reproduced from their seeds: these values must never change.
  it('keeps hashSeed stable across releases', () => {
    expect([hashSeed(''), hashSeed('seed'), hashSeed('a1'), hashSeed('a2')]).toEqual([167010153, 131604589, 187387848, 2018952357]);
  });

  it('keeps mulberry32 stable across releases (the published reference values)', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('keeps a seeded shuffle stable across releases', () => {
    expect(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], seededStream('candidate-1', 'draw:0'))).toEqual([1, 9, 10, 3, 6, 8, 2, 7, 4, 5]);
  });

  it('hashes to unsigned 32-bit integers and separates near-identical seeds', () => {
    const hashes = new Set<number>();
    for (let i = 0; i < 10_000; i += 1) {
      const hash = hashSeed(`candidate-${i}`);
      expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
      hashes.add(hash);
    }
    expect(hashes.size).toBe(10_000);
  });

  it('draws floats in [0, 1), spread evenly over ten buckets', () => {
    const random = mulberry32(hashSeed('uniformity'));
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i += 1) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      buckets[Math.floor(value * 10)] += 1;
    }
    for (const count of buckets) expect(Math.abs(count - draws / 10)).toBeLessThan(draws / 100);
  });

  it('gives each purpose its own stream', () => {
    const a = seededStream('seed', 'draw:0');
    const b = seededStream('seed', 'draw:1');
    const again = seededStream('seed', 'draw:0');
    const first = [a(), a(), a()];
    expect([again(), again(), again()]).toEqual(first);
    expect([b(), b(), b()]).not.toEqual(first);
  });

  describe('seededShuffle', () => {
    it('returns a permutation and leaves the input alone', () => {
      const input = ['a', 'b', 'c', 'd', 'e'];
      const shuffled = seededShuffle(input, mulberry32(7));
      expect([...shuffled].sort()).toEqual(input);
      expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('handles empty and single-element lists', () => {
      expect(seededShuffle([], mulberry32(1))).toEqual([]);
      expect(seededShuffle(['only'], mulberry32(1))).toEqual(['only']);
    });

    it('reaches all six orders of three items about equally often', () => {
      const random = mulberry32(hashSeed('permutations'));
      const counts = new Map<string, number>();
      const rounds = 60_000;
      for (let i = 0; i < rounds; i += 1) {
        const key = seededShuffle([1, 2, 3], random).join('');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      expect([...counts.keys()].sort()).toEqual(['123', '132', '213', '231', '312', '321']);
      for (const count of counts.values()) expect(Math.abs(count - rounds / 6)).toBeLessThan(rounds / 60);
    });
  });
});
