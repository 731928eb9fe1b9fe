/**
 * Seeded randomness for draw rules. A candidate's question set must be
 * reproducible from the session's seed forever, so these functions are part
 * of the stored data's meaning: changing them would silently change which
 * questions an old seed stands for. Tests pin their output.
 */

/** xmur3: a 32-bit string hash with good avalanche, so seeds "a1" and "a2" start far apart. */
export function hashSeed(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). Plenty for shuffling question pools. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per named purpose, so adding a draw rule never reshuffles the others. */
export function seededStream(seed: string, purpose: string): () => number {
  return mulberry32(hashSeed(`${seed}\u001f${purpose}`));
}

/** Fisher–Yates over a copy; the input is left untouched. */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
